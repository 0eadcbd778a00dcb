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

const NEW_PASSWORD = 'N3w-Passw0rd';
const forgot = (Username = 'alice') => ({ ClientId: CLIENT_ID, Username });
const confirm = (ConfirmationCode: string, Password = NEW_PASSWORD, Username = 'alice') => ({
  ClientId: CLIENT_ID,
  Username,
  ConfirmationCode,
  Password,
});

describe('ForgotPassword / ConfirmForgotPassword', () => {
  it('resets the password with the code sent to the verified e-mail', async () => {
    const emulator = userKit();
    const body = await ok(emulator, 'ForgotPassword', forgot());
    expect(body).toEqual({
      CodeDeliveryDetails: {
        Destination: 'a***@e***.com',
        DeliveryMedium: 'EMAIL',
        AttributeName: 'email',
      },
    });
    const message = emulator.api.outbox.list({ username: 'alice' }).at(-1);
    expect(message).toMatchObject({ purpose: 'FORGOT_PASSWORD', destination: 'alice@example.com' });
    expect(await ok(emulator, 'ConfirmForgotPassword', confirm(message?.code ?? ''))).toEqual({});
    await signIn(emulator, 'alice', { password: NEW_PASSWORD });
    expect(
      (
        await call(emulator, 'InitiateAuth', {
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: CLIENT_ID,
          AuthParameters: { USERNAME: 'alice', PASSWORD },
        })
      ).message,
    ).toBe('Incorrect username or password.');
    // The code is spent.
    expect(
      (await call(emulator, 'ConfirmForgotPassword', confirm(message?.code ?? '', 'An0ther-one')))
        .type,
    ).toBe('ExpiredCodeException');
  });

  it('checks the policy before spending the code', async () => {
    const emulator = userKit();
    await ok(emulator, 'ForgotPassword', forgot());
    const code = emulator.api.outbox.lastCode('alice') ?? '';
    expect(await call(emulator, 'ConfirmForgotPassword', confirm(code, 'weakpass'))).toMatchObject({
      type: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password must have uppercase characters',
    });
    await ok(emulator, 'ConfirmForgotPassword', confirm(code));
  });

  it('expires the code after one hour and refuses wrong codes', async () => {
    const emulator = userKit();
    await ok(emulator, 'ForgotPassword', forgot());
    const code = emulator.api.outbox.lastCode('alice') ?? '';
    const wrong = code === '999999' ? '999998' : '999999';
    expect((await call(emulator, 'ConfirmForgotPassword', confirm(wrong))).type).toBe(
      'CodeMismatchException',
    );
    emulator.api.clock.advance(3_600_000);
    expect(await call(emulator, 'ConfirmForgotPassword', confirm(code))).toMatchObject({
      type: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    });
  });

  it('refuses users without a verified e-mail or phone', async () => {
    const emulator = userKit(
      baseSeed({
        users: [{ username: 'alice', password: PASSWORD, attributes: { email: 'a@b.co' } }],
      }),
    );
    expect(await call(emulator, 'ForgotPassword', forgot())).toMatchObject({
      type: 'InvalidParameterException',
      message:
        'Cannot reset password for the user as there is no registered/verified email or phone_number',
    });
  });

  it('refuses users who still have a temporary password, and disabled users', async () => {
    const emulator = userKit(
      baseSeed({
        users: [
          {
            username: 'alice',
            password: PASSWORD,
            status: 'FORCE_CHANGE_PASSWORD',
            attributes: { email: 'alice@example.com', email_verified: true },
          },
          {
            username: 'dora',
            password: PASSWORD,
            enabled: false,
            attributes: { email: 'dora@example.com', email_verified: true },
          },
        ],
      }),
    );
    expect(await call(emulator, 'ForgotPassword', forgot())).toMatchObject({
      type: 'NotAuthorizedException',
      message: 'User password cannot be reset in the current state.',
    });
    expect(await call(emulator, 'ForgotPassword', forgot('dora'))).toMatchObject({
      type: 'NotAuthorizedException',
      message: 'User is disabled.',
    });
    expect(emulator.api.outbox.list()).toHaveLength(0);
  });

  it('limits code requests to five an hour', async () => {
    const emulator = userKit();
    for (let i = 0; i < 5; i += 1) await ok(emulator, 'ForgotPassword', forgot());
    expect(await call(emulator, 'ForgotPassword', forgot())).toMatchObject({
      type: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    });
  });

  it('names unknown users only to LEGACY clients', async () => {
    const legacy = userKit();
    expect(await call(legacy, 'ForgotPassword', forgot('ghost'))).toMatchObject({
      type: 'UserNotFoundException',
      message: 'User does not exist.',
    });
    expect(
      (await call(legacy, 'ConfirmForgotPassword', confirm('123456', NEW_PASSWORD, 'ghost'))).type,
    ).toBe('UserNotFoundException');

    const hidden = userKit(baseSeed({ clients: [{ id: CLIENT_ID }] }));
    const simulated = await ok(hidden, 'ForgotPassword', forgot('ghost@example.org'));
    expect(simulated['CodeDeliveryDetails']).toEqual({
      Destination: 'g***@e***.org',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
    expect(hidden.api.outbox.list()).toHaveLength(0);
    expect(
      (await call(hidden, 'ConfirmForgotPassword', confirm('123456', NEW_PASSWORD, 'ghost'))).type,
    ).toBe('CodeMismatchException');
    // A real user who never asked for a code: the code is "expired".
    expect((await call(hidden, 'ConfirmForgotPassword', confirm('123456'))).type).toBe(
      'ExpiredCodeException',
    );
  });
});

describe('ChangePassword', () => {
  it('changes the password of the signed-in user', async () => {
    const emulator = userKit();
    const { AccessToken } = await signIn(emulator);
    expect(
      await ok(emulator, 'ChangePassword', {
        AccessToken,
        PreviousPassword: PASSWORD,
        ProposedPassword: NEW_PASSWORD,
      }),
    ).toEqual({});
    await signIn(emulator, 'alice', { password: NEW_PASSWORD });
  });

  it('refuses a wrong previous password, then limits attempts', async () => {
    const emulator = userKit();
    const { AccessToken } = await signIn(emulator);
    const attempt = (PreviousPassword: string) =>
      call(emulator, 'ChangePassword', {
        AccessToken,
        PreviousPassword,
        ProposedPassword: NEW_PASSWORD,
      });
    for (let i = 0; i < 5; i += 1) {
      expect(await attempt('Wr0ng-password')).toMatchObject({
        type: 'NotAuthorizedException',
        message: 'Incorrect username or password.',
      });
    }
    expect((await attempt(PASSWORD)).type).toBe('LimitExceededException');
    expect(emulator.api.getUser(POOL_ID, 'alice')?.password).toBe(PASSWORD);
  });

  it('applies the password policy and requires a valid access token', async () => {
    const emulator = userKit(baseSeed({ passwordPolicy: { minimumLength: 12 } }));
    const { AccessToken } = await signIn(emulator);
    expect(
      await call(emulator, 'ChangePassword', {
        AccessToken,
        PreviousPassword: PASSWORD,
        ProposedPassword: 'Sh0rt-pass',
      }),
    ).toMatchObject({
      type: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password not long enough',
    });
    expect(
      await call(emulator, 'ChangePassword', {
        AccessToken: 'not.a.token',
        PreviousPassword: PASSWORD,
        ProposedPassword: NEW_PASSWORD,
      }),
    ).toMatchObject({ type: 'NotAuthorizedException', message: 'Invalid Access Token' });
    emulator.api.clock.advance(3601 * 1000);
    expect(
      await call(emulator, 'ChangePassword', {
        AccessToken,
        PreviousPassword: PASSWORD,
        ProposedPassword: 'L0nger-password!',
      }),
    ).toMatchObject({ type: 'NotAuthorizedException', message: 'Access Token has expired' });
  });

  it('does not echo passwords in validation errors', async () => {
    const emulator = userKit(baseSeed({ clients: [{ id: CLIENT_ID, explicitAuthFlows: FLOWS }] }));
    const { AccessToken } = await signIn(emulator);
    const result = await call(emulator, 'ChangePassword', {
      AccessToken,
      PreviousPassword: PASSWORD,
      ProposedPassword: 'has space',
    });
    expect(result.type).toBe('InvalidParameterException');
    expect(result.message).not.toContain('has space');
  });
});
