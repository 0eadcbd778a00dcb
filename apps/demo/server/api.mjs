/**
 * The demo's "protected API": one route that answers only with a valid Cognito access token.
 * `@cognito-kit/server` verifies it (`withCognitoAuth`: signature against the pool's JWKS,
 * issuer, token_use, client_id, expiry; RFC 6750 answers otherwise), then — because a signature
 * cannot tell a revoked token from a live one — Cognito's GetUser confirms the token was not
 * revoked (global sign-out, RevokeToken).
 */
import { createCognitoClient } from '@cognito-kit/core/low-level';
import {
  createAdminHandler,
  createCognitoAdmin,
  createCognitoJwtVerifier,
  isClientCredentialsToken,
  withCognitoAuth,
} from '@cognito-kit/server';

/**
 * The scope a service needs for `/api/notes-count` (resource server `https://api.acme-notes.example`
 * in the demo seed): machine-to-machine callers use client-credentials tokens.
 */
export const NOTES_READ_SCOPE = 'https://api.acme-notes.example/notes.read';

/**
 * @typedef {object} CognitoTarget
 * @property {string} userPoolId
 * @property {string} clientId
 * @property {string} [endpoint] the emulator's URL; omit for AWS
 * @property {string} [region] AWS region; default derived from the pool id
 * @property {{ accessKeyId: string, secretAccessKey: string }} [adminCredentials] AWS keys of the
 *   admin API (`/api/admin/*`); default the AWS_* environment, or the emulator's `local:local`
 * @property {(event: unknown) => void} [audit] gets every admin change (default: one JSON line on stdout)
 */

/**
 * Creates the request handler of `/api/*`.
 * @param {CognitoTarget} target
 * @returns {(request: Request) => Promise<Response>}
 */
export function createApi(target) {
  const stats = { accepted: 0, rejected: 0 };
  const where = target.endpoint
    ? { endpoint: target.endpoint }
    : { region: target.region ?? target.userPoolId.split('_')[0] };
  const cognito = createCognitoClient(where, { clientId: target.clientId });
  const verifier = createCognitoJwtVerifier({
    userPoolId: target.userPoolId,
    clientId: target.clientId,
    tokenUse: 'access',
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
  });

  // The admin screens' API: only members of `admins` (the verified access token's
  // cognito:groups) get past it; every change is logged before the answer goes out.
  const env = globalThis.process?.env ?? {};
  const adminCredentials =
    target.adminCredentials ??
    (env.AWS_ACCESS_KEY_ID || !target.endpoint
      ? undefined
      : { accessKeyId: 'local', secretAccessKey: 'local' });
  const admin = createAdminHandler({
    admin: createCognitoAdmin({
      userPoolId: target.userPoolId,
      ...where,
      ...(adminCredentials ? { credentials: adminCredentials } : {}),
    }),
    verifier,
    basePath: '/api/admin',
    audit: target.audit ?? ((event) => console.log(`audit ${JSON.stringify(event)}`)),
  });

  async function stillValid(token) {
    try {
      await cognito.getUser({ AccessToken: token });
      return true;
    } catch {
      return false;
    }
  }

  const hello = withCognitoAuth(
    async (_request, { claims, token }) => {
      if (!(await stillValid(token))) {
        stats.rejected += 1;
        return Response.json(
          { error: 'invalid_token', reason: 'token revoked' },
          {
            status: 401,
            headers: { 'www-authenticate': 'Bearer realm="api", error="invalid_token"' },
          },
        );
      }
      stats.accepted += 1;
      return Response.json({
        message: `Hello, ${claims.username}!`,
        sub: claims.sub,
        scope: claims.scope,
        expiresAt: new Date(claims.exp * 1000).toISOString(),
        servedAt: new Date().toISOString(),
      });
    },
    {
      verifier,
      onRejected: () => {
        stats.rejected += 1;
      },
    },
  );

  // Services: any app client of the pool may call, if Cognito granted it the scope (the app
  // client check is the scope's job here, hence clientId null).
  const machineVerifier = createCognitoJwtVerifier({
    userPoolId: target.userPoolId,
    clientId: null,
    tokenUse: 'access',
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
  });
  const notesCount = withCognitoAuth(
    async (_request, { claims }) =>
      Response.json({
        notes: 3,
        caller: isClientCredentialsToken(claims) ? `service ${claims.client_id}` : claims.username,
      }),
    { verifier: machineVerifier, rules: { scopes: NOTES_READ_SCOPE } },
  );

  return async function handle(request) {
    const url = new URL(request.url);
    if (url.pathname === '/api/stats') return Response.json(stats);
    if (url.pathname === '/api/notes-count') return notesCount(request);
    if (url.pathname.startsWith('/api/admin/')) return admin(request);
    if (url.pathname !== '/api/hello')
      return Response.json({ error: 'not found' }, { status: 404 });
    return hello(request);
  };
}
