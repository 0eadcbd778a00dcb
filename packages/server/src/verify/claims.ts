/**
 * The claim rules, pure: each returns the rejection or nothing. Times are seconds; `now` may be
 * fractional. Sources: aws-jwt-verify `src/jwt.ts` (exp / nbf / scope), `src/cognito-verifier.ts`
 * (groups, token_use, client_id).
 */
import { reject, type TokenRejectedError } from './errors.js';
import type { JsonObject } from './decompose.js';

/** Expired when `exp + grace < now`; a token without `exp` is not rejected (as aws-jwt-verify). */
export function checkTimes(
  payload: JsonObject,
  nowSeconds: number,
  grace: number,
): TokenRejectedError | undefined {
  const exp = payload['exp'] as number | undefined;
  if (exp !== undefined && exp + grace < nowSeconds)
    return reject('expired', 'The token has expired.');
  const nbf = payload['nbf'] as number | undefined;
  if (nbf !== undefined && nbf - grace > nowSeconds)
    return reject('not-yet-valid', 'The token is not valid yet (nbf).');
  return undefined;
}

/** At least one of `required` must be among the space-separated `scope` claim. */
export function checkScopes(
  payload: JsonObject,
  required: readonly string[] | null,
): TokenRejectedError | undefined {
  if (required === null || required.length === 0) return undefined;
  const scope = payload['scope'] as string | undefined;
  if (scope === undefined) return reject('scope', 'The token has no scope claim.');
  const granted = new Set(scope.split(' '));
  return required.some((s) => granted.has(s))
    ? undefined
    : reject('scope', 'The token has none of the required scopes.');
}

/** `cognito:groups` must contain at least one of `required`. */
export function checkGroups(
  payload: JsonObject,
  required: readonly string[] | null,
): TokenRejectedError | undefined {
  if (required === null || required.length === 0) return undefined;
  const groups = payload['cognito:groups'] as string[] | undefined;
  if (groups === undefined) return reject('groups', 'The token has no cognito:groups claim.');
  return required.some((g) => groups.includes(g))
    ? undefined
    : reject('groups', 'The token is in none of the required groups.');
}

/** `token_use` is always `id` or `access`, and the expected one when one is set. */
export function checkTokenUse(
  payload: JsonObject,
  expected: 'id' | 'access' | null,
): TokenRejectedError | undefined {
  const use = payload['token_use'];
  if (use !== 'id' && use !== 'access')
    return reject('token-use', 'The token has no valid token_use (id or access).');
  if (expected !== null && use !== expected)
    return reject('token-use', `The token is not an ${expected} token.`);
  return undefined;
}

/** ID tokens name the app client in `aud`, access tokens in `client_id`. */
export function checkClientId(
  payload: JsonObject,
  allowed: readonly string[] | null,
): TokenRejectedError | undefined {
  if (allowed === null) return undefined;
  const value = payload['token_use'] === 'id' ? payload['aud'] : payload['client_id'];
  return typeof value === 'string' && allowed.includes(value)
    ? undefined
    : reject('client-id', 'The token was issued to another app client.');
}
