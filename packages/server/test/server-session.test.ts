/**
 * getServerSession against the emulator: a browser-side `createCognitoAuth` signs in with SRP
 * and keeps its session in cookies (the same chunked format `cookieStorage` writes to
 * `document.cookie`, here over a jar standing in for the browser's); the server reads those
 * cookies, verifies the tokens with the pool's JWKS, refreshes expired ones and hands back the
 * cookies to set, which the browser side then reads as its own.
 */
import { describe, expect, it } from 'vitest';
import { createCognitoAuth, type CookieStorageOptions } from '@cognito-kit/core';
import {
  chunkCookie,
  cookieJarStorage,
  type CookieEntry,
  type CookieJar,
} from '@cognito-kit/core/low-level';
import type { EmulatorSeed } from '@cognito-kit/emulator';
import {
  cookiesOf,
  createCognitoJwtVerifier,
  getServerSession,
  setCookieHeaders,
  type CookieToSet,
  type ServerSessionOptions,
} from '../src/index.js';
import { PASSWORD, POOL, useEmulator } from './harness.js';

const CLIENT = 'cookieWebClient';
/** Access and ID tokens of this client live 2 s, so a test can outlive them. */
const SHORT_CLIENT = 'cookieShortClient';
const LIFETIME_S = 2;
const flows = ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const;
const seed: EmulatorSeed = {
  pools: [
    {
      id: POOL,
      clients: [
        { id: CLIENT, explicitAuthFlows: [...flows] },
        {
          id: SHORT_CLIENT,
          explicitAuthFlows: [...flows],
          tokenValidity: { accessToken: LIFETIME_S, idToken: LIFETIME_S, refreshToken: 3600 },
        },
      ],
      users: [
        {
          username: 'dana',
          password: PASSWORD,
          attributes: { email: 'dana@example.com', email_verified: true, given_name: 'Dana' },
        },
      ],
    },
  ],
};
const h = useEmulator(seed);
const cookieOptions: CookieStorageOptions = { path: '/', sameSite: 'lax', secure: true };

/** The browser's cookie jar, as `document.cookie` would hold it. */
function browserJar() {
  const cookies = new Map<string, string>();
  const jar: CookieJar = {
    getAll: () => [...cookies].map(([name, value]) => ({ name, value })),
    set(name, value, attributes) {
      if (attributes.maxAge === 0) cookies.delete(name);
      else cookies.set(name, value);
    },
  };
  return {
    jar,
    /** What the browser sends: a `Cookie` header. */
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    /** Applies a response's cookies. */
    apply(list: readonly CookieToSet[]) {
      for (const c of list) jar.set(c.name, c.value, c.options);
    },
    names: () => [...cookies.keys()],
  };
}

async function signedInBrowser(clientId: string) {
  const browser = browserJar();
  const auth = createCognitoAuth({
    endpoint: h.server.url,
    userPoolId: POOL,
    clientId,
    storage: cookieJarStorage(() => browser.jar, cookieOptions),
    crossTab: false,
    autoRefresh: false,
  });
  const state = await auth.signIn({ username: 'dana', password: PASSWORD });
  expect(state.status).toBe('signedIn');
  return { browser, auth };
}

function options(clientId: string): ServerSessionOptions {
  return {
    clientId,
    userPoolId: POOL,
    endpoint: h.server.url,
    verifier: createCognitoJwtVerifier({
      userPoolId: POOL,
      endpoint: h.server.url,
      clientId,
      tokenUse: null,
    }),
    cookie: cookieOptions,
  };
}

const request = (cookie: string) => new Request('http://app.test/', { headers: { cookie } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('getServerSession', () => {
  it('reads the session the browser keeps in chunked cookies and verifies it', async () => {
    const { browser, auth } = await signedInBrowser(CLIENT);
    // Three tokens, base64url-encoded: more than one cookie of under 4 KB.
    expect(browser.names()).toEqual([
      `cognito-kit.${CLIENT}.session.0`,
      `cognito-kit.${CLIENT}.session.1`,
    ]);
    const result = await getServerSession(cookiesOf(request(browser.header())), options(CLIENT));
    expect(result.status).toBe('signed-in');
    if (result.status !== 'signed-in') return;
    expect(result.refreshed).toBe(false);
    expect(result.cookies).toEqual([]);
    expect(result.session.username).toBe('dana');
    expect(result.session.idClaims.email).toBe('dana@example.com');
    expect(result.session.accessClaims.client_id).toBe(CLIENT);
    expect(result.session.accessToken).toBe(await auth.getAccessToken());
    auth.dispose();
  });

  it.each<[string, CookieEntry[], string]>([
    ['no cookies', [], 'none'],
    [
      'a cookie that is not base64url',
      [{ name: `cognito-kit.${CLIENT}.session.0`, value: '%' }],
      'none',
    ],
    [
      'a record that is not JSON',
      chunkCookie(`cognito-kit.${CLIENT}.session`, 'not json'),
      'invalid',
    ],
    [
      'tokens that were not signed by the pool',
      chunkCookie(
        `cognito-kit.${CLIENT}.session`,
        JSON.stringify({ idToken: 'a.b.c', accessToken: 'a.b.c', username: 'dana' }),
      ),
      'invalid',
    ],
  ])('reads %s as signed out', async (_, cookies, reason) => {
    const result = await getServerSession({ getAll: () => cookies }, options(CLIENT));
    expect(result).toMatchObject({ status: 'signed-out', session: null, reason });
  });

  it('refreshes expired tokens, returns the cookies to set, and the browser reads them back', async () => {
    const { browser, auth } = await signedInBrowser(SHORT_CLIENT);
    const before = browser.header();
    await sleep(LIFETIME_S * 1000 + 1100);

    const withoutRefresh = await getServerSession(cookiesOf(request(before)), {
      ...options(SHORT_CLIENT),
      refresh: false,
    });
    expect(withoutRefresh).toMatchObject({ status: 'signed-out', reason: 'expired', cookies: [] });

    const result = await getServerSession(cookiesOf(request(before)), options(SHORT_CLIENT));
    expect(result.status).toBe('signed-in');
    if (result.status !== 'signed-in') return;
    expect(result.refreshed).toBe(true);
    expect(result.session.expiresAt).toBeGreaterThan(Date.now());
    expect(result.cookies.length).toBeGreaterThan(0);
    for (const cookie of result.cookies) {
      expect(cookie.options).toMatchObject({
        path: '/',
        sameSite: 'lax',
        secure: true,
        httpOnly: false,
      });
    }
    expect(setCookieHeaders(result.cookies)[0]).toMatch(
      /; Path=\/; Max-Age=\d+; SameSite=Lax; Secure$/,
    );

    // The browser takes the new cookies; the next request is signed in without a refresh, and
    // the browser-side session restores from the same cookies.
    browser.apply(result.cookies);
    const next = await getServerSession(
      cookiesOf(request(browser.header())),
      options(SHORT_CLIENT),
    );
    expect(next).toMatchObject({ status: 'signed-in', refreshed: false });
    const restored = createCognitoAuth({
      endpoint: h.server.url,
      userPoolId: POOL,
      clientId: SHORT_CLIENT,
      storage: cookieJarStorage(() => browser.jar, cookieOptions),
      crossTab: false,
      autoRefresh: false,
    });
    await restored.start();
    expect(restored.getSnapshot().status).toBe('signedIn');
    expect(await restored.getAccessToken()).toBe(result.session.accessToken);
    auth.dispose();
    restored.dispose();
  });

  it('ends the session when Cognito refuses the refresh token, removing every cookie', async () => {
    const { browser, auth } = await signedInBrowser(SHORT_CLIENT);
    const cookie = browser.header();
    const names = browser.names();
    await auth.signOut({ global: true });
    auth.dispose();
    await sleep(LIFETIME_S * 1000 + 1100);
    const result = await getServerSession(cookiesOf(request(cookie)), options(SHORT_CLIENT));
    expect(result).toMatchObject({ status: 'signed-out', reason: 'refresh-refused' });
    expect(result.cookies.map((c) => [c.name, c.options.maxAge])).toEqual(
      names.map((name) => [name, 0]),
    );
  });
});
