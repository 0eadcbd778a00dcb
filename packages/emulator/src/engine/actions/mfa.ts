/**
 * MFA settings of a user: AssociateSoftwareToken and VerifySoftwareToken (with an AccessToken,
 * or with the Session of an MFA_SETUP sign-in challenge) and SetUserMFAPreference
 * (COGNITO-PROTOCOL §3).
 */
import { own } from '../model/records.js';
import type { ActionMap } from '../protocol/action.js';
import { findAuthSession, reissueAuthSession } from '../auth/sessions.js';
import type { EngineContext } from '../context.js';
import { invalidSession, serviceError } from '../protocol/errors.js';
import type { AuthSessionState } from '../model/state.js';
import { authenticateAccessToken } from '../model/tokens.js';
import { generateTotpSecret, verifyTotp } from '../crypto/totp.js';
import { applyMfaPreference } from '../model/mfa-preference.js';
import { getUser } from '../model/users.js';
import { recordTotpStep, registerTotpSecret, setPendingTotpSecret } from '../model/user-changes.js';
import { bool, readInput, rules, str, struct } from '../protocol/validate.js';

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

/** Reader of one factor member (`{Enabled, PreferredMfa}`). */
export const factorSettings = struct({ Enabled: bool(), PreferredMfa: bool() });

/** AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference. */
export const mfaActions: ActionMap = {
  async AssociateSoftwareToken(ctx, input) {
    const req = readInput(input, tokenOrSession);
    const secret = generateTotpSecret((n) => ctx.random(n));
    if (req.AccessToken !== undefined) {
      const { user } = await authenticateAccessToken(ctx, req.AccessToken);
      setPendingTotpSecret(user, secret);
      return { SecretCode: secret };
    }
    if (req.Session === undefined) throw missingCredential();
    const next = reissueAuthSession(ctx, setupSession(ctx, req.Session));
    next.setupTotpSecret = secret;
    next.setupTotpVerified = false;
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
      registerTotpSecret(user, secret, result.step, now);
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
    if (user) recordTotpStep(user, result.step);
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
