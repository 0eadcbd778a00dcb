import { CognitoError } from '../low-level.js';

/**
 * Which verification rule a token failed, in the order they are checked (the order of
 * aws-jwt-verify's `CognitoJwtVerifier`):
 * - `malformed`: not three base64url parts, header / payload not JSON objects, claims of the wrong type
 * - `issuer`: `iss` is not the pool's issuer
 * - `kid`: the header has no string `kid`
 * - `unknown-kid`: no key of the pool's JWKS has that `kid` (after one refetch; refetches are
 *   then refused for the cooldown)
 * - `algorithm`: `alg` missing, unsupported (only RS/ES 256/384/512 and EdDSA), or not the key's;
 *   or the key is not usable for signatures
 * - `signature`: the signature does not match
 * - `expired` / `not-yet-valid`: `exp` / `nbf` with the grace period
 * - `scope`: none of the required scopes is in `scope`
 * - `custom`: the `customCheck` threw
 * - `groups`: `cognito:groups` has none of the required groups
 * - `token-use`: `token_use` is not `id` / `access`, or not the expected one
 * - `client-id`: `aud` (ID token) / `client_id` (access token) is not an allowed app client
 */
export type TokenRule =
  | 'malformed'
  | 'issuer'
  | 'kid'
  | 'unknown-kid'
  | 'algorithm'
  | 'signature'
  | 'expired'
  | 'not-yet-valid'
  | 'scope'
  | 'custom'
  | 'groups'
  | 'token-use'
  | 'client-id';

/** Rules that say "authenticated, but not allowed": guards answer 403 for them, 401 otherwise. */
export const FORBIDDEN_RULES: ReadonlySet<TokenRule> = new Set<TokenRule>(['groups', 'scope']);

const BRAND = Symbol.for('cognito-kit.TokenRejectedError');

/**
 * A token that failed verification: a `CognitoError` with code `InvalidToken` and the failed
 * `rule`. Its message names the rule and never contains the token or a claim value.
 */
export class TokenRejectedError extends CognitoError {
  readonly rule: TokenRule;
  readonly [BRAND] = true;
  constructor(rule: TokenRule, message: string, cause?: unknown) {
    super({ code: 'InvalidToken', message, ...(cause !== undefined && { cause }) });
    this.rule = rule;
  }
}

/** Whether `value` is a {@link TokenRejectedError}, optionally for one of `rules`. */
export function isTokenRejected(
  value: unknown,
  ...rules: TokenRule[]
): value is TokenRejectedError {
  if (typeof value !== 'object' || value === null || !(BRAND in value)) return false;
  return rules.length === 0 || rules.includes((value as TokenRejectedError).rule);
}

export const reject = (rule: TokenRule, message: string, cause?: unknown) =>
  new TokenRejectedError(rule, message, cause);
