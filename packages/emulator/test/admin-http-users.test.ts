/**
 * Admin API over HTTP with the AWS SDK v3: user management (AdminCreateUser … AdminDeleteUser, ListUsers).
 */
import { describe, expect, it } from 'vitest';
import { failure, POOL, sdk, useAdminServer } from './admin-harness.js';

const h = useAdminServer();

describe('users', () => {
  it('AdminCreateUser sends the invitation with the temporary password and refuses duplicates', async () => {
    const created = await h.client.send(
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
    const [invitation] = await h.outbox('carol');
    expect(invitation).toMatchObject({
      medium: 'EMAIL',
      destination: 'carol@example.com',
      purpose: 'ADMIN_CREATE_USER',
    });
    expect(invitation?.message).toContain(invitation?.code);

    const duplicate = await failure(
      h.client.send(new sdk.AdminCreateUserCommand({ UserPoolId: POOL, Username: 'carol' })),
    );
    expect(duplicate).toEqual({
      name: 'UsernameExistsException',
      message: 'User account already exists',
    });

    await h.client.send(
      new sdk.AdminCreateUserCommand({
        UserPoolId: POOL,
        Username: 'carol',
        MessageAction: 'RESEND',
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
    const after = await h.outbox('carol');
    expect(after).toHaveLength(2);
    expect(after[1]?.code).not.toBe(invitation?.code);
  });

  it('AdminCreateUser with SUPPRESS sends nothing and checks the temporary password against the policy', async () => {
    await h.client.send(
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
    expect(await h.outbox('dave')).toEqual([]);
    const weak = await failure(
      h.client.send(
        new sdk.AdminCreateUserCommand({
          UserPoolId: POOL,
          Username: 'eve',
          TemporaryPassword: 'weakpassword',
        }),
      ),
    );
    expect(weak.name).toBe('InvalidPasswordException');
    const schema = await failure(
      h.client.send(
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
    await h.client.send(
      new sdk.AdminUpdateUserAttributesCommand({
        UserPoolId: POOL,
        Username: 'dave',
        UserAttributes: [
          { Name: 'family_name', Value: 'Jones' },
          { Name: 'email', Value: 'dave.jones@example.com' },
        ],
      }),
    );
    await h.client.send(
      new sdk.AdminDeleteUserAttributesCommand({
        UserPoolId: POOL,
        Username: 'dave',
        UserAttributeNames: ['given_name'],
      }),
    );
    const user = await h.client.send(
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
    const byAlias = await h.client.send(
      new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'seeded@example.com' }),
    );
    expect(byAlias.Username).toBe('seeded');
    const missing = await failure(
      h.client.send(new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'nobody' })),
    );
    expect(missing).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('ListUsers filters and pages', async () => {
    for (const name of ['list-a', 'list-b', 'list-c']) {
      await h.client.send(
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
      const page = await h.client.send(
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

    const exact = await h.client.send(
      new sdk.ListUsersCommand({
        UserPoolId: POOL,
        Filter: 'email = "seeded@example.com"',
        AttributesToGet: ['email'],
      }),
    );
    expect(exact.Users?.map((u) => u.Username)).toEqual(['seeded']);
    expect(exact.Users?.[0]?.Attributes).toEqual([{ Name: 'email', Value: 'seeded@example.com' }]);

    const bad = await failure(
      h.client.send(new sdk.ListUsersCommand({ UserPoolId: POOL, Filter: 'email ~ "x"' })),
    );
    expect(bad.name).toBe('InvalidParameterException');
  });

  it('passwords, enable/disable, confirm, reset, sign-out and delete', async () => {
    await h.client.send(
      new sdk.AdminSetUserPasswordCommand({
        UserPoolId: POOL,
        Username: 'carol',
        Password: 'Carol-Passw0rd',
        Permanent: true,
      }),
    );
    expect(
      (await h.client.send(new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'carol' })))
        .UserStatus,
    ).toBe('CONFIRMED');

    await h.client.send(new sdk.AdminDisableUserCommand({ UserPoolId: POOL, Username: 'carol' }));
    expect(
      (await h.client.send(new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'carol' })))
        .Enabled,
    ).toBe(false);
    await h.client.send(new sdk.AdminEnableUserCommand({ UserPoolId: POOL, Username: 'carol' }));
    expect(
      (await h.client.send(new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'carol' })))
        .Enabled,
    ).toBe(true);

    const confirm = await failure(
      h.client.send(new sdk.AdminConfirmSignUpCommand({ UserPoolId: POOL, Username: 'carol' })),
    );
    expect(confirm).toEqual({
      name: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
    });

    await h.client.send(
      new sdk.AdminResetUserPasswordCommand({ UserPoolId: POOL, Username: 'carol' }),
    );
    expect(
      (await h.client.send(new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'carol' })))
        .UserStatus,
    ).toBe('RESET_REQUIRED');
    const reset = (await h.outbox('carol')).at(-1);
    expect(reset).toMatchObject({ purpose: 'FORGOT_PASSWORD', medium: 'EMAIL' });
    expect(reset?.code).toMatch(/^\d{6}$/);

    await h.client.send(
      new sdk.AdminUserGlobalSignOutCommand({ UserPoolId: POOL, Username: 'carol' }),
    );
    await h.client.send(new sdk.AdminDeleteUserCommand({ UserPoolId: POOL, Username: 'carol' }));
    const gone = await failure(
      h.client.send(new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'carol' })),
    );
    expect(gone.name).toBe('UserNotFoundException');
  });
});

describe('aliases and RESEND', () => {
  it('refuses a second owner of a verified e-mail alias unless ForceAliasCreation moves it', async () => {
    const attributes = [
      { Name: 'email', Value: 'seeded@example.com' },
      { Name: 'email_verified', Value: 'true' },
    ];
    const taken = await failure(
      h.client.send(
        new sdk.AdminCreateUserCommand({
          UserPoolId: POOL,
          Username: 'copycat',
          UserAttributes: attributes,
          MessageAction: 'SUPPRESS',
        }),
      ),
    );
    expect(taken).toEqual({
      name: 'AliasExistsException',
      message: 'An account with the given email already exists.',
    });
    await h.client.send(
      new sdk.AdminCreateUserCommand({
        UserPoolId: POOL,
        Username: 'copycat',
        UserAttributes: attributes,
        MessageAction: 'SUPPRESS',
        ForceAliasCreation: true,
      }),
    );
    // The alias now names the new user; the old owner's e-mail is no longer verified.
    expect(
      (
        await h.client.send(
          new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'seeded@example.com' }),
        )
      ).Username,
    ).toBe('copycat');
    const seeded = await h.client.send(
      new sdk.AdminGetUserCommand({ UserPoolId: POOL, Username: 'seeded' }),
    );
    expect(seeded.UserAttributes).toEqual(
      expect.arrayContaining([{ Name: 'email_verified', Value: 'false' }]),
    );
  });

  it('RESEND needs an existing user in FORCE_CHANGE_PASSWORD', async () => {
    const missing = await failure(
      h.client.send(
        new sdk.AdminCreateUserCommand({
          UserPoolId: POOL,
          Username: 'ghost',
          MessageAction: 'RESEND',
        }),
      ),
    );
    expect(missing).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' });
    const confirmed = await failure(
      h.client.send(
        new sdk.AdminCreateUserCommand({
          UserPoolId: POOL,
          Username: 'seeded',
          MessageAction: 'RESEND',
        }),
      ),
    );
    expect(confirmed.name).toBe('UnsupportedUserStateException');
  });
});
