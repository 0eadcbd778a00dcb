/**
 * The MFA-preference rule of (Admin)SetUserMFAPreference: which factors a user may turn on, that
 * at most one is preferred, and how preferring or turning off a factor changes the others. One
 * place for it, so both actions (user and admin) change a user's MFA settings the same way.
 */
import { serviceError } from '../protocol/errors.js';
import type { EngineContext } from '../context.js';
import { own } from './records.js';
import type { MfaChallengeName, UserState } from './state.js';
import { touchUser } from './user-changes.js';

/** One factor of SetUserMFAPreference: its settings member and what it needs from the user. */
interface FactorRule {
  member: 'SMSMfaSettings' | 'SoftwareTokenMfaSettings' | 'EmailMfaSettings';
  challenge: MfaChallengeName;
  key: 'smsEnabled' | 'totpEnabled' | 'emailEnabled';
  hasDeliveryConfig: (user: UserState) => boolean;
}

const FACTORS: readonly FactorRule[] = [
  {
    member: 'SMSMfaSettings',
    challenge: 'SMS_MFA',
    key: 'smsEnabled',
    hasDeliveryConfig: (u) => Boolean(own(u.attributes, 'phone_number')),
  },
  {
    member: 'SoftwareTokenMfaSettings',
    challenge: 'SOFTWARE_TOKEN_MFA',
    key: 'totpEnabled',
    hasDeliveryConfig: (u) => u.mfa.totpSecret !== null,
  },
  {
    member: 'EmailMfaSettings',
    challenge: 'EMAIL_OTP',
    key: 'emailEnabled',
    hasDeliveryConfig: (u) => Boolean(own(u.attributes, 'email')),
  },
];

/** The three factor members of (Admin)SetUserMFAPreference, as read. */
export type MfaPreferenceInput = Partial<
  Record<FactorRule['member'], { Enabled?: boolean; PreferredMfa?: boolean } | undefined>
>;

/**
 * Applies SetUserMFAPreference / AdminSetUserMFAPreference to `user`: checks everything first
 * (one preferred factor, delivery configured for factors turned on), then changes the settings.
 *
 * @example
 * applyMfaPreference(ctx, user, { SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
 */
export function applyMfaPreference(
  ctx: EngineContext,
  user: UserState,
  req: MfaPreferenceInput,
): void {
  const preferred = FACTORS.filter((f) => req[f.member]?.PreferredMfa === true);
  if (preferred.length > 1) {
    throw serviceError('InvalidParameterException', 'Only one MFA method can be preferred.');
  }
  // Check everything before changing anything, so a refused call changes nothing.
  for (const factor of FACTORS) {
    const settings = req[factor.member];
    const turnsOn = settings?.Enabled === true || settings?.PreferredMfa === true;
    if (turnsOn && !factor.hasDeliveryConfig(user)) {
      throw serviceError(
        'InvalidParameterException',
        `User does not have delivery config set to turn on ${factor.challenge}`,
      );
    }
  }
  for (const factor of FACTORS) {
    const settings = req[factor.member];
    if (!settings) continue;
    if (settings.Enabled !== undefined) user.mfa[factor.key] = settings.Enabled;
    // Preferring a factor implies using it.
    if (settings.PreferredMfa === true) {
      user.mfa[factor.key] = true;
      user.mfa.preferred = factor.challenge;
    } else if (
      user.mfa.preferred === factor.challenge &&
      (settings.PreferredMfa === false || settings.Enabled === false)
    ) {
      user.mfa.preferred = null;
    }
  }
  touchUser(user, ctx.clock.now());
}
