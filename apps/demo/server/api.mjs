/**
 * The demo's "protected API": one route that answers only with a valid Cognito access token.
 * The token is verified with jose against the pool's JWKS (signature, issuer, token_use,
 * client_id, expiry), then — because a signature cannot tell a revoked token from a live one —
 * Cognito's GetUser confirms the token was not revoked (global sign-out, RevokeToken).
 */
import { createRemoteJWKSet, jwtVerify } from 'jose';

/**
 * @typedef {object} CognitoTarget
 * @property {string} userPoolId
 * @property {string} clientId
 * @property {string} [endpoint] the emulator's URL; omit for AWS
 * @property {string} [region] AWS region; default derived from the pool id
 */

/** Cognito's service URL for a target. */
export function serviceUrl(target) {
  if (target.endpoint) return target.endpoint.replace(/\/+$/, '') + '/';
  const region = target.region ?? target.userPoolId.split('_')[0];
  return `https://cognito-idp.${region}.amazonaws.com/`;
}

/** The `iss` claim of the pool's tokens. */
export function issuerOf(target) {
  return serviceUrl(target) + target.userPoolId;
}

/**
 * Creates the request handler of `/api/*`.
 * @param {CognitoTarget} target
 * @returns {(request: Request) => Promise<Response>}
 */
export function createApi(target) {
  const issuer = issuerOf(target);
  const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
  const stats = { accepted: 0, rejected: 0 };

  async function stillValid(token) {
    const response = await fetch(serviceUrl(target), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.GetUser',
      },
      body: JSON.stringify({ AccessToken: token }),
    });
    return response.ok;
  }

  function reject(reason) {
    stats.rejected += 1;
    return Response.json(
      { error: 'unauthorized', reason },
      { status: 401, headers: { 'www-authenticate': 'Bearer' } },
    );
  }

  return async function handle(request) {
    const url = new URL(request.url);
    if (url.pathname === '/api/stats') return Response.json(stats);
    if (url.pathname !== '/api/hello')
      return Response.json({ error: 'not found' }, { status: 404 });
    const header = request.headers.get('authorization') ?? '';
    const token = /^Bearer (.+)$/.exec(header)?.[1];
    if (!token) return reject('missing bearer token');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, jwks, { issuer }));
    } catch (error) {
      return reject(error.code === 'ERR_JWT_EXPIRED' ? 'token expired' : 'invalid token');
    }
    if (payload.token_use !== 'access') return reject('not an access token');
    if (payload.client_id !== target.clientId) return reject('token of another app client');
    if (!(await stillValid(token))) return reject('token revoked');
    stats.accepted += 1;
    return Response.json({
      message: `Hello, ${payload.username}!`,
      sub: payload.sub,
      scope: payload.scope,
      expiresAt: new Date(payload.exp * 1000).toISOString(),
      servedAt: new Date().toISOString(),
    });
  };
}
