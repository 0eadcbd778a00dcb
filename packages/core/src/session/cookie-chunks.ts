/**
 * The cookie format of a cookie-kept session, pure (no `document`, no request): one value
 * spread over `<name>.0`, `<name>.1`, … so that no cookie passes the browsers' 4 KB limit,
 * plus the attribute and header syntax. The browser adapter (`cookieStorage`) and the server
 * (`getServerSession` of `@cognito-kit/server`) both read and write through these functions,
 * so the two sides cannot disagree on the format.
 */

import { base64ToBytes, bytesToBase64, utf8 } from '../srp/encoding.js';

/** One cookie as a request carries it (`Cookie` header) or a jar lists it. */
export interface CookieEntry {
  readonly name: string;
  readonly value: string;
}

/** The attributes every cookie of a session is written with (`Set-Cookie` / `document.cookie`). */
export interface CookieAttributes {
  /** Default: the host that set it (no `Domain`; the cookie is not sent to subdomains). */
  readonly domain?: string | undefined;
  readonly path: string;
  readonly secure: boolean;
  readonly sameSite: 'lax' | 'strict' | 'none';
  /** Seconds the cookie lives; 0 removes it. */
  readonly maxAge: number;
}

/**
 * The longest value of one chunk, characters. Browsers keep a cookie whose name and value
 * together are at most 4096 bytes (RFC 6265 §6.1's minimum, the common maximum); the rest is
 * left for the name (`cognito-kit.<clientId>.session.<n>`, under 150 bytes).
 */
export const COOKIE_CHUNK_SIZE = 3800;

/** How many chunks one value may take; a longer value is refused rather than half written. */
export const MAX_COOKIE_CHUNKS = 8;

const chunkName = (name: string, index: number) => `${name}.${index}`;

/** base64url (no padding) of the UTF-8 bytes of `value`. */
function encodeValue(value: string): string {
  return bytesToBase64(utf8(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeValue(encoded: string): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(base64ToBytes(encoded));
  } catch {
    return null;
  }
}

/**
 * Splits `value` into the cookies that hold it. The value is base64url-encoded first: JSON's
 * quotes, commas and semicolons are not allowed in a cookie value, and base64url's alphabet is
 * left alone by every cookie library that URI-encodes values on the way out and decodes them
 * on the way in (Next.js `cookies()`, Express `res.cookie`), so the chunks read back the same
 * through any of them.
 * @throws RangeError when the value needs more than {@link MAX_COOKIE_CHUNKS} cookies.
 */
export function chunkCookie(
  name: string,
  value: string,
  size: number = COOKIE_CHUNK_SIZE,
): CookieEntry[] {
  const encoded = encodeValue(value);
  const chunks: CookieEntry[] = [];
  for (let start = 0; start < encoded.length || chunks.length === 0; start += size) {
    chunks.push({
      name: chunkName(name, chunks.length),
      value: encoded.slice(start, start + size),
    });
  }
  if (chunks.length > MAX_COOKIE_CHUNKS) {
    throw new RangeError(`A value of ${encoded.length} characters needs too many cookies.`);
  }
  return chunks;
}

/**
 * Reads the value chunked under `name` from a request's or document's cookies: `<name>.0`,
 * `<name>.1`, … up to the first missing one. Null when there is none, or when the chunks do
 * not decode (a torn write reads as absent).
 */
export function readChunkedCookie(name: string, cookies: Iterable<CookieEntry>): string | null {
  const byName = new Map<string, string>();
  for (const cookie of cookies) byName.set(cookie.name, cookie.value);
  let encoded = '';
  let index = 0;
  for (; index < MAX_COOKIE_CHUNKS; index += 1) {
    const part = byName.get(chunkName(name, index));
    if (part === undefined) break;
    encoded += part;
  }
  return index === 0 ? null : decodeValue(encoded);
}

/** The names of the chunk cookies of `name` present in `cookies` (to remove or replace them). */
export function chunkNamesOf(name: string, cookies: Iterable<CookieEntry>): string[] {
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+$`);
  const names: string[] = [];
  for (const cookie of cookies) if (pattern.test(cookie.name)) names.push(cookie.name);
  return names;
}

/**
 * The cookies to set so that `name` holds `value` (null removes it): its chunks, plus removals
 * of the chunks of a longer earlier value that the new one no longer uses.
 */
export function cookieWrites(
  name: string,
  value: string | null,
  present: Iterable<CookieEntry>,
): { name: string; value: string; remove: boolean }[] {
  const chunks = value === null ? [] : chunkCookie(name, value);
  const used = new Set(chunks.map((chunk) => chunk.name));
  const removals = chunkNamesOf(name, present)
    .filter((stale) => !used.has(stale))
    .map((stale) => ({ name: stale, value: '', remove: true }));
  return [...chunks.map((chunk) => ({ ...chunk, remove: false })), ...removals];
}

const SAME_SITE = { lax: 'Lax', strict: 'Strict', none: 'None' } as const;

/** `name=value; Path=…; Max-Age=…; …`, the syntax of `document.cookie` and `Set-Cookie`. */
export function serializeCookie(name: string, value: string, attributes: CookieAttributes): string {
  const parts = [`${name}=${value}`, `Path=${attributes.path}`, `Max-Age=${attributes.maxAge}`];
  // A removal says so twice: `Max-Age=0`, and an `Expires` in the past for agents that count
  // Max-Age=0 as "expires now" and keep the cookie for that instant.
  if (attributes.maxAge === 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (attributes.domain !== undefined) parts.push(`Domain=${attributes.domain}`);
  parts.push(`SameSite=${SAME_SITE[attributes.sameSite]}`);
  if (attributes.secure) parts.push('Secure');
  return parts.join('; ');
}

/** The cookies of a `Cookie` header (or of `document.cookie`), in order. */
export function parseCookieHeader(header: string | null | undefined): CookieEntry[] {
  if (!header) return [];
  const cookies: CookieEntry[] = [];
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    cookies.push({ name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() });
  }
  return cookies;
}
