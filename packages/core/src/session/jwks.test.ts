import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isCognitoError } from '../errors/index.js';
import type { JwksCacheRecord } from './token-store.js';
import { createJwksKeys, type FetchLike } from './jwks.js';

// The key source alone, against a local fetch function serving a generated key set; the
// verifier's tests (verify.test.ts) and the emulator integration test cover it end to end.
const URL_ = 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Pool1/.well-known/jwks.json';

let k1: JWK;
let k2: JWK;
beforeAll(async () => {
  const make = async (kid: string) => {
    const { publicKey } = await generateKeyPair('RS256', { extractable: true });
    return { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  };
  [k1, k2] = await Promise.all([make('k1'), make('k2')]);
});
afterEach(() => vi.restoreAllMocks());

function server(body: () => unknown, status = 200) {
  const requests: RequestInit[] = [];
  const fetch: FetchLike = async (input, init) => {
    expect(String(input)).toBe(URL_);
    requests.push(init ?? {});
    await Promise.resolve(); // answer later, so concurrent callers overlap
    const answer = body();
    return typeof answer === 'string'
      ? new Response(answer, { status })
      : Response.json(answer, { status });
  };
  return { fetch, requests };
}

const keysFor = (
  fetch: FetchLike,
  cache: JwksCacheRecord = {},
  durations: { cooldown?: number; maxAge?: number } = {},
) =>
  createJwksKeys({
    url: URL_,
    fetch,
    cache,
    cooldown: durations.cooldown ?? 30_000,
    maxAge: durations.maxAge ?? 3_600_000,
  });

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe('createJwksKeys', () => {
  it('imports the RS256 key of a kid as a public verify key, sharing one fetch', async () => {
    const s = server(() => ({ keys: [k1, k2] }));
    const cache: JwksCacheRecord = {};
    const keys = keysFor(s.fetch, cache);
    const [a, b] = await Promise.all([keys('k1'), keys('k2')]);
    expect(a?.type).toBe('public');
    expect(a?.usages).toEqual(['verify']);
    expect(a?.algorithm).toMatchObject({ name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } });
    expect(b).not.toBe(a);
    expect(await keys('k1')).toBe(a); // imported once
    expect(s.requests).toHaveLength(1);
    expect(s.requests[0]).toMatchObject({ method: 'GET', credentials: 'omit' });
    expect(cache.jwks?.keys).toHaveLength(2);
    expect(cache.uat).toBeGreaterThan(0);
  });

  it('fetches again once the set is older than maxAge', async () => {
    const s = server(() => ({ keys: [k1] }));
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_000_000);
    const keys = keysFor(s.fetch, {}, { maxAge: 60_000 });
    await keys('k1');
    now.mockReturnValue(1_059_999);
    await keys('k1');
    expect(s.requests).toHaveLength(1);
    now.mockReturnValue(1_060_000);
    await keys('k1');
    expect(s.requests).toHaveLength(2);
  });

  it('reads a persisted record filled after creation, unless it is stale', async () => {
    const s = server(() => ({ keys: [k1] }));
    const cache: JwksCacheRecord = {};
    const keys = keysFor(s.fetch, cache);
    Object.assign(cache, { uat: Date.now(), jwks: { keys: [k1] } });
    expect(await keys('k1')).toBeDefined();
    expect(s.requests).toHaveLength(0);

    const stale: JwksCacheRecord = { uat: Date.now() - 3_600_001, jwks: { keys: [k1] } };
    await keysFor(s.fetch, stale)('k1');
    expect(s.requests).toHaveLength(1);
    expect(stale.uat).toBeGreaterThan(Date.now() - 1000);
  });

  it('answers undefined for a kid no usable key has, refetching only after the cooldown', async () => {
    const s = server(() => ({
      keys: [
        { ...k1, kid: 'enc', use: 'enc' },
        { ...k1, kid: 'hs', alg: 'HS256' },
        { kty: 'EC', kid: 'ec', crv: 'P-256' },
        k1,
      ],
    }));
    const keys = keysFor(s.fetch, {}, { cooldown: 0 });
    for (const kid of ['enc', 'hs', 'ec', 'k9', undefined]) {
      expect(await keys(kid)).toBeUndefined();
    }
    // One first fetch, then one refetch per unknown kid (cooldown 0).
    expect(s.requests).toHaveLength(6);
  });

  it('refuses broken answers as ProtocolError and no answer as NetworkError', async () => {
    const cases: [FetchLike, string][] = [
      [server(() => 'oops', 500).fetch, 'ProtocolError'],
      [server(() => 'not json').fetch, 'ProtocolError'],
      [server(() => ({ keys: 'none' })).fetch, 'ProtocolError'],
      [server(() => [k1]).fetch, 'ProtocolError'],
      [() => Promise.reject(new TypeError('fetch failed')), 'NetworkError'],
    ];
    for (const [fetch, code] of cases) {
      const e = await rejection(keysFor(fetch)('k1'));
      expect(isCognitoError(e, code as 'ProtocolError')).toBe(true);
    }
  });

  it('refuses a key WebCrypto cannot import for verify (a private key) as ProtocolError', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: 'priv' };
    const s = server(() => ({ keys: [jwk] }));
    const e = await rejection(keysFor(s.fetch)('priv'));
    expect(isCognitoError(e, 'ProtocolError')).toBe(true);
    expect((e as Error).message).not.toContain(String(jwk.d));
  });
});
