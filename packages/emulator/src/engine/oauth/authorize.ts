/**
 * `GET /oauth2/authorize`: a live hosted session skips the form, an identity provider is
 * redirected to, otherwise the user goes to the hosted page (`/login` with the same query, as
 * Cognito does) — [DG authorization-endpoint]; COGNITO-PASSWORDLESS-OAUTH §7.1.
 */
import type { EngineContext } from '../context.js';
import { readAuthorizeRequest } from './authorize-request.js';
import { completeAuthorization, sessionUser } from './complete.js';
import { startFederation } from './federation.js';
import { redirect } from './http.js';
import { answerRefusal, refusalOf } from './refusal.js';

/** `GET /oauth2/authorize`. */
export async function authorizeRoute(
  ctx: EngineContext,
  request: Request,
  url: URL,
  headers: Headers,
): Promise<Response> {
  const decision = readAuthorizeRequest(ctx, url.searchParams);
  if (decision.kind !== 'ok') return answerRefusal(decision, headers);
  const auth = decision.request;
  if (auth.provider !== undefined && auth.provider !== 'COGNITO') {
    if (auth.prompt === 'none')
      return answerRefusal(
        refusalOf(auth, 'login_required', 'prompt=none cannot sign in at an identity provider.'),
        headers,
      );
    return startFederation(ctx, auth, auth.provider, url.origin, headers);
  }
  const current = auth.prompt === 'login' ? undefined : sessionUser(ctx, auth.pool, request);
  if (current)
    return completeAuthorization(ctx, auth, { ...current, newSession: false }, url.origin, headers);
  if (auth.prompt === 'none')
    return answerRefusal(
      refusalOf(auth, 'login_required', 'There is no signed-in session.'),
      headers,
    );
  return redirect(`/login?${auth.query}`, headers);
}
