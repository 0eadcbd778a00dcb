/**
 * The machine-facing OAuth endpoints over HTTP: client_credentials at `/oauth2/token`,
 * `/oauth2/userInfo`, `/oauth2/revoke`, the implicit flow, and the admin actions that configure
 * them (domain, resource servers, client OAuth settings) through the AWS SDK.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorServer } from '../src/node/server.js';
import { claims, failure, sdk } from './admin-harness.js';
import { Browser, basic, formTo, left, page, postForm } from './support/oauth-browser.js';
import { API, CALLBACK, POOL_ID } from './support/oauth-seed.js';
import { oauthAdminClient, startOAuthServer } from './support/oauth-server.js';

let server: EmulatorServer;
let admin: InstanceType<typeof sdk.CognitoIdentityProviderClient>;
beforeAll(async () => {
  server = await startOAuthServer();
  admin = oauthAdminClient(server);
});
afterAll(() => server.close());

const token = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  postForm(`${server.url}/oauth2/token`, fields, headers);

/** Tokens of alice through the hosted page for `webapp` with `scope`. */
async function codeFlowTokens(scope: string): Promise<Record<string, unknown>> {
  const browser = new Browser(server.url);
  const login = page(
    await browser.open(
      `/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: 'webapp', redirect_uri: CALLBACK, scope }).toString()}`,
    ),
  );
  const back = left(
    await browser.submit(formTo(login.html, '/login'), {
      username: 'alice',
      password: 'Alice-Passw0rd',
    }),
  );
  const answer = await token({
    grant_type: 'authorization_code',
    client_id: 'webapp',
    code: back.searchParams.get('code') ?? '',
    redirect_uri: CALLBACK,
  });
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('client_credentials', () => {
  it('issues an access token with the custom scopes, sub = client id, and no ID or refresh token', async () => {
    const all = await token(
      { grant_type: 'client_credentials' },
      basic('machine', 'machineSecret123'),
    );
    expect(all.status).toBe(200);
    expect(all.headers.get('access-control-allow-origin')).toBe('*');
    expect(Object.keys(all.body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
    const access = claims(all.body['access_token'] as string);
    expect(access).toMatchObject({
      sub: 'machine',
      client_id: 'machine',
      token_use: 'access',
      version: 2,
    });
    expect(access['username']).toBeUndefined();
    expect(String(access['scope']).split(' ').sort()).toEqual([`${API}/read`, `${API}/write`]);

    const one = await token(
      { grant_type: 'client_credentials', scope: `${API}/read` },
      basic('machine', 'machineSecret123'),
    );
    expect(claims(one.body['access_token'] as string)['scope']).toBe(`${API}/read`);
    // The JWKS verifies it like every other access token.
    const jwks = (await (await fetch(`${server.url}/${POOL_ID}/.well-known/jwks.json`)).json()) as {
      keys: { kid: string }[];
    };
    const header = JSON.parse(
      Buffer.from((one.body['access_token'] as string).split('.')[0] ?? '', 'base64url').toString(),
    ) as { kid: string };
    expect(jwks.keys.map((k) => k.kid)).toContain(header.kid);
  });

  it('refuses other scopes, public clients, code clients and bad secrets', async () => {
    expect(
      await token(
        { grant_type: 'client_credentials', scope: 'openid' },
        basic('machine', 'machineSecret123'),
      ),
    ).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    expect(
      await token(
        { grant_type: 'client_credentials', scope: `${API}/admin` },
        basic('machine', 'machineSecret123'),
      ),
    ).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    expect(await token({ grant_type: 'client_credentials', client_id: 'webapp' })).toMatchObject({
      status: 400,
      body: { error: 'unauthorized_client' },
    });
    expect(
      await token({ grant_type: 'client_credentials' }, basic('confidentialweb', 'webSecret123')),
    ).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } });
    expect(
      await token({ grant_type: 'client_credentials' }, basic('machine', 'wrong')),
    ).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    expect(await token({ grant_type: 'client_credentials', client_id: 'machine' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_client' },
    });
  });
});

describe('/oauth2/userInfo', () => {
  it('returns the attributes the scopes allow for a token from the token endpoint', async () => {
    const tokens = await codeFlowTokens('openid email');
    const res = await fetch(`${server.url}/oauth2/userInfo`, {
      headers: { authorization: `Bearer ${tokens['access_token'] as string}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      email: 'alice@example.com',
      email_verified: 'true',
      username: 'alice',
    });
    expect(body['sub']).toBe(claims(tokens['id_token'] as string)['sub']);
    // `email` scope: no name, no phone.
    expect(body['name']).toBeUndefined();
    expect(body['phone_number']).toBeUndefined();

    const everything = await codeFlowTokens('openid');
    const all = (await (
      await fetch(`${server.url}/oauth2/userInfo`, {
        headers: { authorization: `Bearer ${everything['access_token'] as string}` },
      })
    ).json()) as Record<string, unknown>;
    expect(all).toMatchObject({
      name: 'Alice',
      phone_number: '+15550100',
      email: 'alice@example.com',
    });
  });

  it('refuses API sign-in tokens, tokens without openid, and invalid tokens', async () => {
    const apiSignIn = await fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: 'apionly',
        AuthParameters: { USERNAME: 'alice', PASSWORD: 'Alice-Passw0rd' },
      }),
    });
    const apiToken = ((await apiSignIn.json()) as { AuthenticationResult: { AccessToken: string } })
      .AuthenticationResult.AccessToken;
    const refused = await fetch(`${server.url}/oauth2/userInfo`, {
      headers: { authorization: `Bearer ${apiToken}` },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('www-authenticate')).toContain('insufficient_scope');
    const machine = await token(
      { grant_type: 'client_credentials' },
      basic('machine', 'machineSecret123'),
    );
    const machineAnswer = await fetch(`${server.url}/oauth2/userInfo`, {
      headers: { authorization: `Bearer ${machine.body['access_token'] as string}` },
    });
    expect(machineAnswer.status).toBe(401);
    const garbage = await fetch(`${server.url}/oauth2/userInfo`, {
      headers: { authorization: 'Bearer abc.def.ghi' },
    });
    expect(garbage.status).toBe(401);
    expect(garbage.headers.get('www-authenticate')).toContain('invalid_token');
    expect((await fetch(`${server.url}/oauth2/userInfo`)).status).toBe(401);
  });
});

describe('/oauth2/revoke', () => {
  it('revokes a refresh token and the access tokens issued from it', async () => {
    const tokens = await codeFlowTokens('openid email');
    const revoke = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      postForm(`${server.url}/oauth2/revoke`, fields, headers);
    expect(
      await revoke({ token: tokens['access_token'] as string, client_id: 'webapp' }),
    ).toMatchObject({
      status: 400,
      body: { error: 'unsupported_token_type' },
    });
    expect(
      await revoke({ token: tokens['refresh_token'] as string, client_id: 'confidentialweb' }),
    ).toMatchObject({
      status: 400,
      body: { error: 'invalid_client' },
    });
    expect(await revoke({ client_id: 'webapp' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
    const ok = await revoke({ token: tokens['refresh_token'] as string, client_id: 'webapp' });
    expect(ok.status).toBe(200);
    expect(
      await token({
        grant_type: 'refresh_token',
        client_id: 'webapp',
        refresh_token: tokens['refresh_token'] as string,
      }),
    ).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const info = await fetch(`${server.url}/oauth2/userInfo`, {
      headers: { authorization: `Bearer ${tokens['access_token'] as string}` },
    });
    expect(info.status).toBe(401);
  });
});

describe('implicit flow', () => {
  it('returns the tokens in the fragment, without a refresh token', async () => {
    const browser = new Browser(server.url);
    const query = new URLSearchParams({
      response_type: 'token',
      client_id: 'implicitapp',
      redirect_uri: CALLBACK,
      state: 'imp',
      nonce: 'n-imp',
    });
    const login = page(await browser.open(`/oauth2/authorize?${query.toString()}`));
    const back = left(
      await browser.submit(formTo(login.html, '/login'), {
        username: 'alice',
        password: 'Alice-Passw0rd',
      }),
    );
    const fragment = new URLSearchParams(back.hash.slice(1));
    expect(fragment.get('state')).toBe('imp');
    expect(fragment.get('token_type')).toBe('Bearer');
    expect(fragment.get('refresh_token')).toBeNull();
    expect(claims(fragment.get('id_token') ?? '')['nonce']).toBe('n-imp');
  });
});

describe('admin actions', () => {
  it('creates, describes and deletes a domain', async () => {
    const created = await admin.send(new sdk.CreateUserPoolCommand({ PoolName: 'second' }));
    const poolId = created.UserPool?.Id ?? '';
    await admin.send(
      new sdk.CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: 'second-app' }),
    );
    const described = await admin.send(
      new sdk.DescribeUserPoolDomainCommand({ Domain: 'second-app' }),
    );
    expect(described.DomainDescription).toMatchObject({
      UserPoolId: poolId,
      Domain: 'second-app',
      Status: 'ACTIVE',
    });
    expect(
      (await admin.send(new sdk.DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool?.Domain,
    ).toBe('second-app');
    expect(
      await failure(
        admin.send(
          new sdk.CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: 'oauth-test' }),
        ),
      ),
    ).toMatchObject({ name: 'InvalidParameterException' });
    expect(
      (await admin.send(new sdk.DescribeUserPoolDomainCommand({ Domain: 'nobody-has-this' })))
        .DomainDescription,
    ).toEqual({});
    await admin.send(
      new sdk.DeleteUserPoolDomainCommand({ UserPoolId: poolId, Domain: 'second-app' }),
    );
    expect(
      (await admin.send(new sdk.DescribeUserPoolDomainCommand({ Domain: 'second-app' })))
        .DomainDescription,
    ).toEqual({});
  });

  it('manages resource servers and checks client OAuth settings against them', async () => {
    const server2 = await admin.send(
      new sdk.CreateResourceServerCommand({
        UserPoolId: POOL_ID,
        Identifier: 'orders',
        Name: 'Orders',
        Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read orders' }],
      }),
    );
    expect(server2.ResourceServer?.Scopes).toEqual([
      { ScopeName: 'read', ScopeDescription: 'Read orders' },
    ]);
    const listed = await admin.send(
      new sdk.ListResourceServersCommand({ UserPoolId: POOL_ID, MaxResults: 10 }),
    );
    expect(listed.ResourceServers?.map((s) => s.Identifier)).toEqual([API, 'orders']);

    const client = await admin.send(
      new sdk.CreateUserPoolClientCommand({
        UserPoolId: POOL_ID,
        ClientName: 'orders-worker',
        GenerateSecret: true,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: ['orders/read'],
      }),
    );
    expect(client.UserPoolClient).toMatchObject({
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: ['orders/read'],
    });
    const issued = await token(
      { grant_type: 'client_credentials' },
      basic(client.UserPoolClient?.ClientId ?? '', client.UserPoolClient?.ClientSecret ?? ''),
    );
    expect(claims(issued.body['access_token'] as string)['scope']).toBe('orders/read');

    expect(
      await failure(
        admin.send(
          new sdk.CreateUserPoolClientCommand({
            UserPoolId: POOL_ID,
            ClientName: 'bad-scope',
            AllowedOAuthFlowsUserPoolClient: true,
            AllowedOAuthFlows: ['code'],
            AllowedOAuthScopes: ['orders/write'],
            CallbackURLs: [CALLBACK],
          }),
        ),
      ),
    ).toMatchObject({ name: 'ScopeDoesNotExistException' });
    expect(
      await failure(
        admin.send(
          new sdk.CreateUserPoolClientCommand({
            UserPoolId: POOL_ID,
            ClientName: 'no-secret',
            AllowedOAuthFlowsUserPoolClient: true,
            AllowedOAuthFlows: ['client_credentials'],
            AllowedOAuthScopes: ['orders/read'],
          }),
        ),
      ),
    ).toMatchObject({ name: 'InvalidOAuthFlowException' });
    expect(
      await failure(
        admin.send(
          new sdk.CreateUserPoolClientCommand({
            UserPoolId: POOL_ID,
            ClientName: 'bad-url',
            AllowedOAuthFlowsUserPoolClient: true,
            AllowedOAuthFlows: ['code'],
            AllowedOAuthScopes: ['openid'],
            CallbackURLs: ['http://example.com/callback'],
          }),
        ),
      ),
    ).toMatchObject({ name: 'InvalidParameterException' });
    await admin.send(
      new sdk.DeleteResourceServerCommand({ UserPoolId: POOL_ID, Identifier: 'orders' }),
    );
    expect(
      await failure(
        admin.send(
          new sdk.DescribeResourceServerCommand({ UserPoolId: POOL_ID, Identifier: 'orders' }),
        ),
      ),
    ).toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
