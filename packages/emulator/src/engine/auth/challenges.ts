/**
 * RespondToAuthChallenge for everything after PASSWORD_VERIFIER: NEW_PASSWORD_REQUIRED, the MFA
 * challenges (SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA, SELECT_MFA_TYPE, MFA_SETUP), the device
 * challenges and the USER_AUTH steps (SELECT_CHALLENGE, PASSWORD, PASSWORD_SRP, SMS_OTP and
 * EMAIL_OTP codes, WEB_AUTHN; see `user-auth.ts`). Each answer is checked against its session, then the sign-in continues.
 */
import { checkCode } from '../model/codes.js';
import type { EngineContext } from '../context.js';
import { invalidSession, serviceError, wrongSignInCode } from '../protocol/errors.js';
import { assertPasswordConforms } from '../model/password-policy.js';
import { missingRequiredAttributes } from '../model/required-attributes.js';
import type { AuthSessionState, ClientState, MfaChallengeName, UserState } from '../model/state.js';
import { verifyTotp } from '../crypto/totp.js';
import { findUserByLogin } from '../model/users.js';
import {
  enableMfaFromSetup,
  preferMfaIfNone,
  recordTotpStep,
  setPassword,
  writeAttributes,
} from '../model/user-changes.js';
import { answerCustomChallenge } from './custom-auth.js';
import { answerDevicePasswordVerifier, answerDeviceSrpAuth } from './device-auth.js';
import {
  continueSignIn,
  flowOf,
  resolveFlow,
  startCodeChallenge,
  startMfaChallenge,
  type AuthStepOutput,
  type SessionChallengeAnswer,
  type SignInFlow,
} from './flow.js';
import { answerPasswordVerifier, missingParameter, requireParam } from './password.js';
import { assertNotLockedOut, attemptsExceeded, countFailedSignIn } from './lockout.js';
import { closeAuthSession, findAuthSession } from './sessions.js';
import { checkSecretHash } from './secret-hash.js';
import {
  answerPasswordChallenge,
  answerPasswordSrpChallenge,
  answerSelectChallenge,
} from './user-auth.js';
import { answerWebAuthn } from './webauthn-sign-in.js';
import { answerSimulated } from './user-auth-simulated.js';
import { own } from '../model/records.js';

/** A RespondToAuthChallenge request, already read and validated. */
export interface ChallengeAnswer {
  client: ClientState;
  challengeName: string;
  responses: Record<string, string>;
  session: string | undefined;
  origin: string;
}

/**
 * Counts a wrong MFA answer, so codes cannot be guessed without bound. For the user it is a
 * failed sign-in (Cognito's documented rule: five wrong MFA codes start the same lockout as
 * wrong passwords, after which answers hear `Password attempts exceeded`). For the session, the
 * answer that uses up `mfaAttemptsPerSession` ends it (the emulator's rule; any later answer
 * hears `Invalid session for the user.`). One place for SMS, e-mail and TOTP codes alike.
 */
function wrongMfaAnswer(ctx: EngineContext, session: AuthSessionState, user: UserState): Error {
  const lockedOut = countFailedSignIn(ctx, user);
  session.mfaFailures = (session.mfaFailures ?? 0) + 1;
  if (session.mfaFailures >= ctx.behaviour.mfaAttemptsPerSession) closeAuthSession(ctx, session);
  return lockedOut ? attemptsExceeded() : wrongSignInCode();
}

/**
 * Answers one challenge. PASSWORD_VERIFIER is found by its SECRET_BLOCK (no Session needed);
 * every other challenge needs the latest Session of the sign-in.
 *
 * @example
 * const out = await respondToChallenge(ctx, { client, challengeName: 'SMS_MFA',
 *   responses: { USERNAME: 'alice', SMS_MFA_CODE: '123456' }, session, origin: req.origin });
 */
export async function respondToChallenge(
  ctx: EngineContext,
  answer: ChallengeAnswer,
): Promise<AuthStepOutput> {
  const { client, responses } = answer;
  if (answer.challengeName === 'PASSWORD_VERIFIER') {
    return answerPasswordVerifier(ctx, client, responses, answer.origin);
  }
  if (answer.session === undefined) throw missingParameter('Session');
  const session = findAuthSession(ctx, answer.session, client.clientId);
  if (session.challenge !== answer.challengeName) throw invalidSession();
  if (session.simulatedLogin !== undefined) return answerSimulatedChallenge(ctx, session, answer);
  const { pool, user } = resolveFlow(ctx, session);
  const typed = requireParam(responses, 'USERNAME');
  if (typed !== user.username && findUserByLogin(pool, typed)?.username !== user.username) {
    throw invalidSession();
  }
  await checkSecretHash(client, responses['SECRET_HASH'], [user.username, typed]);
  // DEVICE_KEY in MFA answers is not judged here (an unknown device was already reported at
  // PASSWORD_VERIFIER, and failing a code answer for it would strand clients that only retry
  // the first step); it only decides which device the sign-in continues with (afterMfa).
  const mfaAnswer: MfaAnswerContext = { origin: answer.origin, deviceKey: responses['DEVICE_KEY'] };

  switch (session.challenge) {
    case 'NEW_PASSWORD_REQUIRED':
      return answerNewPassword(ctx, session, responses, answer.origin);
    case 'SMS_MFA':
      return answerCode(ctx, session, requireParam(responses, 'SMS_MFA_CODE'), mfaAnswer);
    case 'EMAIL_OTP':
      return answerCode(ctx, session, requireParam(responses, 'EMAIL_OTP_CODE'), mfaAnswer);
    case 'SOFTWARE_TOKEN_MFA':
      return answerTotp(
        ctx,
        session,
        requireParam(responses, 'SOFTWARE_TOKEN_MFA_CODE'),
        mfaAnswer,
      );
    case 'SELECT_MFA_TYPE':
      return answerSelectMfa(ctx, session, requireParam(responses, 'ANSWER'));
    case 'MFA_SETUP':
      return answerMfaSetup(ctx, session, responses, answer.origin);
    case 'DEVICE_SRP_AUTH':
      return answerDeviceSrpAuth(ctx, session, responses);
    case 'DEVICE_PASSWORD_VERIFIER':
      return answerDevicePasswordVerifier(ctx, session, responses, answer.origin);
    case 'CUSTOM_CHALLENGE':
      return answerCustomChallenge(ctx, session, responses, answer.origin);
    case 'SELECT_CHALLENGE':
      return answerSelectChallenge(ctx, session, responses, answer.origin);
    case 'PASSWORD':
      return answerPasswordChallenge(ctx, session, responses, answer.origin);
    case 'PASSWORD_SRP':
      return answerPasswordSrpChallenge(ctx, session, responses, answer.origin);
    case 'SMS_OTP':
      return answerCode(ctx, session, requireParam(responses, 'SMS_OTP_CODE'), mfaAnswer);
    case 'WEB_AUTHN':
      return answerWebAuthn(ctx, session, responses, answer.origin);
    case 'PASSWORD_VERIFIER':
    case 'SIGN_UP_CONFIRMED':
      throw invalidSession();
    default:
      return session.challenge satisfies never;
  }
}

/** A challenge of a USER_AUTH sign-in for a user that does not exist (`user-auth-simulated.ts`). */
async function answerSimulatedChallenge(
  ctx: EngineContext,
  session: AuthSessionState,
  answer: ChallengeAnswer,
): Promise<AuthStepOutput> {
  const pool = own(ctx.state.pools, session.poolId);
  if (!pool) throw invalidSession();
  await checkSecretHash(answer.client, answer.responses['SECRET_HASH'], [
    session.username,
    ...(session.simulatedLogin !== undefined ? [session.simulatedLogin] : []),
  ]);
  return answerSimulated(ctx, session, {
    pool,
    client: answer.client,
    authFlow: 'USER_AUTH',
    params: answer.responses,
    origin: answer.origin,
    ...(session.admin && { admin: true }),
  });
}

const answerNewPassword: SessionChallengeAnswer = async (ctx, session, responses, origin) => {
  const { pool, user } = resolveFlow(ctx, session);
  const password = requireParam(responses, 'NEW_PASSWORD');
  assertPasswordConforms(pool.passwordPolicy, password);
  // Everything is checked before anything changes, so a refused answer can be retried.
  const updates: Record<string, string> = {};
  for (const [key, value] of Object.entries(responses)) {
    if (!key.startsWith('userAttributes.')) continue;
    const name = key.slice('userAttributes.'.length);
    if (name === 'sub' || name.endsWith('_verified')) continue;
    if (name.startsWith('custom:')) {
      const def = pool.customAttributes.find((a) => `custom:${a.name}` === name);
      if (!def) {
        throw serviceError('InvalidParameterException', `Attribute does not exist in the schema.`);
      }
    }
    updates[name] = value;
  }
  const missing = missingRequiredAttributes(pool, { ...user.attributes, ...updates });
  if (missing.length > 0) {
    throw serviceError(
      'InvalidParameterException',
      `Invalid attributes given, ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`,
    );
  }
  const now = ctx.clock.now();
  writeAttributes(user, updates, now);
  setPassword(user, password, now, 'CONFIRMED');
  return continueSignIn(ctx, flowOf(session), origin, session);
};

/** What an MFA answer carries besides its code. */
interface MfaAnswerContext {
  origin: string;
  /** DEVICE_KEY of the answer, if any. */
  deviceKey: string | undefined;
}

/**
 * The flow after a right MFA answer. The device it continues with is the one the answer itself
 * names in DEVICE_KEY, not the one InitiateAuth named: Cognito asks a known but not remembered
 * device to prove itself (DEVICE_SRP_AUTH) only when the MFA answer carries its key, and
 * otherwise issues the tokens as for a new device (NewDeviceMetadata). Clients that left the key
 * out of MFA answers (Amplify JS before 6.15.9, Amplify Android before PR #3289) therefore got
 * a new device at every sign-in instead of a device challenge: amplify-js #14622 and PR #14626.
 */
function afterMfa(session: AuthSessionState, deviceKey: string | undefined): SignInFlow {
  const { deviceKey: _fromInitiateAuth, ...flow } = flowOf(session);
  return { ...flow, mfaDone: true, ...(deviceKey !== undefined && { deviceKey }) };
}

async function answerCode(
  ctx: EngineContext,
  session: AuthSessionState,
  code: string,
  answer: MfaAnswerContext,
): Promise<AuthStepOutput> {
  const { user } = resolveFlow(ctx, session);
  // Answers during a lockout are refused unjudged, like passwords.
  assertNotLockedOut(ctx, user);
  // The session and the user count the wrong answers (wrongMfaAnswer), not the code.
  const outcome = checkCode(session.mfaCode, code, ctx.clock.now(), Infinity);
  switch (outcome) {
    case 'ok':
      break;
    case 'mismatch':
      throw wrongMfaAnswer(ctx, session, user);
    case 'expired':
      throw serviceError('ExpiredCodeException', 'Invalid code or auth state for the user.');
    case 'missing':
    case 'limitExceeded':
      closeAuthSession(ctx, session);
      throw invalidSession();
    default:
      return outcome satisfies never;
  }
  if (session.setupEmail !== undefined) {
    // MFA_SETUP, e-mail variant: the code proved the address, so e-mail MFA is now on.
    const now = ctx.clock.now();
    writeAttributes(user, { email: session.setupEmail, email_verified: 'true' }, now);
    enableMfaFromSetup(user, { kind: 'EMAIL_OTP' }, now);
  }
  return continueSignIn(ctx, afterMfa(session, answer.deviceKey), answer.origin, session);
}

async function answerTotp(
  ctx: EngineContext,
  session: AuthSessionState,
  code: string,
  answer: MfaAnswerContext,
): Promise<AuthStepOutput> {
  const { user } = resolveFlow(ctx, session);
  const secret = user.mfa.totpSecret;
  assertNotLockedOut(ctx, user);
  if (!user.mfa.totpEnabled || secret === null) {
    throw serviceError(
      'SoftwareTokenMFANotFoundException',
      'Software Token MFA does not exist for the user.',
    );
  }
  const result = verifyTotp({
    secret,
    code,
    nowMs: ctx.clock.now(),
    lastUsedStep: user.mfa.totpLastUsedStep ?? undefined,
  });
  if (!result.ok) throw wrongMfaAnswer(ctx, session, user);
  recordTotpStep(user, result.step);
  return continueSignIn(ctx, afterMfa(session, answer.deviceKey), answer.origin, session);
}

function answerSelectMfa(
  ctx: EngineContext,
  session: AuthSessionState,
  choice: string,
): AuthStepOutput {
  const options = session.mfaOptions ?? [];
  const picked = options.find((o) => o === choice);
  if (picked === undefined) {
    throw serviceError(
      'InvalidParameterException',
      `Invalid ANSWER for SELECT_MFA_TYPE: ${choice}`,
    );
  }
  closeAuthSession(ctx, session);
  return startMfaChallenge(ctx, flowOf(session), picked);
}

const answerMfaSetup: SessionChallengeAnswer = async (ctx, session, responses, origin) => {
  const options: MfaChallengeName[] = session.mfaOptions ?? [];
  const email = responses['EMAIL'];
  if (email !== undefined && options.includes('EMAIL_OTP')) {
    closeAuthSession(ctx, session);
    return startCodeChallenge(ctx, { ...flowOf(session), setupEmail: email }, 'EMAIL_OTP', email);
  }
  const { user } = resolveFlow(ctx, session);
  if (session.setupTotpVerified && session.setupTotpSecret !== undefined && !user.mfa.totpEnabled) {
    const totpSecret = session.setupTotpSecret;
    enableMfaFromSetup(user, { kind: 'SOFTWARE_TOKEN_MFA', totpSecret }, ctx.clock.now());
  }
  if (!user.mfa.totpEnabled || !options.includes('SOFTWARE_TOKEN_MFA')) {
    throw serviceError(
      'SoftwareTokenMFANotFoundException',
      'Software Token MFA has not been verified for this session.',
    );
  }
  preferMfaIfNone(user, 'SOFTWARE_TOKEN_MFA');
  return continueSignIn(ctx, { ...flowOf(session), mfaDone: true }, origin, session);
};
