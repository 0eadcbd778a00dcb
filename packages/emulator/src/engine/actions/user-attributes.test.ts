import { describe, expect, it } from 'vitest';
import {
  baseSeed,
  call,
  CLIENT_ID,
  FLOWS,
  ok,
  PASSWORD,
  POOL_ID,
  signIn,
  userKit,
} from '../../../test/support/user-kit.js';

describe('GetUser', () => {
  it('returns the username, attributes (sub first) and no MFA members by default', async () => {
    const emulator = userKit();
    const { AccessToken } = await signIn(emulator);
    const body = await ok(emulator, 'GetUser', { AccessToken });
    const sub = emulator.api.getUser(POOL_ID, 'alice')?.sub;
    expect(body).toEqual({
      Username: 'alice',
      UserAttributes: [
        { Name: 'sub', Value: sub },
        { Name: 'email', Value: 'alice@example.com' },
        { Name: 'email_verified', Value: 'true' },
      ],
    });
  });

  it('shows only what the client may read', async () => {
    const emulator = userKit(
      baseSeed({
        clients: [{ id: CLIENT_ID, explicitAuthFlows: FLOWS, readAttributes: ['email'] }],
      }),
    );
    const { AccessToken } = await signIn(emulator);
    const body = await ok(emulator, 'GetUser', { AccessToken });
    expect((body['UserAttributes'] as { Name: string }[]).map((a) => a.Name)).toEqual([
      'sub',
      'email',
    ]);
  });

  it('refuses missing, malformed and revoked tokens', async () => {
    const emulator = userKit();
    expect((await call(emulator, 'GetUser', {})).message).toBe(
      "1 validation error detected: Value null at 'accessToken' failed to satisfy constraint: Member must not be null",
    );
    expect(await call(emulator, 'GetUser', { AccessToken: 'abc.def.ghi' })).toMatchObject({
      status: 400,
      type: 'NotAuthorizedException',
      message: 'Invalid Access Token',
    });
  });
});

describe('UpdateUserAttributes', () => {
  it('updates attributes; a new e-mail becomes unverified and gets a code', async () => {
    const emulator = userKit();
    const { AccessToken } = await signIn(emulator);
    const body = await ok(emulator, 'UpdateUserAttributes', {
      AccessToken,
      UserAttributes: [
        { Name: 'given_name', Value: 'Alice' },
        { Name: 'email', Value: 'alice@new.example' },
      ],
    });
    expect(body).toEqual({
      CodeDeliveryDetailsList: [
        { Destination: 'a***@n***.example', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
      ],
    });
    const user = emulator.api.getUser(POOL_ID, 'alice');
    expect(user?.attributes).toMatchObject({
      given_name: 'Alice',
      email: 'alice@new.example',
      email_verified: 'false',
    });
    const code = emulator.api.outbox.lastCode('alice') ?? '';
    expect(
      await ok(emulator, 'VerifyUserAttribute', {
        AccessToken,
        AttributeName: 'email',
        Code: code,
      }),
    ).toEqual({});
    expect(emulator.api.getUser(POOL_ID, 'alice')?.attributes['email_verified']).toBe('true');
  });

  it('answers {} when nothing verifiable changed', async () => {
    const emulator = userKit();
    const { AccessToken } = await signIn(emulator);
    expect(
      await ok(emulator, 'UpdateUserAttributes', {
        AccessToken,
        UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }],
      }),
    ).toEqual({});
    expect(emulator.api.getUser(POOL_ID, 'alice')?.attributes['email_verified']).toBe('true');
  });

  it('refuses sub, *_verified, unknown and immutable attributes', async () => {
    const emulator = userKit(
      baseSeed({
        customAttributes: [{ name: 'tenant', type: 'String', mutable: false }],
        users: [{ username: 'alice', password: PASSWORD, attributes: { 'custom:tenant': 'acme' } }],
      }),
    );
    const { AccessToken } = await signIn(emulator);
    const update = (Name: string, Value = 'x') =>
      call(emulator, 'UpdateUserAttributes', { AccessToken, UserAttributes: [{ Name, Value }] });
    expect(await update('sub')).toMatchObject({
      type: 'NotAuthorizedException',
      message: 'A client attempted to write unauthorized attribute',
    });
    expect((await update('email_verified', 'true')).type).toBe('NotAuthorizedException');
    expect((await update('custom:unknown')).message).toBe(
      'Attributes did not conform to the schema: custom:unknown: Attribute does not exist in the schema.',
    );
    expect(await update('custom:tenant', 'other')).toMatchObject({
      type: 'InvalidParameterException',
      message: 'Cannot modify an already provided immutable attribute: custom:tenant',
    });
    expect((await update('phone_number', '12345')).message).toBe('Invalid phone number format.');
    expect(emulator.api.getUser(POOL_ID, 'alice')?.attributes['custom:tenant']).toBe('acme');
  });

  it('keeps sign-in e-mails unique in pools that sign in with e-mail', async () => {
    const emulator = userKit(
      baseSeed({
        usernameAttributes: ['email'],
        users: [
          { username: 'one@example.com', password: PASSWORD },
          { username: 'two@example.com', password: PASSWORD },
        ],
      }),
    );
    const { AccessToken } = await signIn(emulator, 'one@example.com');
    expect(
      await call(emulator, 'UpdateUserAttributes', {
        AccessToken,
        UserAttributes: [{ Name: 'email', Value: 'TWO@example.com' }],
      }),
    ).toMatchObject({
      type: 'AliasExistsException',
      message: 'An account with the given email already exists.',
    });
    expect(emulator.api.getUser(POOL_ID, 'one@example.com')?.attributes['email']).toBe(
      'one@example.com',
    );
  });
});

describe('DeleteUserAttributes', () => {
  it('deletes attributes and their verification flags', async () => {
    const emulator = userKit();
    const { AccessToken } = await signIn(emulator);
    await ok(emulator, 'UpdateUserAttributes', {
      AccessToken,
      UserAttributes: [{ Name: 'nickname', Value: 'al' }],
    });
    expect(
      await ok(emulator, 'DeleteUserAttributes', {
        AccessToken,
        UserAttributeNames: ['nickname', 'email'],
      }),
    ).toEqual({});
    const attributes = emulator.api.getUser(POOL_ID, 'alice')?.attributes ?? {};
    expect(Object.keys(attributes)).toEqual(['sub']);
    expect(
      (await call(emulator, 'DeleteUserAttributes', { AccessToken, UserAttributeNames: ['sub'] }))
        .type,
    ).toBe('InvalidParameterException');
  });
});

describe('GetUserAttributeVerificationCode / VerifyUserAttribute', () => {
  const seed = baseSeed({
    aliasAttributes: ['email'],
    users: [
      { username: 'alice', password: PASSWORD, attributes: { email: 'shared@example.com' } },
      {
        username: 'bob',
        password: PASSWORD,
        attributes: { email: 'shared@example.com', email_verified: true },
      },
    ],
  });

  it('sends a code and verifies the attribute with it', async () => {
    const emulator = userKit(
      baseSeed({
        users: [
          { username: 'alice', password: PASSWORD, attributes: { phone_number: '+12065551234' } },
        ],
      }),
    );
    const { AccessToken } = await signIn(emulator);
    const body = await ok(emulator, 'GetUserAttributeVerificationCode', {
      AccessToken,
      AttributeName: 'phone_number',
    });
    expect(body).toEqual({
      CodeDeliveryDetails: {
        Destination: '+*******1234',
        DeliveryMedium: 'SMS',
        AttributeName: 'phone_number',
      },
    });
    const code = emulator.api.outbox.lastCode('alice') ?? '';
    const wrong = code === '000000' ? '000001' : '000000';
    expect(
      (
        await call(emulator, 'VerifyUserAttribute', {
          AccessToken,
          AttributeName: 'phone_number',
          Code: wrong,
        })
      ).type,
    ).toBe('CodeMismatchException');
    await ok(emulator, 'VerifyUserAttribute', {
      AccessToken,
      AttributeName: 'phone_number',
      Code: code,
    });
    expect(emulator.api.getUser(POOL_ID, 'alice')?.attributes['phone_number_verified']).toBe(
      'true',
    );
  });

  it('refuses attributes that cannot be verified or have no value', async () => {
    const emulator = userKit(seed);
    const { AccessToken } = await signIn(emulator);
    expect(
      (
        await call(emulator, 'GetUserAttributeVerificationCode', {
          AccessToken,
          AttributeName: 'name',
        })
      ).type,
    ).toBe('InvalidParameterException');
    expect(
      (
        await call(emulator, 'GetUserAttributeVerificationCode', {
          AccessToken,
          AttributeName: 'phone_number',
        })
      ).type,
    ).toBe('InvalidParameterException');
    expect(
      (
        await call(emulator, 'VerifyUserAttribute', {
          AccessToken,
          AttributeName: 'email',
          Code: '123456',
        })
      ).type,
    ).toBe('ExpiredCodeException');
  });

  it('refuses to verify an alias another user holds', async () => {
    const emulator = userKit(seed);
    const { AccessToken } = await signIn(emulator);
    await ok(emulator, 'GetUserAttributeVerificationCode', { AccessToken, AttributeName: 'email' });
    const code = emulator.api.outbox.lastCode('alice') ?? '';
    expect(
      await call(emulator, 'VerifyUserAttribute', {
        AccessToken,
        AttributeName: 'email',
        Code: code,
      }),
    ).toMatchObject({
      type: 'AliasExistsException',
      message: 'An account with the email already exists.',
    });
  });
});
