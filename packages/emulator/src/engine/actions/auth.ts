/**
 * InitiateAuth, RespondToAuthChallenge and GetTokensFromRefreshToken. The flow logic lives in
 * `../auth/*`; {@link initiateAuthFlow} and `respondToChallenge` are shared with
 * AdminInitiateAuth / AdminRespondToAuthChallenge.
 */
import type { ActionMap } from '../protocol/action.js';
import type { EngineContext } from '../context.js';
import { serviceError } from '../protocol/errors.js';
import { respondToChallenge } from '../auth/challenges.js';
import type { AuthStepOutput } from '../auth/flow.js';
import { startCustomAuth } from '../auth/custom-auth.js';
import { requireCustomAuth } from '../auth/custom-challenge.js';
import { passwordAuth, startSrpAuth } from '../auth/password.js';
import { getTokensFromRefreshToken, refreshTokenAuth } from '../auth/refresh.js';
import { startUserAuth } from '../auth/user-auth.js';
import type { ClientState, ExplicitAuthFlow, PoolState } from '../model/state.js';
import { requireClient } from '../model/users.js';
import { oneOf, readInput, rules, str, stringMap } from '../protocol/validate.js';

/** AuthFlow values of the current service model. */
export const AUTH_FLOWS = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
] as const;

/** ChallengeName values of the current service model. */
export const CHALLENGE_NAMES = [
  'SMS_MFA',
  'EMAIL_OTP',
  'SOFTWARE_TOKEN_MFA',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
  'PASSWORD_VERIFIER',
  'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED',
  'SMS_OTP',
  'PASSWORD',
  'WEB_AUTHN',
  'PASSWORD_SRP',
] as const;

function requireFlowAllowed(client: ClientState, flow: ExplicitAuthFlow, name: string): void {
  if (!client.explicitAuthFlows.includes(flow)) {
    throw serviceError('InvalidParameterException', `${name} flow not enabled for this client`);
  }
}

/** Input of {@link initiateAuthFlow}. */
export interface InitiateAuthFlowInput {
  pool: PoolState;
  client: ClientState;
  authFlow: (typeof AUTH_FLOWS)[number];
  params: Record<string, string>;
  origin: string;
  /** True for AdminInitiateAuth (admin flows allowed, no device tracking). */
  admin: boolean;
  /** The request's `Session` (USER_AUTH after ConfirmSignUp); other flows ignore it. */
  session?: string | undefined;
}

/**
 * Starts a sign-in with the given flow: the shared core of InitiateAuth and AdminInitiateAuth.
 *
 * @example
 * await initiateAuthFlow(ctx, { pool, client, authFlow: 'ADMIN_USER_PASSWORD_AUTH',
 *   params: { USERNAME, PASSWORD }, origin: req.origin, admin: true });
 */
export async function initiateAuthFlow(
  ctx: EngineContext,
  input: InitiateAuthFlowInput,
): Promise<AuthStepOutput> {
  const { client, authFlow } = input;
  const base = {
    pool: input.pool,
    client,
    authFlow,
    params: input.params,
    origin: input.origin,
    admin: input.admin,
  };
  switch (authFlow) {
    case 'USER_SRP_AUTH':
      requireFlowAllowed(client, 'ALLOW_USER_SRP_AUTH', authFlow);
      return startSrpAuth(ctx, base);
    case 'USER_PASSWORD_AUTH':
      if (input.admin) break;
      requireFlowAllowed(client, 'ALLOW_USER_PASSWORD_AUTH', authFlow);
      return passwordAuth(ctx, base);
    case 'ADMIN_USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH':
      if (!input.admin) break;
      requireFlowAllowed(client, 'ALLOW_ADMIN_USER_PASSWORD_AUTH', authFlow);
      return passwordAuth(ctx, base);
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      requireFlowAllowed(client, 'ALLOW_REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN_AUTH');
      return refreshTokenAuth(ctx, input.pool, client, input.params, input.origin);
    case 'CUSTOM_AUTH':
      // Without the triggers' stand-in the flow is refused whatever the client allows.
      requireCustomAuth(input.pool.customAuth);
      requireFlowAllowed(client, 'ALLOW_CUSTOM_AUTH', authFlow);
      return startCustomAuth(ctx, base);
    case 'USER_AUTH':
      requireFlowAllowed(client, 'ALLOW_USER_AUTH', authFlow);
      return startUserAuth(ctx, base, input.session);
    default:
      return authFlow satisfies never;
  }
  throw serviceError('InvalidParameterException', 'Initiate Auth method not supported.');
}

/** Sign-in actions, by name. */
export const authActions: ActionMap = {
  async InitiateAuth(ctx, input, req) {
    const read = readInput(input, {
      AuthFlow: oneOf(AUTH_FLOWS, { required: true }),
      ClientId: str({ required: true, ...rules.clientId }),
      AuthParameters: stringMap({ sensitive: true }),
      ClientMetadata: stringMap(),
      Session: str(rules.session),
    });
    const { pool, client } = requireClient(ctx, read.ClientId);
    return initiateAuthFlow(ctx, {
      pool,
      client,
      authFlow: read.AuthFlow,
      params: read.AuthParameters ?? {},
      origin: req.origin,
      admin: false,
      session: read.Session,
    });
  },

  async RespondToAuthChallenge(ctx, input, req) {
    const read = readInput(input, {
      ClientId: str({ required: true, ...rules.clientId }),
      ChallengeName: oneOf(CHALLENGE_NAMES, { required: true }),
      Session: str(rules.session),
      ChallengeResponses: stringMap({ sensitive: true }),
      ClientMetadata: stringMap(),
    });
    const { client } = requireClient(ctx, read.ClientId);
    return respondToChallenge(ctx, {
      client,
      challengeName: read.ChallengeName,
      responses: read.ChallengeResponses ?? {},
      session: read.Session,
      origin: req.origin,
    });
  },

  async GetTokensFromRefreshToken(ctx, input, req) {
    const read = readInput(input, {
      RefreshToken: str({ required: true, min: 1, ...rules.token }),
      ClientId: str({ required: true, ...rules.clientId }),
      ClientSecret: str(rules.clientSecret),
      DeviceKey: str(rules.deviceKey),
      ClientMetadata: stringMap(),
    });
    const { pool, client } = requireClient(ctx, read.ClientId);
    return getTokensFromRefreshToken(
      ctx,
      pool,
      client,
      { refreshToken: read.RefreshToken, clientSecret: read.ClientSecret },
      req.origin,
    );
  },
};
