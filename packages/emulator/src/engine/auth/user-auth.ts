/**
 * Choice-based sign-in (AuthFlow `USER_AUTH`, COGNITO-PASSWORDLESS-OAUTH §2–§5): which first
 * factors a user may choose (`AvailableChallenges`), SELECT_CHALLENGE, starting each factor —
 * PASSWORD, PASSWORD_SRP, EMAIL_OTP, SMS_OTP, WEB_AUTHN — and the sign-in straight after
 * ConfirmSignUp with its `Session`. Once a factor is proven the sign-in continues through
 * `continueSignIn` like every other flow (MFA after a password, devices, tokens).
 */
import type { EngineContext } from '../context.js';
import { invalidSession, serviceError, userNotFound } from '../protocol/errors.js';
import { own } from '../model/records.js';
import type {
  AuthSessionState,
  FirstFactorChallenge,
  PoolState,
  UserState,
} from '../model/state.js';
import { allowedFirstAuthFactors, FIRST_FACTOR_CHALLENGES } from '../model/sign-in-policy.js';
import { findUserByLogin } from '../model/users.js';
import {
  availableMfa,
  challengeOutput,
  continueSignIn,
  flowOf,
  resolveFlow,
  startCodeChallenge,
  type AuthStepOutput,
  type SessionChallengeAnswer,
  type SignInFlow,
} from './flow.js';
import {
  assertMaySignIn,
  provePassword,
  requireParam,
  startSrpAuth,
  type FirstFactorInput,
} from './password.js';
import { closeAuthSession, findAuthSession, openAuthSession } from './sessions.js';
import { checkSecretHash } from './secret-hash.js';
import { startWebAuthnChallenge } from './webauthn-sign-in.js';
import { startSimulatedUserAuth } from './user-auth-simulated.js';

function verified(user: UserState, attribute: 'email' | 'phone_number'): boolean {
  return (
    own(user.attributes, attribute) !== undefined &&
    own(user.attributes, `${attribute}_verified`) === 'true'
  );
}

/** The user's passkeys bound to the pool's relying party. */
export function usablePasskeys(pool: PoolState, user: UserState) {
  const rpId = pool.webAuthn?.relyingPartyId;
  return Object.values(user.webAuthnCredentials ?? {}).filter((c) => c.relyingPartyId === rpId);
}

/**
 * What USER_AUTH offers this user: the pool's allowed first factors that the user can use — a
 * password (both forms) when one is set, a code to a *verified* e-mail address or phone number,
 * a passkey when one is registered for the pool's relying party. Passwordless factors are left
 * out when MFA applies to the user (pool MFA `ON`, or `OPTIONAL` with a factor enabled): Cognito
 * does not combine passwordless sign-in with MFA (§4). Pure; the order is the emulator's.
 *
 * @example
 * availableFirstFactors(pool, user); // ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP']
 */
export function availableFirstFactors(pool: PoolState, user: UserState): FirstFactorChallenge[] {
  const allowed = allowedFirstAuthFactors(pool);
  const mfaApplies = pool.mfaConfiguration === 'ON' || availableMfa(pool, user).length > 0;
  const usable: Record<FirstFactorChallenge, boolean> = {
    PASSWORD: allowed.includes('PASSWORD') && user.password !== null,
    PASSWORD_SRP: allowed.includes('PASSWORD') && user.password !== null,
    EMAIL_OTP: !mfaApplies && allowed.includes('EMAIL_OTP') && verified(user, 'email'),
    SMS_OTP: !mfaApplies && allowed.includes('SMS_OTP') && verified(user, 'phone_number'),
    WEB_AUTHN:
      !mfaApplies && allowed.includes('WEB_AUTHN') && usablePasskeys(pool, user).length > 0,
  };
  return FIRST_FACTOR_CHALLENGES.filter((factor) => usable[factor]);
}

function isFirstFactor(value: string): value is FirstFactorChallenge {
  return (FIRST_FACTOR_CHALLENGES as readonly string[]).includes(value);
}

/** Input of {@link startFirstFactor}. */
interface FactorStart {
  input: FirstFactorInput;
  flow: SignInFlow;
  factor: FirstFactorChallenge;
  /** AuthParameters (preferred challenge) or ChallengeResponses (SELECT_CHALLENGE answer). */
  params: Record<string, string>;
}

/**
 * Starts one first factor. A password or SRP_A that came along is used at once (Amplify sends
 * them with PREFERRED_CHALLENGE or ANSWER); without it the factor becomes its own challenge
 * (PASSWORD / PASSWORD_SRP, answered with PASSWORD / SRP_A).
 */
async function startFirstFactor(ctx: EngineContext, start: FactorStart): Promise<AuthStepOutput> {
  const { input, flow, params } = start;
  const { pool, client, user } = resolveFlow(ctx, flow);
  switch (start.factor) {
    case 'PASSWORD': {
      const password = params['PASSWORD'];
      if (password === undefined || password === '') {
        return challengeOutput(openAuthSession(ctx, client, 'PASSWORD', flow), {});
      }
      provePassword(ctx, pool, user, password);
      return continueSignIn(ctx, flow, input.origin);
    }
    case 'PASSWORD_SRP': {
      if (params['SRP_A'] === undefined || params['SRP_A'] === '') {
        return challengeOutput(openAuthSession(ctx, client, 'PASSWORD_SRP', flow), {});
      }
      const deviceKey = params['DEVICE_KEY'] ?? flow.deviceKey;
      return startSrpAuth(ctx, {
        ...input,
        authFlow: 'USER_AUTH',
        params: {
          ...params,
          USERNAME: requireParam(params, 'USERNAME'),
          ...(deviceKey !== undefined && { DEVICE_KEY: deviceKey }),
        },
      });
    }
    case 'EMAIL_OTP':
    case 'SMS_OTP':
      return startCodeChallenge(ctx, flow, start.factor);
    case 'WEB_AUTHN':
      return startWebAuthnChallenge(ctx, flow);
    default:
      return start.factor satisfies never;
  }
}

/**
 * InitiateAuth (or AdminInitiateAuth) with `USER_AUTH`: the preferred challenge when the user
 * can use it, otherwise SELECT_CHALLENGE listing `AvailableChallenges`. With `session` (from
 * ConfirmSignUp) the user is signed in at once.
 *
 * @example
 * await startUserAuth(ctx, { pool, client, authFlow: 'USER_AUTH', origin,
 *   params: { USERNAME: 'alice', PREFERRED_CHALLENGE: 'EMAIL_OTP' } });
 */
export async function startUserAuth(
  ctx: EngineContext,
  input: FirstFactorInput,
  session: string | undefined,
): Promise<AuthStepOutput> {
  const { pool, client, params } = input;
  const login = requireParam(params, 'USERNAME');
  if (session !== undefined) return signInAfterSignUp(ctx, input, login, session);
  const preferred = params['PREFERRED_CHALLENGE'];
  if (preferred !== undefined && !isFirstFactor(preferred)) {
    throw serviceError(
      'InvalidParameterException',
      `Invalid PREFERRED_CHALLENGE ${preferred}: expected one of ${FIRST_FACTOR_CHALLENGES.join(', ')}.`,
    );
  }
  await checkSecretHash(client, params['SECRET_HASH'], [login]);
  const user = findUserByLogin(pool, login);
  if (!user) {
    if (client.preventUserExistenceErrors !== 'ENABLED') throw userNotFound();
    return startSimulatedUserAuth(ctx, input, login, preferred);
  }
  assertMaySignIn(client, user);
  if (user.status === 'UNCONFIRMED') {
    throw serviceError('UserNotConfirmedException', 'User is not confirmed.');
  }
  // A DEVICE_KEY the user does not have is dropped here, as in USER_SRP_AUTH.
  const presented = input.admin ? undefined : params['DEVICE_KEY'];
  const deviceKey = presented !== undefined && own(user.devices, presented) ? presented : undefined;
  const flow: SignInFlow = {
    poolId: pool.id,
    clientId: client.clientId,
    username: user.username,
    authFlow: 'USER_AUTH',
    ...(deviceKey !== undefined && { deviceKey }),
    ...(input.admin && { admin: true }),
  };
  const available = availableFirstFactors(pool, user);
  if (available.length === 0) {
    throw serviceError('NotAuthorizedException', 'No sign-in method is available for the user.');
  }
  if (preferred !== undefined && available.includes(preferred)) {
    return startFirstFactor(ctx, { input, flow, factor: preferred, params });
  }
  const opened = openAuthSession(ctx, client, 'SELECT_CHALLENGE', {
    ...flow,
    availableChallenges: available,
  });
  return { ...challengeOutput(opened, {}), AvailableChallenges: available };
}

/** The first-factor input of a challenge answer that starts (or restarts) a factor. */
function followUpInput(
  ctx: EngineContext,
  session: AuthSessionState,
  responses: Record<string, string>,
  origin: string,
): FirstFactorInput {
  const { pool, client } = resolveFlow(ctx, session);
  return {
    pool,
    client,
    authFlow: 'USER_AUTH',
    params: responses,
    origin,
    ...(session.admin && { admin: true }),
  };
}

/**
 * RespondToAuthChallenge `SELECT_CHALLENGE`: `ANSWER` must be one of the offered challenges;
 * the chosen factor starts (with PASSWORD / SRP_A when sent along).
 */
export const answerSelectChallenge: SessionChallengeAnswer = async (
  ctx,
  session,
  responses,
  origin,
) => {
  const answer = requireParam(responses, 'ANSWER');
  const offered = session.availableChallenges ?? [];
  const factor = offered.find((c) => c === answer);
  if (factor === undefined) {
    throw serviceError(
      'InvalidParameterException',
      `Invalid ANSWER for SELECT_CHALLENGE: ${answer}. Available: ${offered.join(', ')}.`,
    );
  }
  closeAuthSession(ctx, session);
  const input = followUpInput(ctx, session, responses, origin);
  return startFirstFactor(ctx, { input, flow: flowOf(session), factor, params: responses });
};

/** RespondToAuthChallenge `PASSWORD` (the password was not sent with the choice). */
export const answerPasswordChallenge: SessionChallengeAnswer = async (
  ctx,
  session,
  responses,
  origin,
) => {
  const { pool, user } = resolveFlow(ctx, session);
  provePassword(ctx, pool, user, requireParam(responses, 'PASSWORD'));
  return continueSignIn(ctx, flowOf(session), origin, session);
};

/** RespondToAuthChallenge `PASSWORD_SRP`: SRP_A starts the usual PASSWORD_VERIFIER exchange. */
export const answerPasswordSrpChallenge: SessionChallengeAnswer = async (
  ctx,
  session,
  responses,
  origin,
) => {
  requireParam(responses, 'SRP_A');
  closeAuthSession(ctx, session);
  const input = followUpInput(ctx, session, responses, origin);
  return startFirstFactor(ctx, {
    input,
    flow: flowOf(session),
    factor: 'PASSWORD_SRP',
    params: responses,
  });
};

/**
 * Opens the `Session` ConfirmSignUp returns: one InitiateAuth USER_AUTH within the client's
 * AuthSessionValidity may exchange it for tokens (service model, `InitiateAuthRequest.Session`).
 */
export function openSignUpSession(
  ctx: EngineContext,
  pool: PoolState,
  clientId: string,
  user: UserState,
): string | undefined {
  const client = own(pool.clients, clientId);
  if (!client?.explicitAuthFlows.includes('ALLOW_USER_AUTH')) return undefined;
  const session = openAuthSession(ctx, client, 'SIGN_UP_CONFIRMED', {
    poolId: pool.id,
    clientId,
    username: user.username,
    authFlow: 'USER_AUTH',
  });
  return session.id;
}

/**
 * USER_AUTH with the ConfirmSignUp `Session`: the confirmation code was the first factor, and
 * (like a new user's first sign-in in a pool with MFA `ON`) no MFA is asked. Single use; a
 * session that is unknown, expired, used, of another client or of another user →
 * `Invalid session for the user.`
 */
async function signInAfterSignUp(
  ctx: EngineContext,
  input: FirstFactorInput,
  login: string,
  sessionId: string,
): Promise<AuthStepOutput> {
  const { pool, client, params } = input;
  const session = findAuthSession(ctx, sessionId, client.clientId);
  if (session.challenge !== 'SIGN_UP_CONFIRMED') throw invalidSession();
  const { user } = resolveFlow(ctx, session);
  if (findUserByLogin(pool, login)?.username !== user.username) throw invalidSession();
  await checkSecretHash(client, params['SECRET_HASH'], [login, user.username]);
  assertMaySignIn(client, user);
  closeAuthSession(ctx, session);
  const flow: SignInFlow = {
    ...flowOf(session),
    mfaDone: true,
    ...(input.admin && { admin: true }),
  };
  return continueSignIn(ctx, flow, input.origin);
}
