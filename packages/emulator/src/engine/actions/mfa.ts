/**
 * MFA settings of a user: AssociateSoftwareToken and VerifySoftwareToken (with an AccessToken,
 * or with the Session of an MFA_SETUP sign-in challenge) and SetUserMFAPreference
 * (COGNITO-PROTOCOL §3).
 */
import { own } from '../records.js';
import type { ActionMap } from '../action.js';
import { findAuthSession, reissueAuthSession } from '../auth/sessions.js';
import type { EngineContext } from '../context.js';
import { invalidSession, serviceError } from '../errors.js';
import type { AuthSessionState, MfaChallengeName, UserState } from '../state.js';
import { authenticateAccessToken } from '../tokens.js';
import { generateTotpSecret, verifyTotp } from '../totp.js';
import { getUser } from '../users.js';
import { bool, readInput, rules, str, struct } from '../validate.js';

const tokenOrSession = {
  AccessToken: str(rules.token),
  Session: str(rules.session),
};

function missingCredential(): Error {
  return serviceError('InvalidParameterException', 'Missing required parameter Session');
}

/** The MFA_SETUP session named by `sessionId` (any other challenge is not a valid session here). */
function setupSession(ctx: EngineContext, sessionId: string): AuthSessionState {
  const session = findAuthSession(ctx, sessionId);
  if (session.challenge !== 'MFA_SETUP') throw invalidSession();
  return session;
}

function codeMismatch(): Error {
  return serviceError(
    'EnableSoftwareTokenMFAException',
    'Code mismatch and fail enable Software Token MFA',
  );
}

function notAssociated(): Error {
  return serviceError(
    'SoftwareTokenMFANotFoundException',
    'Software Token MFA has not been associated with the user.',
  );
}

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

/** Reader of one factor member (`{Enabled, PreferredMfa}`). */
export const factorSettings = struct({ Enabled: bool(), PreferredMfa: bool() });

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
  user.lastModifiedAt = ctx.clock.now();
  ctx.changed();
}

/** AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference. */
export const mfaActions: ActionMap = {
  async AssociateSoftwareToken(ctx, input) {
    const req = readInput(input, tokenOrSession);
    const secret = generateTotpSecret((n) => ctx.random(n));
    if (req.AccessToken !== undefined) {
      const { user } = await authenticateAccessToken(ctx, req.AccessToken);
      user.mfa.pendingTotpSecret = secret;
      ctx.changed();
      return { SecretCode: secret };
    }
    if (req.Session === undefined) throw missingCredential();
    const next = reissueAuthSession(ctx, setupSession(ctx, req.Session));
    next.setupTotpSecret = secret;
    next.setupTotpVerified = false;
    ctx.changed();
    return { SecretCode: secret, Session: next.id };
  },

  async VerifySoftwareToken(ctx, input) {
    const req = readInput(input, {
      ...tokenOrSession,
      UserCode: str({ required: true, ...rules.totpCode }),
      FriendlyDeviceName: str({ max: 131072 }),
    });
    const now = ctx.clock.now();
    if (req.AccessToken !== undefined) {
      const { user } = await authenticateAccessToken(ctx, req.AccessToken);
      const secret = user.mfa.pendingTotpSecret;
      if (secret === null) throw notAssociated();
      const result = verifyTotp({ secret, code: req.UserCode, nowMs: now });
      if (!result.ok) throw codeMismatch();
      // Registered and verified; turning it on is SetUserMFAPreference's job.
      user.mfa.totpSecret = secret;
      user.mfa.pendingTotpSecret = null;
      user.mfa.totpLastUsedStep = result.step;
      user.lastModifiedAt = now;
      ctx.changed();
      return { Status: 'SUCCESS' };
    }
    if (req.Session === undefined) throw missingCredential();
    const session = setupSession(ctx, req.Session);
    const secret = session.setupTotpSecret;
    if (secret === undefined) throw notAssociated();
    const result = verifyTotp({ secret, code: req.UserCode, nowMs: now });
    if (!result.ok) throw codeMismatch();
    const next = reissueAuthSession(ctx, session);
    next.setupTotpVerified = true;
    // Remember the step on the user so the setup code cannot be replayed at the next sign-in.
    const pool = own(ctx.state.pools, session.poolId);
    const user = pool ? getUser(pool, session.username) : undefined;
    if (user) user.mfa.totpLastUsedStep = result.step;
    ctx.changed();
    return { Status: 'SUCCESS', Session: next.id };
  },

  async SetUserMFAPreference(ctx, input) {
    const req = readInput(input, {
      SMSMfaSettings: factorSettings,
      SoftwareTokenMfaSettings: factorSettings,
      EmailMfaSettings: factorSettings,
      AccessToken: str({ required: true, ...rules.token }),
    });
    const { user } = await authenticateAccessToken(ctx, req.AccessToken);
    applyMfaPreference(ctx, user, req);
    return {};
  },
};
