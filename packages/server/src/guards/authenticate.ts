/**
 * The decision both guards share: read the bearer token (RFC 6750 §2.1), verify it, and turn a
 * refusal into the status and `WWW-Authenticate` challenge RFC 6750 §3 prescribes —
 * - no credentials: 401 `Bearer realm="…"` with no error code (§3.1: "SHOULD NOT include an
 *   error code" when the request lacks authentication information);
 * - a malformed `Authorization` header: 400 `error="invalid_request"`;
 * - a token that fails verification: 401 `error="invalid_token"`;
 * - a valid token refused for its groups / scopes: 403 `error="insufficient_scope"`;
 * - keys unavailable (JWKS fetch failed): 503, nothing about the token.
 * The reason never goes beyond that header; `onRejected` gets the error for the server's logs.
 */
import { isCognitoError } from '../low-level.js';
import { FORBIDDEN_RULES, isTokenRejected } from '../verify/errors.js';
import type { CognitoJwtVerifier, VerifyRules } from '../verify/verifier.js';

/** Options of `withCognitoAuth` and `requireCognitoAuth`. */
export interface CognitoAuthOptions<Claims> {
  /** Made by `createCognitoJwtVerifier`. */
  verifier: CognitoJwtVerifier<Claims>;
  /** Rules for this route on top of the verifier's, e.g. `{ groups: 'admins' }` or `{ scopes: 'orders/write' }`. */
  rules?: Partial<VerifyRules>;
  /** `realm` of the `WWW-Authenticate` challenge. Default `api`. */
  realm?: string;
  /** Sees every refusal with its reason (log it; it is not sent to the client). */
  onRejected?: (error: unknown) => void;
}

/** What a guarded handler receives. */
export interface CognitoAuthContext<Claims> {
  readonly claims: Claims;
  /** The verified token, to forward to Cognito (GetUser) or another service. */
  readonly token: string;
}

/** A refusal, ready to send. */
export interface Refusal {
  readonly status: 400 | 401 | 403 | 503;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: { readonly error: string };
}

export type AuthOutcome<Claims> =
  | ({ readonly ok: true } & CognitoAuthContext<Claims>)
  | ({ readonly ok: false; readonly error: unknown } & Refusal);

// RFC 6750 §2.1: credentials = "Bearer" 1*SP b68token; the scheme is case-insensitive.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

function refusal(status: Refusal['status'], realm: string, error?: string): Refusal {
  const challenge = error ? `Bearer realm="${realm}", error="${error}"` : `Bearer realm="${realm}"`;
  return {
    status,
    headers: status === 503 ? { 'retry-after': '5' } : { 'www-authenticate': challenge },
    body: { error: error ?? (status === 503 ? 'temporarily_unavailable' : 'unauthorized') },
  };
}

/** Verifies the request's bearer token; never throws. */
export async function authenticate<Claims>(
  authorization: string | null | undefined,
  options: CognitoAuthOptions<Claims>,
): Promise<AuthOutcome<Claims>> {
  const realm = (options.realm ?? 'api').replace(/["\\]/g, '');
  const refuse = (error: unknown, r: Refusal): AuthOutcome<Claims> => {
    options.onRejected?.(error);
    return { ok: false, error, ...r };
  };
  if (authorization === null || authorization === undefined || authorization === '') {
    return refuse(new Error('No Authorization header.'), refusal(401, realm));
  }
  const token = BEARER.exec(authorization)?.[1];
  if (token === undefined) {
    return refuse(
      new Error('The Authorization header is not "Bearer <token>".'),
      refusal(400, realm, 'invalid_request'),
    );
  }
  try {
    const claims = await options.verifier.verify(token, options.rules);
    return { ok: true, claims, token };
  } catch (error) {
    if (isTokenRejected(error)) {
      return FORBIDDEN_RULES.has(error.rule)
        ? refuse(error, refusal(403, realm, 'insufficient_scope'))
        : refuse(error, refusal(401, realm, 'invalid_token'));
    }
    // Not the token's fault (the pool's keys could not be had): no challenge, retry later.
    if (isCognitoError(error)) return refuse(error, refusal(503, realm));
    return refuse(error, refusal(401, realm, 'invalid_token'));
  }
}
