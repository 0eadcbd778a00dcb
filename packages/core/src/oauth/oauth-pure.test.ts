import { describe, expect, it } from 'vitest';
import { isCognitoError } from '../errors/index.js';
import { authorizeUrl, logoutUrl } from './authorize-url.js';
import { isRedirectCallback, readCallback } from './callback.js';
import { oauthEndpoints } from './endpoints.js';
import {
  isPendingRedirectExpired,
  parsePendingRedirect,
  PENDING_REDIRECT_TTL_MS,
  serializePendingRedirect,
  type PendingRedirect,
} from './pending.js';

const T0 = Date.UTC(2026, 11, 7, 12);
const pending: PendingRedirect = {
  state: 'st8',
  nonce: 'n0nce',
  codeVerifier: 'v'.repeat(43),
  redirectUri: 'https://app.example/callback',
  scopes: ['openid', 'email'],
  customState: 'cart=3',
  returnTo: 'https://app.example/orders',
  createdAt: T0,
};
const CB = 'https://app.example/callback';

describe('oauthEndpoints', () => {
  it.each([
    ['myapp.auth.eu-west-2.amazoncognito.com', 'https://myapp.auth.eu-west-2.amazoncognito.com'],
    ['https://login.example.com/', 'https://login.example.com'],
    ['http://127.0.0.1:9229/oauth/local_1', 'http://127.0.0.1:9229/oauth/local_1'],
    ['http://localhost:5173', 'http://localhost:5173'],
    ['http://emulator.test/', 'http://emulator.test'],
  ])('%s → %s/…', (domain, base) => {
    const e = oauthEndpoints(domain);
    expect(e).toMatchObject({
      authorize: `${base}/oauth2/authorize`,
      token: `${base}/oauth2/token`,
      userInfo: `${base}/oauth2/userInfo`,
      revoke: `${base}/oauth2/revoke`,
      logout: `${base}/logout`,
    });
    expect(e.insecure).toBe(base.startsWith('http:'));
  });

  it.each([
    'http://login.example.com',
    'ftp://login.example.com',
    'https://login.example.com/?x=1',
    'https://',
  ])('refuses %s', (domain) => {
    expect(() => oauthEndpoints(domain)).toThrow(
      expect.objectContaining({ code: 'InvalidInput' }) as Error,
    );
  });
});

describe('authorizeUrl', () => {
  const base = {
    endpoint: 'https://d.example/oauth2/authorize',
    clientId: 'web',
    redirectUri: CB,
    scopes: ['openid', 'email'],
    state: 'st8',
    nonce: 'n0nce',
    codeChallenge: 'ch4',
  };

  it('asks for the code flow with PKCE S256, state and nonce', () => {
    const q = new URL(authorizeUrl(base)).searchParams;
    expect(Object.fromEntries(q)).toEqual({
      response_type: 'code',
      client_id: 'web',
      redirect_uri: CB,
      scope: 'openid email',
      state: 'st8',
      nonce: 'n0nce',
      code_challenge: 'ch4',
      code_challenge_method: 'S256',
    });
  });

  it('names the identity provider or the identifier, and passes lang, hint, prompt', () => {
    const q = new URL(
      authorizeUrl({
        ...base,
        provider: 'Google',
        lang: 'de',
        loginHint: 'a@b.c',
        prompt: 'login',
      }),
    ).searchParams;
    expect(q.get('identity_provider')).toBe('Google');
    expect(q.has('idp_identifier')).toBe(false);
    expect([q.get('lang'), q.get('login_hint'), q.get('prompt')]).toEqual(['de', 'a@b.c', 'login']);
    const q2 = new URL(authorizeUrl({ ...base, idpIdentifier: 'acme.com' })).searchParams;
    expect(q2.get('idp_identifier')).toBe('acme.com');
  });

  it('refuses both provider and identifier, and scopes without openid', () => {
    expect(() => authorizeUrl({ ...base, provider: 'Google', idpIdentifier: 'x' })).toThrow();
    expect(() => authorizeUrl({ ...base, scopes: ['email'] })).toThrow(/openid/);
  });

  it('builds the logout URL with client_id and logout_uri', () => {
    const q = new URL(
      logoutUrl({
        endpoint: 'https://d.example/logout',
        clientId: 'web',
        logoutUri: 'https://app.example/',
      }),
    ).searchParams;
    expect(Object.fromEntries(q)).toEqual({ client_id: 'web', logout_uri: 'https://app.example/' });
  });
});

describe('pending redirect record', () => {
  it('round-trips', () => {
    expect(parsePendingRedirect(serializePendingRedirect(pending))).toEqual(pending);
  });

  it.each([
    [null],
    ['not json'],
    ['{}'],
    [JSON.stringify({ ...pending, v: 2 })],
    [JSON.stringify({ ...pending, v: 1, codeVerifier: '' })],
    [JSON.stringify({ ...pending, v: 1, scopes: 'openid' })],
  ])('reads %s as none', (text) => {
    expect(parsePendingRedirect(text)).toBeNull();
  });

  it('expires after the TTL (and when created in the far future)', () => {
    expect(isPendingRedirectExpired(pending, T0 + PENDING_REDIRECT_TTL_MS)).toBe(false);
    expect(isPendingRedirectExpired(pending, T0 + PENDING_REDIRECT_TTL_MS + 1)).toBe(true);
    expect(isPendingRedirectExpired(pending, T0 - PENDING_REDIRECT_TTL_MS - 1)).toBe(true);
  });
});

describe('readCallback', () => {
  const at = (query: string) => `${CB}?${query}`;
  it.each<[string, string, PendingRedirect | null, number, string]>([
    ['plain page', at(''), pending, T0, 'notCallback'],
    ['code, nothing pending', at('code=c1&state=st8'), null, T0, 'noPending'],
    ['error, nothing pending', at('error=access_denied&state=st8'), null, T0, 'noPending'],
    [
      'code, too late',
      at('code=c1&state=st8'),
      pending,
      T0 + PENDING_REDIRECT_TTL_MS + 1,
      'expired',
    ],
    ['code, tampered state', at('code=c1&state=evil'), pending, T0, 'stateMismatch'],
    ['code, no state', at('code=c1'), pending, T0, 'stateMismatch'],
    ['code, two states', at('code=c1&state=st8&state=st8'), pending, T0, 'stateMismatch'],
    ['error, tampered state', at('error=access_denied&state=evil'), pending, T0, 'stateMismatch'],
    [
      'error, our state',
      at('error=access_denied&error_description=no&state=st8'),
      pending,
      T0,
      'refused',
    ],
    ['two codes', at('code=c1&code=c2&state=st8'), pending, T0, 'notCallback'],
    ['code, our state', at('code=c1&state=st8'), pending, T0, 'code'],
  ])('%s → %s', (_name, url, p, now, kind) => {
    expect(readCallback(url, p, now).kind).toBe(kind);
  });

  it('keeps the error and its description', () => {
    expect(
      readCallback(`${CB}?error=access_denied&error_description=no&state=st8`, pending, T0),
    ).toEqual({
      kind: 'refused',
      error: 'access_denied',
      description: 'no',
    });
  });

  it('recognises callbacks', () => {
    expect(isRedirectCallback(`${CB}?code=1&state=2`)).toBe(true);
    expect(isRedirectCallback(`${CB}?error=x`)).toBe(true);
    expect(isRedirectCallback(`${CB}?page=2`)).toBe(false);
  });
});

describe('errors', () => {
  it('are CognitoErrors with the OAuth codes', async () => {
    const { oauthRefusal } = await import('./errors.js');
    const e = oauthRefusal('invalid_grant', 'used');
    expect(isCognitoError(e, 'OAuthError')).toBe(true);
    expect(e.serviceType).toBe('invalid_grant');
  });
});
