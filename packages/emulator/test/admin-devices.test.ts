/**
 * AdminListDevices, AdminGetDevice, AdminUpdateDeviceStatus, AdminForgetDevice and
 * AdminSetUserMFAPreference in process: the user is named by username, alias or sub, devices
 * come from real sign-ins, and the MFA preference shows in the next sign-in.
 */
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.js';
import { SIGNED_NOW, signedCall } from './helpers/signed.js';
import { CLIENT_ID, PASSWORD, POOL_ID, basicPool, call, emulatorWith, ok } from './helpers/wire.js';

function setup(): Emulator {
  return emulatorWith(
    [
      basicPool({
        deviceTracking: 'opt-in',
        aliasAttributes: ['email'],
        mfa: { mode: 'OPTIONAL', factors: ['TOTP', 'EMAIL'] },
        users: [
          {
            username: 'alice',
            password: PASSWORD,
            sub: '0c5d7a3e-1111-4222-8333-444455556666',
            attributes: { email: 'alice@example.com', email_verified: true },
          },
          { username: 'bob', password: PASSWORD },
        ],
      }),
    ],
    { now: SIGNED_NOW },
  );
}

async function passwordSignIn(e: Emulator, username = 'alice') {
  return call(e, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: CLIENT_ID,
    AuthParameters: { USERNAME: username, PASSWORD },
  });
}

/** Signs alice in and confirms the new device; returns its key. */
async function newConfirmedDevice(e: Emulator, name: string): Promise<string> {
  const result = (await passwordSignIn(e)).body['AuthenticationResult'] as {
    AccessToken: string;
    NewDeviceMetadata: { DeviceKey: string };
  };
  const key = result.NewDeviceMetadata.DeviceKey;
  await ok(e, 'ConfirmDevice', {
    AccessToken: result.AccessToken,
    DeviceKey: key,
    DeviceName: name,
    DeviceSecretVerifierConfig: { PasswordVerifier: 'AQID', Salt: 'BAUG' },
  });
  e.api.clock.advance(1000);
  return key;
}

function attributesOf(device: unknown): Record<string, string> {
  const list = (device as { DeviceAttributes: { Name: string; Value: string }[] }).DeviceAttributes;
  return Object.fromEntries(list.map((a) => [a.Name, a.Value]));
}

describe('admin device actions', () => {
  it('lists a user’s confirmed devices page by page, found by username, alias or sub', async () => {
    const e = setup();
    const keys = [
      await newConfirmedDevice(e, 'one'),
      await newConfirmedDevice(e, 'two'),
      await newConfirmedDevice(e, 'three'),
    ];
    // A sign-in whose device is never confirmed is not listed.
    await passwordSignIn(e);
    const first = await signedCall(e, 'AdminListDevices', {
      UserPoolId: POOL_ID,
      Username: 'alice',
      Limit: 2,
    });
    expect(first.status).toBe(200);
    const firstKeys = (first.body['Devices'] as { DeviceKey: string }[]).map((d) => d.DeviceKey);
    expect(firstKeys).toEqual(keys.slice(0, 2));
    const second = await signedCall(e, 'AdminListDevices', {
      UserPoolId: POOL_ID,
      Username: 'alice@example.com',
      Limit: 2,
      PaginationToken: first.body['PaginationToken'],
    });
    expect((second.body['Devices'] as { DeviceKey: string }[]).map((d) => d.DeviceKey)).toEqual([
      keys[2],
    ]);
    expect(second.body['PaginationToken']).toBeUndefined();
    const bySub = await signedCall(e, 'AdminListDevices', {
      UserPoolId: POOL_ID,
      Username: '0c5d7a3e-1111-4222-8333-444455556666',
    });
    expect((bySub.body['Devices'] as unknown[]).length).toBe(3);
    const bob = await signedCall(e, 'AdminListDevices', { UserPoolId: POOL_ID, Username: 'bob' });
    expect(bob.body).toEqual({ Devices: [] });
  });

  it('gets a device and changes its remembered status, as the user would see it', async () => {
    const e = setup();
    const key = await newConfirmedDevice(e, 'laptop');
    const before = await signedCall(e, 'AdminGetDevice', {
      UserPoolId: POOL_ID,
      Username: 'alice',
      DeviceKey: key,
    });
    expect(before.body['Device']).toMatchObject({ DeviceKey: key });
    expect(attributesOf(before.body['Device'])).toMatchObject({ device_name: 'laptop' });
    expect(attributesOf(before.body['Device'])['dev:device_remembered_status']).toBeUndefined();

    const updated = await signedCall(e, 'AdminUpdateDeviceStatus', {
      UserPoolId: POOL_ID,
      Username: 'alice',
      DeviceKey: key,
      DeviceRememberedStatus: 'remembered',
    });
    expect(updated).toMatchObject({ status: 200, body: {} });
    expect(e.api.getUser(POOL_ID, 'alice')?.devices[key]?.rememberedStatus).toBe('remembered');
    const after = await signedCall(e, 'AdminGetDevice', {
      UserPoolId: POOL_ID,
      Username: 'alice',
      DeviceKey: key,
    });
    expect(attributesOf(after.body['Device'])['dev:device_remembered_status']).toBe('remembered');
  });

  it('forgets a device; unknown devices, users and pools get Cognito’s errors', async () => {
    const e = setup();
    const key = await newConfirmedDevice(e, 'phone');
    const target = { UserPoolId: POOL_ID, Username: 'alice', DeviceKey: key };
    expect((await signedCall(e, 'AdminForgetDevice', target)).status).toBe(200);
    expect(e.api.getUser(POOL_ID, 'alice')?.devices[key]).toBeUndefined();
    for (const action of ['AdminGetDevice', 'AdminForgetDevice', 'AdminUpdateDeviceStatus']) {
      expect(await signedCall(e, action, target)).toMatchObject({
        status: 400,
        type: 'ResourceNotFoundException',
        message: 'Device does not exist.',
      });
    }
    // Bob does not own alice's devices.
    const other = await newConfirmedDevice(e, 'tablet');
    expect(
      (await signedCall(e, 'AdminGetDevice', { ...target, Username: 'bob', DeviceKey: other }))
        .type,
    ).toBe('ResourceNotFoundException');
    expect(
      (await signedCall(e, 'AdminListDevices', { UserPoolId: POOL_ID, Username: 'nobody' })).type,
    ).toBe('UserNotFoundException');
    expect(
      (await signedCall(e, 'AdminListDevices', { UserPoolId: 'us-east-1_Missing1', Username: 'a' }))
        .type,
    ).toBe('ResourceNotFoundException');
    expect(
      (
        await signedCall(e, 'AdminUpdateDeviceStatus', {
          ...target,
          DeviceKey: other,
          DeviceRememberedStatus: 'forever',
        })
      ).type,
    ).toBe('InvalidParameterException');
  });

  it('demands a SigV4 signature like every admin action', async () => {
    const e = setup();
    const answer = await call(e, 'AdminListDevices', { UserPoolId: POOL_ID, Username: 'alice' });
    expect(answer.type).toBe('MissingAuthenticationTokenException');
  });
});

describe('AdminSetUserMFAPreference', () => {
  it('turns on and prefers a factor; the next sign-in asks for it; turning it off ends that', async () => {
    const e = setup();
    const set = await signedCall(e, 'AdminSetUserMFAPreference', {
      UserPoolId: POOL_ID,
      Username: 'alice@example.com',
      EmailMfaSettings: { Enabled: true, PreferredMfa: true },
    });
    expect(set).toMatchObject({ status: 200, body: {} });
    const got = await signedCall(e, 'AdminGetUser', { UserPoolId: POOL_ID, Username: 'alice' });
    expect(got.body).toMatchObject({
      UserMFASettingList: ['EMAIL_OTP'],
      PreferredMfaSetting: 'EMAIL_OTP',
    });
    const challenged = await passwordSignIn(e);
    expect(challenged.body['ChallengeName']).toBe('EMAIL_OTP');
    expect(e.api.outbox.list({ username: 'alice' }).at(-1)?.purpose).toBe('EMAIL_OTP');

    await signedCall(e, 'AdminSetUserMFAPreference', {
      UserPoolId: POOL_ID,
      Username: 'alice',
      EmailMfaSettings: { Enabled: false },
    });
    const plain = await passwordSignIn(e);
    expect(plain.body['AuthenticationResult']).toBeDefined();
    const cleared = await signedCall(e, 'AdminGetUser', { UserPoolId: POOL_ID, Username: 'alice' });
    expect(cleared.body['UserMFASettingList']).toBeUndefined();
    expect(cleared.body['PreferredMfaSetting']).toBeUndefined();
  });

  it('refuses two preferred factors, and factors the user cannot receive, changing nothing', async () => {
    const e = setup();
    const two = await signedCall(e, 'AdminSetUserMFAPreference', {
      UserPoolId: POOL_ID,
      Username: 'alice',
      EmailMfaSettings: { Enabled: true, PreferredMfa: true },
      SMSMfaSettings: { Enabled: true, PreferredMfa: true },
    });
    expect(two.type).toBe('InvalidParameterException');
    // bob has no e-mail address and no authenticator.
    const noEmail = await signedCall(e, 'AdminSetUserMFAPreference', {
      UserPoolId: POOL_ID,
      Username: 'bob',
      EmailMfaSettings: { Enabled: true },
    });
    expect(noEmail.type).toBe('InvalidParameterException');
    expect(e.api.getUser(POOL_ID, 'alice')?.mfa).toMatchObject({
      emailEnabled: false,
      smsEnabled: false,
      preferred: null,
    });
    expect(
      (await signedCall(e, 'AdminSetUserMFAPreference', { UserPoolId: POOL_ID, Username: 'zed' }))
        .type,
    ).toBe('UserNotFoundException');
  });
});
