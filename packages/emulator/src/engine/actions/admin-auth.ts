/**
 * AdminInitiateAuth and AdminRespondToAuthChallenge: the sign-in of `auth.ts` with the admin
 * differences — the pool is named, ADMIN_USER_PASSWORD_AUTH (and its legacy name
 * ADMIN_NO_SRP_AUTH) is allowed when the client enables it, and no device tracking happens.
 */
import type { ActionMap } from '../protocol/action.js';
import { respondToChallenge } from '../auth/challenges.js';
import type { EngineContext } from '../context.js';
import { clientNotFound } from '../protocol/errors.js';
import { requireClient, requirePool } from '../model/users.js';
import { oneOf, readInput, rules, str, stringMap } from '../protocol/validate.js';
import { AUTH_FLOWS, CHALLENGE_NAMES, initiateAuthFlow } from './auth.js';
import { userPoolIdField } from './admin-common.js';

/** The app client `clientId` of pool `poolId` (ResourceNotFoundException otherwise). */
function poolClient(ctx: EngineContext, poolId: string, clientId: string) {
  const pool = requirePool(ctx, poolId);
  const found = requireClient(ctx, clientId);
  if (found.pool.id !== pool.id) throw clientNotFound(clientId);
  return found;
}

/** Admin sign-in actions. */
export const adminAuthActions: ActionMap = {
  async AdminInitiateAuth(ctx, raw, req) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      ClientId: str({ required: true, ...rules.clientId }),
      AuthFlow: oneOf(AUTH_FLOWS, { required: true }),
      AuthParameters: stringMap({ sensitive: true }),
      ClientMetadata: stringMap(),
      Session: str(rules.session),
    });
    const { pool, client } = poolClient(ctx, input.UserPoolId, input.ClientId);
    return initiateAuthFlow(ctx, {
      pool,
      client,
      authFlow: input.AuthFlow,
      params: input.AuthParameters ?? {},
      origin: req.origin,
      admin: true,
      session: input.Session,
    });
  },

  async AdminRespondToAuthChallenge(ctx, raw, req) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      ClientId: str({ required: true, ...rules.clientId }),
      ChallengeName: oneOf(CHALLENGE_NAMES, { required: true }),
      ChallengeResponses: stringMap({ sensitive: true }),
      Session: str(rules.session),
      ClientMetadata: stringMap(),
    });
    const { client } = poolClient(ctx, input.UserPoolId, input.ClientId);
    return respondToChallenge(ctx, {
      client,
      challengeName: input.ChallengeName,
      responses: input.ChallengeResponses ?? {},
      session: input.Session,
      origin: req.origin,
    });
  },
};
