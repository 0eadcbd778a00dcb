/**
 * A new password ends a running sign-in lockout, on every path that sets one: the failures
 * were counted against the old password. (Before the model's single `setPassword`, the
 * NEW_PASSWORD_REQUIRED answer and AdminCreateUser's RESEND kept the lockout running.)
 */
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.js';
import { SIGNED_NOW, signedCall } from './helpers/signed.js';
import { CLIENT_ID, PASSWORD, POOL_ID, basicPool, call, emulatorWith, ok } from './helpers/wire.js';

const NEW_PASSWORD = 'N3w-Passw0rd!';
const TEMPORARY = 'Temp-Passw0rd';

const passwordAuth = (username: string, password: string) => ({
  AuthFlow: 'USER_PASSWORD_AUTH',
  ClientId: CLIENT_ID,
  AuthParameters: { USERNAME: username, PASSWORD: password },
});

/**
 * An emulator with `alice` (confirmed) and `newbie` (FORCE_CHANGE_PASSWORD), clock frozen;
 * `mfaOn` makes TOTP MFA required, so a sign-in does not end at the new password.
 */
function emulator(mfaOn = false): Emulator {
  return emulatorWith(
    [
      basicPool({
        ...(mfaOn && { mfa: { mode: 'ON', factors: ['TOTP'] } }),
        users: [
          {
            username: 'alice',
            password: PASSWORD,
            attributes: { email: 'alice@example.com', email_verified: true },
          },
          { username: 'newbie', password: TEMPORARY, status: 'FORCE_CHANGE_PASSWORD' },
        ],
      }),
    ],
    { now: SIGNED_NOW },
  );
}

/** Five wrong passwords: the user is now locked out (even the right password is refused). */
async function lockOut(e: Emulator, username: string, rightPassword: string): Promise<void> {
  for (let i = 0; i < 5; i += 1)
    await call(e, 'InitiateAuth', passwordAuth(username, 'Wr0ng-pass!'));
  const refused = await call(e, 'InitiateAuth', passwordAuth(username, rightPassword));
  expect(refused.message).toBe('Password attempts exceeded');
  expect(e.api.getUser(POOL_ID, username)?.lockout.failures).toBe(5);
}

/** The user signs in (or reaches the next challenge) with `password` at once: no lockout. */
async function expectNoLockout(e: Emulator, username: string, password: string): Promise<void> {
  expect(e.api.getUser(POOL_ID, username)?.lockout).toEqual({
    failures: 0,
    lastFailureAt: 0,
    lockedUntil: 0,
  });
  const answer = await call(e, 'InitiateAuth', passwordAuth(username, password));
  expect(answer.status).toBe(200);
}

describe('a new password ends the sign-in lockout', () => {
  it('ChangePassword', async () => {
    const e = emulator();
    const tokens = await ok(e, 'InitiateAuth', passwordAuth('alice', PASSWORD));
    const accessToken = (tokens['AuthenticationResult'] as Record<string, string>)['AccessToken'];
    await lockOut(e, 'alice', PASSWORD);
    await ok(e, 'ChangePassword', {
      AccessToken: accessToken,
      PreviousPassword: PASSWORD,
      ProposedPassword: NEW_PASSWORD,
    });
    await expectNoLockout(e, 'alice', NEW_PASSWORD);
  });

  it('ConfirmForgotPassword', async () => {
    const e = emulator();
    await lockOut(e, 'alice', PASSWORD);
    await ok(e, 'ForgotPassword', { ClientId: CLIENT_ID, Username: 'alice' });
    await ok(e, 'ConfirmForgotPassword', {
      ClientId: CLIENT_ID,
      Username: 'alice',
      ConfirmationCode: e.api.outbox.lastCode('alice') ?? '',
      Password: NEW_PASSWORD,
    });
    await expectNoLockout(e, 'alice', NEW_PASSWORD);
  });

  it('the NEW_PASSWORD_REQUIRED answer (sign-in continues with MFA setup)', async () => {
    // With MFA required the answer does not end the sign-in, so no successful sign-in clears the
    // counter either: only the new password can.
    const e = emulator(true);
    const start = await ok(e, 'InitiateAuth', passwordAuth('newbie', TEMPORARY));
    expect(start['ChallengeName']).toBe('NEW_PASSWORD_REQUIRED');
    await lockOut(e, 'newbie', TEMPORARY);
    const answer = await ok(e, 'RespondToAuthChallenge', {
      ClientId: CLIENT_ID,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: start['Session'],
      ChallengeResponses: { USERNAME: 'newbie', NEW_PASSWORD },
    });
    expect(answer['ChallengeName']).toBe('MFA_SETUP');
    await expectNoLockout(e, 'newbie', NEW_PASSWORD);
  });

  it('AdminSetUserPassword', async () => {
    const e = emulator();
    await lockOut(e, 'alice', PASSWORD);
    const set = await signedCall(e, 'AdminSetUserPassword', {
      UserPoolId: POOL_ID,
      Username: 'alice',
      Password: NEW_PASSWORD,
      Permanent: true,
    });
    expect(set.status).toBe(200);
    await expectNoLockout(e, 'alice', NEW_PASSWORD);
  });

  it('AdminCreateUser with MessageAction RESEND', async () => {
    const e = emulator();
    await lockOut(e, 'newbie', TEMPORARY);
    const resent = await signedCall(e, 'AdminCreateUser', {
      UserPoolId: POOL_ID,
      Username: 'newbie',
      MessageAction: 'RESEND',
      TemporaryPassword: 'An0ther-Temp!',
    });
    expect(resent.status).toBe(200);
    await expectNoLockout(e, 'newbie', 'An0ther-Temp!');
  });
});
