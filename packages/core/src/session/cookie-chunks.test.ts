import { describe, expect, it } from 'vitest';
import {
  chunkCookie,
  COOKIE_CHUNK_SIZE,
  cookieWrites,
  MAX_COOKIE_CHUNKS,
  parseCookieHeader,
  readChunkedCookie,
  serializeCookie,
} from './cookie-chunks.js';

const NAME = 'cognito-kit.client1.session';
/** A record the size of a real one: three Cognito tokens (~1 KB, ~1 KB, ~1.8 KB) in JSON. */
const record = JSON.stringify({
  idToken: `eyJ${'a'.repeat(1100)}.${'b'.repeat(60)}`,
  accessToken: `eyJ${'c'.repeat(1000)}.${'d'.repeat(60)}`,
  refreshToken: `eyJ${'e'.repeat(1800)}`,
  username: 'ünïcødé user; with, separators',
});

describe('chunkCookie / readChunkedCookie', () => {
  it.each([
    ['empty', ''],
    ['short', '{"a":1}'],
    ['a real session record', record],
    ['exactly one chunk', 'x'.repeat(COOKIE_CHUNK_SIZE)],
    ['one character over a chunk', 'x'.repeat(COOKIE_CHUNK_SIZE + 1)],
    ['multi-byte characters across every boundary', 'é😀'.repeat(COOKIE_CHUNK_SIZE)],
  ])('round-trips %s', (_, value) => {
    const chunks = chunkCookie(NAME, value);
    expect(chunks.map((c) => c.name)).toEqual(chunks.map((_, i) => `${NAME}.${i}`));
    for (const chunk of chunks) {
      expect(chunk.value.length).toBeLessThanOrEqual(COOKIE_CHUNK_SIZE);
      // base64url only: valid cookie-octets (RFC 6265), and unchanged by encodeURIComponent,
      // so libraries that URI-encode cookie values (Next.js) write them as they are.
      expect(chunk.value).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(encodeURIComponent(chunk.value)).toBe(chunk.value);
      expect(new TextEncoder().encode(`${chunk.name}=${chunk.value}`).length).toBeLessThan(4096);
    }
    expect(readChunkedCookie(NAME, chunks)).toBe(value);
  });

  it('spreads a real session record over two cookies', () => {
    expect(chunkCookie(NAME, record)).toHaveLength(2);
  });

  it('refuses a value that would need more than the maximum of cookies', () => {
    expect(() => chunkCookie(NAME, 'x'.repeat(COOKIE_CHUNK_SIZE * MAX_COOKIE_CHUNKS + 1))).toThrow(
      RangeError,
    );
  });

  it.each([
    ['no chunk', []],
    ['chunks of another name only', [{ name: `${NAME}x.0`, value: 'a' }]],
    ['a chunk that is not base64url', [{ name: `${NAME}.0`, value: '%E9' }]],
    ['a chunk that is not UTF-8', [{ name: `${NAME}.0`, value: '_w' }]],
  ])('reads %s as null', (_, cookies) => {
    expect(readChunkedCookie(NAME, cookies)).toBeNull();
  });

  it('stops at the first missing chunk', () => {
    const cookies = [
      { name: `${NAME}.0`, value: 'YWI' },
      { name: `${NAME}.2`, value: 'eno' },
    ];
    expect(readChunkedCookie(NAME, cookies)).toBe('ab');
  });
});

describe('cookieWrites', () => {
  const present = [
    { name: `${NAME}.0`, value: 'old' },
    { name: `${NAME}.1`, value: 'old' },
    { name: `${NAME}.2`, value: 'old' },
    { name: 'other', value: 'keep' },
  ];

  it('writes the new chunks and removes the stale ones of a longer earlier value', () => {
    expect(cookieWrites(NAME, 'new', present)).toEqual([
      { name: `${NAME}.0`, value: 'bmV3', remove: false },
      { name: `${NAME}.1`, value: '', remove: true },
      { name: `${NAME}.2`, value: '', remove: true },
    ]);
  });

  it('removes every chunk for null and touches no other cookie', () => {
    expect(cookieWrites(NAME, null, present).map((w) => [w.name, w.remove])).toEqual([
      [`${NAME}.0`, true],
      [`${NAME}.1`, true],
      [`${NAME}.2`, true],
    ]);
  });
});

describe('serializeCookie / parseCookieHeader', () => {
  it.each([
    [
      { path: '/', secure: true, sameSite: 'lax', maxAge: 60 },
      'n=v; Path=/; Max-Age=60; SameSite=Lax; Secure',
    ],
    [
      { domain: 'example.com', path: '/app', secure: false, sameSite: 'strict', maxAge: 0 },
      'n=v; Path=/app; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Domain=example.com; SameSite=Strict',
    ],
  ] as const)('writes %o as %s', (attributes, expected) => {
    expect(serializeCookie('n', 'v', attributes)).toBe(expected);
  });

  it('parses a Cookie header, values with "=" included', () => {
    expect(parseCookieHeader('a=1; b=x=y ;junk; c=')).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: 'x=y' },
      { name: 'c', value: '' },
    ]);
    expect(parseCookieHeader(undefined)).toEqual([]);
  });
});
