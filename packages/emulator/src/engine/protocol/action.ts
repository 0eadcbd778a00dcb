/**
 * The shape of an action handler: one function per Cognito action (`InitiateAuth`, `SignUp`, …),
 * registered in an {@link ActionMap} under the action's name.
 */
import type { EngineContext } from '../context.js';

/** What a handler may know about the HTTP request besides its JSON body. */
export interface RequestMeta {
  /** Request headers (as received). */
  readonly headers: Headers;
  /** Scheme + host the client used, e.g. `http://localhost:9229` (the default token issuer base). */
  readonly origin: string;
  /** Access key id of a valid SigV4 signature; set only for admin actions. */
  readonly signedBy?: string;
  /** The `x-amzn-RequestId` of this answer. */
  readonly requestId: string;
}

/**
 * Handles one action. Throw a `ServiceError` for Cognito errors; return the JSON output object
 * (members without a value left out).
 */
export type ActionHandler = (
  ctx: EngineContext,
  input: Record<string, unknown>,
  req: RequestMeta,
) => Promise<Record<string, unknown>>;

/** Handlers by action name (the part of `X-Amz-Target` after the dot). */
export type ActionMap = Record<string, ActionHandler>;
