/**
 * The verifier's table, at least as broad as aws-jwt-verify's own unit tests (cognito-verifier,
 * jwt-verifier, jwk): every rule with a passing and a failing case, grace boundaries, key
 * rotation and the kid-miss cooldown, hydrate, several pools. The JWKS comes from an in-process
 * fetch (the emulator-backed test is in test/verifier-emulator.test.ts). The whole table runs
 * with both signature backends (WebCrypto + jose, node:crypto).
 */
import { describe, expect, it } from 'vitest';
import { isCognitoError } from '../low-level.js';
import { isTokenRejected, type TokenRule } from './errors.js';
import { nodeSignatures } from '../node/signatures.js';
import { webCryptoSignatures, type SignatureBackend } from './signature.js';
import { createCognitoJwtVerifier, type CognitoJwtVerifierOptions } from './verifier.js';
import {
  CLIENT,
  ISSUER,
  NOW,
  NOW_MS,
  POOL,
  accessClaims,
  idClaims,
  jwksServer,
  part,
  sign,
  testKey,
  type TestKey,
} from './verifier.test-helpers.js';

const rsa = await testKey('rsa-1');

describe.each([
  ['WebCrypto', webCryptoSignatures as SignatureBackend],
  ['node:crypto', nodeSignatures as SignatureBackend],
])('with %s signatures', (_backend, signatures) => {
  function setup(
    options: Partial<CognitoJwtVerifierOptions> = {},
    keys: TestKey[] = [rsa],
    clock = { ms: NOW_MS },
  ) {
    const server = jwksServer(keys.map((k) => k.jwk));
    const verifier = createCognitoJwtVerifier(
      {
        userPoolId: POOL,
        clientId: CLIENT,
        tokenUse: 'access',
        ...options,
      } as CognitoJwtVerifierOptions,
      { fetch: server.fetch, now: () => clock.ms, signatures },
    );
    return { server, verifier, clock };
  }

  async function ruleOf(promise: Promise<unknown>): Promise<TokenRule | string> {
    try {
      await promise;
    } catch (error) {
      if (isTokenRejected(error)) {
        expect(error.code).toBe('InvalidToken');
        return error.rule;
      }
      if (isCognitoError(error)) return error.code;
      throw error;
    }
    return 'accepted';
  }

  describe('valid tokens', () => {
    it('an access token returns its claims', async () => {
      const { verifier } = setup();
      const claims = await verifier.verify(await sign(rsa, accessClaims()));
      expect(claims).toMatchObject({ username: 'alice', client_id: CLIENT, token_use: 'access' });
    });

    it('an ID token is checked against aud', async () => {
      const { verifier } = setup({ tokenUse: 'id' });
      expect((await verifier.verify(await sign(rsa, idClaims({ email: 'ä@例え.jp' })))).email).toBe(
        'ä@例え.jp',
      );
      expect(await ruleOf(verifier.verify(await sign(rsa, idClaims({ aud: 'other' }))))).toBe(
        'client-id',
      );
      expect(await ruleOf(verifier.verify(await sign(rsa, idClaims({ aud: [CLIENT, 'x'] }))))).toBe(
        'client-id',
      );
    });

    it.each([
      ['RS384', {}],
      ['RS512', {}],
      ['ES256', {}],
      ['ES384', {}],
      ['ES512', {}],
      ['EdDSA', { crv: 'Ed25519' }],
    ])('%s tokens verify', async (alg, options) => {
      const key = await testKey(`k-${alg}`, alg, options);
      const { verifier } = setup({}, [rsa, key]);
      expect(await ruleOf(verifier.verify(await sign(key, accessClaims())))).toBe('accepted');
    });

    it('a JWK without alg or use is accepted; one with use other than sig is not', async () => {
      const key = await testKey('bare');
      const { alg: _a, use: _u, ...bare } = key.jwk;
      const { server, verifier } = setup({}, []);
      server.keys = [bare];
      expect(await ruleOf(verifier.verify(await sign(key, accessClaims())))).toBe('accepted');
      const enc = await testKey('enc');
      server.keys = [{ ...enc.jwk, use: 'enc' }];
      expect(await ruleOf(verifier.verify(await sign(enc, accessClaims())))).toBe('algorithm');
    });

    it('a token without exp is accepted (as aws-jwt-verify)', async () => {
      const { exp: _e, ...claims } = accessClaims();
      expect(await ruleOf(setup().verifier.verify(await sign(rsa, claims)))).toBe('accepted');
    });

    it('clientId as a list accepts any of them; null skips the check', async () => {
      const token = await sign(rsa, accessClaims({ client_id: 'client-two' }));
      expect(
        await ruleOf(setup({ clientId: ['client-one', 'client-two'] }).verifier.verify(token)),
      ).toBe('accepted');
      expect(await ruleOf(setup({ clientId: null }).verifier.verify(token))).toBe('accepted');
      expect(await ruleOf(setup().verifier.verify(token))).toBe('client-id');
    });
  });

  describe('rejected tokens', () => {
    it('tampered payload or signature → signature', async () => {
      const { verifier } = setup();
      const [h, , s] = (await sign(rsa, accessClaims())).split('.');
      const forged = `${h}.${part(accessClaims({ username: 'mallory' }))}.${s}`;
      expect(await ruleOf(verifier.verify(forged))).toBe('signature');
      const other = await testKey('rsa-1'); // same kid, different key
      expect(await ruleOf(verifier.verify(await sign(other, accessClaims())))).toBe('signature');
      const t = await sign(rsa, accessClaims());
      const flipped = t.slice(0, -2) + (t.at(-2) === 'A' ? 'B' : 'A') + t.at(-1);
      expect(await ruleOf(verifier.verify(flipped))).toBe('signature');
    });

    it('expired and not-yet-valid, with grace boundaries', async () => {
      const { verifier } = setup();
      expect(await ruleOf(verifier.verify(await sign(rsa, accessClaims({ exp: NOW - 1 }))))).toBe(
        'expired',
      );
      expect(
        await ruleOf(
          verifier.verify(await sign(rsa, accessClaims({ exp: NOW - 999 })), {
            graceSeconds: 1000,
          }),
        ),
      ).toBe('accepted');
      expect(
        await ruleOf(
          verifier.verify(await sign(rsa, accessClaims({ exp: NOW - 1000 })), {
            graceSeconds: 1000,
          }),
        ),
      ).toBe('expired');
      expect(await ruleOf(verifier.verify(await sign(rsa, accessClaims({ nbf: NOW + 10 }))))).toBe(
        'not-yet-valid',
      );
      expect(
        await ruleOf(
          verifier.verify(await sign(rsa, accessClaims({ nbf: NOW + 1000 })), {
            graceSeconds: 1000,
          }),
        ),
      ).toBe('accepted');
      expect(
        await ruleOf(
          verifier.verify(await sign(rsa, accessClaims({ nbf: NOW + 1001 })), {
            graceSeconds: 1000,
          }),
        ),
      ).toBe('not-yet-valid');
    });

    it('a foreign issuer → issuer, without fetching any key', async () => {
      const { verifier, server } = setup();
      const token = await sign(
        rsa,
        accessClaims({ iss: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Other' }),
      );
      expect(await ruleOf(verifier.verify(token))).toBe('issuer');
      const { iss: _i, ...noIss } = accessClaims();
      expect(await ruleOf(verifier.verify(await sign(rsa, noIss)))).toBe('issuer');
      expect(server.requests).toBe(0);
    });

    it('an ID token where an access token is expected, and the other way round → token-use', async () => {
      expect(await ruleOf(setup().verifier.verify(await sign(rsa, idClaims())))).toBe('token-use');
      expect(
        await ruleOf(setup({ tokenUse: 'id' }).verifier.verify(await sign(rsa, accessClaims()))),
      ).toBe('token-use');
      // Per-call override rejects the other type.
      expect(
        await ruleOf(
          setup({ tokenUse: null }).verifier.verify(await sign(rsa, accessClaims()), {
            tokenUse: 'id',
          }),
        ),
      ).toBe('token-use');
      // Even with tokenUse null, token_use must be id or access.
      const { token_use: _t, ...noUse } = accessClaims();
      expect(await ruleOf(setup({ tokenUse: null }).verifier.verify(await sign(rsa, noUse)))).toBe(
        'token-use',
      );
      expect(
        await ruleOf(setup({ tokenUse: null }).verifier.verify(await sign(rsa, idClaims()))),
      ).toBe('accepted');
    });

    it('groups: any one of the required groups passes; none or no claim → groups', async () => {
      const member = await sign(
        rsa,
        accessClaims({ 'cognito:groups': ['users', 'others', 'admin'] }),
      );
      const user = await sign(rsa, accessClaims({ 'cognito:groups': ['users'] }));
      const none = await sign(rsa, accessClaims());
      const { verifier } = setup({ groups: ['admin'] });
      expect(await ruleOf(verifier.verify(member))).toBe('accepted');
      expect(await ruleOf(verifier.verify(user))).toBe('groups');
      expect(await ruleOf(verifier.verify(user, { groups: 'users' }))).toBe('accepted');
      expect(await ruleOf(verifier.verify(none))).toBe('groups');
    });

    it('scopes: one of several passes; none or no claim → scope', async () => {
      const { verifier } = setup({ scopes: ['orders/read', 'orders/write'] });
      expect(
        await ruleOf(
          verifier.verify(await sign(rsa, accessClaims({ scope: 'openid orders/write' }))),
        ),
      ).toBe('accepted');
      expect(
        await ruleOf(verifier.verify(await sign(rsa, accessClaims({ scope: 'openid' })))),
      ).toBe('scope');
      const { scope: _s, ...noScope } = accessClaims();
      expect(await ruleOf(verifier.verify(await sign(rsa, noScope)))).toBe('scope');
      expect(await ruleOf(verifier.verify(await sign(rsa, noScope), { scopes: null }))).toBe(
        'accepted',
      );
    });

    it('kid missing or not a string → kid', async () => {
      const { verifier } = setup();
      expect(
        await ruleOf(verifier.verify(await sign(rsa, accessClaims(), { kid: undefined }))),
      ).toBe('kid');
      const [, p, s] = (await sign(rsa, accessClaims())).split('.');
      expect(await ruleOf(verifier.verify(`${part({ alg: 'RS256', kid: 7 })}.${p}.${s}`))).toBe(
        'malformed',
      );
    });

    it('algorithm: none, HS256, PS256, missing, or not the key’s → algorithm', async () => {
      const { verifier } = setup();
      const [, p, s] = (await sign(rsa, accessClaims())).split('.');
      for (const header of [
        { alg: 'none', kid: 'rsa-1' },
        { alg: 'HS256', kid: 'rsa-1' },
        { alg: 'PS256', kid: 'rsa-1' },
        { kid: 'rsa-1' },
        { alg: 'RS384', kid: 'rsa-1' },
      ]) {
        expect(await ruleOf(verifier.verify(`${part(header)}.${p}.${s}`))).toBe('algorithm');
      }
      const noN = await testKey('no-n');
      const { n: _n, ...broken } = noN.jwk;
      const { server, verifier: v2 } = setup({}, []);
      server.keys = [broken];
      expect(await ruleOf(v2.verify(await sign(noN, accessClaims())))).toBe('algorithm');
    });

    it.each([
      ['empty', ''],
      ['not a string', 42],
      ['two parts', 'a.b'],
      ['four parts', 'a.b.c.d'],
      ['header not JSON', `${part('nope')}.${part({})}.c2ln`],
      ['payload an array', `${part({ alg: 'RS256', kid: 'rsa-1' })}.${part([1])}.c2ln`],
      [
        'exp a string',
        `${part({ alg: 'RS256', kid: 'rsa-1' })}.${part({ ...accessClaims(), exp: 'soon' })}.c2ln`,
      ],
      [
        'aud a number',
        `${part({ alg: 'RS256', kid: 'rsa-1' })}.${part({ ...idClaims(), aud: 1 })}.c2ln`,
      ],
      [
        'groups not a list',
        `${part({ alg: 'RS256', kid: 'rsa-1' })}.${part({ ...accessClaims(), 'cognito:groups': 'admin' })}.c2ln`,
      ],
    ])('malformed: %s', async (_what, token) => {
      expect(await ruleOf(setup().verifier.verify(token as string))).toBe('malformed');
    });

    it('custom check: runs with header, payload and JWK; a throw or rejection → custom', async () => {
      const seen: string[] = [];
      const { verifier } = setup({
        customCheck: ({ header, payload, jwk }) => {
          seen.push(`${String(header['kid'])}/${String(payload['username'])}/${String(jwk.kty)}`);
        },
      });
      const token = await sign(rsa, accessClaims());
      expect(await ruleOf(verifier.verify(token))).toBe('accepted');
      expect(seen).toEqual(['rsa-1/alice/RSA']);
      expect(
        await ruleOf(
          verifier.verify(token, {
            customCheck: () => {
              throw new Error('no');
            },
          }),
        ),
      ).toBe('custom');
      expect(
        await ruleOf(
          verifier.verify(token, { customCheck: async () => Promise.reject(new Error('no')) }),
        ),
      ).toBe('custom');
    });
  });

  describe('JWKS cache, rotation and the kid-miss cooldown', () => {
    it('fetches once, then serves cached keys; concurrent misses share one fetch', async () => {
      const { verifier, server } = setup();
      const token = await sign(rsa, accessClaims());
      await Promise.all([verifier.verify(token), verifier.verify(token), verifier.verify(token)]);
      await verifier.verify(token);
      expect(server.requests).toBe(1);
    });

    it('an unknown kid refetches once, then refuses refetches for the cooldown; known kids still verify; after it, a rotated key is found', async () => {
      const { verifier, server, clock } = setup();
      await verifier.verify(await sign(rsa, accessClaims()));
      const rotated = await testKey('rsa-2');
      const unknown = await sign(rotated, accessClaims());
      expect(await ruleOf(verifier.verify(unknown))).toBe('unknown-kid');
      expect(server.requests).toBe(2);
      // The key appears, but within the cooldown no fetch is made: still unknown, at once.
      server.keys = [rsa.jwk, rotated.jwk];
      clock.ms += 9_000;
      expect(await ruleOf(verifier.verify(unknown))).toBe('unknown-kid');
      expect(server.requests).toBe(2);
      expect(await ruleOf(verifier.verify(await sign(rsa, accessClaims())))).toBe('accepted');
      clock.ms += 1_001;
      expect(await ruleOf(verifier.verify(unknown))).toBe('accepted');
      expect(server.requests).toBe(3);
    });

    it('a failed fetch is a NetworkError / ProtocolError and starts no cooldown', async () => {
      const { verifier, server } = setup();
      const token = await sign(rsa, accessClaims());
      server.fail = true;
      expect(await ruleOf(verifier.verify(token))).toBe('NetworkError');
      server.fail = false;
      server.status = 500;
      expect(await ruleOf(verifier.verify(token))).toBe('ProtocolError');
      server.status = 200;
      expect(await ruleOf(verifier.verify(token))).toBe('accepted');
      expect(server.requests).toBe(3);
    });

    it('hydrate(jwks) fills the cache without a request; hydrate() fetches', async () => {
      const { verifier, server } = setup();
      await verifier.hydrate({ keys: [rsa.jwk] });
      expect(await ruleOf(verifier.verify(await sign(rsa, accessClaims())))).toBe('accepted');
      expect(server.requests).toBe(0);
      await verifier.hydrate();
      expect(server.requests).toBe(1);
      await expect(verifier.hydrate({ keys: 'x' } as never)).rejects.toThrow(/keys/);
    });
  });

  describe('configuration', () => {
    it('clientId and tokenUse must be given (null to skip); the pool id must be an AWS one', () => {
      expect(() =>
        createCognitoJwtVerifier({ userPoolId: POOL, tokenUse: 'access' } as never),
      ).toThrow(/clientId must be given/);
      expect(() =>
        createCognitoJwtVerifier({ userPoolId: POOL, clientId: CLIENT } as never),
      ).toThrow(/tokenUse must be given/);
      expect(() =>
        createCognitoJwtVerifier({
          userPoolId: 'foo-central-bar_123',
          clientId: null,
          tokenUse: null,
        }),
      ).toThrow(/Invalid Cognito user pool id/);
      expect(() => createCognitoJwtVerifier([])).toThrow(/at least one/);
    });

    it('several pools: the token’s iss picks the pool and its rules', async () => {
      const other = await testKey('other-1');
      const otherPool = 'eu-west-2_VerifyTest2';
      const otherIssuer = `https://cognito-idp.eu-west-2.amazonaws.com/${otherPool}`;
      const verifier = createCognitoJwtVerifier(
        [
          { userPoolId: POOL, clientId: CLIENT, tokenUse: 'access' },
          { userPoolId: otherPool, clientId: 'client-two', tokenUse: 'id' },
        ],
        { fetch: async () => Response.json({}), now: () => NOW_MS, signatures },
      );
      await verifier.hydrate({ keys: [rsa.jwk] }, POOL);
      await verifier.hydrate({ keys: [other.jwk] }, otherPool);
      await expect(verifier.hydrate({ keys: [] })).rejects.toThrow(/userPoolId/);
      expect(await ruleOf(verifier.verify(await sign(rsa, accessClaims())))).toBe('accepted');
      expect(
        await ruleOf(
          verifier.verify(await sign(other, idClaims({ iss: otherIssuer, aud: 'client-two' }))),
        ),
      ).toBe('accepted');
      // The other pool's rules: an access token is refused there.
      expect(
        await ruleOf(
          verifier.verify(
            await sign(other, accessClaims({ iss: otherIssuer, client_id: 'client-two' })),
          ),
        ),
      ).toBe('token-use');
      expect(() =>
        createCognitoJwtVerifier([
          { userPoolId: POOL, clientId: null, tokenUse: null },
          { userPoolId: POOL, clientId: null, tokenUse: null },
        ]),
      ).toThrow(/more than once/);
    });

    it('errors never contain the token or claim values', async () => {
      const { verifier } = setup({ groups: 'admin' });
      const token = await sign(rsa, accessClaims({ 'cognito:groups': ['secret-group-name'] }));
      const error = await verifier.verify(token).catch((e: Error) => e);
      expect(String((error as Error).message)).not.toContain('secret-group-name');
      expect(String((error as Error).message)).not.toContain(token.slice(0, 20));
      expect(ISSUER).toContain(POOL);
    });
  });
});
