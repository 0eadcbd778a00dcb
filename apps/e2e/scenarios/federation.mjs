/**
 * Redirect sign-in (issue #13) in Chromium: "Continue with Google" through the emulator's
 * built-in identity provider, the hosted sign-in page with TOTP, sign-out that ends the hosted
 * session, a tampered callback, and the demo API with client-credentials tokens.
 */
import { getClientCredentialsToken } from '@cognito-kit/server';
import { CLIENT_ID, POOL_ID, seed, user } from '../lib/env.mjs';
import { check, expectSignedIn, expectSignedOut, navigate, totp } from '../lib/steps.mjs';

const API = 'https://api.acme-notes.example';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const WORKER = { clientId: 'e2eReportsWorker', clientSecret: 'e2e_reports_worker_secret_1' };
const WRITER = { clientId: 'e2eWriteWorker', clientSecret: 'e2e_write_worker_secret_12' };

/**
 * The e2e pool with a domain, the built-in provider as "Google" and as the OIDC provider
 * "AcmeOIDC", the demo's callback and sign-out URLs, and two machine clients.
 */
function oauthSeed(users) {
  return (demoUrl) => {
    const base = seed({ users });
    const [pool] = base.pools;
    const upstream = { oidc_issuer: '/upstream-idp', authorize_scopes: 'openid email profile' };
    return {
      upstreamIdp: {
        accounts: [
          {
            sub: 'ada',
            email: 'ada@example.com',
            email_verified: true,
            name: 'Ada Lovelace',
            given_name: 'Ada',
          },
        ],
      },
      pools: [
        {
          ...pool,
          domain: 'e2e',
          resourceServers: [
            { identifier: API, scopes: [{ name: 'notes.read' }, { name: 'notes.write' }] },
          ],
          identityProviders: [
            {
              name: 'Google',
              type: 'Google',
              details: { client_id: 'e2e-google', ...upstream },
              attributeMapping: { email: 'email', given_name: 'given_name' },
            },
            {
              name: 'AcmeOIDC',
              type: 'OIDC',
              details: { client_id: 'e2e-acme', ...upstream },
              attributeMapping: { email: 'email' },
            },
          ],
          clients: [
            {
              ...pool.clients[0],
              oauth: {
                flows: ['code'],
                scopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
                callbackUrls: [`${demoUrl}/callback`],
                logoutUrls: [`${demoUrl}/`],
                identityProviders: ['COGNITO', 'Google', 'AcmeOIDC'],
              },
            },
            {
              id: WORKER.clientId,
              secret: WORKER.clientSecret,
              oauth: { flows: ['client_credentials'], scopes: [`${API}/notes.read`] },
            },
            {
              id: WRITER.clientId,
              secret: WRITER.clientSecret,
              oauth: { flows: ['client_credentials'], scopes: [`${API}/notes.write`] },
            },
          ],
        },
      ],
    };
  };
}

/** The demo's redirect settings: the emulator's URL is the OAuth domain. */
const demoConfig = (emulatorUrl) => ({
  oauthDomain: emulatorUrl,
  identityProviders: ['Google', { name: 'Acme SSO', idp: 'AcmeOIDC' }],
});

/** Waits until the page is on `pathname` of the emulator. */
async function onEmulatorPage(env, page, pathname) {
  await page.waitForURL(
    (url) => url.href.startsWith(env.emulator.url) && url.pathname === pathname,
  );
}

/** Signs out from the header, which (after a redirect sign-in) goes through Cognito's /logout. */
async function hostedSignOut(page) {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expectSignedOut(page);
}

/** 12. Continue with Google → pick an account → back in the demo, identities on the profile. */
export const federatedSignIn = {
  name: 'federated-sign-in',
  seed: oauthSeed([]),
  demoConfig,
  async run(env) {
    const page = await env.open();
    const google = page.getByRole('button', { name: 'Continue with Google' });
    await google.waitFor();
    await page.getByRole('button', { name: 'Continue with Acme SSO' }).waitFor();
    await env.screen(page, 'sign-in-with-providers');
    await google.click();
    await onEmulatorPage(env, page, '/upstream-idp/authorize');
    await page.getByRole('button', { name: /Ada Lovelace/ }).click();
    await expectSignedIn(page);
    check(new URL(page.url()).pathname === '/', `not back where it started: ${page.url()}`);
    const created = env.api.getUser(POOL_ID, 'Google_ada');
    check(created?.status === 'EXTERNAL_PROVIDER', 'no EXTERNAL_PROVIDER user Google_ada');

    await navigate(page, 'Profile');
    await page.getByTestId('identities').filter({ hasText: 'Google (ada)' }).waitFor();
    await env.screen(page, 'profile-identities');

    // Sign-out ends the hosted session too: the next hosted sign-in asks again.
    await hostedSignOut(page);
    await page.getByRole('button', { name: 'Use the hosted sign-in page' }).click();
    await onEmulatorPage(env, page, '/login');
    await page.getByLabel('Username').waitFor();
  },
};

/** 13. The hosted sign-in page with TOTP; its pages pass axe; sign-out ends its session. */
export const hostedPageTotp = {
  name: 'hosted-page-totp',
  seed: oauthSeed([user('hana', { mfa: { totpSecret: TOTP_SECRET, preferred: 'TOTP' } })]),
  demoConfig,
  async run(env) {
    const page = await env.open();
    await page.getByRole('button', { name: 'Use the hosted sign-in page' }).click();
    await onEmulatorPage(env, page, '/login');
    await env.screen(page, 'hosted-sign-in');
    await page.getByLabel('Username').fill('hana');
    await page.getByLabel('Password').fill('Corr3ct-Horse!');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const code = page.getByLabel('Code from your authenticator app');
    await code.waitFor();
    await env.screen(page, 'hosted-totp');
    await code.fill(totp(TOTP_SECRET));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectSignedIn(page);

    await hostedSignOut(page);
    await page.getByRole('button', { name: 'Use the hosted sign-in page' }).click();
    await onEmulatorPage(env, page, '/login');
    await page.getByLabel('Password').waitFor(); // asked again: the hosted session ended
  },
};

/** 14. A callback whose state was tampered with is refused with a message; nothing signed in. */
export const tamperedState = {
  name: 'tampered-state',
  seed: oauthSeed([]),
  demoConfig,
  async run(env) {
    const page = await env.open();
    await page.getByRole('button', { name: 'Continue with Acme SSO' }).click();
    await onEmulatorPage(env, page, '/upstream-idp/authorize');
    // Back at the demo with a code and a state this tab never sent.
    await page.goto(`${env.demo.url}/callback?code=stolen-code&state=forged-state`);
    await page.getByRole('alert').filter({ hasText: 'could not be finished' }).waitFor();
    check(!page.url().includes('forged-state'), 'the callback URL was not cleaned');
    await env.screen(page, 'callback-refused');
    await page.getByRole('button', { name: 'Back to sign in' }).click();
    await expectSignedOut(page);
    check(
      !env.requests.some((line) => line.includes('/oauth2/token')),
      'a refused callback reached the token endpoint',
    );
  },
};

/** 15. The demo API takes a client-credentials token with its scope and refuses one without. */
export const machineToken = {
  name: 'machine-token',
  seed: oauthSeed([]),
  demoConfig,
  async run(env) {
    const call = (token) =>
      fetch(`${env.demo.url}/api/notes-count`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    const domain = env.emulator.url;
    const reader = await getClientCredentialsToken({
      domain,
      ...WORKER,
      scopes: [`${API}/notes.read`],
    });
    const ok = await call(reader);
    check(ok.status === 200, `the reader's token was refused: ${ok.status}`);
    const body = await ok.json();
    check(body.caller === `service ${WORKER.clientId}`, `unexpected caller ${body.caller}`);

    const writer = await getClientCredentialsToken({
      domain,
      ...WRITER,
      scopes: [`${API}/notes.write`],
    });
    const refused = await call(writer);
    check(refused.status === 403, `a token without the scope got ${refused.status}`);
    check(
      (refused.headers.get('www-authenticate') ?? '').includes('insufficient_scope'),
      'no insufficient_scope challenge',
    );
    check((await call()).status === 401, 'no token was not refused with 401');
    check(CLIENT_ID !== WORKER.clientId, 'the web client is not a machine client');
  },
};
