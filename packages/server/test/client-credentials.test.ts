/**
 * Machine-to-machine tokens against the emulator's `/oauth2/token` over HTTP: the grant with
 * Basic auth, the cache and single flight (counted at the wire), Cognito's refusals as typed
 * errors, and the verifier accepting the tokens with scope checks.
 */
import { startEmulatorServer, type EmulatorServer } from '@cognito-kit/emulator/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClientCredentialsSource,
  createCognitoJwtVerifier,
  getClientCredentialsToken,
  isClientCredentialsToken,
  isCognitoError,
  isTokenRejected,
} from '../src/index.js';

const POOL = 'eu-west-1_ServerM2M1';
const API = 'https://api.example.com';
const MACHINE = 'servermachine';
const SECRET = 'serverMachineSecret123';
const READER = 'serverreader';
const READER_SECRET = 'serverReaderSecret123';

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulatorServer({
    port: 0,
    quiet: true,
    seed: {
      pools: [
        {
          id: POOL,
          domain: 'server-m2m',
          resourceServers: [
            { identifier: API, name: 'API', scopes: [{ name: 'read' }, { name: 'write' }] },
          ],
          clients: [
            {
              id: MACHINE,
              secret: SECRET,
              oauth: { flows: ['client_credentials'], scopes: [`${API}/read`, `${API}/write`] },
            },
            {
              id: 'serverwebapp',
              secret: 'serverWebSecret123',
              oauth: { flows: ['code'], scopes: ['openid'], callbackUrls: ['http://localhost/cb'] },
            },
            {
              id: READER,
              secret: READER_SECRET,
              oauth: { flows: ['client_credentials'], scopes: [`${API}/read`] },
            },
          ],
        },
      ],
    },
  });
});
afterAll(() => server.close());

/** A fetch that counts token requests and a clock the test moves. */
function wire() {
  const state = { requests: 0, now: Date.now() };
  const counted: typeof fetch = (input, init) => {
    state.requests += 1;
    return fetch(input, init);
  };
  return { state, fetch: counted, now: () => state.now };
}

const verifierFor = (clientId: string) =>
  createCognitoJwtVerifier({
    userPoolId: POOL,
    endpoint: server.url,
    clientId,
    tokenUse: 'access',
  });

describe('client credentials', () => {
  it('gets a token with the asked scopes, cached until near expiry, one request at a time', async () => {
    const w = wire();
    const source = createClientCredentialsSource({
      domain: server.url,
      clientId: MACHINE,
      clientSecret: SECRET,
      scopes: [`${API}/read`],
      fetch: w.fetch,
      now: w.now,
    });
    const [a, b, c] = await Promise.all([source.getToken(), source.getToken(), source.getToken()]);
    expect(w.state.requests).toBe(1);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(a.scopes).toEqual([`${API}/read`]);
    expect(a.expiresAt).toBeGreaterThan(w.state.now);

    expect((await source.getToken()).accessToken).toBe(a.accessToken);
    expect(w.state.requests).toBe(1);
    // Within the refresh margin of expiry: a new token.
    w.state.now = a.expiresAt - 30_000;
    const renewed = await source.getToken();
    expect(w.state.requests).toBe(2);
    expect(renewed.accessToken).not.toBe(a.accessToken);
    await source.getToken({ forceRefresh: true });
    expect(w.state.requests).toBe(3);
  });

  it('the verifier accepts the token with the right scope and refuses it without', async () => {
    const token = await getClientCredentialsToken({
      domain: server.url,
      clientId: MACHINE,
      clientSecret: SECRET,
      scopes: [`${API}/read`],
    });
    const claims = await verifierFor(MACHINE).verify(token, { scopes: `${API}/read` });
    expect(isClientCredentialsToken(claims)).toBe(true);
    expect(claims).toMatchObject({ sub: MACHINE, client_id: MACHINE, token_use: 'access' });
    const refused = await verifierFor(MACHINE)
      .verify(token, { scopes: `${API}/write` })
      .catch((e: unknown) => e);
    expect(isTokenRejected(refused, 'scope')).toBe(true);
    // The convenience function caches per client and scopes.
    expect(
      await getClientCredentialsToken({
        domain: server.url,
        clientId: MACHINE,
        clientSecret: SECRET,
        scopes: [`${API}/read`],
      }),
    ).toBe(token);
  });

  it('without scopes asked, Cognito grants every scope the client has', async () => {
    const { scopes, accessToken } = await createClientCredentialsSource({
      domain: server.url,
      clientId: READER,
      clientSecret: READER_SECRET,
    }).getToken();
    expect(scopes).toEqual([`${API}/read`]);
    const claims = await verifierFor(READER).verify(accessToken, { scopes: `${API}/read` });
    expect(claims.scope).toBe(`${API}/read`);
  });

  it.each([
    ['a wrong secret', { clientSecret: 'wrong-secret-000000' }, 'invalid_client'],
    [
      'a client without the flow',
      { clientId: 'serverwebapp', clientSecret: 'serverWebSecret123' },
      'unauthorized_client',
    ],
    [
      'a scope the client lacks',
      { clientId: READER, clientSecret: READER_SECRET, scopes: [`${API}/write`] },
      'invalid_scope',
    ],
  ])('refuses %s with a typed OAuthError', async (_name, override, code) => {
    const w = wire();
    const source = createClientCredentialsSource({
      domain: server.url,
      clientId: MACHINE,
      fetch: w.fetch,
      ...override,
    });
    const error = await source.getToken().catch((e: unknown) => e);
    expect(isCognitoError(error, 'OAuthError')).toBe(true);
    expect((error as { serviceType?: string }).serviceType).toBe(code);
    // A refusal is not cached: the next call asks again.
    await source.getToken().catch(() => {});
    expect(w.state.requests).toBe(2);
  });

  it('refuses bad options before any request', () => {
    expect(() =>
      createClientCredentialsSource({
        domain: 'http://api.example.com',
        clientId: MACHINE,
        clientSecret: SECRET,
      }),
    ).toThrow(/https/);
    expect(() =>
      createClientCredentialsSource({ domain: server.url, clientId: MACHINE, clientSecret: '' }),
    ).toThrow();
  });
});
