'use client';
import type { MfaMethod, UserMfaSettingName } from '@cognito-kit/core';
import { useCognitoContext } from '../provider/context.js';
import { useProfileQuery } from './profile-query.js';
import { useSignedInUser } from './signed-in.js';

/** An MFA factor by Cognito's name for it. */
export type MfaFactor = UserMfaSettingName;

const FACTORS: readonly MfaFactor[] = ['SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP'];
const METHOD = {
  SMS_MFA: 'sms',
  SOFTWARE_TOKEN_MFA: 'totp',
  EMAIL_OTP: 'email',
} as const satisfies Record<MfaFactor, MfaMethod>;
const isFactor = (name: string): name is MfaFactor => (FACTORS as readonly string[]).includes(name);

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

  const enabled = (profile.data?.mfaEnabled ?? []).filter(isFactor);
  const preferredName = profile.data?.preferredMfa;
  const preferred = preferredName !== undefined && isFactor(preferredName) ? preferredName : null;
  const attributes = profile.data?.attributes ?? {};
  const qualifies = (factor: MfaFactor) =>
    (factor === 'SMS_MFA' && attributes['phone_number_verified'] === 'true') ||
    (factor === 'EMAIL_OTP' && attributes['email_verified'] === 'true');
  const offered = options.factors ?? [];
  const available = FACTORS.filter(
    (f) => enabled.includes(f) || (offered.includes(f) && qualifies(f)),
  );

  return {
    isLoading: user !== null && profile.isPending,
    error: profile.error,
    enabled,
    preferred,
    available,
    async setPreferred(factor) {
      if (factor) await auth.account.setMfaPreference({ preferred: METHOD[factor] });
      else if (enabled.length > 0) {
        await auth.account.setMfaPreference(
          Object.fromEntries(enabled.map((f) => [METHOD[f], false])),
        );
      }
      await refetch();
    },
    async setEnabled(factor, on) {
      await auth.account.setMfaPreference({ [METHOD[factor]]: on });
      await refetch();
    },
    async setupTotp() {
      const setup = await auth.account.associateTotp();
      const claims = user?.claims ?? {};
      const email = typeof claims['email'] === 'string' ? claims['email'] : undefined;
      const accountName = email ?? user?.username ?? 'user';
      return { secretCode: setup.secretCode, uri: setup.uri({ issuer: totpIssuer, accountName }) };
    },
    async verifyTotp(code, verifyOptions = {}) {
      await auth.account.verifyTotp({ code, ...verifyOptions });
      await auth.account.setMfaPreference({ totp: true, preferred: 'totp' });
      await refetch();
    },
  };
}
