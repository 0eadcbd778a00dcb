/**
 * Helpers shared by the admin action modules: member rules from Cognito's service model,
 * opaque pagination tokens and the region of a signed request.
 */
import type { RequestMeta } from '../protocol/action.js';
import { serviceError } from '../protocol/errors.js';
import { int, rules, str } from '../protocol/validate.js';

/** `UserPoolId` member reader. */
export const userPoolIdField = () => str({ required: true, ...rules.userPoolId });
/** `Username` member reader (admin actions). */
export const usernameField = () => str({ required: true, ...rules.username });
/** `GroupName` member reader. */
export const groupNameField = () =>
  str({
    required: true,
    min: 1,
    max: 128,
    pattern: {
      regex: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u,
      text: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+',
    },
  });
/** Optional `Limit` / `MaxResults` reader for list actions (Cognito: 0–60 or 1–60). */
export const limitField = (min: number) => int({ min, max: 60 });
/** Required `MaxResults` reader (ListUserPools). */
export const requiredLimitField = (min: number) => int({ required: true, min, max: 60 });
/** `NextToken` / `PaginationToken` reader. */
export const tokenField = () =>
  str({ min: 1, max: 131072, pattern: { regex: /^[\S]+$/, text: '[\\S]+' } });

function toBase64Url(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function fromBase64Url(token: string): string | undefined {
  try {
    const binary = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(binary, (c) => c.charCodeAt(0)),
    );
  } catch {
    return undefined;
  }
}

/** One page of `items` and the token for the next page, if any. */
export interface Page<T> {
  items: T[];
  next?: string;
}

/**
 * Pages `items` (in a stable order) by the key of the last item returned, so deleting items
 * between calls does not skip others. Tokens are opaque base64url text, bound to `scope`.
 *
 * @example
 * const { items, next } = paginate(users, (u) => u.username, 'users:pool', input.Limit ?? 60, input.PaginationToken);
 */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  scope: string,
  limit: number,
  token: string | undefined,
): Page<T> {
  let start = 0;
  if (token !== undefined) {
    const decoded = fromBase64Url(token);
    let after: unknown;
    try {
      const parsed =
        decoded === undefined ? undefined : (JSON.parse(decoded) as { s?: unknown; k?: unknown });
      if (parsed?.s === scope) after = parsed.k;
    } catch {
      after = undefined;
    }
    if (typeof after !== 'string')
      throw serviceError('InvalidParameterException', 'Invalid pagination token.');
    const index = items.findIndex((item) => keyOf(item) > after);
    start = index < 0 ? items.length : index;
  }
  const page = items.slice(start, start + limit);
  const last = page.at(-1);
  const more = start + limit < items.length && last !== undefined;
  return more
    ? { items: page, next: toBase64Url(JSON.stringify({ s: scope, k: keyOf(last) })) }
    : { items: page };
}

/** Sorts by a string key (code-unit order, matching {@link paginate}'s comparison). */
export function sortedBy<T>(items: Iterable<T>, keyOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}

/** The region named in the request's SigV4 credential scope (`us-east-1` when unsigned). */
export function signedRegion(req: RequestMeta): string {
  const match = /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\//.exec(
    req.headers.get('authorization') ?? '',
  );
  return match?.[1] ?? 'us-east-1';
}

/** Epoch seconds of an engine time in ms (Cognito date members). */
export function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}
