/**
 * The OAuth records survive a restart of the Node host with a data directory: the hosted
 * session cookie still skips the form, a refresh token from the token endpoint still refreshes
 * with its scopes, a federated user and the upstream provider's key are kept.
 */
import { expect, it } from 'vitest';
import { tempDirPerTest } from './support/temp-dir.js';
import { startEmulatorServer } from '../src/node/server.js';
import { claims } from './admin-harness.js';
import { Browser, formTo, left, page, postForm } from './support/oauth-browser.js';
import { CALLBACK, POOL_ID, oauthSeed } from './support/oauth-seed.js';

const dataDir = tempDirPerTest('ck-oauth-');

const seed = oauthSeed({
  identityProviders: [
    {
      name: 'Google',
      type: 'Google',
      details: { client_id: 'g', oidc_issuer: '/upstream-idp' },
      attributeMapping: { email: 'email' },
    },
  ],
});

// The web client also offers Google.
const webapp = seed.pools?.[0]?.clients?.[0]?.oauth;
if (webapp) webapp.identityProviders = ['COGNITO', 'Google'];

it('keeps hosted sessions, OAuth refresh tokens and federated users across a restart', async () => {
  const first = await startEmulatorServer({ port: 0, quiet: true, dataDir: dataDir(), seed });
  const port = new URL(first.url).port;
  const browser = new Browser(first.url);
  const authorize = (extra: Record<string, string> = {}) =>
    `/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: 'webapp', redirect_uri: CALLBACK, scope: 'openid email', ...extra }).toString()}`;
  const login = page(await browser.open(authorize()));
  const back = left(
    await browser.submit(formTo(login.html, '/login'), {
      username: 'alice',
      password: 'Alice-Passw0rd',
    }),
  );
  const tokens = await postForm(`${first.url}/oauth2/token`, {
    grant_type: 'authorization_code',
    client_id: 'webapp',
    code: back.searchParams.get('code') ?? '',
    redirect_uri: CALLBACK,
  });
  const picker = page(
    await new Browser(first.url).open(authorize({ identity_provider: 'Google' })),
  );
  const federated = left(
    await new Browser(first.url).submit(formTo(picker.html, '/upstream-idp/authorize'), {
      sub: 'upstream-ada',
    }),
  );
  expect(federated.searchParams.get('code')).toBeTruthy();
  const upstreamKeys = await (await fetch(`${first.url}/upstream-idp/jwks.json`)).text();
  await first.close();

  const second = await startEmulatorServer({
    port: Number(port),
    quiet: true,
    dataDir: dataDir(),
    seed,
  });
  try {
    expect(second.origin).toBe('data');
    expect(left(await browser.open(authorize())).searchParams.get('code')).toBeTruthy();
    const refreshed = await postForm(`${second.url}/oauth2/token`, {
      grant_type: 'refresh_token',
      client_id: 'webapp',
      refresh_token: tokens.body['refresh_token'] as string,
    });
    expect(refreshed.status).toBe(200);
    expect(claims(refreshed.body['access_token'] as string)['scope']).toBe('openid email');
    expect(second.emulator.api.getUser(POOL_ID, 'Google_upstream-ada')?.status).toBe(
      'EXTERNAL_PROVIDER',
    );
    expect(await (await fetch(`${second.url}/upstream-idp/jwks.json`)).text()).toBe(upstreamKeys);
  } finally {
    await second.close();
  }
});
