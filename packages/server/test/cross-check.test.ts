/**
 * Cross-check: one admin scenario run through this package and through the AWS SDK
 * (`@aws-sdk/client-cognito-identity-provider`, a client nobody here wrote) against two emulators
 * with the same seed and the same frozen clock; both must leave the same state behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import { startEmulatorServer, type EmulatorServer } from '@cognito-kit/emulator/node';
import type { EmulatorState } from '@cognito-kit/emulator';
import { createCognitoAdmin } from '../src/index.js';
import { CREDENTIALS, POOL, defaultSeed } from './harness.js';

const ROLE = 'arn:aws:iam::123456789012:role/staff';

async function viaServerPackage(url: string): Promise<void> {
  const admin = createCognitoAdmin({ userPoolId: POOL, endpoint: url, credentials: CREDENTIALS });
  await admin.groups.create('staff', { description: 'Staff', precedence: 2, roleArn: ROLE });
  await admin.users.create({
    username: 'xuser',
    temporaryPassword: 'Temp-Passw0rd!',
    attributes: { email: 'x@example.com', email_verified: true, given_name: 'Xa' },
    messageAction: 'SUPPRESS',
  });
  await admin.users.updateAttributes('xuser', { family_name: 'User', 'custom:plan': 'gold' });
  await admin.users.deleteAttributes('xuser', ['given_name']);
  await admin.groups.addUser('staff', 'xuser');
  await admin.users.setPassword('xuser', 'Perm-Passw0rd!', { permanent: true });
  await admin.users.setMfaPreference('xuser', { email: { enabled: true, preferred: true } });
  await admin.users.disable('xuser');
  await admin.groups.update('staff', { description: 'All staff' });
  await admin.identityProviders.create({
    name: 'Corp',
    type: 'OIDC',
    details: {
      client_id: 'c',
      client_secret: 's',
      oidc_issuer: 'https://idp.example',
      authorize_scopes: 'openid',
      attributes_request_method: 'GET',
    },
    attributeMapping: { email: 'email' },
    identifiers: ['corp.example'],
  });
  const client = await admin.appClients.create({
    name: 'cross',
    explicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    accessTokenValidity: 2,
    tokenValidityUnits: { AccessToken: 'hours' },
  });
  await admin.appClients.update(client.clientId, { name: 'cross-renamed' });
  await admin.pool.setMfaConfig({ mode: 'OPTIONAL', totp: true });
}

async function viaAwsSdk(url: string): Promise<void> {
  const c = new sdk.CognitoIdentityProviderClient({
    region: 'eu-west-1',
    endpoint: url,
    credentials: CREDENTIALS,
    maxAttempts: 1,
  });
  try {
    const UserPoolId = POOL;
    await c.send(
      new sdk.CreateGroupCommand({
        UserPoolId,
        GroupName: 'staff',
        Description: 'Staff',
        Precedence: 2,
        RoleArn: ROLE,
      }),
    );
    await c.send(
      new sdk.AdminCreateUserCommand({
        UserPoolId,
        Username: 'xuser',
        TemporaryPassword: 'Temp-Passw0rd!',
        UserAttributes: [
          { Name: 'email', Value: 'x@example.com' },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'given_name', Value: 'Xa' },
        ],
        MessageAction: 'SUPPRESS',
      }),
    );
    await c.send(
      new sdk.AdminUpdateUserAttributesCommand({
        UserPoolId,
        Username: 'xuser',
        UserAttributes: [
          { Name: 'family_name', Value: 'User' },
          { Name: 'custom:plan', Value: 'gold' },
        ],
      }),
    );
    await c.send(
      new sdk.AdminDeleteUserAttributesCommand({
        UserPoolId,
        Username: 'xuser',
        UserAttributeNames: ['given_name'],
      }),
    );
    await c.send(
      new sdk.AdminAddUserToGroupCommand({ UserPoolId, Username: 'xuser', GroupName: 'staff' }),
    );
    await c.send(
      new sdk.AdminSetUserPasswordCommand({
        UserPoolId,
        Username: 'xuser',
        Password: 'Perm-Passw0rd!',
        Permanent: true,
      }),
    );
    await c.send(
      new sdk.AdminSetUserMFAPreferenceCommand({
        UserPoolId,
        Username: 'xuser',
        EmailMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    await c.send(new sdk.AdminDisableUserCommand({ UserPoolId, Username: 'xuser' }));
    await c.send(
      new sdk.UpdateGroupCommand({ UserPoolId, GroupName: 'staff', Description: 'All staff' }),
    );
    await c.send(
      new sdk.CreateIdentityProviderCommand({
        UserPoolId,
        ProviderName: 'Corp',
        ProviderType: 'OIDC',
        ProviderDetails: {
          client_id: 'c',
          client_secret: 's',
          oidc_issuer: 'https://idp.example',
          authorize_scopes: 'openid',
          attributes_request_method: 'GET',
        },
        AttributeMapping: { email: 'email' },
        IdpIdentifiers: ['corp.example'],
      }),
    );
    const created = await c.send(
      new sdk.CreateUserPoolClientCommand({
        UserPoolId,
        ClientName: 'cross',
        ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AccessTokenValidity: 2,
        TokenValidityUnits: { AccessToken: 'hours' },
      }),
    );
    // With the SDK the caller must re-send every setting it wants to keep (Update resets the rest).
    const current = created.UserPoolClient!;
    await c.send(
      new sdk.UpdateUserPoolClientCommand({
        UserPoolId,
        ClientId: current.ClientId!,
        ClientName: 'cross-renamed',
        ExplicitAuthFlows: current.ExplicitAuthFlows,
        AccessTokenValidity: current.AccessTokenValidity,
        IdTokenValidity: current.IdTokenValidity,
        RefreshTokenValidity: current.RefreshTokenValidity,
        TokenValidityUnits: current.TokenValidityUnits,
        PreventUserExistenceErrors: current.PreventUserExistenceErrors,
        EnableTokenRevocation: current.EnableTokenRevocation,
        AuthSessionValidity: current.AuthSessionValidity,
        RefreshTokenRotation: current.RefreshTokenRotation,
        AllowedOAuthFlowsUserPoolClient: current.AllowedOAuthFlowsUserPoolClient,
        EnablePropagateAdditionalUserContextData: current.EnablePropagateAdditionalUserContextData,
      }),
    );
    await c.send(
      new sdk.SetUserPoolMfaConfigCommand({
        UserPoolId,
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
  } finally {
    c.destroy();
  }
}

/** The pool's state without what is random per run (subs, salts, client ids and secrets). */
function comparable(state: EmulatorState) {
  const pool = state.pools[POOL]!;
  const users = Object.fromEntries(
    Object.entries(pool.users).map(([name, u]) => {
      const { sub: _sub, srpSalt: _salt, deviceGroupKey: _dgk, attributes, ...rest } = u;
      const { sub: _attrSub, ...attrs } = attributes;
      return [name, { ...rest, attributes: attrs }];
    }),
  );
  const clients = Object.values(pool.clients)
    .map(({ clientId: _id, clientSecret: _secret, ...rest }) => rest)
    .sort((a, b) => String(a.clientName).localeCompare(String(b.clientName)));
  const {
    users: _u,
    clients: _c,
    signingKeys: _k,
    refreshTokens: _r,
    ...settings
  } = pool as typeof pool & {
    signingKeys?: unknown;
  };
  return { users, clients, settings };
}

describe('cross-check with @aws-sdk/client-cognito-identity-provider', () => {
  const servers: EmulatorServer[] = [];
  beforeAll(async () => {
    // Both clocks frozen at the same instant (close enough to now for SigV4's skew check).
    const now = Date.now();
    for (let i = 0; i < 2; i++) {
      servers.push(
        await startEmulatorServer({
          port: 0,
          quiet: true,
          credentials: CREDENTIALS,
          seed: defaultSeed(),
          emulatorOptions: { now },
        }),
      );
    }
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('the same scenario leaves the emulator in the same state', async () => {
    const [ours, theirs] = servers as [EmulatorServer, EmulatorServer];
    const before = comparable(ours.emulator.api.snapshot());
    await viaServerPackage(ours.url);
    await viaAwsSdk(theirs.url);
    const a = comparable(ours.emulator.api.snapshot());
    const b = comparable(theirs.emulator.api.snapshot());
    expect(a).not.toEqual(before);
    expect(a.users['xuser']).toMatchObject({
      enabled: false,
      status: 'CONFIRMED',
      groups: ['staff'],
    });
    expect(a).toEqual(b);
  });
});
