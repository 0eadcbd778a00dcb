import type { MfaMethod, MfaPreferenceInput, UserProfile } from '../account/index.js';
import type { UserMfaSettingName } from '../cognito/types.js';

/** An MFA factor by Cognito's name for it (`UserMFASettingList`). */
export type MfaFactor = UserMfaSettingName;

/** Every factor, in the order settings screens list them. */
export const MFA_FACTORS: readonly MfaFactor[] = ['SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP'];

const METHOD = {
  SMS_MFA: 'sms',
  SOFTWARE_TOKEN_MFA: 'totp',
  EMAIL_OTP: 'email',
} as const satisfies Record<MfaFactor, MfaMethod>;

const isFactor = (name: string): name is MfaFactor =>
  (MFA_FACTORS as readonly string[]).includes(name);

/** The user's MFA settings as a settings screen shows them (see {@link mfaSettingsOf}). */
export interface MfaSettings {
  /** Factors the user has turned on. */
  enabled: MfaFactor[];
  /** The preferred factor; null when MFA is off (or none is preferred). */
  preferred: MfaFactor | null;
  /**
   * Factors the user could choose as preferred: those enabled, plus the `offered` ones the user
   * qualifies for (SMS with a verified phone number, e-mail with a verified address). TOTP is
   * offered through setup (`auth.mfa.setupTotp`), not here.
   */
  available: MfaFactor[];
}

/**
 * Reads a GetUser profile as MFA settings. Cognito does not tell clients which factors the pool
 * offers, so `offered` (the app's knowledge of its pool) widens `available`.
 *
 * @example
 * const settings = mfaSettingsOf(await auth.user.getAttributes(), ['EMAIL_OTP']);
 */
export function mfaSettingsOf(
  profile: Pick<UserProfile, 'mfaEnabled' | 'preferredMfa' | 'attributes'> | undefined,
  offered: readonly MfaFactor[] = [],
): MfaSettings {
  const enabled = (profile?.mfaEnabled ?? []).filter(isFactor);
  const name = profile?.preferredMfa;
  const preferred = name !== undefined && isFactor(name) ? name : null;
  const attributes = profile?.attributes ?? {};
  const qualifies = (factor: MfaFactor) =>
    (factor === 'SMS_MFA' && attributes['phone_number_verified'] === 'true') ||
    (factor === 'EMAIL_OTP' && attributes['email_verified'] === 'true');
  const available = MFA_FACTORS.filter(
    (f) => enabled.includes(f) || (offered.includes(f) && qualifies(f)),
  );
  return { enabled, preferred, available };
}

/**
 * The SetUserMFAPreference input that makes `factor` the preferred one (turning it on), or, for
 * `null`, turns off every factor in `enabled` (only those: the user may not have set up the
 * others). Null when there is nothing to send.
 */
export function mfaPreferenceFor(
  factor: MfaFactor | null,
  enabled: readonly MfaFactor[],
): MfaPreferenceInput | null {
  if (factor !== null) return { preferred: METHOD[factor] };
  if (enabled.length === 0) return null;
  return Object.fromEntries(enabled.map((f) => [METHOD[f], false])) as MfaPreferenceInput;
}

/** The input that turns one factor on or off. */
export function mfaEnabledFor(factor: MfaFactor, on: boolean): MfaPreferenceInput {
  return { [METHOD[factor]]: on };
}
