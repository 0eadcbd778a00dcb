/**
 * `GET /logout` ([DG logout-endpoint]; COGNITO-PASSWORDLESS-OAUTH §7.5): ends the hosted
 * session and either sends the user to `logout_uri` (one of the client's sign-out URLs, exact
 * match) or, with `redirect_uri` and `response_type`, straight back to the sign-in page. It does
 * not revoke tokens and does not sign the user out of an identity provider.
 */
import type { EngineContext } from '../context.js';
import { findClient } from '../model/users.js';
import { readAuthorizeRequest } from './authorize-request.js';
import { answerRefusal } from './refusal.js';
import { endHostedSession, sessionCookieName } from './grants.js';
import { cookieHeader, cookies, redirect } from './http.js';

/** `GET /logout`. */
export function logoutRoute(
  ctx: EngineContext,
  request: Request,
  url: URL,
  headers: Headers,
): Response {
  const params = url.searchParams;
  const clientId = params.get('client_id') ?? '';
  const found = findClient(ctx, clientId);
  const page = (error: string, description: string) =>
    answerRefusal(
      { kind: 'page', error, description, ...(clientId !== '' && { clientId }) },
      headers,
    );
  if (!found) return page('invalid_request', 'The client does not exist.');
  const { pool, client } = found;
  const logoutUri = params.get('logout_uri');
  const redirectUri = params.get('redirect_uri');
  if (logoutUri === null && redirectUri === null)
    return page('invalid_request', 'logout_uri or redirect_uri is required.');
  if (logoutUri !== null && !client.oauth?.logoutUrls.includes(logoutUri))
    return page('redirect_mismatch', "logout_uri is not one of the client's sign-out URLs.");
  const name = sessionCookieName(pool);
  endHostedSession(pool, cookies(request).get(name));
  headers.append('Set-Cookie', cookieHeader(name, '', 0, url.protocol === 'https:'));
  if (logoutUri !== null) return redirect(logoutUri, headers);
  // The re-authenticate form: the rest of the query is an authorization request.
  const decision = readAuthorizeRequest(ctx, params);
  if (decision.kind !== 'ok') return answerRefusal(decision, headers);
  return redirect(`/login?${decision.request.query}`, headers);
}
