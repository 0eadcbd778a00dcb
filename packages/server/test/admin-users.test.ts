/**
 * The user part of the admin API against the emulator over HTTP, every call SigV4-signed by
 * aws4fetch and verified by the emulator.
 */
import { describe, expect, it } from 'vitest';
import { isCognitoError } from '@cognito-kit/core';
import { createCognitoClient } from '@cognito-kit/core/low-level';
import { userFilter } from '../src/index.js';
import { POOL, SRP_CLIENT, collect, rejection, useEmulator } from './harness.js';

const h = useEmulator();

describe('admin users', () => {
  it('creates a user with a temporary password and attributes, reads it back with Date fields', async () => {
    const before = Date.now() - 1000;
    const created = await h.admin.users.create({
      username: 'carol',
      temporaryPassword: 'Temp-Passw0rd!',
      attributes: { email: 'carol@example.com', email_verified: true, 'custom:plan': 'pro' },
      messageAction: 'SUPPRESS',
    });
    expect(created.username).toBe('carol');
    expect(created.status).toBe('FORCE_CHANGE_PASSWORD');
    expect(created.attributes).toMatchObject({ email: 'carol@example.com', 'custom:plan': 'pro' });
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(created.createdAt!.getTime()).toBeGreaterThanOrEqual(before);

    const got = await h.admin.users.get('carol');
    expect(got).toMatchObject({
      username: 'carol',
      enabled: true,
      status: 'FORCE_CHANGE_PASSWORD',
    });
    expect(got.attributes['email_verified']).toBe('true');
    expect(got.attributes['sub']).toMatch(/^[0-9a-f-]{36}$/);
    expect(got.mfaMethods).toEqual([]);
    // Nothing was sent (SUPPRESS).
    expect(h.server.emulator.api.outbox.list({ poolId: POOL, username: 'carol' })).toEqual([]);
  });

  it('generates a temporary password and sends the invitation by e-mail when asked', async () => {
    await h.admin.users.create({
      username: 'dave',
      attributes: { email: 'dave@example.com', email_verified: true },
      deliveryMediums: ['EMAIL'],
    });
    const sent = h.server.emulator.api.outbox.list({ poolId: POOL, username: 'dave' });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.medium).toBe('EMAIL');
    // RESEND re-sends to the existing user; creating it again without RESEND is refused.
    await h.admin.users.create({
      username: 'dave',
      messageAction: 'RESEND',
      deliveryMediums: ['EMAIL'],
    });
    expect(h.server.emulator.api.outbox.list({ poolId: POOL, username: 'dave' })).toHaveLength(2);
    const again = await rejection(h.admin.users.create({ username: 'dave' }));
    expect(isCognitoError(again, 'UsernameExistsException')).toBe(true);
  });

  it('moves a verified alias with forceAliasCreation and refuses it without', async () => {
    await h.admin.users.create({
      username: 'alias-one',
      attributes: { email: 'shared@example.com', email_verified: true },
      messageAction: 'SUPPRESS',
    });
    const refused = await rejection(
      h.admin.users.create({
        username: 'alias-two',
        attributes: { email: 'shared@example.com', email_verified: true },
        messageAction: 'SUPPRESS',
      }),
    );
    expect(isCognitoError(refused, 'AliasExistsException')).toBe(true);
    await h.admin.users.create({
      username: 'alias-two',
      attributes: { email: 'shared@example.com', email_verified: true },
      messageAction: 'SUPPRESS',
      forceAliasCreation: true,
    });
    expect((await h.admin.users.get('alias-one')).attributes['email_verified']).not.toBe('true');
  });

  it('lists users page by page and as an async iterator, with filters and attributesToGet', async () => {
    for (const name of ['list-a', 'list-b', 'list-c']) {
      await h.admin.users.create({
        username: name,
        attributes: {
          email: `${name}@list.example`,
          given_name: name === 'list-b' ? 'Quo"te' : 'Plain',
        },
        messageAction: 'SUPPRESS',
      });
    }
    const first = await h.admin.users.list({
      filter: userFilter.startsWith('username', 'list-'),
      limit: 2,
    });
    expect(first.items.map((u) => u.username)).toEqual(['list-a', 'list-b']);
    expect(first.nextToken).toBeDefined();
    const second = await h.admin.users.list({
      filter: userFilter.startsWith('username', 'list-'),
      limit: 2,
      nextToken: first.nextToken!,
    });
    expect(second.items.map((u) => u.username)).toEqual(['list-c']);
    expect(second.nextToken).toBeUndefined();

    const all = await collect(
      h.admin.users.all({ filter: userFilter.startsWith('username', 'list-'), limit: 1 }),
    );
    expect(all.map((u) => u.username)).toEqual(['list-a', 'list-b', 'list-c']);

    // A value with a double quote is escaped, so it matches exactly that value.
    const quoted = await h.admin.users.list({ filter: userFilter.equals('given_name', 'Quo"te') });
    expect(quoted.items.map((u) => u.username)).toEqual(['list-b']);

    const slim = await h.admin.users.list({
      filter: userFilter.equals('username', 'list-a'),
      attributesToGet: ['email'],
    });
    expect(slim.items[0]?.attributes).toEqual({ email: 'list-a@list.example' });
  });

  it('updates and deletes attributes', async () => {
    await h.admin.users.create({ username: 'erin', messageAction: 'SUPPRESS' });
    await h.admin.users.updateAttributes('erin', { given_name: 'Erin', 'custom:plan': 'free' });
    expect((await h.admin.users.get('erin')).attributes).toMatchObject({
      given_name: 'Erin',
      'custom:plan': 'free',
    });
    await h.admin.users.deleteAttributes('erin', ['given_name']);
    expect((await h.admin.users.get('erin')).attributes['given_name']).toBeUndefined();
  });

  it('disables, enables, deletes, and the deleted user is gone', async () => {
    await h.admin.users.create({ username: 'frank', messageAction: 'SUPPRESS' });
    await h.admin.users.disable('frank');
    expect((await h.admin.users.get('frank')).enabled).toBe(false);
    await h.admin.users.enable('frank');
    expect((await h.admin.users.get('frank')).enabled).toBe(true);
    await h.admin.users.delete('frank');
    const gone = await rejection(h.admin.users.get('frank'));
    expect(isCognitoError(gone, 'UserNotFoundException')).toBe(true);
    expect(gone).toMatchObject({ action: 'AdminGetUser', status: 400 });
  });

  it('sets a permanent or temporary password, resets it, confirms sign-up', async () => {
    await h.admin.users.create({
      username: 'gina',
      attributes: { email: 'gina@example.com', email_verified: true },
      messageAction: 'SUPPRESS',
    });
    await h.admin.users.setPassword('gina', 'Perm-Passw0rd!', { permanent: true });
    expect((await h.admin.users.get('gina')).status).toBe('CONFIRMED');
    await h.admin.users.setPassword('gina', 'Temp-Passw0rd!', { permanent: false });
    expect((await h.admin.users.get('gina')).status).toBe('FORCE_CHANGE_PASSWORD');
    await h.admin.users.setPassword('gina', 'Perm-Passw0rd!', { permanent: true });
    await h.admin.users.resetPassword('gina');
    expect((await h.admin.users.get('gina')).status).toBe('RESET_REQUIRED');
    const code = h.server.emulator.api.outbox.list({ poolId: POOL, username: 'gina' }).at(-1);
    expect(code?.code).toMatch(/^\d+$/);

    // An UNCONFIRMED user (signed up by themselves) is confirmed without a code.
    const client = createCognitoClient({ endpoint: h.server.url }, { clientId: SRP_CLIENT });
    await client.signUp({ Username: 'hank', Password: 'Hank-Passw0rd!' });
    expect((await h.admin.users.get('hank')).status).toBe('UNCONFIRMED');
    await h.admin.users.confirmSignUp('hank');
    expect((await h.admin.users.get('hank')).status).toBe('CONFIRMED');
    const twice = await rejection(h.admin.users.confirmSignUp('hank'));
    expect(isCognitoError(twice, 'NotAuthorizedException')).toBe(true);
  });

  it('signs a user out everywhere: their refresh token stops working', async () => {
    const client = createCognitoClient({ endpoint: h.server.url }, { clientId: SRP_CLIENT });
    const signedIn = await client.initiateAuth({
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'seeded', PASSWORD: 'Seeded-Passw0rd' },
    });
    const refreshToken = signedIn.AuthenticationResult!.RefreshToken!;
    await h.admin.users.globalSignOut('seeded');
    const refused = await rejection(
      client.initiateAuth({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      }),
    );
    expect(isCognitoError(refused, 'NotAuthorizedException')).toBe(true);
  });

  it('sets the MFA preference, which AdminGetUser reports', async () => {
    await h.admin.users.create({
      username: 'ivy',
      attributes: { email: 'ivy@example.com', email_verified: true },
      messageAction: 'SUPPRESS',
    });
    await h.admin.users.setMfaPreference('ivy', { email: { enabled: true, preferred: true } });
    const ivy = await h.admin.users.get('ivy');
    expect(ivy.mfaMethods).toEqual(['EMAIL_OTP']);
    expect(ivy.preferredMfa).toBe('EMAIL_OTP');
  });

  it('lists, reads, updates and forgets a user’s remembered devices', async () => {
    const client = createCognitoClient({ endpoint: h.server.url }, { clientId: SRP_CLIENT });
    await h.admin.users.create({ username: 'jack', messageAction: 'SUPPRESS' });
    await h.admin.users.setPassword('jack', 'Jack-Passw0rd!', { permanent: true });
    const keys: string[] = [];
    for (const name of ['laptop', 'phone']) {
      const result = (
        await client.initiateAuth({
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'jack', PASSWORD: 'Jack-Passw0rd!' },
        })
      ).AuthenticationResult!;
      const key = result.NewDeviceMetadata!.DeviceKey!;
      await client.confirmDevice({
        AccessToken: result.AccessToken!,
        DeviceKey: key,
        DeviceName: name,
        DeviceSecretVerifierConfig: { PasswordVerifier: 'AQID', Salt: 'BAUG' },
      });
      keys.push(key);
    }
    const page = await h.admin.devices.list('jack', { limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.nextToken).toBeDefined();
    const all = await collect(h.admin.devices.all('jack'));
    expect(all.map((d) => d.deviceKey).sort()).toEqual([...keys].sort());
    const one = await h.admin.devices.get('jack', keys[0]!);
    expect(one.attributes['device_name']).toBe('laptop');
    expect(one.createdAt).toBeInstanceOf(Date);
    await h.admin.devices.updateStatus('jack', keys[0]!, 'not_remembered');
    expect(
      (await h.admin.devices.get('jack', keys[0]!)).attributes['dev:device_remembered_status'],
    ).toBe('not_remembered');
    await h.admin.devices.forget('jack', keys[1]!);
    expect((await collect(h.admin.devices.all('jack'))).map((d) => d.deviceKey)).toEqual([keys[0]]);
  });
});
