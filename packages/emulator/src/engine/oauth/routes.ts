/**
 * The OAuth 2.0 and hosted-page routes beside the JSON API (one host serves every pool: the
 * client id, the token or the cookie names the pool, and a pool answers only once it has a
 * domain). {@link handleOAuth} answers a request for one of them, or `undefined` for any other
 * path.
 */
import type { EngineContext } from '../context.js';
import { sweepIfDue } from '../model/expiry.js';
import { authorizeRoute } from './authorize.js';
import { IDP_RESPONSE_PATH, idpResponseRoute } from './federation.js';
import { handleUpstream } from './upstream-idp.js';
import { challengePostRoute, loginPageRoute, loginPostRoute } from './hosted-sign-in.js';
import { OAuthError, html, oauthErrorJson } from './http.js';
import { errorPage } from './hosted-page.js';
import { logoutRoute } from './logout.js';
import { errorRoute } from './refusal.js';
import { revokeRoute } from './revoke.js';
import { tokenRoute } from './token-endpoint.js';
import { userInfoRoute } from './userinfo.js';

/** The endpoint members of a pool's discovery document, on the emulator's own origin. */
export function discoveryEndpoints(origin: string): Record<string, string> {
  return {
    authorization_endpoint: `${origin}/oauth2/authorize`,
    token_endpoint: `${origin}/oauth2/token`,
    userinfo_endpoint: `${origin}/oauth2/userInfo`,
    revocation_endpoint: `${origin}/oauth2/revoke`,
    end_session_endpoint: `${origin}/logout`,
  };
}

type Route = (
  ctx: EngineContext,
  request: Request,
  url: URL,
  headers: Headers,
  requestId: string,
) => Promise<Response> | Response;

/** Routes answered with JSON errors (machine endpoints); the others are browser pages. */
const JSON_ROUTES = new Set(['/oauth2/token', '/oauth2/revoke', '/oauth2/userInfo']);

const ROUTES: Record<string, Partial<Record<'GET' | 'POST', Route>>> = {
  '/oauth2/authorize': {
    GET: (ctx, request, url, headers) => authorizeRoute(ctx, request, url, headers),
  },
  '/login': {
    GET: (ctx, request, url, headers) => loginPageRoute(ctx, request, url, headers),
    POST: (ctx, request, url, headers) => loginPostRoute(ctx, request, url, headers),
  },
  '/login/challenge': {
    POST: (ctx, request, url, headers) => challengePostRoute(ctx, request, url, headers),
  },
  '/oauth2/token': { POST: (ctx, request, url, headers) => tokenRoute(ctx, request, url, headers) },
  '/oauth2/revoke': { POST: revokeRoute },
  '/oauth2/userInfo': {
    GET: (ctx, request, _url, headers) => userInfoRoute(ctx, request, headers),
    POST: (ctx, request, _url, headers) => userInfoRoute(ctx, request, headers),
  },
  '/logout': { GET: (ctx, request, url, headers) => logoutRoute(ctx, request, url, headers) },
  '/error': { GET: (_ctx, _request, url, headers) => errorRoute(url, headers) },
  [IDP_RESPONSE_PATH]: {
    GET: (ctx, _request, url, headers) => idpResponseRoute(ctx, url, headers),
  },
};

/**
 * Answers an OAuth or hosted-page request, or returns `undefined` when the path is none of them.
 *
 * @example
 * const answer = await handleOAuth(ctx, request, new URL(request.url), headers, requestId);
 */
export async function handleOAuth(
  ctx: EngineContext,
  request: Request,
  url: URL,
  headers: Headers,
  requestId: string,
): Promise<Response | undefined> {
  if (!Object.hasOwn(ROUTES, url.pathname)) {
    const upstream = await handleUpstream(ctx, request, url, headers);
    if (upstream) sweepIfDue(ctx);
    return upstream;
  }
  const methods = ROUTES[url.pathname] ?? {};
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  const route = method === 'GET' || method === 'POST' ? methods[method] : undefined;
  const machine = JSON_ROUTES.has(url.pathname);
  try {
    if (!route) {
      headers.set('Allow', Object.keys(methods).join(', '));
      throw new OAuthError('invalid_request', `${request.method} is not allowed here.`, 405);
    }
    sweepIfDue(ctx);
    return await route(ctx, request, url, headers, requestId);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    if (machine) return oauthErrorJson(error, headers);
    return html(error.status, errorPage(error.code, error.message), headers);
  }
}
