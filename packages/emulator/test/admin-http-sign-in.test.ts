/**
 * Admin API over HTTP with the AWS SDK v3: AdminInitiateAuth / AdminRespondToAuthChallenge and how admin changes show in sign-in.
 */
import { describe, expect, it } from 'vitest';
import { claims, failure, POOL, sdk, useAdminServer } from './admin-harness.js';
import type { OutboxEntry } from './admin-harness.js';

const h = useAdminServer();

describe('admin sign-in', () => {
  it('AdminInitiateAuth with ADMIN_USER_PASSWORD_AUTH returns tokens carrying the groups', async () => {
    await h.client.send(new sdk.CreateGroupCommand({ UserPoolId: POOL, GroupName: 'signers' }));
    await h.client.send(
      new sdk.AdminAddUserToGroupCommand({
        UserPoolId: POOL,
        Username: 'seeded',
        GroupName: 'signers',
      }),
    );
    const result = await h.client.send(
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
      h.client.send(
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
    await h.client.send(
      new sdk.AdminUserGlobalSignOutCommand({ UserPoolId: POOL, Username: 'seeded' }),
    );
    const refresh = await failure(
      h.client.send(
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
    await h.client.send(
      new sdk.AdminCreateUserCommand({
        UserPoolId: POOL,
        Username: 'frank',
        TemporaryPassword: 'Frank-Temp-1',
        MessageAction: 'SUPPRESS',
      }),
    );
    const first = await h.client.send(
      new sdk.AdminInitiateAuthCommand({
        UserPoolId: POOL,
        ClientId: 'adminHttpClient',
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'frank', PASSWORD: 'Frank-Temp-1' },
      }),
    );
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(first.Session?.length).toBeGreaterThanOrEqual(20);
    const done = await h.client.send(
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
      (await h.client.send(new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'frank' })))
        .UserStatus,
    ).toBe('CONFIRMED');
  });

  it('refuses ADMIN_USER_PASSWORD_AUTH on a client that does not allow it, and a client of another pool', async () => {
    const notAllowed = await failure(
      h.client.send(
        new sdk.AdminInitiateAuthCommand({
          UserPoolId: POOL,
          ClientId: 'srpOnlyClient',
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'seeded', PASSWORD: 'Seeded-Passw0rd' },
        }),
      ),
    );
    expect(notAllowed.name).toBe('InvalidParameterException');
    const otherPool = await h.client.send(new sdk.CreateUserPoolCommand({ PoolName: 'other' }));
    const wrongPool = await failure(
      h.client.send(
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
    h.client.send(
      new sdk.AdminInitiateAuthCommand({
        UserPoolId: POOL,
        ClientId: 'adminHttpClient',
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );

  it('a disabled user cannot sign in until enabled again', async () => {
    await h.client.send(
      new sdk.AdminCreateUserCommand({
        UserPoolId: POOL,
        Username: 'gina',
        MessageAction: 'SUPPRESS',
      }),
    );
    await h.client.send(
      new sdk.AdminSetUserPasswordCommand({
        UserPoolId: POOL,
        Username: 'gina',
        Password: 'Gina-Passw0rd',
        Permanent: true,
      }),
    );
    await h.client.send(new sdk.AdminDisableUserCommand({ UserPoolId: POOL, Username: 'gina' }));
    expect(await failure(signIn('gina', 'Gina-Passw0rd'))).toEqual({
      name: 'NotAuthorizedException',
      message: 'User is disabled.',
    });
    await h.client.send(new sdk.AdminEnableUserCommand({ UserPoolId: POOL, Username: 'gina' }));
    expect((await signIn('gina', 'Gina-Passw0rd')).AuthenticationResult?.AccessToken).toBeDefined();
  });

  it('AdminResetUserPassword: the emailed code completes ConfirmForgotPassword, then the new password works', async () => {
    await h.client.send(
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
    await h.client.send(
      new sdk.AdminSetUserPasswordCommand({
        UserPoolId: POOL,
        Username: 'hank',
        Password: 'Hank-Passw0rd',
        Permanent: true,
      }),
    );
    await h.client.send(
      new sdk.AdminResetUserPasswordCommand({ UserPoolId: POOL, Username: 'hank' }),
    );
    // The seeded client has PreventUserExistenceErrors ENABLED, which answers NotAuthorizedException
    // instead of PasswordResetRequiredException (COGNITO-PROTOCOL §8).
    expect(await failure(signIn('hank', 'Hank-Passw0rd'))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    const code = (await h.outbox('hank')).at(-1)?.code;
    expect(code).toMatch(/^\d{6}$/);
    await h.client.send(
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
    const created = await h.client.send(
      new sdk.CreateUserPoolCommand({ PoolName: 'verify', AutoVerifiedAttributes: ['email'] }),
    );
    const poolId = created.UserPool!.Id!;
    await h.client.send(
      new sdk.AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: 'ivy',
        MessageAction: 'SUPPRESS',
      }),
    );
    await h.client.send(
      new sdk.AdminUpdateUserAttributesCommand({
        UserPoolId: poolId,
        Username: 'ivy',
        UserAttributes: [{ Name: 'email', Value: 'ivy@example.com' }],
      }),
    );
    const res = await fetch(`${h.server.url}/_emulator/outbox?poolId=${poolId}&username=ivy`);
    const messages = ((await res.json()) as { messages: OutboxEntry[] }).messages;
    expect(messages.map((m) => [m.purpose, m.destination])).toEqual([
      ['VERIFY_ATTRIBUTE', 'ivy@example.com'],
    ]);
    const user = await h.client.send(
      new sdk.AdminGetUserCommand({ UserPoolId: poolId, Username: 'ivy' }),
    );
    expect(user.UserAttributes).toEqual(
      expect.arrayContaining([{ Name: 'email_verified', Value: 'false' }]),
    );

    // Marking it verified in the same call sends nothing.
    await h.client.send(
      new sdk.AdminUpdateUserAttributesCommand({
        UserPoolId: poolId,
        Username: 'ivy',
        UserAttributes: [
          { Name: 'email', Value: 'ivy2@example.com' },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    const after = await fetch(`${h.server.url}/_emulator/outbox?poolId=${poolId}&username=ivy`);
    expect(((await after.json()) as { messages: OutboxEntry[] }).messages).toHaveLength(1);
  });

  it('AdminCreateUser in an e-mail sign-in pool makes the e-mail the sign-in name and the sub the username', async () => {
    const created = await h.client.send(
      new sdk.CreateUserPoolCommand({ PoolName: 'by-email', UsernameAttributes: ['email'] }),
    );
    const poolId = created.UserPool!.Id!;
    const user = await h.client.send(
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
      h.client.send(
        new sdk.AdminCreateUserCommand({ UserPoolId: poolId, Username: 'not-an-email' }),
      ),
    );
    expect(bad).toEqual({
      name: 'InvalidParameterException',
      message: 'Username should be an email.',
    });
  });
});
