/**
 * Refusing an authorization request: Cognito's error page when the client cannot be trusted
 * with a redirect (unknown client, unregistered redirect URI), else `?error=` on the client's
 * redirect URI.
 */
import type { AuthorizeDecision, AuthorizeRequest } from './authorize-request.js';
import { html, redirect, withParams } from './http.js';
import { errorPage } from './hosted-page.js';

/** Answers a decision that is not `ok`: the error page or the error redirect. */
export function answerRefusal(
  decision: Exclude<AuthorizeDecision, { kind: 'ok' }>,
  headers: Headers,
): Response {
  if (decision.kind === 'page') {
    const query = new URLSearchParams({
      error: decision.error,
      error_description: decision.description,
    });
    if (decision.clientId !== undefined) query.set('client_id', decision.clientId);
    return redirect(`/error?${query.toString()}`, headers);
  }
  return redirect(
    withParams(
      decision.redirectUri,
      { error: decision.error, error_description: decision.description, state: decision.state },
      decision.fragment ? 'fragment' : 'query',
    ),
    headers,
  );
}

/** `GET /error`: Cognito's error page for requests it cannot send back. */
export function errorRoute(url: URL, headers: Headers): Response {
  const error = url.searchParams.get('error') ?? 'invalid_request';
  const description = url.searchParams.get('error_description') ?? error;
  return html(400, errorPage(error, description), headers);
}

/** An error for a valid request, sent back to its redirect URI. */
export function refusalOf(
  auth: AuthorizeRequest,
  error: string,
  description: string,
): Exclude<AuthorizeDecision, { kind: 'ok' }> {
  return {
    kind: 'redirect-error',
    redirectUri: auth.redirectUri,
    error,
    description,
    ...(auth.state !== undefined && { state: auth.state }),
    fragment: auth.responseType === 'token',
  };
}
