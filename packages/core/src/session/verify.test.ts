/// <reference types="node" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isCognitoError } from '../errors/index.js';
import { cognitoIssuer, createTokenVerifier, type FetchLike } from './verify.js';

// A key set generated here and served by a local fetch function: these tests exercise the
// JWT checks themselves; the same checks run against the emulator's keys in
// test/session.integration.test.ts.
const ISSUER = 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Pool1';
const CLIENT = 'client123';
const NOW = 1_800_000_000_000;

interface Key {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}
const makeKey = async (kid: string): Promise<Key> => {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return {
    kid,
    privateKey,
    jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
};

let k1: Key;
let k2: Key;
beforeAll(async () => {
  [k1, k2] = await Promise.all([makeKey('k1'), makeKey('k2')]);
});

const sign = (key: Key, claims: Record<string, unknown>, iat = NOW / 1000) =>
  new SignJWT({ iss: ISSUER, sub: 'u-1', auth_time: iat, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setIssuedAt(iat)
    .setExpirationTime(iat + 3600)
    .sign(key.privateKey);
const access = (key: Key, extra: Record<string, unknown> = {}, iat?: number) =>
  sign(key, { token_use: 'access', client_id: CLIENT, username: 'alice', ...extra }, iat);
const id = (key: Key, extra: Record<string, unknown> = {}, iat?: number) =>
  sign(key, { token_use: 'id', aud: CLIENT, 'cognito:username': 'alice', ...extra }, iat);

function jwksServer(keys: () => JWK[]) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  let answer: 'ok' | 'down' | '500' | '404' = 'ok';
  const fetch: FetchLike = async (input, init) => {
    requests.push({ url: String(input), init });
    if (answer === 'down') throw new TypeError('fetch failed');
    if (answer === '500') return new Response('oops', { status: 500 });
    if (answer === '404') return new Response('no such pool', { status: 404 });
    return Response.json({ keys: keys() });
  };
  return { fetch, requests, set: (a: typeof answer) => (answer = a) };
}

const verifierFor = (fetch: FetchLike, now = NOW) =>
  createTokenVerifier({ issuer: ISSUER, clientId: CLIENT, fetch, clock: { now: () => now } });

const failure = async (p: Promise<unknown>) => {
  const e: unknown = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).not.toBeNull();
  return e as Error & { code: string };
};

describe('cognitoIssuer', () => {
  it('builds the AWS issuer from the pool id, or from an endpoint override', () => {
    expect(cognitoIssuer({ userPoolId: 'eu-west-2_Pool1' })).toBe(ISSUER);
    expect(cognitoIssuer({ userPoolId: 'local_1', endpoint: 'http://localhost:9229/' })).toBe(
      'http://localhost:9229/local_1',
    );
  });
});

describe('createTokenVerifier', () => {
  it('accepts valid tokens, fetching the JWKS once, without credentials', async () => {
    const server = jwksServer(() => [k1.jwk, k2.jwk]);
    const v = verifierFor(server.fetch);
    expect((await v.verifyAccessToken(await access(k1))).username).toBe('alice');
    expect((await v.verifyIdToken(await id(k2)))['cognito:username']).toBe('alice');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.url).toBe(`${ISSUER}/.well-known/jwks.json`);
    expect(server.requests[0]?.init?.credentials).toBe('omit');
    expect(v.jwksCache.jwks?.keys).toHaveLength(2);
  });

  it('checks expiry with the clock-skew allowance', async () => {
    const server = jwksServer(() => [k1.jwk]);
    const token = await access(k1);
    const expiry = NOW + 3600_000;
    await expect(
      verifierFor(server.fetch, expiry + 59_000).verifyAccessToken(token),
    ).resolves.toBeTruthy();
    const e = await failure(verifierFor(server.fetch, expiry + 61_000).verifyAccessToken(token));
    expect(e.code).toBe('InvalidToken');
    expect(e.message).toMatch(/expired/);
  });

  it('refuses a tampered token (signature)', async () => {
    const server = jwksServer(() => [k1.jwk]);
    const [h, , s] = (await access(k1)).split('.');
    const forged = Buffer.from(
      JSON.stringify({
        iss: ISSUER,
        sub: 'u-2',
        token_use: 'access',
        client_id: CLIENT,
        username: 'mallory',
        iat: NOW / 1000,
        exp: NOW / 1000 + 3600,
      }),
    ).toString('base64url');
    const e = await failure(verifierFor(server.fetch).verifyAccessToken(`${h}.${forged}.${s}`));
    expect(e.code).toBe('InvalidToken');
    expect(e.message).toMatch(/signature/);
  });

  it('refuses foreign issuers and other clients without fetching keys', async () => {
    const server = jwksServer(() => [k1.jwk]);
    const v = verifierFor(server.fetch);
    expect(
      (await failure(v.verifyAccessToken(await access(k1, { iss: 'https://evil.example/p' }))))
        .message,
    ).toMatch(/issuer/);
    expect(
      (await failure(v.verifyAccessToken(await access(k1, { client_id: 'other' })))).message,
    ).toMatch(/client_id/);
    expect((await failure(v.verifyIdToken(await id(k1, { aud: 'other' })))).message).toMatch(/aud/);
    expect((await failure(v.verifyIdToken(await access(k1)))).message).toMatch(/token_use/);
    expect(server.requests).toHaveLength(0);
  });

  it('refetches the JWKS for an unknown kid at most once per cooldown', async () => {
    let keys = [k1.jwk];
    const server = jwksServer(() => keys);
    const v = createTokenVerifier({
      issuer: ISSUER,
      clientId: CLIENT,
      fetch: server.fetch,
      clock: { now: () => NOW },
      jwksCooldown: 60_000,
    });
    await v.verifyAccessToken(await access(k1));
    const unknown = await access(k2);
    // Fetched once more right away? No: the first fetch just happened, the cooldown holds.
    expect((await failure(v.verifyAccessToken(unknown))).message).toMatch(/kid/);
    expect((await failure(v.verifyAccessToken(unknown))).message).toMatch(/kid/);
    expect(server.requests).toHaveLength(1);

    const fresh = createTokenVerifier({
      issuer: ISSUER,
      clientId: CLIENT,
      fetch: server.fetch,
      clock: { now: () => NOW },
      jwksCooldown: 0,
    });
    await fresh.verifyAccessToken(await access(k1));
    keys = [k1.jwk, k2.jwk]; // the pool rotated its keys
    await expect(fresh.verifyAccessToken(unknown)).resolves.toBeTruthy();
    expect(server.requests).toHaveLength(3);
  });

  it('reports unreachable, failing or broken key endpoints as NetworkError / retryable / ProtocolError', async () => {
    const server = jwksServer(() => [k1.jwk]);
    server.set('down');
    const down = await failure(verifierFor(server.fetch).verifyAccessToken(await access(k1)));
    expect(isCognitoError(down, 'NetworkError')).toBe(true);
    server.set('500');
    const failing = await failure(verifierFor(server.fetch).verifyAccessToken(await access(k1)));
    expect(failing).toMatchObject({
      code: 'UnknownServiceException',
      status: 500,
      retryable: true,
    });
    server.set('404');
    const broken = await failure(verifierFor(server.fetch).verifyAccessToken(await access(k1)));
    expect(broken).toMatchObject({ code: 'ProtocolError', retryable: false });
  });

  it('uses a persisted JWKS cache instead of fetching', async () => {
    const server = jwksServer(() => [k1.jwk]);
    const v = createTokenVerifier({
      issuer: ISSUER,
      clientId: CLIENT,
      fetch: server.fetch,
      clock: { now: () => NOW },
      jwksCache: { uat: Date.now(), jwks: { keys: [k1.jwk as Record<string, unknown>] } },
    });
    await v.verifyAccessToken(await access(k1));
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a token whose header names no key (kid) as InvalidToken, without fetching', async () => {
    for (const keys of [[k1.jwk, k2.jwk], [k1.jwk]]) {
      const server = jwksServer(() => keys);
      const noKid = await new SignJWT({ token_use: 'access', client_id: CLIENT, username: 'a' })
        .setProtectedHeader({ alg: 'RS256' })
        .setIssuer(ISSUER)
        .setSubject('u-1')
        .setIssuedAt(NOW / 1000)
        .setExpirationTime(NOW / 1000 + 3600)
        .sign(k1.privateKey);
      const e = await failure(verifierFor(server.fetch).verifyAccessToken(noKid));
      expect(e.code).toBe('InvalidToken');
      expect(e.message).toMatch(/kid/);
      expect(server.requests).toHaveLength(0);
    }
  });

  it('checks exp against local time plus the clock offset it is given', async () => {
    const server = jwksServer(() => [k1.jwk]);
    const token = await access(k1); // issued at NOW, valid for 1 h
    for (const deviceAhead of [10 * 60_000, 2 * 3600_000, -10 * 60_000, -2 * 3600_000]) {
      const v = verifierFor(server.fetch, NOW + 30 * 60_000 + deviceAhead);
      const claims = await v.verifyAccessToken(token, { clockOffset: -deviceAhead });
      expect(claims.username).toBe('alice');
    }
    // Without the offset a device 2 h fast sees the token as expired.
    const e = await failure(verifierFor(server.fetch, NOW + 2 * 3600_000).verifyAccessToken(token));
    expect(e.message).toMatch(/expired/);
  });
});

describe('JWKS bounds (a key endpoint on 127.0.0.1, port 0)', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  /** Serves `body()` at every path, chunked (no content-length) unless `declare` is set. */
  async function keyEndpoint(body: () => string, declare = false) {
    const hits = { count: 0 };
    server = createServer((_req, res) => {
      hits.count += 1;
      const text = body();
      res.writeHead(200, {
        'content-type': 'application/json',
        ...(declare ? { 'content-length': Buffer.byteLength(text) } : {}),
      });
      // Written in 16 KB pieces, as a large answer arrives.
      for (let at = 0; at < text.length; at += 16_384) res.write(text.slice(at, at + 16_384));
      res.end();
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/eu-west-2_Pool1`;
    return { issuer, hits };
  }

  const tokenFor = (issuer: string) =>
    new SignJWT({ token_use: 'access', client_id: CLIENT, username: 'alice' })
      .setProtectedHeader({ alg: 'RS256', kid: k1.kid })
      .setIssuer(issuer)
      .setSubject('u-1')
      .setIssuedAt(NOW / 1000)
      .setExpirationTime(NOW / 1000 + 3600)
      .sign(k1.privateKey);

  const verifierAt = (issuer: string) =>
    createTokenVerifier({ issuer, clientId: CLIENT, clock: { now: () => NOW }, jwksCooldown: 0 });

  it.each([
    ['streamed', false],
    ['declared', true],
  ])(
    'refuses a JWKS over 64 KB (%s length) with ProtocolError and caches nothing',
    async (_, declare) => {
      // Valid keys followed by 2 MB of padding inside one key: a well-formed but huge answer.
      const huge = JSON.stringify({ keys: [k1.jwk, { ...k2.jwk, pad: 'x'.repeat(2_000_000) }] });
      const { issuer, hits } = await keyEndpoint(() => huge, declare);
      const v = verifierAt(issuer);
      const e = await failure(v.verifyAccessToken(await tokenFor(issuer)));
      expect(isCognitoError(e, 'ProtocolError')).toBe(true);
      expect(e.message).toMatch(/larger than 65536 bytes/);
      expect(v.jwksCache).toEqual({});
      expect(hits.count).toBe(1);
    },
  );

  it('refuses a JWKS with more than 16 keys, and accepts 16', async () => {
    let count = 17;
    const { issuer } = await keyEndpoint(() =>
      JSON.stringify({
        keys: Array.from({ length: count }, (_, i) =>
          i === 0 ? k1.jwk : { ...k2.jwk, kid: `extra-${i}` },
        ),
      }),
    );
    const v = verifierAt(issuer);
    const e = await failure(v.verifyAccessToken(await tokenFor(issuer)));
    expect(isCognitoError(e, 'ProtocolError')).toBe(true);
    expect(e.message).toMatch(/17 keys/);
    expect(v.jwksCache).toEqual({});
    count = 16;
    expect((await v.verifyAccessToken(await tokenFor(issuer))).username).toBe('alice');
    expect(v.jwksCache.jwks?.keys).toHaveLength(16);
  });
});
