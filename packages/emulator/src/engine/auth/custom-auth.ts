/**
 * CUSTOM_AUTH without Lambda: the pool's declarative `customAuth` stands in for the Define,
 * Create and VerifyAuthChallenge triggers. InitiateAuth starts with the SRP password step when
 * `srpFirst` (the PASSWORD_VERIFIER of `password.ts`, which then hands over to the first custom
 * challenge) or directly with the first CUSTOM_CHALLENGE; each challenge allows `maxAttempts`
 * answers, after which the sign-in fails like a wrong password.
 */
import type { EngineContext } from '../context.js';
import { incorrectCredentials, invalidSession, serviceError } from '../protocol/errors.js';
import { constantTimeEqual } from '../crypto/srp.js';
import {
  continueSignIn,
  flowOf,
  resolveFlow,
  type AuthStepOutput,
  type SessionChallengeAnswer,
} from './flow.js';
import {
  missingParameter,
  requireParam,
  requireSigningInUser,
  startSrpAuth,
  type FirstFactorInput,
} from './password.js';
import { closeAuthSession } from './sessions.js';
import {
  repeatCustomChallenge,
  requireCustomAuth,
  startCustomChallenge,
} from './custom-challenge.js';

/**
 * InitiateAuth / AdminInitiateAuth with CUSTOM_AUTH (the client's ALLOW_CUSTOM_AUTH is checked
 * by the caller).
 *
 * @example
 * return startCustomAuth(ctx, { pool, client, authFlow: 'CUSTOM_AUTH', params, origin });
 */
export async function startCustomAuth(
  ctx: EngineContext,
  input: FirstFactorInput,
): Promise<AuthStepOutput> {
  const { pool, client, params } = input;
  const config = requireCustomAuth(pool.customAuth);
  if (config.srpFirst) {
    if (params['SRP_A'] === undefined) throw missingParameter('SRP_A');
    return startSrpAuth(ctx, input);
  }
  // Without srpFirst an SRP_A the client sends anyway is ignored, as a Define trigger that
  // always issues CUSTOM_CHALLENGE would.
  const login = requireParam(params, 'USERNAME');
  const user = await requireSigningInUser(pool, client, login, params['SECRET_HASH']);
  if (user.status === 'UNCONFIRMED') {
    throw serviceError('UserNotConfirmedException', 'User is not confirmed.');
  }
  return startCustomChallenge(
    ctx,
    {
      poolId: pool.id,
      clientId: client.clientId,
      username: user.username,
      authFlow: input.authFlow,
      ...(input.admin && { admin: true }),
    },
    0,
  );
}

/**
 * RespondToAuthChallenge CUSTOM_CHALLENGE: a right ANSWER opens the next challenge or ends the
 * sign-in (custom challenges count as the second factor, so MFA is not asked again); a wrong one
 * asks again until `maxAttempts`, then NotAuthorizedException `Incorrect username or password.`
 */
export const answerCustomChallenge: SessionChallengeAnswer = async (
  ctx,
  session,
  responses,
  origin,
) => {
  const answer = requireParam(responses, 'ANSWER');
  const { pool } = resolveFlow(ctx, session);
  const config = requireCustomAuth(pool.customAuth);
  const state = session.custom;
  const definition = state ? config.challenges[state.step] : undefined;
  if (!state || !definition) throw invalidSession();
  const expected = definition.kind === 'fixed' ? definition.answer : state.code;
  if (expected !== undefined && constantTimeEqual(expected, answer)) {
    const next = state.step + 1;
    if (next < config.challenges.length) {
      closeAuthSession(ctx, session);
      return startCustomChallenge(ctx, flowOf(session), next);
    }
    return continueSignIn(ctx, { ...flowOf(session), mfaDone: true }, origin, session);
  }
  const failures = state.failures + 1;
  if (failures >= config.maxAttempts) {
    closeAuthSession(ctx, session);
    throw incorrectCredentials();
  }
  return repeatCustomChallenge(ctx, session, failures);
};
