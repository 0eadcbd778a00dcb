import { describe, expect, it } from 'vitest';
import {
  baseSeed,
  call,
  CLIENT_ID,
  ok,
  PASSWORD,
  POOL_ID,
  userKit,
} from '../../../test/support/user-kit.js';
import { computeSecretHash } from '../auth/secret-hash.js';

const signUp = (username: string, extra: Record<string, unknown> = {}) => ({
  ClientId: CLIENT_ID,
  Username: username,
  Password: PASSWORD,
  UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
  ...extra,
});

describe('SignUp', () => {
  it('creates an unconfirmed user and e-mails a masked code', async () => {
    const emulator = userKit();
    const body = await ok(emulator, 'SignUp', signUp('bob'));
    expect(body).toEqual({
      UserConfirmed: false,
      UserSub: expect.stringMatching(/^[0-9a-f-]{36}$/),
      CodeDeliveryDetails: {
        Destination: 'b***@e***.com',
        DeliveryMedium: 'EMAIL',
        AttributeName: 'email',
      },
    });
    const user = emulator.api.getUser(POOL_ID, 'bob');
    expect(user?.status).toBe('UNCONFIRMED');
    expect(user?.sub).toBe(body['UserSub']);
    const [message] = emulator.api.outbox.list({ username: 'bob' });
    expect(message).toMatchObject({ destination: 'bob@example.com', purpose: 'SIGN_UP' });
    expect(message?.code).toMatch(/^\d{6}$/);
  });

  it('sends by SMS when the phone is auto-verified too, and nothing when no attribute is', async () => {
    const both = userKit(baseSeed({ autoVerifiedAttributes: ['email', 'phone_number'] }));
    const sms = await ok(
      both,
      'SignUp',
      signUp('carol', {
        UserAttributes: [
          { Name: 'email', Value: 'carol@example.com' },
          { Name: 'phone_number', Value: '+447700900123' },
        ],
      }),
    );
    expect(sms['CodeDeliveryDetails']).toEqual({
      Destination: '+********0123',
      DeliveryMedium: 'SMS',
      AttributeName: 'phone_number',
    });
    const none = userKit(baseSeed({ autoVerifiedAttributes: [] }));
    const body = await ok(none, 'SignUp', signUp('dave'));
    expect(body['CodeDeliveryDetails']).toBeUndefined();
    expect(none.api.outbox.list()).toHaveLength(0);
  });

  it('refuses an existing username, a weak password and a short one', async () => {
    const emulator = userKit();
    expect(await call(emulator, 'SignUp', signUp('alice'))).toMatchObject({
      status: 400,
      type: 'UsernameExistsException',
      message: 'User already exists',
    });
    // Usernames are case-insensitive by default.
    expect((await call(emulator, 'SignUp', signUp('ALICE'))).type).toBe('UsernameExistsException');
    expect(
      await call(emulator, 'SignUp', signUp('erin', { Password: 'password1!' })),
    ).toMatchObject({
      type: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password must have uppercase characters',
    });
    const short = await call(emulator, 'SignUp', signUp('erin', { Password: 'Pa1!' }));
    expect(short.type).toBe('InvalidParameterException');
    expect(short.message).toBe(
      "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 6",
    );
    expect(emulator.api.getUser(POOL_ID, 'erin')).toBeUndefined();
  });

  it('checks attributes against the schema and the client write list', async () => {
    const emulator = userKit(
      baseSeed({
        customAttributes: [{ name: 'team', type: 'String' }],
        clients: [{ id: CLIENT_ID, writeAttributes: ['email', 'custom:team'] }],
      }),
    );
    const unknown = await call(
      emulator,
      'SignUp',
      signUp('fay', { UserAttributes: [{ Name: 'custom:nope', Value: 'x' }] }),
    );
    expect(unknown).toMatchObject({
      type: 'InvalidParameterException',
      message:
        'Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.',
    });
    const unauthorized = await call(
      emulator,
      'SignUp',
      signUp('fay', { UserAttributes: [{ Name: 'given_name', Value: 'Fay' }] }),
    );
    expect(unauthorized).toMatchObject({
      type: 'NotAuthorizedException',
      message: 'A client attempted to write unauthorized attribute',
    });
    const badEmail = await call(
      emulator,
      'SignUp',
      signUp('fay', { UserAttributes: [{ Name: 'email', Value: 'not-an-address' }] }),
    );
    expect(badEmail.type).toBe('InvalidParameterException');
    await ok(
      emulator,
      'SignUp',
      signUp('fay', { UserAttributes: [{ Name: 'custom:team', Value: 'blue' }] }),
    );
    expect(emulator.api.getUser(POOL_ID, 'fay')?.attributes['custom:team']).toBe('blue');
  });

  it('uses the e-mail as sign-in name in pools with username attributes', async () => {
    const emulator = userKit(baseSeed({ usernameAttributes: ['email'], users: [] }));
    const body = await ok(emulator, 'SignUp', {
      ClientId: CLIENT_ID,
      Username: 'gus@example.com',
      Password: PASSWORD,
    });
    const user = emulator.api.getUser(POOL_ID, 'gus@example.com');
    expect(user?.username).toBe(body['UserSub']);
    expect(user?.attributes['email']).toBe('gus@example.com');
    expect(
      await call(emulator, 'SignUp', {
        ClientId: CLIENT_ID,
        Username: 'GUS@example.com',
        Password: PASSWORD,
      }),
    ).toMatchObject({
      type: 'UsernameExistsException',
      message: 'An account with the given email already exists.',
    });
    expect(
      await call(emulator, 'SignUp', { ClientId: CLIENT_ID, Username: 'gus', Password: PASSWORD }),
    ).toMatchObject({ type: 'InvalidParameterException', message: 'Username should be an email.' });
  });

  it('requires a valid SecretHash from a client with a secret', async () => {
    const emulator = userKit(baseSeed({ clients: [{ id: 'confidential', secret: 's3cr3t' }] }));
    const base = { ...signUp('hal'), ClientId: 'confidential' };
    expect((await call(emulator, 'SignUp', base)).message).toBe(
      'Client confidential is configured for secret but secret was not received',
    );
    expect((await call(emulator, 'SignUp', { ...base, SecretHash: 'AAAA' })).message).toBe(
      'Unable to verify secret hash for client confidential',
    );
    const SecretHash = await computeSecretHash('confidential', 's3cr3t', 'hal');
    await ok(emulator, 'SignUp', { ...base, SecretHash });
  });

  it('answers unknown clients and malformed input like Cognito', async () => {
    const emulator = userKit();
    expect(await call(emulator, 'SignUp', { ...signUp('ivy'), ClientId: 'nope' })).toMatchObject({
      type: 'ResourceNotFoundException',
    });
    expect((await call(emulator, 'SignUp', { ...signUp('ivy'), Username: 42 })).type).toBe(
      'SerializationException',
    );
    // Only ClientId and Username are required since choice-based sign-in (Password optional).
    expect((await call(emulator, 'SignUp', { ClientId: CLIENT_ID })).message).toMatch(
      /^1 validation error detected: Value null at 'username'/,
    );
  });
});

describe('ConfirmSignUp', () => {
  async function signedUp() {
    const emulator = userKit();
    await ok(emulator, 'SignUp', signUp('bob'));
    const code = emulator.api.outbox.lastCode('bob') ?? '';
    return { emulator, code };
  }

  it('confirms with the code and verifies the attribute it went to', async () => {
    const { emulator, code } = await signedUp();
    expect(
      await ok(emulator, 'ConfirmSignUp', {
        ClientId: CLIENT_ID,
        Username: 'bob',
        ConfirmationCode: code,
      }),
    ).toEqual({});
    const user = emulator.api.getUser(POOL_ID, 'bob');
    expect(user?.status).toBe('CONFIRMED');
    expect(user?.attributes['email_verified']).toBe('true');
    expect(
      await call(emulator, 'ConfirmSignUp', {
        ClientId: CLIENT_ID,
        Username: 'bob',
        ConfirmationCode: code,
      }),
    ).toMatchObject({
      type: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
    });
  });

  it('counts wrong codes, then refuses even the right one', async () => {
    const { emulator, code } = await signedUp();
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) {
      expect(
        await call(emulator, 'ConfirmSignUp', {
          ClientId: CLIENT_ID,
          Username: 'bob',
          ConfirmationCode: wrong,
        }),
      ).toMatchObject({
        type: 'CodeMismatchException',
        message: 'Invalid verification code provided, please try again.',
      });
    }
    expect(
      await call(emulator, 'ConfirmSignUp', {
        ClientId: CLIENT_ID,
        Username: 'bob',
        ConfirmationCode: code,
      }),
    ).toMatchObject({
      type: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    });
    // A new code starts over.
    await ok(emulator, 'ResendConfirmationCode', { ClientId: CLIENT_ID, Username: 'bob' });
    const fresh = emulator.api.outbox.lastCode('bob') ?? '';
    await ok(emulator, 'ConfirmSignUp', {
      ClientId: CLIENT_ID,
      Username: 'bob',
      ConfirmationCode: fresh,
    });
  });

  it('expires codes after 24 hours', async () => {
    const { emulator, code } = await signedUp();
    emulator.api.clock.advance(24 * 3_600_000);
    expect(
      await call(emulator, 'ConfirmSignUp', {
        ClientId: CLIENT_ID,
        Username: 'bob',
        ConfirmationCode: code,
      }),
    ).toMatchObject({
      type: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    });
  });

  it('reports unknown users by client setting', async () => {
    const legacy = userKit();
    const body = { ClientId: CLIENT_ID, Username: 'ghost', ConfirmationCode: '123456' };
    expect(await call(legacy, 'ConfirmSignUp', body)).toMatchObject({
      type: 'UserNotFoundException',
      message: 'User does not exist.',
    });
    const hidden = userKit(baseSeed({ clients: [{ id: CLIENT_ID }] }));
    expect((await call(hidden, 'ConfirmSignUp', body)).type).toBe('CodeMismatchException');
  });
});

describe('ResendConfirmationCode', () => {
  it('sends a new code that replaces the old one, five times an hour', async () => {
    const emulator = userKit();
    await ok(emulator, 'SignUp', signUp('bob'));
    const first = emulator.api.outbox.lastCode('bob');
    const body = await ok(emulator, 'ResendConfirmationCode', {
      ClientId: CLIENT_ID,
      Username: 'bob',
    });
    expect(body['CodeDeliveryDetails']).toMatchObject({ DeliveryMedium: 'EMAIL' });
    expect(emulator.api.outbox.list({ username: 'bob' })).toHaveLength(2);
    const second = emulator.api.outbox.lastCode('bob');
    if (first !== second) {
      expect(
        (
          await call(emulator, 'ConfirmSignUp', {
            ClientId: CLIENT_ID,
            Username: 'bob',
            ConfirmationCode: first,
          })
        ).type,
      ).toBe('CodeMismatchException');
    }
    for (let i = 0; i < 3; i += 1) {
      await ok(emulator, 'ResendConfirmationCode', { ClientId: CLIENT_ID, Username: 'bob' });
    }
    expect(
      (await call(emulator, 'ResendConfirmationCode', { ClientId: CLIENT_ID, Username: 'bob' }))
        .type,
    ).toBe('LimitExceededException');
    emulator.api.clock.advance(3_600_000);
    await ok(emulator, 'ResendConfirmationCode', { ClientId: CLIENT_ID, Username: 'bob' });
  });

  it('refuses confirmed users and hides unknown ones when the client asks for it', async () => {
    const legacy = userKit();
    expect(
      await call(legacy, 'ResendConfirmationCode', { ClientId: CLIENT_ID, Username: 'alice' }),
    ).toMatchObject({ type: 'InvalidParameterException', message: 'User is already confirmed.' });
    expect(
      (await call(legacy, 'ResendConfirmationCode', { ClientId: CLIENT_ID, Username: 'ghost' }))
        .type,
    ).toBe('UserNotFoundException');
    const hidden = userKit(baseSeed({ clients: [{ id: CLIENT_ID }] }));
    const first = await ok(hidden, 'ResendConfirmationCode', {
      ClientId: CLIENT_ID,
      Username: 'ghost',
    });
    const again = await ok(hidden, 'ResendConfirmationCode', {
      ClientId: CLIENT_ID,
      Username: 'ghost',
    });
    expect(first['CodeDeliveryDetails']).toMatchObject({ DeliveryMedium: 'EMAIL' });
    expect(again).toEqual(first);
    expect(hidden.api.outbox.list()).toHaveLength(0);
  });
});
