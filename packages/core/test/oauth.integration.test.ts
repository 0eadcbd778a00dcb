/**
 * Redirect sign-in against the emulator over HTTP: `signInWithRedirect` builds the authorize
 * request, a form-posting test browser signs in on the hosted page (password, then TOTP), and
 * `handleRedirectCallback` exchanges the code and adopts the tokens. Every bad callback (foreign
 * state, no verifier in this tab, `error=`, a used code, a wrong nonce) ends in a typed error with
 * nothing stored; the hosted session survives until `/logout`.
 */
import { startEmulatorServer, type EmulatorServer } from '@cognito-kit/emulator/node';
import type { EmulatorSeed } from '@cognito-kit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCognitoAuth, internalsOf, type CognitoAuth } from '../src/auth/index.js';
import { isCognitoError, type CognitoErrorCode } from '../src/errors/index.js';
import { createRedirectSignIn, type RedirectSignIn } from '../src/oauth.js';
import { memoryStorage } from '../src/session/index.js';
// The emulator's own no-JavaScript test browser (one implementation for both packages' tests).
import { Browser, formTo, left, page } from '../../emulator/test/support/oauth-browser.js';
import { totpNow } from './totp.js';

const POOL = 'eu-west-1_CoreOAuth1';
const CLIENT = 'coreoauthweb';
const CALLBACK = 'http://localhost:4000/callback';
const SIGNED_OUT = 'http://localhost:4000/';
const PASSWORD = 'Corr3ct-Horse!';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

const seed = (): EmulatorSeed => ({
  upstreamIdp: {
    accounts: [
      { sub: 'ada', email: 'ada@example.com', email_verified: true, name: 'Ada Lovelace' },
    ],
  },
  pools: [
    {
      id: POOL,
      domain: 'core-oauth',
      identityProviders: [
        {
          name: 'Google',
          type: 'Google',
          details: {
            client_id: 'google-client',
            oidc_issuer: '/upstream-idp',
            authorize_scopes: 'openid email profile',
          },
          attributeMapping: { email: 'email', name: 'name' },
        },
        {
          name: 'AcmeOIDC',
          type: 'OIDC',
          details: {
            client_id: 'acme',
            oidc_issuer: '/upstream-idp',
            authorize_scopes: 'openid email',
          },
          attributeMapping: { email: 'email' },
          idpIdentifiers: ['acme.example'],
        },
      ],
      mfa: { mode: 'OPTIONAL', factors: ['TOTP'] },
      clients: [
        {
          id: CLIENT,
          explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          oauth: {
            flows: ['code'],
            scopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
            callbackUrls: [CALLBACK],
            logoutUrls: [SIGNED_OUT],
            identityProviders: ['COGNITO', 'Google', 'AcmeOIDC'],
          },
        },
      ],
      users: [
        {
          username: 'alice',
          password: PASSWORD,
          attributes: { email: 'alice@example.com', email_verified: true },
        },
        {
          username: 'tina',
          password: PASSWORD,
          attributes: { email: 'tina@example.com' },
          mfa: { totpSecret: TOTP_SECRET, preferred: 'TOTP' },
        },
      ],
    },
  ],
});

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, quiet: true, seed: seed() });
});
afterAll(() => server.close());

/** One browser tab: an auth object, its redirect sign-in, its session storage and its cookies. */
function tab(browser = new Browser(server.url)) {
  const tokenRequests: string[] = [];
  const fetchSpy: typeof fetch = (input, init) => {
    const url = new Request(input, init).url;
    if (url.endsWith('/oauth2/token')) tokenRequests.push(url);
    return fetch(input, init);
  };
  const auth: CognitoAuth = createCognitoAuth({
    endpoint: server.url,
    userPoolId: POOL,
    clientId: CLIENT,
    storage: memoryStorage(),
    crossTab: false,
    autoRefresh: false,
    fetch: fetchSpy,
  });
  const store = new Map<string, string>();
  const navigated: string[] = [];
  const redirect: RedirectSignIn = createRedirectSignIn(auth, {
    domain: server.url,
    redirectUri: CALLBACK,
    logoutUri: SIGNED_OUT,
    navigate: (url) => void navigated.push(url),
    pendingStorage: {
      getItem: (k) => store.get(k) ?? null,
      setItem: (k, v) => void store.set(k, v),
      removeItem: (k) => void store.delete(k),
    },
  });
  const lastNavigation = () => navigated.at(-1) ?? '';
  return { auth, redirect, store, browser, tokenRequests, lastNavigation };
}
type Tab = ReturnType<typeof tab>;

/** Starts a sign-in and signs in on the hosted page with a password; the callback URL. */
async function hostedSignIn(t: Tab, username = 'alice', options = {}): Promise<string> {
  await t.redirect.signInWithRedirect(options);
  const login = page(await t.browser.open(t.lastNavigation()));
  expect(new URL(login.url).pathname).toBe('/login');
  return left(
    await t.browser.submit(formTo(login.html, '/login'), { username, password: PASSWORD }),
  ).href;
}

async function rejection(
  promise: Promise<unknown>,
): Promise<{ code: CognitoErrorCode; serviceType?: string | undefined }> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  if (!isCognitoError(error)) throw error;
  return { code: error.code, serviceType: error.serviceType };
}

async function expectNothingStored(t: Tab) {
  expect(t.auth.getSnapshot().status).toBe('signedOut');
  expect(t.auth.getSession()).toBeNull();
  expect(await internalsOf(t.auth).session.restore()).toBeNull();
}

describe('redirect sign-in through the hosted page', () => {
  it('signs in with a password: code exchanged with PKCE, tokens in the verified session', async () => {
    const t = tab();
    const callback = await hostedSignIn(t, 'alice', { customState: 'cart=3', returnTo: '/orders' });
    const authorize = new URL(t.lastNavigation()).searchParams;
    expect(authorize.get('code_challenge_method')).toBe('S256');
    expect(new URL(callback).searchParams.get('state')).toBe(authorize.get('state'));

    const result = await t.redirect.handleRedirectCallback(callback);
    expect(result.state.status).toBe('signedIn');
    expect(result.customState).toBe('cart=3');
    expect(result.returnTo).toBe('http://localhost:4000/orders');
    const session = t.auth.getSession();
    expect(session?.username).toBe('alice');
    expect(session?.idClaims.email).toBe('alice@example.com');
    expect(session?.idClaims['nonce']).toBe(authorize.get('nonce'));
    expect(session?.accessClaims.scope?.split(' ')).toContain('aws.cognito.signin.user.admin');
    expect(t.store.size).toBe(0); // the pending sign-in is used once

    // The same session as a password sign-in: account calls and refresh work unchanged.
    const profile = await t.auth.user.getAttributes();
    expect(profile.attributes.email).toBe('alice@example.com');
    const before = await t.auth.getAccessToken();
    const after = await t.auth.getAccessToken({ forceRefresh: true });
    expect(after).not.toBe(before);
    expect(t.auth.getSnapshot().status).toBe('signedIn');
  });

  it('signs in a user with TOTP through the hosted challenge form', async () => {
    const t = tab();
    await t.redirect.signInWithRedirect();
    const login = page(await t.browser.open(t.lastNavigation()));
    const challenge = page(
      await t.browser.submit(formTo(login.html, '/login'), {
        username: 'tina',
        password: PASSWORD,
      }),
    );
    expect(challenge.html).toContain('authenticator');
    const callback = left(
      await t.browser.submit(formTo(challenge.html, '/login/challenge'), {
        answer: await totpNow(TOTP_SECRET),
      }),
    ).href;
    const { state } = await t.redirect.handleRedirectCallback(callback);
    expect(state.status === 'signedIn' && state.user.username).toBe('tina');
  });

  it('finishes a callback handled twice at once with one exchange (strict mode)', async () => {
    const t = tab();
    const callback = await hostedSignIn(t);
    const [a, b] = await Promise.all([
      t.redirect.handleRedirectCallback(callback),
      t.redirect.handleRedirectCallback(callback),
    ]);
    expect(a).toBe(b);
    expect(t.tokenRequests).toHaveLength(1);
  });

  it('keeps the hosted session until sign-out ends it through /logout', async () => {
    const t = tab();
    await t.redirect.handleRedirectCallback(await hostedSignIn(t));
    await t.auth.signOut();
    // Signed out of the app only: the hosted page remembers the user and skips the form.
    await t.redirect.signInWithRedirect();
    const silent = left(await t.browser.open(t.lastNavigation())).href;
    expect(new URL(silent).searchParams.has('code')).toBe(true);
    await t.redirect.handleRedirectCallback(silent);

    const state = await t.redirect.signOut({ endHostedSession: true });
    expect(state.status).toBe('signedOut');
    const logout = new URL(t.lastNavigation());
    expect(logout.pathname).toBe('/logout');
    expect(Object.fromEntries(logout.searchParams)).toEqual({
      client_id: CLIENT,
      logout_uri: SIGNED_OUT,
    });
    expect(left(await t.browser.open(logout.href)).href).toBe(SIGNED_OUT);
    // The next sign-in asks again.
    await t.redirect.signInWithRedirect();
    expect(new URL(page(await t.browser.open(t.lastNavigation())).url).pathname).toBe('/login');
  });
});

describe('redirect sign-in through an identity provider (the built-in upstream one)', () => {
  /** Goes to the provider, picks `sub` on its account page, and returns the callback URL. */
  async function throughProvider(t: Tab, options: { provider?: string; idpIdentifier?: string }) {
    await t.redirect.signInWithRedirect(options);
    const picker = page(await t.browser.open(t.lastNavigation()));
    expect(new URL(picker.url).pathname).toBe('/upstream-idp/authorize');
    return left(
      await t.browser.submit(formTo(picker.html, '/upstream-idp/authorize'), { sub: 'ada' }),
    ).href;
  }

  it('signs in a federated user with identities, as a password sign-in would', async () => {
    const t = tab();
    const { state } = await t.redirect.handleRedirectCallback(
      await throughProvider(t, { provider: 'Google' }),
    );
    expect(state.status).toBe('signedIn');
    const session = t.auth.getSession();
    expect(session?.username.toLowerCase()).toBe('google_ada');
    expect(session?.idClaims.email).toBe('ada@example.com');
    expect(session?.idClaims['identities']).toEqual([
      expect.objectContaining({ userId: 'ada', providerName: 'Google', providerType: 'Google' }),
    ]);
    expect(await t.auth.getAccessToken({ forceRefresh: true })).toBeTruthy();
  });

  it('reaches an OIDC provider through its identifier', async () => {
    const t = tab();
    await t.redirect.handleRedirectCallback(
      await throughProvider(t, { idpIdentifier: 'acme.example' }),
    );
    expect(t.auth.getSession()?.idClaims['identities']).toEqual([
      expect.objectContaining({ providerName: 'AcmeOIDC', providerType: 'OIDC' }),
    ]);
  });
});

describe('bad callbacks: typed errors, nothing signed in', () => {
  it('refuses a tampered state without calling the token endpoint', async () => {
    const t = tab();
    const callback = new URL(await hostedSignIn(t));
    callback.searchParams.set('state', 'forged-state');
    expect(await rejection(t.redirect.handleRedirectCallback(callback))).toEqual({
      code: 'OAuthStateMismatch',
      serviceType: undefined,
    });
    expect(t.tokenRequests).toHaveLength(0);
    await expectNothingStored(t);
  });

  it('refuses a callback this tab did not start (no verifier: another tab)', async () => {
    const first = tab();
    const callback = await hostedSignIn(first);
    const other = tab();
    expect((await rejection(other.redirect.handleRedirectCallback(callback))).code).toBe(
      'OAuthNoPendingRedirect',
    );
    await expectNothingStored(other);
    // The tab that started it still can.
    expect((await first.redirect.handleRedirectCallback(callback)).state.status).toBe('signedIn');
  });

  it('refuses the same callback a second time (state used once)', async () => {
    const t = tab();
    const callback = await hostedSignIn(t);
    await t.redirect.handleRedirectCallback(callback);
    await t.auth.signOut();
    expect((await rejection(t.redirect.handleRedirectCallback(callback))).code).toBe(
      'OAuthNoPendingRedirect',
    );
    await expectNothingStored(t);
  });

  it('reports a replayed code as Cognito refuses it (invalid_grant)', async () => {
    const t = tab();
    const callback = await hostedSignIn(t);
    const pending = new Map(t.store);
    await t.redirect.handleRedirectCallback(callback);
    await t.auth.signOut();
    for (const [k, v] of pending) t.store.set(k, v); // even with the verifier back
    expect(await rejection(t.redirect.handleRedirectCallback(callback))).toEqual({
      code: 'OAuthError',
      serviceType: 'invalid_grant',
    });
    await expectNothingStored(t);
  });

  it('reports an error= callback (a scope the client may not ask for)', async () => {
    const t = tab();
    await t.redirect.signInWithRedirect({ scopes: ['openid', 'phone'] });
    const callback = left(await t.browser.open(t.lastNavigation())).href;
    expect(new URL(callback).searchParams.get('error')).toBe('invalid_scope');
    expect(await rejection(t.redirect.handleRedirectCallback(callback))).toEqual({
      code: 'OAuthError',
      serviceType: 'invalid_scope',
    });
    await expectNothingStored(t);
  });

  it('refuses an ID token whose nonce is not the one sent', async () => {
    const t = tab();
    const callback = await hostedSignIn(t);
    for (const [k, v] of t.store) t.store.set(k, v.replace(/"nonce":"[^"]+"/, '"nonce":"other"'));
    expect((await rejection(t.redirect.handleRedirectCallback(callback))).code).toBe(
      'InvalidToken',
    );
    await expectNothingStored(t);
  });

  it('refuses a callback while signed in, keeping the session', async () => {
    const t = tab();
    await t.redirect.handleRedirectCallback(await hostedSignIn(t));
    await t.redirect.signInWithRedirect();
    const second = left(await t.browser.open(t.lastNavigation())).href; // the hosted session
    expect((await rejection(t.redirect.handleRedirectCallback(second))).code).toBe('InvalidState');
    expect(t.auth.getSnapshot().status).toBe('signedIn');
  });
});
