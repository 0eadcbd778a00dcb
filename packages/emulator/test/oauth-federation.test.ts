/**
 * Federation over HTTP with the built-in upstream OIDC provider: the account picker, the
 * provider's own endpoints, federated users (`<Provider>_<sub>`, EXTERNAL_PROVIDER, identities,
 * AttributeMapping, the provider group), the hosted page's provider buttons, idp_identifier,
 * AdminLinkProviderForUser / AdminDisableProviderForUser, and the refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorServer } from '../src/node/server.js';
import { claims, failure, sdk } from './admin-harness.js';
import { Browser, formTo, left, page, postForm } from './support/oauth-browser.js';
import { CALLBACK, POOL_ID } from './support/oauth-seed.js';
import { oauthAdminClient, startOAuthServer } from './support/oauth-server.js';

let server: EmulatorServer;
let admin: InstanceType<typeof sdk.CognitoIdentityProviderClient>;

beforeAll(async () => {
  server = await startOAuthServer();
  admin = oauthAdminClient(server);
  const issuer = `${server.url}/upstream-idp`;
  const mapping = { email: 'email', email_verified: 'email_verified', name: 'name' };
  await admin.send(
    new sdk.CreateIdentityProviderCommand({
      UserPoolId: POOL_ID,
      ProviderName: 'Google',
      ProviderType: 'Google',
      ProviderDetails: {
        client_id: 'google-client',
        client_secret: 'x',
        authorize_scopes: 'openid email profile',
        // A path: the emulator's extension for seeds that do not know its port.
        oidc_issuer: '/upstream-idp',
      },
      AttributeMapping: mapping,
    }),
  );
  await admin.send(
    new sdk.CreateIdentityProviderCommand({
      UserPoolId: POOL_ID,
      ProviderName: 'AcmeSSO',
      ProviderType: 'OIDC',
      ProviderDetails: {
        client_id: 'acme-client',
        client_secret: 'x',
        attributes_request_method: 'GET',
        oidc_issuer: issuer,
        authorize_scopes: 'openid email',
      },
      AttributeMapping: mapping,
      IdpIdentifiers: ['acme.example'],
    }),
  );
  await admin.send(
    new sdk.CreateIdentityProviderCommand({
      UserPoolId: POOL_ID,
      ProviderName: 'Faraway',
      ProviderType: 'OIDC',
      ProviderDetails: {
        client_id: 'c',
        oidc_issuer: 'https://idp.example.com',
        authorize_scopes: 'openid',
      },
    }),
  );
  await admin.send(
    new sdk.UpdateUserPoolClientCommand({
      UserPoolId: POOL_ID,
      ClientId: 'webapp',
      ClientName: 'Web app',
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
      CallbackURLs: [CALLBACK],
      LogoutURLs: ['http://localhost:3000/'],
      SupportedIdentityProviders: ['COGNITO', 'Google', 'AcmeSSO', 'Faraway'],
    }),
  );
});
afterAll(() => server.close());

function authorizeUrl(params: Record<string, string>): string {
  return `/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: 'webapp', redirect_uri: CALLBACK, scope: 'openid email profile', ...params }).toString()}`;
}

/** Picks `sub` on the provider's page and returns the client's callback URL. */
async function pick(
  browser: Browser,
  landing: Awaited<ReturnType<Browser['open']>>,
  sub: string,
): Promise<URL> {
  const picker = page(landing);
  expect(new URL(picker.url).pathname).toBe('/upstream-idp/authorize');
  expect(picker.html).toContain('Choose an account');
  const form = formTo(picker.html, '/upstream-idp/authorize');
  return left(await browser.submit(form, { sub }));
}

async function idToken(back: URL): Promise<Record<string, unknown>> {
  const answer = await postForm(`${server.url}/oauth2/token`, {
    grant_type: 'authorization_code',
    client_id: 'webapp',
    code: back.searchParams.get('code') ?? '',
    redirect_uri: CALLBACK,
  });
  expect(answer.status).toBe(200);
  return claims(answer.body['id_token'] as string);
}

describe('the built-in upstream provider', () => {
  it('publishes discovery and JWKS, and exchanges a code at its token endpoint', async () => {
    const doc = (await (
      await fetch(`${server.url}/upstream-idp/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(doc).toMatchObject({
      issuer: `${server.url}/upstream-idp`,
      authorization_endpoint: `${server.url}/upstream-idp/authorize`,
      token_endpoint: `${server.url}/upstream-idp/token`,
      jwks_uri: `${server.url}/upstream-idp/jwks.json`,
    });
    const jwks = (await (await fetch(doc['jwks_uri'] ?? '')).json()) as { keys: unknown[] };
    expect(jwks.keys).toHaveLength(1);
    const browser = new Browser(server.url);
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: 'rp',
      redirect_uri: 'http://localhost:4000/cb',
      state: 's',
      nonce: 'nn',
    });
    const back = await pick(
      browser,
      await browser.open(`/upstream-idp/authorize?${query.toString()}`),
      'upstream-alan',
    );
    expect(back.searchParams.get('state')).toBe('s');
    const exchange = (clientId: string) =>
      postForm(`${server.url}/upstream-idp/token`, {
        grant_type: 'authorization_code',
        client_id: clientId,
        code: back.searchParams.get('code') ?? '',
        redirect_uri: 'http://localhost:4000/cb',
      });
    const tokens = await exchange('rp');
    expect(tokens.status).toBe(200);
    expect(claims(tokens.body['id_token'] as string)).toMatchObject({
      iss: `${server.url}/upstream-idp`,
      aud: 'rp',
      sub: 'upstream-alan',
      nonce: 'nn',
      email: 'alan@example.com',
    });
    // Single use.
    expect(await exchange('rp')).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });
});

describe('federated sign-in', () => {
  it('creates <Provider>_<sub> with EXTERNAL_PROVIDER, identities, mapped attributes and the provider group', async () => {
    const browser = new Browser(server.url);
    const back = await pick(
      browser,
      await browser.open(authorizeUrl({ identity_provider: 'Google', state: 'g1', nonce: 'gn' })),
      'upstream-ada',
    );
    expect(back.searchParams.get('state')).toBe('g1');
    const id = await idToken(back);
    expect(id).toMatchObject({
      'cognito:username': 'Google_upstream-ada',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      nonce: 'gn',
    });
    expect(id['cognito:groups']).toEqual([`${POOL_ID}_Google`]);
    expect(id['identities']).toEqual([
      expect.objectContaining({
        userId: 'upstream-ada',
        providerName: 'Google',
        providerType: 'Google',
        issuer: null,
        primary: 'true',
      }),
    ]);
    const user = await admin.send(
      new sdk.AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'Google_upstream-ada' }),
    );
    expect(user.UserStatus).toBe('EXTERNAL_PROVIDER');
    // The hosted session now skips the form.
    expect(left(await browser.open(authorizeUrl({}))).searchParams.get('code')).toBeTruthy();
    // A second federated sign-in finds the same user.
    const again = await pick(
      browser,
      await browser.open(authorizeUrl({ identity_provider: 'Google' })),
      'upstream-ada',
    );
    expect((await idToken(again))['sub']).toBe(id['sub']);
  });

  it('offers a button per provider on the hosted page, and idp_identifier picks the provider', async () => {
    const browser = new Browser(server.url);
    const login = page(await browser.open(authorizeUrl({})));
    expect(login.html).toContain('Continue with Google');
    expect(login.html).toContain('Continue with AcmeSSO');
    const viaButton = await browser.submit(
      formTo(login.html, '/oauth2/authorize', 'Continue with AcmeSSO'),
    );
    const back = await pick(browser, viaButton, 'upstream-alan');
    const id = await idToken(back);
    expect(id['cognito:username']).toBe('AcmeSSO_upstream-alan');
    expect((id['identities'] as { issuer: string }[])[0]?.issuer).toBe(
      `${server.url}/upstream-idp`,
    );
    const viaIdentifier = await new Browser(server.url).open(
      authorizeUrl({ idp_identifier: 'acme.example' }),
    );
    expect(new URL(page(viaIdentifier).url).searchParams.get('client_id')).toBe('acme-client');
  });

  it('refuses an unreachable provider, a tampered state, and an error from the provider', async () => {
    const far = left(
      await new Browser(server.url).open(
        authorizeUrl({ identity_provider: 'Faraway', state: 'f' }),
      ),
    );
    expect(far.searchParams.get('error')).toBe('invalid_request');
    expect(far.searchParams.get('error_description')).toContain('/upstream-idp');
    const tampered = page(
      await new Browser(server.url).open('/oauth2/idpresponse?code=x&state=forged'),
    );
    expect(tampered.status).toBe(400);
    const browser = new Browser(server.url);
    const picker = page(
      await browser.open(authorizeUrl({ identity_provider: 'Google', state: 'e1' })),
    );
    const state = new URL(picker.url).searchParams.get('state') ?? '';
    const refused = left(
      await browser.open(`/oauth2/idpresponse?error=access_denied&state=${state}`),
    );
    expect([refused.searchParams.get('error'), refused.searchParams.get('state')]).toEqual([
      'access_denied',
      'e1',
    ]);
  });
});

describe('linking', () => {
  it('signs a linked identity in as the destination user until the link is disabled', async () => {
    const link = (value: string) =>
      admin.send(
        new sdk.AdminLinkProviderForUserCommand({
          UserPoolId: POOL_ID,
          DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: 'alice' },
          SourceUser: {
            ProviderName: 'AcmeSSO',
            ProviderAttributeName: 'Cognito_Subject',
            ProviderAttributeValue: value,
          },
        }),
      );
    // AcmeSSO_upstream-alan exists already (previous test): merging is refused.
    expect(await failure(link('upstream-alan'))).toMatchObject({
      name: 'InvalidParameterException',
    });
    await link('upstream-ada');
    expect(await failure(link('upstream-ada'))).toMatchObject({ name: 'AliasExistsException' });
    const browser = new Browser(server.url);
    const back = await pick(
      browser,
      await browser.open(authorizeUrl({ identity_provider: 'AcmeSSO' })),
      'upstream-ada',
    );
    const id = await idToken(back);
    expect(id['cognito:username']).toBe('alice');
    expect(id['identities']).toEqual([
      expect.objectContaining({ providerName: 'AcmeSSO', userId: 'upstream-ada' }),
    ]);

    await admin.send(
      new sdk.AdminDisableProviderForUserCommand({
        UserPoolId: POOL_ID,
        User: {
          ProviderName: 'AcmeSSO',
          ProviderAttributeName: 'Cognito_Subject',
          ProviderAttributeValue: 'upstream-ada',
        },
      }),
    );
    const after = await pick(
      new Browser(server.url),
      await new Browser(server.url).open(
        authorizeUrl({ identity_provider: 'AcmeSSO', prompt: 'login' }),
      ),
      'upstream-ada',
    );
    expect((await idToken(after))['cognito:username']).toBe('AcmeSSO_upstream-ada');
    const alice = await admin.send(
      new sdk.AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'alice' }),
    );
    expect(alice.UserAttributes?.find((a) => a.Name === 'identities')).toBeUndefined();
  });
});
