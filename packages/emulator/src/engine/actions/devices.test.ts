import { describe, expect, it } from 'vitest';
import {
  baseSeed,
  call,
  ok,
  POOL_ID,
  signIn,
  T0,
  userKit,
  type Tokens,
} from '../../../test/support/user-kit.js';
import type { Emulator } from '../emulator.js';

// COGNITO-PROTOCOL §4 known answer (amazon-cognito-identity-js 6.3.21).
const SALT_B64 = 'YNr5PKE63pUfsrpQKTasAg==';
const SALT_HEX = '60daf93ca13ade951fb2ba502936ac02';
const VERIFIER_PADHEX =
  '0090f3ca779b630668d5f6388766ab0dd7f1b80b9213313c80cd00a5259db345f28cc1ce7f21f41e6a5754a992602d668fcfda7569ab9d914f300ae0a76eda03d97d64c554274a43e8415c1abd663a63aed134437b2575dc419bb100dd684488886bb8230c9ca422b239cd6ba897d91851cdeff70c0975ba7fbcefa1d6d4a445136ce2e43bfaa71fc9644b30b770ec5b4ffe0175ea8efcaed738437761243f4abdf705fd3fd6e85cd95803d5af79596aa7d759b07eee014a413fe189a231849ef246569b2fbca94e9e3d9315ea0502673195f8f6376f048725f5138fafcee3c46aa4c819d44392cac7b580e2a9a03ed89eb606f37baa5eb65f7f71c73bae2768fadc5a2fb97ec49c4a7663433d05b804e18f541e175e3059f4b579dde79c67aa47fba2458c2c88b516eea59e844cd086e0f44350d06c4482e1d4049f0ad0bf8084ba1dd82a2bc7b5540ec57d5e0f24e271cadc1314cd6cea962051a7a1be80e5b0af1df6aa0b094ad55c8443cb3a59e7fca670fb9e3b5a9de79c5e00000099142e';
const VERIFIER_B64 = Buffer.from(VERIFIER_PADHEX, 'hex').toString('base64');
const VERIFIER_CONFIG = { PasswordVerifier: VERIFIER_B64, Salt: SALT_B64 };

async function signInOnNewDevice(emulator: Emulator): Promise<Tokens & { DeviceKey: string }> {
  const tokens = await signIn(emulator);
  const DeviceKey = tokens.NewDeviceMetadata?.DeviceKey;
  if (DeviceKey === undefined) throw new Error('no NewDeviceMetadata');
  return { ...tokens, DeviceKey };
}

async function confirmedDevice(emulator: Emulator, DeviceName = 'laptop') {
  const tokens = await signInOnNewDevice(emulator);
  const body = await ok(emulator, 'ConfirmDevice', {
    AccessToken: tokens.AccessToken,
    DeviceKey: tokens.DeviceKey,
    DeviceSecretVerifierConfig: VERIFIER_CONFIG,
    DeviceName,
  });
  return { ...tokens, body };
}

function attributesOf(device: unknown): Record<string, string> {
  const list = (device as { DeviceAttributes: { Name: string; Value: string }[] }).DeviceAttributes;
  return Object.fromEntries(list.map((a) => [a.Name, a.Value]));
}

describe('ConfirmDevice', () => {
  it('stores the verifier and salt as integers; "always" pools remember at once', async () => {
    expect(VERIFIER_B64.startsWith('AJDzynebYwZo1fY4h2arDdfxuAuSEzE8')).toBe(true);
    const emulator = userKit(baseSeed({ deviceTracking: 'always' }));
    const { DeviceKey, body, AccessToken } = await confirmedDevice(emulator);
    expect(body).toEqual({ UserConfirmationNecessary: false });
    const stored = emulator.api.getUser(POOL_ID, 'alice')?.devices[DeviceKey];
    expect(stored?.salt).toBe(SALT_HEX);
    expect(stored?.verifier).toBe(VERIFIER_PADHEX.replace(/^0+/, ''));
    expect(stored?.rememberedStatus).toBe('remembered');
    expect(
      (
        await call(emulator, 'ConfirmDevice', {
          AccessToken,
          DeviceKey,
          DeviceSecretVerifierConfig: VERIFIER_CONFIG,
        })
      ).type,
    ).toBe('DeviceKeyExistsException');

    const { Device } = await ok(emulator, 'GetDevice', { AccessToken, DeviceKey });
    expect(Device).toMatchObject({
      DeviceKey,
      DeviceCreateDate: T0 / 1000,
      DeviceLastModifiedDate: T0 / 1000,
      DeviceLastAuthenticatedDate: T0 / 1000,
    });
    expect(attributesOf(Device)).toMatchObject({
      device_status: 'valid',
      device_name: 'laptop',
      'dev:device_remembered_status': 'remembered',
    });
  });

  it('asks the user in opt-in pools, and UpdateDeviceStatus records the answer', async () => {
    const emulator = userKit(baseSeed({ deviceTracking: 'opt-in' }));
    const { DeviceKey, body, AccessToken } = await confirmedDevice(emulator);
    expect(body).toEqual({ UserConfirmationNecessary: true });
    const before = await ok(emulator, 'GetDevice', { AccessToken, DeviceKey });
    expect(attributesOf(before['Device'])['dev:device_remembered_status']).toBeUndefined();

    emulator.api.clock.advance(5000);
    expect(
      await ok(emulator, 'UpdateDeviceStatus', {
        AccessToken,
        DeviceKey,
        DeviceRememberedStatus: 'remembered',
      }),
    ).toEqual({});
    const after = await ok(emulator, 'GetDevice', { AccessToken, DeviceKey });
    expect(attributesOf(after['Device'])['dev:device_remembered_status']).toBe('remembered');
    expect(after['Device']).toMatchObject({ DeviceLastModifiedDate: T0 / 1000 + 5 });

    await ok(emulator, 'UpdateDeviceStatus', {
      AccessToken,
      DeviceKey,
      DeviceRememberedStatus: 'not_remembered',
    });
    expect(emulator.api.getUser(POOL_ID, 'alice')?.devices[DeviceKey]?.rememberedStatus).toBe(
      'not_remembered',
    );
    expect(
      (
        await call(emulator, 'UpdateDeviceStatus', {
          AccessToken,
          DeviceKey,
          DeviceRememberedStatus: 'forever',
        })
      ).type,
    ).toBe('InvalidParameterException');
  });

  it('refuses unknown devices and unreadable verifier configs', async () => {
    const emulator = userKit(baseSeed({ deviceTracking: 'always' }));
    const { AccessToken, DeviceKey } = await signInOnNewDevice(emulator);
    expect(
      await call(emulator, 'ConfirmDevice', {
        AccessToken,
        DeviceKey: 'us-east-1_00000000-0000-4000-8000-000000000000',
        DeviceSecretVerifierConfig: VERIFIER_CONFIG,
      }),
    ).toMatchObject({ type: 'ResourceNotFoundException', message: 'Device does not exist.' });
    expect(
      (
        await call(emulator, 'ConfirmDevice', {
          AccessToken,
          DeviceKey,
          DeviceSecretVerifierConfig: { PasswordVerifier: '***', Salt: SALT_B64 },
        })
      ).type,
    ).toBe('InvalidParameterException');
    expect(
      (await call(emulator, 'ConfirmDevice', { AccessToken, DeviceKey: 'no-underscore' })).type,
    ).toBe('InvalidParameterException');
    // Not confirmed, so not listed and not found.
    expect((await ok(emulator, 'ListDevices', { AccessToken }))['Devices']).toEqual([]);
    expect((await call(emulator, 'GetDevice', { AccessToken, DeviceKey })).type).toBe(
      'ResourceNotFoundException',
    );
  });
});

describe('ListDevices', () => {
  it('pages with Limit and PaginationToken', async () => {
    const emulator = userKit(baseSeed({ deviceTracking: 'always' }));
    const keys: string[] = [];
    let AccessToken = '';
    for (const name of ['one', 'two', 'three']) {
      const device = await confirmedDevice(emulator, name);
      keys.push(device.DeviceKey);
      AccessToken = device.AccessToken;
      emulator.api.clock.advance(1000);
    }
    const first = await ok(emulator, 'ListDevices', { AccessToken, Limit: 2 });
    const firstDevices = first['Devices'] as { DeviceKey: string }[];
    expect(firstDevices.map((d) => d.DeviceKey)).toEqual(keys.slice(0, 2));
    expect(typeof first['PaginationToken']).toBe('string');
    const second = await ok(emulator, 'ListDevices', {
      AccessToken,
      Limit: 2,
      PaginationToken: first['PaginationToken'],
    });
    const secondDevices = second['Devices'] as unknown[];
    expect(secondDevices.map((d) => attributesOf(d)['device_name'])).toEqual(['three']);
    expect(second['PaginationToken']).toBeUndefined();
    expect(
      ((await ok(emulator, 'ListDevices', { AccessToken }))['Devices'] as unknown[]).length,
    ).toBe(3);
  });

  it('validates Limit and the token', async () => {
    const emulator = userKit(baseSeed({ deviceTracking: 'always' }));
    const { AccessToken } = await signIn(emulator);
    expect((await call(emulator, 'ListDevices', { AccessToken, Limit: 61 })).message).toBe(
      "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60",
    );
    expect(
      (await call(emulator, 'ListDevices', { AccessToken, PaginationToken: 'garbage!' })).type,
    ).toBe('InvalidParameterException');
  });
});

describe('ForgetDevice', () => {
  it('removes the device', async () => {
    const emulator = userKit(baseSeed({ deviceTracking: 'always' }));
    const { AccessToken, DeviceKey } = await confirmedDevice(emulator);
    expect(await ok(emulator, 'ForgetDevice', { AccessToken, DeviceKey })).toEqual({});
    expect(await call(emulator, 'GetDevice', { AccessToken, DeviceKey })).toMatchObject({
      type: 'ResourceNotFoundException',
      message: 'Device does not exist.',
    });
    expect((await call(emulator, 'ForgetDevice', { AccessToken, DeviceKey })).type).toBe(
      'ResourceNotFoundException',
    );
    expect(emulator.api.getUser(POOL_ID, 'alice')?.devices[DeviceKey]).toBeUndefined();
  });
});
