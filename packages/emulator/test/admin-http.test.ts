/**
 * The admin API over real HTTP, driven by `@aws-sdk/client-cognito-identity-provider` — an
 * independent SigV4 signer and response parser. Every admin action is called and its parsed
 * answer checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorServer } from '../src/node/server.js';
import type { EmulatorServer } from '../src/node/server.js';
import { awsSdk } from './aws-sdk.js';

const sdk = awsSdk;
const POOL = 'eu-west-1_AdminHttp1';
const CREDENTIALS = { accessKeyId: 'AKIDADMIN', secretAccessKey: 'admin-secret' };

let server: EmulatorServer;
let client: InstanceType<typeof sdk.CognitoIdentityProviderClient>;

function clientWith(credentials: { accessKeyId: string; secretAccessKey: string }) {
  return new sdk.CognitoIdentityProviderClient({
    region: 'eu-west-1',
    endpoint: server.url,
    credentials,
    maxAttempts: 1,
  });
}

/** Runs `promise` and returns the SDK's parsed error (name + message). */
async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error('expected the call to fail');
}

interface OutboxEntry {
  username: string;
  medium: string;
  destination: string;
  purpose: string;
  code?: string;
  message: string;
}

async function outbox(username: string): Promise<OutboxEntry[]> {
  const res = await fetch(
    `${server.url}/_emulator/outbox?poolId=${POOL}&username=${encodeURIComponent(username)}`,
  );
  return ((await res.json()) as { messages: OutboxEntry[] }).messages;
}

beforeAll(async () => {
  server = await startEmulatorServer({
    port: 0,
    quiet: true,
    credentials: CREDENTIALS,
    seed: {
      pools: [
        {
          id: POOL,
          aliasAttributes: ['email'],
          clients: [
            {
              id: 'adminHttpClient',
              explicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
            },
            { id: 'srpOnlyClient', explicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] },
          ],
          users: [
            {
              username: 'seeded',
              password: 'Seeded-Passw0rd',
              attributes: { email: 'seeded@example.com', email_verified: true },
            },
          ],
        },
      ],
    },
  });
  client = clientWith(CREDENTIALS);
});

afterAll(async () => {
  client?.destroy();
  await server?.close();
});

describe('SigV4 on admin actions (COGNITO-PROTOCOL §9)', () => {
  it('refuses an unsigned call with MissingAuthenticationTokenException', async () => {
    const res = await fetch(server.url, {
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
    const bad = clientWith({ accessKeyId: CREDENTIALS.accessKeyId, secretAccessKey: 'wrong' });
    const error = await failure(
      bad.send(new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'seeded' })),
    );
    bad.destroy();
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.message).toMatch(/^The request signature we calculated does not match/);
  });

  it('refuses an unknown access key with UnrecognizedClientException', async () => {
    const bad = clientWith({ accessKeyId: 'AKIDNOBODY', secretAccessKey: 'admin-secret' });
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
    const created = await client.send(
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

    const described = await client.send(new sdk.DescribeUserPoolCommand({ UserPoolId: pool.Id }));
    expect(described.UserPool?.Id).toBe(pool.Id);
    expect(described.UserPool?.MfaConfiguration).toBe('OFF');

    await client.send(
      new sdk.UpdateUserPoolCommand({
        UserPoolId: pool.Id,
        MfaConfiguration: 'OPTIONAL',
        AutoVerifiedAttributes: ['email'],
      }),
    );
    const updated = await client.send(new sdk.DescribeUserPoolCommand({ UserPoolId: pool.Id }));
    expect(updated.UserPool?.MfaConfiguration).toBe('OPTIONAL');
    // Settings left out of UpdateUserPool return to their defaults, as in Cognito.
    expect(updated.UserPool?.Policies?.PasswordPolicy?.MinimumLength).toBe(8);

    const mfa = await client.send(
      new sdk.SetUserPoolMfaConfigCommand({
        UserPoolId: pool.Id,
        MfaConfiguration: 'ON',
        SoftwareTokenMfaConfiguration: { Enabled: true },
        EmailMfaConfiguration: { Subject: 'Code' },
      }),
    );
    expect(mfa.MfaConfiguration).toBe('ON');
    expect(mfa.SoftwareTokenMfaConfiguration).toEqual({ Enabled: true });
    const got = await client.send(new sdk.GetUserPoolMfaConfigCommand({ UserPoolId: pool.Id }));
    expect(got.MfaConfiguration).toBe('ON');
    expect(got.EmailMfaConfiguration).toBeDefined();
    expect(got.SmsMfaConfiguration).toBeUndefined();

    const ids: string[] = [];
    let next: string | undefined;
    do {
      const page = await client.send(
        new sdk.ListUserPoolsCommand({ MaxResults: 1, NextToken: next }),
      );
      expect(page.UserPools?.length).toBeLessThanOrEqual(1);
      ids.push(...(page.UserPools ?? []).map((p) => p.Id!));
      next = page.NextToken;
    } while (next);
    expect(ids).toEqual(expect.arrayContaining([POOL, pool.Id]));

    await client.send(new sdk.DeleteUserPoolCommand({ UserPoolId: pool.Id }));
    const gone = await failure(
      client.send(new sdk.DescribeUserPoolCommand({ UserPoolId: pool.Id })),
    );
    expect(gone).toEqual({
      name: 'ResourceNotFoundException',
      message: `User pool ${pool.Id} does not exist.`,
    });
  });

  it('answers validation errors in Cognito’s shape', async () => {
    const error = await failure(client.send(new sdk.ListUserPoolsCommand({ MaxResults: 99 })));
    expect(error.name).toBe('InvalidParameterException');
    expect(error.message).toBe(
      "1 validation error detected: Value '99' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60",
    );
  });
});

describe('app clients', () => {
  it('creates with a secret, describes, updates, lists and deletes', async () => {
    const created = await client.send(
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

    const described = await client.send(
      new sdk.DescribeUserPoolClientCommand({ UserPoolId: POOL, ClientId: created1.ClientId }),
    );
    expect(described.UserPoolClient?.ClientName).toBe('server-side');

    const updated = await client.send(
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

    const listed = await client.send(new sdk.ListUserPoolClientsCommand({ UserPoolId: POOL }));
    expect(listed.UserPoolClients?.map((c) => c.ClientId)).toEqual(
      expect.arrayContaining(['adminHttpClient', created1.ClientId]),
    );

    await client.send(
      new sdk.DeleteUserPoolClientCommand({ UserPoolId: POOL, ClientId: created1.ClientId }),
    );
    const gone = await failure(
      client.send(
        new sdk.DescribeUserPoolClientCommand({ UserPoolId: POOL, ClientId: created1.ClientId }),
      ),
    );
    expect(gone.name).toBe('ResourceNotFoundException');
  });
});

describe('users', () => {
  it('AdminCreateUser sends the invitation with the temporary password and refuses duplicates', async () => {
    const created = await client.send(
      new sdk.AdminCreateUserCommand({
        UserPoolId: POOL,
        Username: 'carol',
        UserAttributes: [
          { Name: 'email', Value: 'carol@example.com' },
          { Name: 'email_verified', Value: 'true' },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
    expect(created.User).toMatchObject({
      Username: 'carol',
      Enabled: true,
      UserStatus: 'FORCE_CHANGE_PASSWORD',
    });
    expect(created.User?.Attributes).toEqual(
      expect.arrayContaining([{ Name: 'email', Value: 'carol@example.com' }]),
    );
    expect(created.User?.UserCreateDate).toBeInstanceOf(Date);
    const [invitation] = await outbox('carol');
    expect(invitation).toMatchObject({
      medium: 'EMAIL',
      destination: 'carol@example.com',
      purpose: 'ADMIN_CREATE_USER',
    });
    expect(invitation?.message).toContain(invitation?.code);

    const duplicate = await failure(
      client.send(new sdk.AdminCreateUserCommand({ UserPoolId: POOL, Username: 'carol' })),
    );
    expect(duplicate).toEqual({
      name: 'UsernameExistsException',
      message: 'User account already exists',
    });

    await client.send(
      new sdk.AdminCreateUserCommand({
        UserPoolId: POOL,
        Username: 'carol',
        MessageAction: 'RESEND',
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
    const after = await outbox('carol');
    expect(after).toHaveLength(2);
    expect(after[1]?.code).not.toBe(invitation?.code);
  });

  it('AdminCreateUser with SUPPRESS sends nothing and checks the temporary password against the policy', async () => {
    await client.send(
      new sdk.AdminCreateUserCommand({
        UserPoolId: POOL,
        Username: 'dave',
        TemporaryPassword: 'Temp-Passw0rd',
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: 'dave@example.com' },
          { Name: 'given_name', Value: 'Dave' },
        ],
      }),
    );
    expect(await outbox('dave')).toEqual([]);
    const weak = await failure(
      client.send(
        new sdk.AdminCreateUserCommand({
          UserPoolId: POOL,
          Username: 'eve',
          TemporaryPassword: 'weakpassword',
        }),
      ),
    );
    expect(weak.name).toBe('InvalidPasswordException');
    const schema = await failure(
      client.send(
        new sdk.AdminCreateUserCommand({
          UserPoolId: POOL,
          Username: 'eve',
          UserAttributes: [{ Name: 'custom:nope', Value: 'x' }],
        }),
      ),
    );
    expect(schema.name).toBe('InvalidParameterException');
  });

  it('AdminGetUser, AdminUpdateUserAttributes, AdminDeleteUserAttributes', async () => {
    await client.send(
      new sdk.AdminUpdateUserAttributesCommand({
        UserPoolId: POOL,
        Username: 'dave',
        UserAttributes: [
          { Name: 'family_name', Value: 'Jones' },
          { Name: 'email', Value: 'dave.jones@example.com' },
        ],
      }),
    );
    await client.send(
      new sdk.AdminDeleteUserAttributesCommand({
        UserPoolId: POOL,
        Username: 'dave',
        UserAttributeNames: ['given_name'],
      }),
    );
    const user = await client.send(
      new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'dave' }),
    );
    const attributes = Object.fromEntries(
      (user.UserAttributes ?? []).map((a) => [a.Name, a.Value]),
    );
    expect(attributes).toMatchObject({ family_name: 'Jones', email: 'dave.jones@example.com' });
    expect(attributes['given_name']).toBeUndefined();
    expect(attributes['sub']).toMatch(/^[0-9a-f-]{36}$/);
    expect(user.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(user.UserLastModifiedDate).toBeInstanceOf(Date);

    // A verified e-mail is an alias: AdminGetUser accepts it in place of the username.
    const byAlias = await client.send(
      new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'seeded@example.com' }),
    );
    expect(byAlias.Username).toBe('seeded');
    const missing = await failure(
      client.send(new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'nobody' })),
    );
    expect(missing).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('ListUsers filters and pages', async () => {
    for (const name of ['list-a', 'list-b', 'list-c']) {
      await client.send(
        new sdk.AdminCreateUserCommand({
          UserPoolId: POOL,
          Username: name,
          MessageAction: 'SUPPRESS',
          UserAttributes: [{ Name: 'given_name', Value: `Lister ${name}` }],
        }),
      );
    }
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new sdk.ListUsersCommand({
          UserPoolId: POOL,
          Limit: 2,
          PaginationToken: token,
          Filter: 'given_name ^= "Lister"',
        }),
      );
      expect(page.Users?.length).toBeLessThanOrEqual(2);
      names.push(...(page.Users ?? []).map((u) => u.Username!));
      token = page.PaginationToken;
    } while (token);
    expect(names).toEqual(['list-a', 'list-b', 'list-c']);

    const exact = await client.send(
      new sdk.ListUsersCommand({
        UserPoolId: POOL,
        Filter: 'email = "seeded@example.com"',
        AttributesToGet: ['email'],
      }),
    );
    expect(exact.Users?.map((u) => u.Username)).toEqual(['seeded']);
    expect(exact.Users?.[0]?.Attributes).toEqual([{ Name: 'email', Value: 'seeded@example.com' }]);

    const bad = await failure(
      client.send(new sdk.ListUsersCommand({ UserPoolId: POOL, Filter: 'email ~ "x"' })),
    );
    expect(bad.name).toBe('InvalidParameterException');
  });

  it('passwords, enable/disable, confirm, reset, sign-out and delete', async () => {
    await client.send(
      new sdk.AdminSetUserPasswordCommand({
        UserPoolId: POOL,
        Username: 'carol',
        Password: 'Carol-Passw0rd',
        Permanent: true,
      }),
    );
    expect(
      (await client.send(new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'carol' })))
        .UserStatus,
    ).toBe('CONFIRMED');

    await client.send(new sdk.AdminDisableUserCommand({ UserPoolId: POOL, Username: 'carol' }));
    expect(
      (await client.send(new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'carol' })))
        .Enabled,
    ).toBe(false);
    await client.send(new sdk.AdminEnableUserCommand({ UserPoolId: POOL, Username: 'carol' }));
    expect(
      (await client.send(new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'carol' })))
        .Enabled,
    ).toBe(true);

    const confirm = await failure(
      client.send(new sdk.AdminConfirmSignUpCommand({ UserPoolId: POOL, Username: 'carol' })),
    );
    expect(confirm).toEqual({
      name: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
    });

    await client.send(
      new sdk.AdminResetUserPasswordCommand({ UserPoolId: POOL, Username: 'carol' }),
    );
    expect(
      (await client.send(new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'carol' })))
        .UserStatus,
    ).toBe('RESET_REQUIRED');
    const reset = (await outbox('carol')).at(-1);
    expect(reset).toMatchObject({ purpose: 'FORGOT_PASSWORD', medium: 'EMAIL' });
    expect(reset?.code).toMatch(/^\d{6}$/);

    await client.send(
      new sdk.AdminUserGlobalSignOutCommand({ UserPoolId: POOL, Username: 'carol' }),
    );
    await client.send(new sdk.AdminDeleteUserCommand({ UserPoolId: POOL, Username: 'carol' }));
    const gone = await failure(
      client.send(new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'carol' })),
    );
    expect(gone.name).toBe('UserNotFoundException');
  });
});

describe('groups', () => {
  it('creates groups, manages membership and deletes', async () => {
    const created = await client.send(
      new sdk.CreateGroupCommand({
        UserPoolId: POOL,
        GroupName: 'editors',
        Description: 'Can edit',
        Precedence: 5,
      }),
    );
    expect(created.Group).toMatchObject({
      GroupName: 'editors',
      UserPoolId: POOL,
      Description: 'Can edit',
      Precedence: 5,
    });
    expect(created.Group?.CreationDate).toBeInstanceOf(Date);
    const duplicate = await failure(
      client.send(new sdk.CreateGroupCommand({ UserPoolId: POOL, GroupName: 'editors' })),
    );
    expect(duplicate.name).toBe('GroupExistsException');
    await client.send(new sdk.CreateGroupCommand({ UserPoolId: POOL, GroupName: 'viewers' }));

    const updated = await client.send(
      new sdk.UpdateGroupCommand({
        UserPoolId: POOL,
        GroupName: 'viewers',
        Description: 'Read only',
      }),
    );
    expect(updated.Group?.Description).toBe('Read only');
    expect(
      (await client.send(new sdk.GetGroupCommand({ UserPoolId: POOL, GroupName: 'editors' }))).Group
        ?.Precedence,
    ).toBe(5);
    const page1 = await client.send(new sdk.ListGroupsCommand({ UserPoolId: POOL, Limit: 1 }));
    expect(page1.Groups?.map((g) => g.GroupName)).toEqual(['editors']);
    const page2 = await client.send(
      new sdk.ListGroupsCommand({ UserPoolId: POOL, Limit: 1, NextToken: page1.NextToken }),
    );
    expect(page2.Groups?.map((g) => g.GroupName)).toEqual(['viewers']);
    expect(page2.NextToken).toBeUndefined();

    await client.send(
      new sdk.AdminAddUserToGroupCommand({
        UserPoolId: POOL,
        Username: 'dave',
        GroupName: 'editors',
      }),
    );
    await client.send(
      new sdk.AdminAddUserToGroupCommand({
        UserPoolId: POOL,
        Username: 'dave',
        GroupName: 'viewers',
      }),
    );
    const forUser = await client.send(
      new sdk.AdminListGroupsForUserCommand({ UserPoolId: POOL, Username: 'dave' }),
    );
    expect(forUser.Groups?.map((g) => g.GroupName)).toEqual(['editors', 'viewers']);
    const members = await client.send(
      new sdk.ListUsersInGroupCommand({ UserPoolId: POOL, GroupName: 'editors' }),
    );
    expect(members.Users?.map((u) => u.Username)).toEqual(['dave']);

    await client.send(
      new sdk.AdminRemoveUserFromGroupCommand({
        UserPoolId: POOL,
        Username: 'dave',
        GroupName: 'viewers',
      }),
    );
    await client.send(new sdk.DeleteGroupCommand({ UserPoolId: POOL, GroupName: 'editors' }));
    const left = await client.send(
      new sdk.AdminListGroupsForUserCommand({ UserPoolId: POOL, Username: 'dave' }),
    );
    expect(left.Groups).toEqual([]);
    const gone = await failure(
      client.send(new sdk.GetGroupCommand({ UserPoolId: POOL, GroupName: 'editors' })),
    );
    expect(gone.name).toBe('ResourceNotFoundException');
  });
});

describe('identity providers', () => {
  it('creates, describes, updates, lists and deletes', async () => {
    const created = await client.send(
      new sdk.CreateIdentityProviderCommand({
        UserPoolId: POOL,
        ProviderName: 'Google',
        ProviderType: 'Google',
        ProviderDetails: {
          client_id: 'gid',
          client_secret: 'gsecret',
          authorize_scopes: 'openid email',
        },
        AttributeMapping: { email: 'email' },
      }),
    );
    expect(created.IdentityProvider).toMatchObject({
      ProviderName: 'Google',
      ProviderType: 'Google',
      AttributeMapping: { email: 'email' },
    });
    const duplicate = await failure(
      client.send(
        new sdk.CreateIdentityProviderCommand({
          UserPoolId: POOL,
          ProviderName: 'Google',
          ProviderType: 'Google',
          ProviderDetails: {},
        }),
      ),
    );
    expect(duplicate.name).toBe('DuplicateProviderException');
    await client.send(
      new sdk.UpdateIdentityProviderCommand({
        UserPoolId: POOL,
        ProviderName: 'Google',
        IdpIdentifiers: ['g'],
      }),
    );
    const described = await client.send(
      new sdk.DescribeIdentityProviderCommand({ UserPoolId: POOL, ProviderName: 'Google' }),
    );
    expect(described.IdentityProvider?.IdpIdentifiers).toEqual(['g']);
    const listed = await client.send(new sdk.ListIdentityProvidersCommand({ UserPoolId: POOL }));
    expect(listed.Providers?.map((p) => [p.ProviderName, p.ProviderType])).toEqual([
      ['Google', 'Google'],
    ]);
    await client.send(
      new sdk.DeleteIdentityProviderCommand({ UserPoolId: POOL, ProviderName: 'Google' }),
    );
    const gone = await failure(
      client.send(
        new sdk.DescribeIdentityProviderCommand({ UserPoolId: POOL, ProviderName: 'Google' }),
      ),
    );
    expect(gone.name).toBe('ResourceNotFoundException');
  });
});

function claims(jwt: string | undefined): Record<string, unknown> {
  const payload = (jwt ?? '').split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('admin sign-in', () => {
  it('AdminInitiateAuth with ADMIN_USER_PASSWORD_AUTH returns tokens carrying the groups', async () => {
    await client.send(new sdk.CreateGroupCommand({ UserPoolId: POOL, GroupName: 'signers' }));
    await client.send(
      new sdk.AdminAddUserToGroupCommand({
        UserPoolId: POOL,
        Username: 'seeded',
        GroupName: 'signers',
      }),
    );
    const result = await client.send(
      new sdk.AdminInitiateAuthCommand({
        UserPoolId: POOL,
        ClientId: 'adminHttpClient',
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'seeded', PASSWORD: 'Seeded-Passw0rd' },
      }),
    );
    expect(result.ChallengeName).toBeUndefined();
    expect(result.AuthenticationResult?.TokenType).toBe('Bearer');
    expect(result.AuthenticationResult?.NewDeviceMetadata).toBeUndefined();
    const id = claims(result.AuthenticationResult?.IdToken);
    expect(id).toMatchObject({
      'cognito:username': 'seeded',
      token_use: 'id',
      aud: 'adminHttpClient',
    });
    expect(id['cognito:groups']).toEqual(['signers']);

    const wrong = await failure(
      client.send(
        new sdk.AdminInitiateAuthCommand({
          UserPoolId: POOL,
          ClientId: 'adminHttpClient',
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'seeded', PASSWORD: 'not-the-password' },
        }),
      ),
    );
    expect(wrong).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });

    // Global sign-out revokes the refresh token.
    await client.send(
      new sdk.AdminUserGlobalSignOutCommand({ UserPoolId: POOL, Username: 'seeded' }),
    );
    const refresh = await failure(
      client.send(
        new sdk.AdminInitiateAuthCommand({
          UserPoolId: POOL,
          ClientId: 'adminHttpClient',
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: result.AuthenticationResult!.RefreshToken! },
        }),
      ),
    );
    expect(refresh.name).toBe('NotAuthorizedException');
  });

  it('a created user answers NEW_PASSWORD_REQUIRED through AdminRespondToAuthChallenge', async () => {
    await client.send(
      new sdk.AdminCreateUserCommand({
        UserPoolId: POOL,
        Username: 'frank',
        TemporaryPassword: 'Frank-Temp-1',
        MessageAction: 'SUPPRESS',
      }),
    );
    const first = await client.send(
      new sdk.AdminInitiateAuthCommand({
        UserPoolId: POOL,
        ClientId: 'adminHttpClient',
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'frank', PASSWORD: 'Frank-Temp-1' },
      }),
    );
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(first.Session?.length).toBeGreaterThanOrEqual(20);
    const done = await client.send(
      new sdk.AdminRespondToAuthChallengeCommand({
        UserPoolId: POOL,
        ClientId: 'adminHttpClient',
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: first.Session,
        ChallengeResponses: { USERNAME: 'frank', NEW_PASSWORD: 'Frank-Final-1' },
      }),
    );
    expect(claims(done.AuthenticationResult?.AccessToken)).toMatchObject({
      username: 'frank',
      token_use: 'access',
    });
    expect(
      (await client.send(new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'frank' })))
        .UserStatus,
    ).toBe('CONFIRMED');
  });

  it('refuses ADMIN_USER_PASSWORD_AUTH on a client that does not allow it, and a client of another pool', async () => {
    const notAllowed = await failure(
      client.send(
        new sdk.AdminInitiateAuthCommand({
          UserPoolId: POOL,
          ClientId: 'srpOnlyClient',
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'seeded', PASSWORD: 'Seeded-Passw0rd' },
        }),
      ),
    );
    expect(notAllowed.name).toBe('InvalidParameterException');
    const otherPool = await client.send(new sdk.CreateUserPoolCommand({ PoolName: 'other' }));
    const wrongPool = await failure(
      client.send(
        new sdk.AdminInitiateAuthCommand({
          UserPoolId: otherPool.UserPool!.Id,
          ClientId: 'adminHttpClient',
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'seeded', PASSWORD: 'Seeded-Passw0rd' },
        }),
      ),
    );
    expect(wrongPool.name).toBe('ResourceNotFoundException');
  });
});

describe('admin changes seen by sign-in', () => {
  const signIn = (username: string, password: string) =>
    client.send(
      new sdk.AdminInitiateAuthCommand({
        UserPoolId: POOL,
        ClientId: 'adminHttpClient',
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );

  it('a disabled user cannot sign in until enabled again', async () => {
    await client.send(
      new sdk.AdminCreateUserCommand({
        UserPoolId: POOL,
        Username: 'gina',
        MessageAction: 'SUPPRESS',
      }),
    );
    await client.send(
      new sdk.AdminSetUserPasswordCommand({
        UserPoolId: POOL,
        Username: 'gina',
        Password: 'Gina-Passw0rd',
        Permanent: true,
      }),
    );
    await client.send(new sdk.AdminDisableUserCommand({ UserPoolId: POOL, Username: 'gina' }));
    expect(await failure(signIn('gina', 'Gina-Passw0rd'))).toEqual({
      name: 'NotAuthorizedException',
      message: 'User is disabled.',
    });
    await client.send(new sdk.AdminEnableUserCommand({ UserPoolId: POOL, Username: 'gina' }));
    expect((await signIn('gina', 'Gina-Passw0rd')).AuthenticationResult?.AccessToken).toBeDefined();
  });

  it('AdminResetUserPassword: the emailed code completes ConfirmForgotPassword, then the new password works', async () => {
    await client.send(
      new sdk.AdminCreateUserCommand({
        UserPoolId: POOL,
        Username: 'hank',
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: 'hank@example.com' },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    await client.send(
      new sdk.AdminSetUserPasswordCommand({
        UserPoolId: POOL,
        Username: 'hank',
        Password: 'Hank-Passw0rd',
        Permanent: true,
      }),
    );
    await client.send(
      new sdk.AdminResetUserPasswordCommand({ UserPoolId: POOL, Username: 'hank' }),
    );
    // The seeded client has PreventUserExistenceErrors ENABLED, which answers NotAuthorizedException
    // instead of PasswordResetRequiredException (COGNITO-PROTOCOL §8).
    expect(await failure(signIn('hank', 'Hank-Passw0rd'))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    const code = (await outbox('hank')).at(-1)?.code;
    expect(code).toMatch(/^\d{6}$/);
    await client.send(
      new sdk.ConfirmForgotPasswordCommand({
        ClientId: 'adminHttpClient',
        Username: 'hank',
        ConfirmationCode: code,
        Password: 'Hank-New-Passw0rd',
      }),
    );
    expect((await signIn('hank', 'Hank-New-Passw0rd')).AuthenticationResult?.IdToken).toBeDefined();
  });

  it('AdminUpdateUserAttributes in an auto-verifying pool sends a verification code for a new e-mail', async () => {
    const created = await client.send(
      new sdk.CreateUserPoolCommand({ PoolName: 'verify', AutoVerifiedAttributes: ['email'] }),
    );
    const poolId = created.UserPool!.Id!;
    await client.send(
      new sdk.AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: 'ivy',
        MessageAction: 'SUPPRESS',
      }),
    );
    await client.send(
      new sdk.AdminUpdateUserAttributesCommand({
        UserPoolId: poolId,
        Username: 'ivy',
        UserAttributes: [{ Name: 'email', Value: 'ivy@example.com' }],
      }),
    );
    const res = await fetch(`${server.url}/_emulator/outbox?poolId=${poolId}&username=ivy`);
    const messages = ((await res.json()) as { messages: OutboxEntry[] }).messages;
    expect(messages.map((m) => [m.purpose, m.destination])).toEqual([
      ['VERIFY_ATTRIBUTE', 'ivy@example.com'],
    ]);
    const user = await client.send(
      new sdk.AdminGetUserCommand({ UserPoolId: poolId, Username: 'ivy' }),
    );
    expect(user.UserAttributes).toEqual(
      expect.arrayContaining([{ Name: 'email_verified', Value: 'false' }]),
    );

    // Marking it verified in the same call sends nothing.
    await client.send(
      new sdk.AdminUpdateUserAttributesCommand({
        UserPoolId: poolId,
        Username: 'ivy',
        UserAttributes: [
          { Name: 'email', Value: 'ivy2@example.com' },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    const after = await fetch(`${server.url}/_emulator/outbox?poolId=${poolId}&username=ivy`);
    expect(((await after.json()) as { messages: OutboxEntry[] }).messages).toHaveLength(1);
  });

  it('AdminCreateUser in an e-mail sign-in pool makes the e-mail the sign-in name and the sub the username', async () => {
    const created = await client.send(
      new sdk.CreateUserPoolCommand({ PoolName: 'by-email', UsernameAttributes: ['email'] }),
    );
    const poolId = created.UserPool!.Id!;
    const user = await client.send(
      new sdk.AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: 'jo@example.com',
        MessageAction: 'SUPPRESS',
      }),
    );
    const attributes = Object.fromEntries(
      (user.User?.Attributes ?? []).map((a) => [a.Name, a.Value]),
    );
    expect(attributes['email']).toBe('jo@example.com');
    expect(user.User?.Username).toBe(attributes['sub']);
    const bad = await failure(
      client.send(new sdk.AdminCreateUserCommand({ UserPoolId: poolId, Username: 'not-an-email' })),
    );
    expect(bad).toEqual({
      name: 'InvalidParameterException',
      message: 'Username should be an email.',
    });
  });
});
