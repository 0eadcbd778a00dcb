/**
 * Admin API over HTTP with the AWS SDK v3 (independent SigV4 signer and parser): signatures, user pools and app clients.
 */
import { describe, expect, it } from 'vitest';
import { CREDENTIALS, failure, POOL, sdk, useAdminServer } from './admin-harness.js';

const h = useAdminServer();

describe('SigV4 on admin actions (COGNITO-PROTOCOL §9)', () => {
  it('refuses an unsigned call with MissingAuthenticationTokenException', async () => {
    const res = await fetch(h.server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.AdminGetUser',
      },
      body: JSON.stringify({ UserPoolId: POOL, Username: 'seeded' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      __type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
  });

  it('refuses a wrong secret with InvalidSignatureException', async () => {
    const bad = h.clientWith({ accessKeyId: CREDENTIALS.accessKeyId, secretAccessKey: 'wrong' });
    const error = await failure(
      bad.send(new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'seeded' })),
    );
    bad.destroy();
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.message).toMatch(/^The request signature we calculated does not match/);
  });

  it('refuses an unknown access key with UnrecognizedClientException', async () => {
    const bad = h.clientWith({ accessKeyId: 'AKIDNOBODY', secretAccessKey: 'admin-secret' });
    const error = await failure(
      bad.send(new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'seeded' })),
    );
    bad.destroy();
    expect(error).toEqual({
      name: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
  });
});

describe('user pools', () => {
  it('creates, describes, updates, lists, configures MFA and deletes a pool', async () => {
    const created = await h.client.send(
      new sdk.CreateUserPoolCommand({
        PoolName: 'sdk-pool',
        Policies: { PasswordPolicy: { MinimumLength: 10, RequireSymbols: false } },
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        Schema: [{ Name: 'tenant', AttributeDataType: 'String', Mutable: true }],
      }),
    );
    const pool = created.UserPool!;
    expect(pool.Id).toMatch(/^eu-west-1_[0-9A-Za-z]{9}$/);
    expect(pool.Name).toBe('sdk-pool');
    expect(pool.CreationDate).toBeInstanceOf(Date);
    expect(Math.abs(pool.CreationDate!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(pool.Policies?.PasswordPolicy).toMatchObject({
      MinimumLength: 10,
      RequireSymbols: false,
      RequireUppercase: true,
    });
    expect(pool.UsernameAttributes).toEqual(['email']);
    expect(pool.SchemaAttributes?.some((a) => a.Name === 'custom:tenant')).toBe(true);

    const described = await h.client.send(new sdk.DescribeUserPoolCommand({ UserPoolId: pool.Id }));
    expect(described.UserPool?.Id).toBe(pool.Id);
    expect(described.UserPool?.MfaConfiguration).toBe('OFF');

    await h.client.send(
      new sdk.UpdateUserPoolCommand({
        UserPoolId: pool.Id,
        MfaConfiguration: 'OPTIONAL',
        AutoVerifiedAttributes: ['email'],
      }),
    );
    const updated = await h.client.send(new sdk.DescribeUserPoolCommand({ UserPoolId: pool.Id }));
    expect(updated.UserPool?.MfaConfiguration).toBe('OPTIONAL');
    // Settings left out of UpdateUserPool return to their defaults, as in Cognito.
    expect(updated.UserPool?.Policies?.PasswordPolicy?.MinimumLength).toBe(8);

    const mfa = await h.client.send(
      new sdk.SetUserPoolMfaConfigCommand({
        UserPoolId: pool.Id,
        MfaConfiguration: 'ON',
        SoftwareTokenMfaConfiguration: { Enabled: true },
        EmailMfaConfiguration: { Subject: 'Code' },
      }),
    );
    expect(mfa.MfaConfiguration).toBe('ON');
    expect(mfa.SoftwareTokenMfaConfiguration).toEqual({ Enabled: true });
    const got = await h.client.send(new sdk.GetUserPoolMfaConfigCommand({ UserPoolId: pool.Id }));
    expect(got.MfaConfiguration).toBe('ON');
    expect(got.EmailMfaConfiguration).toBeDefined();
    expect(got.SmsMfaConfiguration).toBeUndefined();

    const ids: string[] = [];
    let next: string | undefined;
    do {
      const page = await h.client.send(
        new sdk.ListUserPoolsCommand({ MaxResults: 1, NextToken: next }),
      );
      expect(page.UserPools?.length).toBeLessThanOrEqual(1);
      ids.push(...(page.UserPools ?? []).map((p) => p.Id!));
      next = page.NextToken;
    } while (next);
    expect(ids).toEqual(expect.arrayContaining([POOL, pool.Id]));

    await h.client.send(new sdk.DeleteUserPoolCommand({ UserPoolId: pool.Id }));
    const gone = await failure(
      h.client.send(new sdk.DescribeUserPoolCommand({ UserPoolId: pool.Id })),
    );
    expect(gone).toEqual({
      name: 'ResourceNotFoundException',
      message: `User pool ${pool.Id} does not exist.`,
    });
  });

  it('answers validation errors in Cognito’s shape', async () => {
    const error = await failure(h.client.send(new sdk.ListUserPoolsCommand({ MaxResults: 99 })));
    expect(error.name).toBe('InvalidParameterException');
    expect(error.message).toBe(
      "1 validation error detected: Value '99' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60",
    );
  });
});

describe('app clients', () => {
  it('refuses legacy ExplicitAuthFlows names mixed with ALLOW_ ones, on create and update', async () => {
    const mixed = ['ADMIN_NO_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const;
    const created = await failure(
      h.client.send(
        new sdk.CreateUserPoolClientCommand({
          UserPoolId: POOL,
          ClientName: 'mixed',
          ExplicitAuthFlows: [...mixed],
        }),
      ),
    );
    const expected = {
      name: 'InvalidParameterException',
      message:
        'The legacy ExplicitAuthFlows values ADMIN_NO_SRP_AUTH cannot be used together with values that begin with ALLOW_.',
    };
    expect(created).toEqual(expected);

    // Legacy names on their own are still accepted (mapped to their ALLOW_ successors).
    const legacy = await h.client.send(
      new sdk.CreateUserPoolClientCommand({
        UserPoolId: POOL,
        ClientName: 'legacy',
        ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'],
      }),
    );
    const clientId = legacy.UserPoolClient?.ClientId;
    expect(legacy.UserPoolClient?.ExplicitAuthFlows).toEqual([
      'ALLOW_ADMIN_USER_PASSWORD_AUTH',
      'ALLOW_USER_PASSWORD_AUTH',
    ]);
    const updated = await failure(
      h.client.send(
        new sdk.UpdateUserPoolClientCommand({
          UserPoolId: POOL,
          ClientId: clientId,
          ExplicitAuthFlows: ['CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'],
        }),
      ),
    );
    expect(updated).toEqual({
      name: 'InvalidParameterException',
      message:
        'The legacy ExplicitAuthFlows values CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH cannot be used together with values that begin with ALLOW_.',
    });
  });

  it('creates with a secret, describes, updates, lists and deletes', async () => {
    const created = await h.client.send(
      new sdk.CreateUserPoolClientCommand({
        UserPoolId: POOL,
        ClientName: 'server-side',
        GenerateSecret: true,
        ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AccessTokenValidity: 15,
        TokenValidityUnits: { AccessToken: 'minutes' },
      }),
    );
    const created1 = created.UserPoolClient!;
    expect(created1.ClientId).toMatch(/^[a-z0-9]{26}$/);
    expect(created1.ClientSecret).toMatch(/^[a-z0-9]{51}$/);
    expect(created1.AccessTokenValidity).toBe(15);
    expect(created1.TokenValidityUnits?.AccessToken).toBe('minutes');
    expect(created1.RefreshTokenValidity).toBe(30);
    expect(created1.TokenValidityUnits?.RefreshToken).toBe('days');
    expect(created1.ExplicitAuthFlows).toEqual([
      'ALLOW_ADMIN_USER_PASSWORD_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
    ]);

    const described = await h.client.send(
      new sdk.DescribeUserPoolClientCommand({ UserPoolId: POOL, ClientId: created1.ClientId }),
    );
    expect(described.UserPoolClient?.ClientName).toBe('server-side');

    const updated = await h.client.send(
      new sdk.UpdateUserPoolClientCommand({
        UserPoolId: POOL,
        ClientId: created1.ClientId,
        ClientName: 'renamed',
        IdTokenValidity: 2,
      }),
    );
    expect(updated.UserPoolClient?.ClientName).toBe('renamed');
    expect(updated.UserPoolClient?.IdTokenValidity).toBe(2);
    expect(updated.UserPoolClient?.AccessTokenValidity).toBe(1);
    expect(updated.UserPoolClient?.ClientSecret).toBe(created1.ClientSecret);

    const listed = await h.client.send(new sdk.ListUserPoolClientsCommand({ UserPoolId: POOL }));
    expect(listed.UserPoolClients?.map((c) => c.ClientId)).toEqual(
      expect.arrayContaining(['adminHttpClient', created1.ClientId]),
    );

    await h.client.send(
      new sdk.DeleteUserPoolClientCommand({ UserPoolId: POOL, ClientId: created1.ClientId }),
    );
    const gone = await failure(
      h.client.send(
        new sdk.DescribeUserPoolClientCommand({ UserPoolId: POOL, ClientId: created1.ClientId }),
      ),
    );
    expect(gone.name).toBe('ResourceNotFoundException');
  });
});
