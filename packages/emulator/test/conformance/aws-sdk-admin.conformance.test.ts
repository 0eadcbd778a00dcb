/**
 * Conformance of every admin and pool-management action with `@aws-sdk/client-cognito-identity-
 * provider` (its own SigV4 signer and parsers) over the HTTP host, with the key pair the host was
 * started with. Everything happens in a pool the suite creates through the API, so the answers
 * describe what the API built, not what a seed wrote. The last test checks that every admin
 * action the engine registers succeeded at least once here.
 */
import { describe, expect, it } from 'vitest';
import { claims, CREDENTIALS, useConformanceHost } from './harness.js';
import { recordingClient, registeredActions, sdk, typedFailure } from './sdk-client.js';
import type { RecordingClient } from './sdk-client.js';

const REGION = 'ap-southeast-2';
const PASSWORD = 'Passw0rd!';

// The SDK signs with the real clock, so this host's clock is not frozen.
const host = useConformanceHost({ pools: [] }, { frozenClock: false });

let recorder: RecordingClient | undefined;
function admin() {
  recorder ??= recordingClient(host.url, REGION, CREDENTIALS);
  return recorder.client;
}

/** Ids of what the suite created (tests in a file run in order). */
const ids = { pool: '', client: '' };

describe('aws-sdk v3 against the admin actions', { timeout: 30_000 }, () => {
  it('rejects calls signed with an unknown key or a wrong secret', async () => {
    const stranger = recordingClient(host.url, REGION, {
      accessKeyId: 'AKIDSTRANGER',
      secretAccessKey: CREDENTIALS.secretAccessKey,
    }).client;
    const unknown = await typedFailure(
      stranger.send(new sdk.ListUserPoolsCommand({ MaxResults: 5 })),
      'UnrecognizedClientException',
    );
    expect(unknown.message).toBe('The security token included in the request is invalid.');
    stranger.destroy();
    const forger = recordingClient(host.url, REGION, {
      accessKeyId: CREDENTIALS.accessKeyId,
      secretAccessKey: 'not-the-secret',
    }).client;
    const forged = await typedFailure(
      forger.send(new sdk.ListUserPoolsCommand({ MaxResults: 5 })),
      'InvalidSignatureException',
    );
    expect(forged.message).toMatch(/^The request signature we calculated does not match/);
    forger.destroy();
  });

  it('CreateUserPool / DescribeUserPool / UpdateUserPool / ListUserPools / Set+GetUserPoolMfaConfig', async () => {
    const created = await admin().send(
      new sdk.CreateUserPoolCommand({
        PoolName: 'conformance-pool',
        AliasAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        Policies: { PasswordPolicy: { MinimumLength: 8, RequireSymbols: true } },
      }),
    );
    const pool = created.UserPool;
    expect(pool?.Id).toMatch(new RegExp(`^${REGION}_[0-9A-Za-z]+$`));
    expect(pool?.Arn).toContain(pool?.Id ?? '?');
    expect(pool?.CreationDate).toBeInstanceOf(Date);
    expect(pool?.LastModifiedDate).toBeInstanceOf(Date);
    ids.pool = pool?.Id ?? '';

    await admin().send(
      new sdk.UpdateUserPoolCommand({
        UserPoolId: ids.pool,
        AutoVerifiedAttributes: ['email'],
        MfaConfiguration: 'OFF',
      }),
    );
    const described = await admin().send(new sdk.DescribeUserPoolCommand({ UserPoolId: ids.pool }));
    expect(described.UserPool).toMatchObject({
      Id: ids.pool,
      Name: 'conformance-pool',
      MfaConfiguration: 'OFF',
      AliasAttributes: ['email'],
    });
    expect(described.UserPool?.Policies?.PasswordPolicy?.MinimumLength).toBe(8);

    const listed = await admin().send(new sdk.ListUserPoolsCommand({ MaxResults: 60 }));
    const mine = listed.UserPools?.find((p) => p.Id === ids.pool);
    expect(mine?.Name).toBe('conformance-pool');
    expect(mine?.CreationDate).toBeInstanceOf(Date);

    await admin().send(
      new sdk.SetUserPoolMfaConfigCommand({
        UserPoolId: ids.pool,
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    const mfa = await admin().send(new sdk.GetUserPoolMfaConfigCommand({ UserPoolId: ids.pool }));
    expect(mfa.MfaConfiguration).toBe('OPTIONAL');
    expect(mfa.SoftwareTokenMfaConfiguration?.Enabled).toBe(true);

    await typedFailure(
      admin().send(new sdk.DescribeUserPoolCommand({ UserPoolId: `${REGION}_Missing00` })),
      'ResourceNotFoundException',
    );
  });

  it('CreateUserPoolClient / DescribeUserPoolClient / UpdateUserPoolClient / ListUserPoolClients', async () => {
    const created = await admin().send(
      new sdk.CreateUserPoolClientCommand({
        UserPoolId: ids.pool,
        ClientName: 'conformance-client',
        ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const client = created.UserPoolClient;
    expect(client).toMatchObject({ UserPoolId: ids.pool, ClientName: 'conformance-client' });
    expect(client?.ClientId).toMatch(/^[0-9a-z]+$/);
    expect(client?.CreationDate).toBeInstanceOf(Date);
    ids.client = client?.ClientId ?? '';

    await admin().send(
      new sdk.UpdateUserPoolClientCommand({
        UserPoolId: ids.pool,
        ClientId: ids.client,
        ClientName: 'renamed-client',
        ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const described = await admin().send(
      new sdk.DescribeUserPoolClientCommand({ UserPoolId: ids.pool, ClientId: ids.client }),
    );
    expect(described.UserPoolClient?.ClientName).toBe('renamed-client');
    expect(described.UserPoolClient?.ExplicitAuthFlows).toEqual(
      expect.arrayContaining(['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
    );
    expect(described.UserPoolClient?.LastModifiedDate).toBeInstanceOf(Date);
    const listed = await admin().send(new sdk.ListUserPoolClientsCommand({ UserPoolId: ids.pool }));
    expect(listed.UserPoolClients).toEqual([
      { ClientId: ids.client, UserPoolId: ids.pool, ClientName: 'renamed-client' },
    ]);
  });

  it('AdminCreateUser / AdminInitiateAuth / AdminRespondToAuthChallenge (NEW_PASSWORD_REQUIRED)', async () => {
    const created = await admin().send(
      new sdk.AdminCreateUserCommand({
        UserPoolId: ids.pool,
        Username: 'carol',
        TemporaryPassword: 'Temp-Passw0rd!',
        UserAttributes: [
          { Name: 'email', Value: 'carol@example.com' },
          { Name: 'email_verified', Value: 'true' },
        ],
        MessageAction: 'SUPPRESS',
      }),
    );
    expect(created.User).toMatchObject({
      Username: 'carol',
      Enabled: true,
      UserStatus: 'FORCE_CHANGE_PASSWORD',
    });
    expect(created.User?.UserCreateDate).toBeInstanceOf(Date);
    expect(created.User?.Attributes).toContainEqual({ Name: 'email', Value: 'carol@example.com' });
    await typedFailure(
      admin().send(
        new sdk.AdminCreateUserCommand({
          UserPoolId: ids.pool,
          Username: 'carol',
          MessageAction: 'SUPPRESS',
        }),
      ),
      'UsernameExistsException',
    );

    const challenge = await admin().send(
      new sdk.AdminInitiateAuthCommand({
        UserPoolId: ids.pool,
        ClientId: ids.client,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'carol', PASSWORD: 'Temp-Passw0rd!' },
      }),
    );
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(challenge.Session).toMatch(/\S/);
    expect(JSON.parse(challenge.ChallengeParameters?.['userAttributes'] ?? '{}')).toMatchObject({
      email: 'carol@example.com',
    });
    const done = await admin().send(
      new sdk.AdminRespondToAuthChallengeCommand({
        UserPoolId: ids.pool,
        ClientId: ids.client,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: 'carol', NEW_PASSWORD: PASSWORD },
      }),
    );
    expect(done.AuthenticationResult).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    expect(claims(done.AuthenticationResult?.IdToken)).toMatchObject({
      'cognito:username': 'carol',
      aud: ids.client,
      iss: `${host.url}/${ids.pool}`,
    });
    await typedFailure(
      admin().send(
        new sdk.AdminInitiateAuthCommand({
          UserPoolId: ids.pool,
          ClientId: ids.client,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'carol', PASSWORD: 'Wr0ng-Passw0rd!' },
        }),
      ),
      'NotAuthorizedException',
    );
  });

  it('AdminGetUser / AdminUpdateUserAttributes / AdminDeleteUserAttributes / ListUsers', async () => {
    await admin().send(
      new sdk.AdminUpdateUserAttributesCommand({
        UserPoolId: ids.pool,
        Username: 'carol',
        UserAttributes: [
          { Name: 'nickname', Value: 'cc' },
          { Name: 'given_name', Value: 'Carol' },
        ],
      }),
    );
    await admin().send(
      new sdk.AdminDeleteUserAttributesCommand({
        UserPoolId: ids.pool,
        Username: 'carol',
        UserAttributeNames: ['nickname'],
      }),
    );
    const user = await admin().send(
      new sdk.AdminGetUserCommand({ UserPoolId: ids.pool, Username: 'carol' }),
    );
    expect(user).toMatchObject({ Username: 'carol', Enabled: true, UserStatus: 'CONFIRMED' });
    expect(user.UserCreateDate).toBeInstanceOf(Date);
    expect(user.UserLastModifiedDate).toBeInstanceOf(Date);
    const attributes = Object.fromEntries(
      (user.UserAttributes ?? []).map((a) => [a.Name, a.Value]),
    );
    expect(attributes).toMatchObject({ given_name: 'Carol', email: 'carol@example.com' });
    expect(attributes['nickname']).toBeUndefined();
    // The verified e-mail is an alias here.
    const byAlias = await admin().send(
      new sdk.AdminGetUserCommand({ UserPoolId: ids.pool, Username: 'carol@example.com' }),
    );
    expect(byAlias.Username).toBe('carol');
    await typedFailure(
      admin().send(new sdk.AdminGetUserCommand({ UserPoolId: ids.pool, Username: 'nobody' })),
      'UserNotFoundException',
    );

    const listed = await admin().send(
      new sdk.ListUsersCommand({ UserPoolId: ids.pool, Filter: 'given_name = "Carol"', Limit: 10 }),
    );
    expect(listed.Users?.map((u) => u.Username)).toEqual(['carol']);
    expect(listed.Users?.[0]?.UserCreateDate).toBeInstanceOf(Date);
    await typedFailure(
      admin().send(new sdk.ListUsersCommand({ UserPoolId: ids.pool, Filter: 'not a filter' })),
      'InvalidParameterException',
    );
  });

  it('AdminSetUserPassword / AdminResetUserPassword / AdminDisableUser / AdminEnableUser / AdminUserGlobalSignOut', async () => {
    const signIn = (password: string) =>
      admin().send(
        new sdk.AdminInitiateAuthCommand({
          UserPoolId: ids.pool,
          ClientId: ids.client,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'carol', PASSWORD: password },
        }),
      );
    await admin().send(
      new sdk.AdminSetUserPasswordCommand({
        UserPoolId: ids.pool,
        Username: 'carol',
        Password: 'S3t-by-admin!',
        Permanent: true,
      }),
    );
    const tokens = (await signIn('S3t-by-admin!')).AuthenticationResult;
    expect(tokens?.RefreshToken).toMatch(/\S/);

    await admin().send(
      new sdk.AdminUserGlobalSignOutCommand({ UserPoolId: ids.pool, Username: 'carol' }),
    );
    await typedFailure(
      admin().send(
        new sdk.AdminInitiateAuthCommand({
          UserPoolId: ids.pool,
          ClientId: ids.client,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: tokens?.RefreshToken ?? '' },
        }),
      ),
      'NotAuthorizedException',
    );

    await admin().send(
      new sdk.AdminDisableUserCommand({ UserPoolId: ids.pool, Username: 'carol' }),
    );
    const disabled = await typedFailure(signIn('S3t-by-admin!'), 'NotAuthorizedException');
    expect(disabled.message).toBe('User is disabled.');
    await admin().send(new sdk.AdminEnableUserCommand({ UserPoolId: ids.pool, Username: 'carol' }));
    expect((await signIn('S3t-by-admin!')).AuthenticationResult?.AccessToken).toMatch(/^ey/);

    await admin().send(
      new sdk.AdminResetUserPasswordCommand({ UserPoolId: ids.pool, Username: 'carol' }),
    );
    const reset = await admin().send(
      new sdk.AdminGetUserCommand({ UserPoolId: ids.pool, Username: 'carol' }),
    );
    expect(reset.UserStatus).toBe('RESET_REQUIRED');
    await typedFailure(signIn('S3t-by-admin!'), 'PasswordResetRequiredException');
  });

  it('AdminConfirmSignUp confirms a user who signed up', async () => {
    await admin().send(
      new sdk.SignUpCommand({
        ClientId: ids.client,
        Username: 'dave',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'dave@example.com' }],
      }),
    );
    const before = await admin().send(
      new sdk.AdminGetUserCommand({ UserPoolId: ids.pool, Username: 'dave' }),
    );
    expect(before.UserStatus).toBe('UNCONFIRMED');
    await admin().send(
      new sdk.AdminConfirmSignUpCommand({ UserPoolId: ids.pool, Username: 'dave' }),
    );
    const after = await admin().send(
      new sdk.AdminGetUserCommand({ UserPoolId: ids.pool, Username: 'dave' }),
    );
    expect(after.UserStatus).toBe('CONFIRMED');
  });

  it('groups: Create / Get / Update / List / AdminAddUserToGroup / AdminListGroupsForUser / ListUsersInGroup / AdminRemoveUserFromGroup / Delete', async () => {
    const created = await admin().send(
      new sdk.CreateGroupCommand({
        UserPoolId: ids.pool,
        GroupName: 'editors',
        Precedence: 2,
        Description: 'Edit',
      }),
    );
    expect(created.Group).toMatchObject({
      GroupName: 'editors',
      UserPoolId: ids.pool,
      Precedence: 2,
    });
    expect(created.Group?.CreationDate).toBeInstanceOf(Date);
    await typedFailure(
      admin().send(new sdk.CreateGroupCommand({ UserPoolId: ids.pool, GroupName: 'editors' })),
      'GroupExistsException',
    );
    await admin().send(
      new sdk.UpdateGroupCommand({
        UserPoolId: ids.pool,
        GroupName: 'editors',
        Description: 'Editors',
      }),
    );
    const got = await admin().send(
      new sdk.GetGroupCommand({ UserPoolId: ids.pool, GroupName: 'editors' }),
    );
    expect(got.Group?.Description).toBe('Editors');
    expect(got.Group?.LastModifiedDate).toBeInstanceOf(Date);
    const groups = await admin().send(new sdk.ListGroupsCommand({ UserPoolId: ids.pool }));
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(['editors']);

    await admin().send(
      new sdk.AdminAddUserToGroupCommand({
        UserPoolId: ids.pool,
        Username: 'dave',
        GroupName: 'editors',
      }),
    );
    const forUser = await admin().send(
      new sdk.AdminListGroupsForUserCommand({ UserPoolId: ids.pool, Username: 'dave' }),
    );
    expect(forUser.Groups?.map((g) => g.GroupName)).toEqual(['editors']);
    const members = await admin().send(
      new sdk.ListUsersInGroupCommand({ UserPoolId: ids.pool, GroupName: 'editors' }),
    );
    expect(members.Users?.map((u) => u.Username)).toEqual(['dave']);
    const tokens = await admin().send(
      new sdk.AdminInitiateAuthCommand({
        UserPoolId: ids.pool,
        ClientId: ids.client,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'dave', PASSWORD },
      }),
    );
    expect(claims(tokens.AuthenticationResult?.AccessToken)['cognito:groups']).toEqual(['editors']);

    await admin().send(
      new sdk.AdminRemoveUserFromGroupCommand({
        UserPoolId: ids.pool,
        Username: 'dave',
        GroupName: 'editors',
      }),
    );
    const none = await admin().send(
      new sdk.AdminListGroupsForUserCommand({ UserPoolId: ids.pool, Username: 'dave' }),
    );
    expect(none.Groups).toEqual([]);
    await admin().send(new sdk.DeleteGroupCommand({ UserPoolId: ids.pool, GroupName: 'editors' }));
    await typedFailure(
      admin().send(new sdk.GetGroupCommand({ UserPoolId: ids.pool, GroupName: 'editors' })),
      'ResourceNotFoundException',
    );
  });

  it('identity providers: Create / Describe / GetByIdentifier / Update / List / Delete', async () => {
    const created = await admin().send(
      new sdk.CreateIdentityProviderCommand({
        UserPoolId: ids.pool,
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
      UserPoolId: ids.pool,
      ProviderName: 'Google',
      ProviderType: 'Google',
    });
    expect(created.IdentityProvider?.CreationDate).toBeInstanceOf(Date);
    await admin().send(
      new sdk.UpdateIdentityProviderCommand({
        UserPoolId: ids.pool,
        ProviderName: 'Google',
        IdpIdentifiers: ['g'],
      }),
    );
    const described = await admin().send(
      new sdk.DescribeIdentityProviderCommand({ UserPoolId: ids.pool, ProviderName: 'Google' }),
    );
    expect(described.IdentityProvider?.IdpIdentifiers).toEqual(['g']);
    const byIdentifier = await admin().send(
      new sdk.GetIdentityProviderByIdentifierCommand({ UserPoolId: ids.pool, IdpIdentifier: 'g' }),
    );
    expect(byIdentifier.IdentityProvider?.ProviderName).toBe('Google');
    await typedFailure(
      admin().send(
        new sdk.GetIdentityProviderByIdentifierCommand({
          UserPoolId: ids.pool,
          IdpIdentifier: 'h',
        }),
      ),
      'ResourceNotFoundException',
    );
    const listed = await admin().send(
      new sdk.ListIdentityProvidersCommand({ UserPoolId: ids.pool }),
    );
    expect(listed.Providers?.map((p) => p.ProviderName)).toEqual(['Google']);
    expect(listed.Providers?.[0]?.CreationDate).toBeInstanceOf(Date);
    await admin().send(
      new sdk.DeleteIdentityProviderCommand({ UserPoolId: ids.pool, ProviderName: 'Google' }),
    );
    await typedFailure(
      admin().send(
        new sdk.DescribeIdentityProviderCommand({ UserPoolId: ids.pool, ProviderName: 'Google' }),
      ),
      'ResourceNotFoundException',
    );
  });

  it('domain, resource servers, AdminLinkProviderForUser / AdminDisableProviderForUser', async () => {
    await admin().send(
      new sdk.CreateUserPoolDomainCommand({ UserPoolId: ids.pool, Domain: 'conformance-app' }),
    );
    const domain = await admin().send(
      new sdk.DescribeUserPoolDomainCommand({ Domain: 'conformance-app' }),
    );
    expect(domain.DomainDescription).toMatchObject({ UserPoolId: ids.pool, Status: 'ACTIVE' });

    const created = await admin().send(
      new sdk.CreateResourceServerCommand({
        UserPoolId: ids.pool,
        Identifier: 'https://api.example.com',
        Name: 'api',
        Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read' }],
      }),
    );
    expect(created.ResourceServer?.Identifier).toBe('https://api.example.com');
    await admin().send(
      new sdk.UpdateResourceServerCommand({
        UserPoolId: ids.pool,
        Identifier: 'https://api.example.com',
        Name: 'api',
        Scopes: [
          { ScopeName: 'read', ScopeDescription: 'Read' },
          { ScopeName: 'write', ScopeDescription: 'Write' },
        ],
      }),
    );
    const described = await admin().send(
      new sdk.DescribeResourceServerCommand({
        UserPoolId: ids.pool,
        Identifier: 'https://api.example.com',
      }),
    );
    expect(described.ResourceServer?.Scopes?.map((s) => s.ScopeName)).toEqual(['read', 'write']);
    const listed = await admin().send(
      new sdk.ListResourceServersCommand({ UserPoolId: ids.pool, MaxResults: 5 }),
    );
    expect(listed.ResourceServers).toHaveLength(1);
    await admin().send(
      new sdk.DeleteResourceServerCommand({
        UserPoolId: ids.pool,
        Identifier: 'https://api.example.com',
      }),
    );

    await admin().send(
      new sdk.CreateIdentityProviderCommand({
        UserPoolId: ids.pool,
        ProviderName: 'Acme',
        ProviderType: 'OIDC',
        ProviderDetails: {
          client_id: 'acme',
          oidc_issuer: '/upstream-idp',
          authorize_scopes: 'openid',
        },
      }),
    );
    const source = {
      ProviderName: 'Acme',
      ProviderAttributeName: 'Cognito_Subject',
      ProviderAttributeValue: 'acme-1',
    };
    await admin().send(
      new sdk.AdminLinkProviderForUserCommand({
        UserPoolId: ids.pool,
        DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: 'carol' },
        SourceUser: source,
      }),
    );
    const linked = await admin().send(
      new sdk.AdminGetUserCommand({ UserPoolId: ids.pool, Username: 'carol' }),
    );
    expect(linked.UserAttributes?.find((a) => a.Name === 'identities')?.Value).toContain('acme-1');
    await admin().send(
      new sdk.AdminDisableProviderForUserCommand({ UserPoolId: ids.pool, User: source }),
    );
    const unlinked = await admin().send(
      new sdk.AdminGetUserCommand({ UserPoolId: ids.pool, Username: 'carol' }),
    );
    expect(unlinked.UserAttributes?.find((a) => a.Name === 'identities')).toBeUndefined();
    await admin().send(
      new sdk.DeleteUserPoolDomainCommand({ UserPoolId: ids.pool, Domain: 'conformance-app' }),
    );
  });

  it('AdminListDevices / AdminGetDevice / AdminUpdateDeviceStatus / AdminForgetDevice', async () => {
    // Devices come from a user sign-in in a pool that tracks them (admin flows never do).
    await admin().send(
      new sdk.UpdateUserPoolCommand({
        UserPoolId: ids.pool,
        AutoVerifiedAttributes: ['email'],
        DeviceConfiguration: {
          ChallengeRequiredOnNewDevice: false,
          DeviceOnlyRememberedOnUserPrompt: true,
        },
      }),
    );
    const web = await admin().send(
      new sdk.CreateUserPoolClientCommand({
        UserPoolId: ids.pool,
        ClientName: 'device-web',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const webId = web.UserPoolClient?.ClientId ?? '';
    const signedIn = await admin().send(
      new sdk.InitiateAuthCommand({
        ClientId: webId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'dave', PASSWORD },
      }),
    );
    const deviceKey = signedIn.AuthenticationResult?.NewDeviceMetadata?.DeviceKey ?? '';
    expect(deviceKey).toMatch(new RegExp(`^${REGION}_`));
    await admin().send(
      new sdk.ConfirmDeviceCommand({
        AccessToken: signedIn.AuthenticationResult?.AccessToken,
        DeviceKey: deviceKey,
        DeviceName: 'conformance laptop',
        DeviceSecretVerifierConfig: { PasswordVerifier: 'AQID', Salt: 'BAUG' },
      }),
    );

    const listed = await admin().send(
      new sdk.AdminListDevicesCommand({ UserPoolId: ids.pool, Username: 'dave', Limit: 10 }),
    );
    expect(listed.Devices?.map((d) => d.DeviceKey)).toEqual([deviceKey]);
    expect(listed.Devices?.[0]?.DeviceCreateDate).toBeInstanceOf(Date);
    expect(listed.PaginationToken).toBeUndefined();

    await admin().send(
      new sdk.AdminUpdateDeviceStatusCommand({
        UserPoolId: ids.pool,
        Username: 'dave',
        DeviceKey: deviceKey,
        DeviceRememberedStatus: 'remembered',
      }),
    );
    const got = await admin().send(
      new sdk.AdminGetDeviceCommand({
        UserPoolId: ids.pool,
        Username: 'dave',
        DeviceKey: deviceKey,
      }),
    );
    const attributes = Object.fromEntries(
      (got.Device?.DeviceAttributes ?? []).map((a) => [a.Name, a.Value]),
    );
    expect(attributes).toMatchObject({
      device_name: 'conformance laptop',
      'dev:device_remembered_status': 'remembered',
    });

    await admin().send(
      new sdk.AdminForgetDeviceCommand({
        UserPoolId: ids.pool,
        Username: 'dave',
        DeviceKey: deviceKey,
      }),
    );
    await typedFailure(
      admin().send(
        new sdk.AdminGetDeviceCommand({
          UserPoolId: ids.pool,
          Username: 'dave',
          DeviceKey: deviceKey,
        }),
      ),
      'ResourceNotFoundException',
    );
    await typedFailure(
      admin().send(new sdk.AdminListDevicesCommand({ UserPoolId: ids.pool, Username: 'nobody' })),
      'UserNotFoundException',
    );
    await admin().send(
      new sdk.DeleteUserPoolClientCommand({ UserPoolId: ids.pool, ClientId: webId }),
    );
  });

  it('AdminSetUserMFAPreference', async () => {
    await admin().send(
      new sdk.SetUserPoolMfaConfigCommand({
        UserPoolId: ids.pool,
        MfaConfiguration: 'OPTIONAL',
        EmailMfaConfiguration: { Message: 'Code {####}', Subject: 'Code' },
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    await admin().send(
      new sdk.AdminSetUserMFAPreferenceCommand({
        UserPoolId: ids.pool,
        Username: 'dave',
        EmailMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    const user = await admin().send(
      new sdk.AdminGetUserCommand({ UserPoolId: ids.pool, Username: 'dave' }),
    );
    expect(user.UserMFASettingList).toEqual(['EMAIL_OTP']);
    expect(user.PreferredMfaSetting).toBe('EMAIL_OTP');
    // No authenticator registered: TOTP cannot be turned on.
    await typedFailure(
      admin().send(
        new sdk.AdminSetUserMFAPreferenceCommand({
          UserPoolId: ids.pool,
          Username: 'dave',
          SoftwareTokenMfaSettings: { Enabled: true },
        }),
      ),
      'InvalidParameterException',
    );
  });

  it('AdminDeleteUser / DeleteUserPoolClient / DeleteUserPool', async () => {
    await admin().send(new sdk.AdminDeleteUserCommand({ UserPoolId: ids.pool, Username: 'dave' }));
    await typedFailure(
      admin().send(new sdk.AdminGetUserCommand({ UserPoolId: ids.pool, Username: 'dave' })),
      'UserNotFoundException',
    );
    await admin().send(
      new sdk.DeleteUserPoolClientCommand({ UserPoolId: ids.pool, ClientId: ids.client }),
    );
    await typedFailure(
      admin().send(
        new sdk.DescribeUserPoolClientCommand({ UserPoolId: ids.pool, ClientId: ids.client }),
      ),
      'ResourceNotFoundException',
    );
    await admin().send(new sdk.DeleteUserPoolCommand({ UserPoolId: ids.pool }));
    await typedFailure(
      admin().send(new sdk.DescribeUserPoolCommand({ UserPoolId: ids.pool })),
      'ResourceNotFoundException',
    );
  });

  it('exercised every admin action the emulator registers', () => {
    const missing = registeredActions.admin.filter((name) => !recorder?.succeeded.has(name));
    expect(missing).toEqual([]);
  });
});
