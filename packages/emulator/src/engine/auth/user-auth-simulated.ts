/**
 * USER_AUTH for a login that names no user, on app clients with PreventUserExistenceErrors
 * `ENABLED`: every step answers like a real one (SELECT_CHALLENGE, a code challenge with a
 * masked simulated destination and no message sent, PASSWORD_VERIFIER of the simulated SRP
 * identity, passkey request options) and every proof fails — a password with `Incorrect
 * username or password.`, a code with CodeMismatchException, an assertion with
 * NotAuthorizedException. Reported for Cognito: a code sign-in for an unknown address looks like
 * one for a known address (aws-amplify/amplify-js#14195); the details are the emulator's.
 */
import type { EngineContext } from '../context.js';
import { incorrectCredentials, invalidSession, serviceError } from '../protocol/errors.js';
import { simulatedDelivery } from '../model/codes.js';
import { allowedFirstAuthFactors, FIRST_FACTOR_CHALLENGES } from '../model/sign-in-policy.js';
import type { AuthSessionState, FirstFactorChallenge } from '../model/state.js';
import { wrongSignInCode } from '../protocol/errors.js';
import { challengeOutput, type AuthStepOutput, type SignInFlow } from './flow.js';
import {
  requireParam,
  simulatedIdentity,
  startSrpAuth,
  type FirstFactorInput,
} from './password.js';
import { closeAuthSession, openAuthSession } from './sessions.js';
import { newWebAuthnChallenge, requestOptions } from './webauthn-sign-in.js';

/** What a user that does not exist is offered: every first factor the pool allows. */
export function simulatedFactors(input: FirstFactorInput): FirstFactorChallenge[] {
  const allowed = allowedFirstAuthFactors(input.pool);
  return FIRST_FACTOR_CHALLENGES.filter((f) =>
    allowed.includes(f === 'PASSWORD_SRP' ? 'PASSWORD' : f),
  );
}

/** Starts one simulated factor (see the module note). */
function startSimulatedFactor(
  ctx: EngineContext,
  input: FirstFactorInput,
  flow: SignInFlow,
  factor: FirstFactorChallenge,
  params: Record<string, string>,
): Promise<AuthStepOutput> | AuthStepOutput {
  const login = flow.simulatedLogin ?? flow.username;
  const open = (name: FirstFactorChallenge, extra: Partial<AuthSessionState> = {}) =>
    openAuthSession(ctx, input.client, name, { ...flow, ...extra });
  switch (factor) {
    case 'PASSWORD':
      if (params['PASSWORD']) throw incorrectCredentials();
      return challengeOutput(open('PASSWORD'), {});
    case 'PASSWORD_SRP':
      if (!params['SRP_A']) return challengeOutput(open('PASSWORD_SRP'), {});
      return startSrpAuth(ctx, {
        ...input,
        authFlow: 'USER_AUTH',
        params: { ...params, USERNAME: login },
      });
    case 'EMAIL_OTP':
    case 'SMS_OTP': {
      const medium = factor === 'EMAIL_OTP' ? 'EMAIL' : 'SMS';
      const delivery = simulatedDelivery(input.pool, login, medium);
      return challengeOutput(open(factor), {
        CODE_DELIVERY_DELIVERY_MEDIUM: medium,
        CODE_DELIVERY_DESTINATION: delivery.Destination,
      });
    }
    case 'WEB_AUTHN': {
      const challenge = newWebAuthnChallenge(ctx);
      const options = requestOptions(input.pool, [], challenge);
      return challengeOutput(open('WEB_AUTHN', { webAuthnChallenge: challenge }), {
        CREDENTIAL_REQUEST_OPTIONS: options,
      });
    }
    default:
      return factor satisfies never;
  }
}

/**
 * InitiateAuth USER_AUTH for a login that names no user: the preferred factor, else
 * SELECT_CHALLENGE. In pools whose internal usernames are UUIDs, USERNAME is the same stable
 * UUID-like id the simulated SRP exchange uses.
 */
export async function startSimulatedUserAuth(
  ctx: EngineContext,
  input: FirstFactorInput,
  login: string,
  preferred: FirstFactorChallenge | undefined,
): Promise<AuthStepOutput> {
  const { pool, client } = input;
  const username =
    pool.usernameAttributes.length > 0 ? (await simulatedIdentity(pool, login)).userId : login;
  const flow: SignInFlow = {
    poolId: pool.id,
    clientId: client.clientId,
    username,
    simulatedLogin: login,
    authFlow: 'USER_AUTH',
    ...(input.admin && { admin: true }),
  };
  const offered = simulatedFactors(input);
  if (preferred !== undefined && offered.includes(preferred)) {
    return startSimulatedFactor(ctx, input, flow, preferred, input.params);
  }
  const session = openAuthSession(ctx, client, 'SELECT_CHALLENGE', {
    ...flow,
    availableChallenges: offered,
  });
  return { ...challengeOutput(session, {}), AvailableChallenges: offered };
}

/** Answers a challenge of a simulated USER_AUTH session (see the module note). */
export async function answerSimulated(
  ctx: EngineContext,
  session: AuthSessionState,
  input: FirstFactorInput,
): Promise<AuthStepOutput> {
  const responses = input.params;
  const typed = requireParam(responses, 'USERNAME');
  if (typed !== session.username && typed !== session.simulatedLogin) throw invalidSession();
  const flow: SignInFlow = {
    poolId: session.poolId,
    clientId: session.clientId,
    username: session.username,
    authFlow: 'USER_AUTH',
    ...(session.simulatedLogin !== undefined && { simulatedLogin: session.simulatedLogin }),
    ...(session.admin && { admin: true }),
  };
  switch (session.challenge) {
    case 'SELECT_CHALLENGE': {
      const answer = requireParam(responses, 'ANSWER');
      const factor = (session.availableChallenges ?? []).find((c) => c === answer);
      if (factor === undefined) {
        throw serviceError(
          'InvalidParameterException',
          `Invalid ANSWER for SELECT_CHALLENGE: ${answer}.`,
        );
      }
      closeAuthSession(ctx, session);
      return startSimulatedFactor(ctx, input, flow, factor, responses);
    }
    case 'PASSWORD':
      requireParam(responses, 'PASSWORD');
      closeAuthSession(ctx, session);
      throw incorrectCredentials();
    case 'PASSWORD_SRP':
      requireParam(responses, 'SRP_A');
      closeAuthSession(ctx, session);
      return startSimulatedFactor(ctx, input, flow, 'PASSWORD_SRP', responses);
    case 'EMAIL_OTP':
    case 'SMS_OTP': {
      requireParam(
        responses,
        session.challenge === 'EMAIL_OTP' ? 'EMAIL_OTP_CODE' : 'SMS_OTP_CODE',
      );
      // Wrong answers use up the session as for a real user (mfaAttemptsPerSession).
      session.mfaFailures = (session.mfaFailures ?? 0) + 1;
      if (session.mfaFailures >= ctx.behaviour.mfaAttemptsPerSession)
        closeAuthSession(ctx, session);
      throw wrongSignInCode();
    }
    case 'WEB_AUTHN':
      requireParam(responses, 'CREDENTIAL');
      closeAuthSession(ctx, session);
      throw serviceError('NotAuthorizedException', 'Passkey sign-in failed: unknown credential.');
    default:
      throw invalidSession();
  }
}
