import { describe, expect, it } from 'vitest';
import { createCognitoClient } from '../cognito/index.js';
import { isCognitoError } from '../errors/index.js';
import { deleteUserAttributes, updateUserAttributes } from './attributes.js';
import { forgetDevice, listDevices, rememberDevice, toDevice } from './devices.js';
import { setMfaPreference, verifyTotp } from './mfa.js';
import { changePassword, confirmForgotPassword } from './password.js';
import {
  fromAttributeList,
  requireDigitsCode,
  requireTotpCode,
  toAttributeList,
  toCodeDelivery,
} from './shared.js';
import { confirmSignUp, signUp } from './sign-up.js';
import { revokeToken } from './sign-out.js';

describe('attribute conversion', () => {
  it('round-trips standard and custom attributes', () => {
    const list = toAttributeList({ email: 'a@example.com', 'custom:plan': 'pro' });
    expect(list).toEqual([
      { Name: 'email', Value: 'a@example.com' },
      { Name: 'custom:plan', Value: 'pro' },
    ]);
    expect(fromAttributeList([...list, { Name: 'novalue' }])).toEqual({
      email: 'a@example.com',
      'custom:plan': 'pro',
    });
  });

  it('rejects names Cognito cannot store', () => {
    expect(() => toAttributeList({ 'a name with spaces': 'x' })).toThrow(/not valid/);
    expect(() => toAttributeList({ ['custom:' + 'x'.repeat(30)]: 'x' })).toThrow(/not valid/);
  });

  it('maps code deliveries to camelCase', () => {
    expect(
      toCodeDelivery({ Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }),
    ).toEqual({
      destination: 'a***@e***',
      deliveryMedium: 'EMAIL',
      attributeName: 'email',
    });
  });
});

describe('code checks', () => {
  it('accepts digits with surrounding spaces', () => {
    expect(requireDigitsCode(' 123456 ')).toBe('123456');
    expect(requireTotpCode('123 456')).toBe('123456');
  });
  it.each(['', 'abc123', '12 34', '１２３'])('rejects confirmation code %j', (code) => {
    expect(() => requireDigitsCode(code)).toThrow();
  });
  it.each(['12345', '1234567', 'abcdef'])('rejects TOTP code %j', (code) => {
    expect(() => requireTotpCode(code)).toThrow(/6 digits/);
  });
});

describe('toDevice', () => {
  it('reads name, remembered status and epoch-second dates', () => {
    const device = toDevice({
      DeviceKey: 'eu-west-1_11111111-2222-4333-8444-555555555555',
      DeviceAttributes: [
        { Name: 'device_name', Value: 'Firefox' },
        { Name: 'dev:device_remembered_status', Value: 'not_remembered' },
      ],
      DeviceCreateDate: 1_700_000_000.5,
    });
    expect(device.name).toBe('Firefox');
    expect(device.remembered).toBe(false);
    expect(device.createdAt?.toISOString()).toBe('2023-11-14T22:13:20.500Z');
    expect(device.lastAuthenticatedAt).toBeUndefined();
  });
});

describe('caller input is checked before anything is sent', () => {
  const neverCalled = (() => {
    throw new Error('fetch must not be called');
  }) as unknown as typeof fetch;
  const client = createCognitoClient(
    { endpoint: 'http://cognito.test/' },
    { clientId: 'c', fetch: neverCalled },
  );
  const token = async () => 'token';
  const deviceKey = 'eu-west-1_11111111-2222-4333-8444-555555555555';

  it.each<[string, () => Promise<unknown>]>([
    ['empty username', () => signUp(client, { username: ' ', password: 'Passw0rd!' })],
    ['empty password', () => signUp(client, { username: 'alice', password: '' })],
    [
      'non-digit confirmation code',
      () => confirmSignUp(client, { username: 'alice', code: '12a' }),
    ],
    [
      'empty reset code',
      () => confirmForgotPassword(client, { username: 'a', code: '', newPassword: 'x' }),
    ],
    [
      'empty new password',
      () => changePassword(client, token, { oldPassword: 'a', newPassword: '' }),
    ],
    ['no attributes', () => updateUserAttributes(client, token, { attributes: {} })],
    ['no attribute names', () => deleteUserAttributes(client, token, [])],
    ['short TOTP code', () => verifyTotp(client, token, { code: '123' })],
    ['nothing to change in MFA', () => setMfaPreference(client, token, {})],
    [
      'preferred method turned off',
      () => setMfaPreference(client, token, { totp: false, preferred: 'totp' }),
    ],
    ['malformed device key', () => forgetDevice(client, token, 'not a key')],
    [
      'empty device group key',
      () => rememberDevice(client, token, { deviceKey, deviceGroupKey: '' }),
    ],
    ['page size over 60', () => listDevices(client, token, { limit: 61 })],
    ['empty refresh token', () => revokeToken(client, '')],
    ['token source giving nothing', () => forgetDevice(client, async () => '', deviceKey)],
  ])('%s → InvalidInput', async (_label, run) => {
    const error: unknown = await run().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isCognitoError(error, 'InvalidInput')).toBe(true);
  });
});
