/**
 * `POST /oauth2/token` ([DG token-endpoint]; COGNITO-PASSWORDLESS-OAUTH §7.2): the
 * `authorization_code` (with PKCE), `refresh_token` and `client_credentials` grants. Clients
 * with a secret authenticate with HTTP Basic (or `client_secret` in the body); public clients
 * send `client_id`. Errors are RFC 6749 §5.2 JSON.
 */
import type { EngineContext } from '../context.js';
import { getTokensFromRefreshToken } from '../auth/refresh.js';
import { constantTimeEqual } from '../crypto/srp.js';
import { isServiceError } from '../protocol/errors.js';
import type { ClientState, OAuthFlow, PoolState } from '../model/state.js';
import {
  findRefreshToken,
  issueClientCredentialsToken,
  issueTokens,
  revokeOrigin,
} from '../model/tokens.js';
import { findClient, getUser } from '../model/users.js';
import { customScopesOf } from '../model/oauth-settings.js';
import { findAuthorizationCode } from './grants.js';
import { OAuthError, basicCredentials, json, readForm, s256, single } from './http.js';

/** The authenticated client of a token or revocation request. */
export interface AuthenticatedClient {
  pool: PoolState;
  client: ClientState;
}

/**
 * Authenticates the client: Basic credentials or `client_id` (+ `client_secret`) in the body.
 * Unknown client, wrong or missing secret → `invalid_client` (401 with Basic, else 400).
 */
export function authenticateClient(
  ctx: EngineContext,
  request: Request,
  form: URLSearchParams,
): AuthenticatedClient {
  const basic = basicCredentials(request);
  const bodyId = single(form, 'client_id');
  const bodySecret = single(form, 'client_secret');
  if (basic && bodySecret !== undefined)
    throw new OAuthError('invalid_request', 'Use one client authentication method only.');
  if (basic && bodyId !== undefined && bodyId !== basic.clientId)
    throw new OAuthError('invalid_client', 'client_id does not match the credentials.', 401);
  const clientId = basic?.clientId ?? bodyId;
  const secret = basic?.clientSecret ?? bodySecret;
  const status = basic ? 401 : 400;
  if (clientId === undefined) throw new OAuthError('invalid_request', 'client_id is missing.');
  const found = findClient(ctx, clientId);
  if (!found) throw new OAuthError('invalid_client', 'The client does not exist.', status);
  const expected = found.client.clientSecret;
  if (expected !== undefined && (secret === undefined || !constantTimeEqual(expected, secret)))
    throw new OAuthError('invalid_client', 'The client secret is missing or wrong.', status);
  return found;
}

function requireFlow(client: ClientState, flow: OAuthFlow): void {
  if (!client.oauth?.enabled || !client.oauth.flows.includes(flow))
    throw new OAuthError('unauthorized_client', `The client is not allowed the ${flow} flow.`);
}

function required(form: URLSearchParams, name: string): string {
  const value = single(form, name);
  if (value === undefined) throw new OAuthError('invalid_request', `${name} is missing.`);
  return value;
}

/**
 * One grant type of the token endpoint: the authenticated client and the posted form in, the
 * JSON body of the 200 answer out; a refusal is thrown as an OAuthError.
 */
type Grant = (
  ctx: EngineContext,
  at: AuthenticatedClient,
  form: URLSearchParams,
  origin: string,
) => Promise<Record<string, unknown>>;

function tokenAnswer(
  tokens: { AccessToken: string; IdToken: string; RefreshToken?: string; ExpiresIn: number },
  withIdToken: boolean,
): Record<string, unknown> {
  return {
    ...(withIdToken && { id_token: tokens.IdToken }),
    access_token: tokens.AccessToken,
    ...(tokens.RefreshToken !== undefined && { refresh_token: tokens.RefreshToken }),
    expires_in: tokens.ExpiresIn,
    token_type: 'Bearer',
  };
}

const authorizationCodeGrant: Grant = async (ctx, { pool, client }, form, origin) => {
  requireFlow(client, 'code');
  const code = required(form, 'code');
  const redirectUri = required(form, 'redirect_uri');
  const verifier = single(form, 'code_verifier');
  const grant = findAuthorizationCode(ctx, pool, code);
  if (!grant || grant.clientId !== client.clientId)
    throw new OAuthError('invalid_grant', 'The authorization code is invalid or expired.');
  if (grant.redeemedOrigin !== undefined) {
    // A replayed code: whoever holds it, the tokens it gave are no longer trusted.
    revokeOrigin(ctx, pool, grant.redeemedOrigin);
    throw new OAuthError('invalid_grant', 'The authorization code was already used.');
  }
  // Used up at its first presentation, whatever the outcome.
  const originJti = ctx.uuid();
  grant.redeemedOrigin = originJti;
  if (grant.redirectUri !== redirectUri)
    throw new OAuthError('invalid_grant', 'redirect_uri does not match the authorization request.');
  if (grant.codeChallenge !== undefined) {
    if (verifier === undefined)
      throw new OAuthError('invalid_request', 'code_verifier is missing.');
    if (
      !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) ||
      (await s256(verifier)) !== grant.codeChallenge
    )
      throw new OAuthError('invalid_grant', 'code_verifier does not match the code challenge.');
  }
  const user = getUser(pool, grant.username);
  if (!user || !user.enabled)
    throw new OAuthError('invalid_grant', 'The user can no longer sign in.');
  const tokens = await issueTokens(ctx, {
    pool,
    client,
    user,
    origin,
    authTime: grant.authTime,
    originJti,
    withRefreshToken: true,
    scopes: grant.scopes,
    nonce: grant.nonce,
  });
  return tokenAnswer(tokens, grant.scopes.includes('openid'));
};

const refreshTokenGrant: Grant = async (ctx, { pool, client }, form, origin) => {
  const refreshToken = required(form, 'refresh_token');
  const scopes = findRefreshToken(ctx, refreshToken)?.record.scopes;
  try {
    const { AuthenticationResult } = await getTokensFromRefreshToken(
      ctx,
      pool,
      client,
      { refreshToken, clientSecret: client.clientSecret },
      origin,
    );
    // Tokens from API sign-in have no OAuth scopes and always get an ID token.
    return tokenAnswer(AuthenticationResult, scopes === undefined || scopes.includes('openid'));
  } catch (error) {
    if (isServiceError(error)) throw new OAuthError('invalid_grant', error.message);
    throw error;
  }
};

const clientCredentialsGrant: Grant = async (ctx, { pool, client }, form, origin) => {
  requireFlow(client, 'client_credentials');
  const allowed = (client.oauth?.scopes ?? []).filter((s) => customScopesOf(pool).has(s));
  const requested = single(form, 'scope');
  const scopes =
    requested === undefined ? allowed : [...new Set(requested.split(/ +/).filter(Boolean))];
  const refused = scopes.filter((s) => !allowed.includes(s));
  if (refused.length > 0)
    throw new OAuthError(
      'invalid_scope',
      `Scope ${refused.join(' ')} is not allowed for this client.`,
    );
  if (scopes.length === 0)
    throw new OAuthError('invalid_scope', 'The client has no custom scopes to grant.');
  const token = await issueClientCredentialsToken(ctx, { pool, client, origin, scopes });
  return { access_token: token.accessToken, expires_in: token.expiresIn, token_type: 'Bearer' };
};

/** `POST /oauth2/token`. */
export async function tokenRoute(
  ctx: EngineContext,
  request: Request,
  url: URL,
  headers: Headers,
): Promise<Response> {
  // Any origin may call the token endpoint ([DG]: `Access-Control-Allow-Origin: *`).
  headers.set('Access-Control-Allow-Origin', '*');
  if (request.method !== 'POST') throw new OAuthError('invalid_request', 'Use POST.', 405);
  const form = await readForm(request);
  const grantType = single(form, 'grant_type');
  if (grantType === undefined) throw new OAuthError('invalid_request', 'grant_type is missing.');
  const grants = {
    authorization_code: authorizationCodeGrant,
    refresh_token: refreshTokenGrant,
    client_credentials: clientCredentialsGrant,
  } as const;
  if (!Object.hasOwn(grants, grantType))
    throw new OAuthError('unsupported_grant_type', `grant_type ${grantType} is not supported.`);
  const at = authenticateClient(ctx, request, form);
  const body = await grants[grantType as keyof typeof grants](ctx, at, form, url.origin);
  return json(200, body, headers);
}
