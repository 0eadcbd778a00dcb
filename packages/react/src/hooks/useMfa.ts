'use client';
import { mfaEnabledFor, mfaPreferenceFor, mfaSettingsOf, type MfaFactor } from '@cognito-kit/core';
import { useCognitoContext } from '../provider/context.js';
import { useProfileQuery } from './profile-query.js';
import { useSignedInUser } from './signed-in.js';

export type { MfaFactor } from '@cognito-kit/core';

/** Options of {@link useMfa}. */
export interface UseMfaOptions {
  /**
   * Factors the pool offers. Cognito does not tell clients, so without this `available` lists
   * only what the user has enabled; with it, SMS and e-mail are offered once the phone number or
   * e-mail address is verified.
   */
  factors?: readonly MfaFactor[];
}

/** What {@link useMfa} returns. */
export interface UseMfaResult {
  isLoading: boolean;
  error: Error | null;
  /** Factors the user has turned on. */
  enabled: MfaFactor[];
  /** The preferred factor; null when MFA is off (or none is preferred). */
  preferred: MfaFactor | null;
  /** Factors the user could choose as preferred (see {@link UseMfaOptions.factors}). */
  available: MfaFactor[];
  /** Makes `factor` the preferred one (turning it on); `null` turns every factor off. */
  setPreferred(factor: MfaFactor | null): Promise<void>;
  /** Turns one factor on or off (SMS and e-mail; TOTP is turned on by `verifyTotp`). */
  setEnabled(factor: MfaFactor, enabled: boolean): Promise<void>;
  /** Starts authenticator setup: the secret and its `otpauth://` URI (issuer and account label). */
  setupTotp(): Promise<{ secretCode: string; uri: string }>;
  /** Checks the first code, then turns TOTP on as the preferred factor. */
  verifyTotp(code: string, options?: { friendlyDeviceName?: string }): Promise<void>;
}

/**
 * The signed-in user's MFA settings (from GetUser, cached with React Query and shared with
 * `useUser`) and TOTP setup. Actions reject with a `CognitoError`.
 *
 * @example
 * const mfa = useMfa({ factors: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] });
 * const { uri } = await mfa.setupTotp(); // show as a QR code
 * await mfa.verifyTotp(code);
 */
export function useMfa(options: UseMfaOptions = {}): UseMfaResult {
  const { auth, totpIssuer } = useCognitoContext('useMfa');
  const user = useSignedInUser();
  const { profile, refetch } = useProfileQuery(auth, user);

  const { enabled, preferred, available } = mfaSettingsOf(profile.data, options.factors);

  return {
    isLoading: user !== null && profile.isPending,
    error: profile.error,
    enabled,
    preferred,
    available,
    async setPreferred(factor) {
      const input = mfaPreferenceFor(factor, enabled);
      if (input !== null) await auth.mfa.setPreference(input);
      await refetch();
    },
    async setEnabled(factor, on) {
      await auth.mfa.setPreference(mfaEnabledFor(factor, on));
      await refetch();
    },
    setupTotp: () => auth.mfa.setupTotp({ issuer: totpIssuer }),
    async verifyTotp(code, verifyOptions = {}) {
      await auth.mfa.enableTotp(code, verifyOptions);
      await refetch();
    },
  };
}
