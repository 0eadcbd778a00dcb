/**
 * Admin sign-in against the emulator over HTTP: ADMIN_USER_PASSWORD_AUTH, SRP through
 * AdminInitiateAuth (USER_SRP_AUTH), SECRET_HASH for confidential clients, and every challenge
 * answered through AdminRespondToAuthChallenge.
 */
import { describe, expect, it } from 'vitest';
import { isCognitoError } from '@cognito-kit/core';
import { decodeAccessToken } from '@cognito-kit/core/low-level';
import type { EmulatorSeed } from '@cognito-kit/emulator';
import type { AdminSignInStep } from '../src/index.js';
import {
  ADMIN_CLIENT,
  CLIENT_SECRET,
  PASSWORD,
  POOL,
  SECRET_CLIENT,
  SRP_CLIENT,
  defaultSeed,
  rejection,
  useEmulator,
} from './harness.js';
import { totpCode } from './totp.js';

const MFA_ON_POOL = 'eu-west-1_ServerMfaOn';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function seed(): EmulatorSeed {
  const base = defaultSeed();
  const pool = base.pools![0]!;
  pool.mfa = { mode: 'OPTIONAL', factors: ['TOTP', 'EMAIL', 'SMS'] };
  pool.users!.push(
    {
      username: 'totp-user',
      password: PASSWORD,
      mfa: { totpSecret: TOTP_SECRET, preferred: 'TOTP' },
    },
    {
      username: 'email-user',
      password: PASSWORD,
      attributes: { email: 'email-user@example.com', email_verified: true },
      mfa: { email: true, preferred: 'EMAIL' },
    },
    {
      username: 'sms-user',
      password: PASSWORD,
      attributes: { phone_number: '+15555550100', phone_number_verified: true },
      mfa: { sms: true, preferred: 'SMS' },
    },
    {
      username: 'choosy-user',
      password: PASSWORD,
      attributes: { email: 'choosy@example.com', email_verified: true },
      mfa: { totpSecret: TOTP_SECRET, email: true },
    },
  );
  base.pools!.push({
    id: MFA_ON_POOL,
    mfa: { mode: 'ON', factors: ['TOTP', 'EMAIL'] },
    clients: [{ id: 'mfaOnClient', explicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'] }],
    users: [
      { username: 'new-totp', password: PASSWORD },
      {
        username: 'new-email',
        password: PASSWORD,
        attributes: { email: 'new@example.com', email_verified: true },
      },
    ],
  });
  return base;
}

const h = useEmulator(seed());

function tokensOf(step: AdminSignInStep) {
  if (step.status !== 'signedIn') throw new Error(`expected tokens, got ${step.challenge.name}`);
  return step.tokens;
}

/** Signs a user of the MFA-required pool in up to its MFA_SETUP challenge. */
async function mfaSetupFor(username: string) {
  const admin = h.adminWith({ userPoolId: MFA_ON_POOL });
  const setup = await admin.signIn({ clientId: 'mfaOnClient', username, password: PASSWORD });
  expect(setup.status === 'challenge' && setup.challenge.name).toBe('MFA_SETUP');
  return { admin, setup };
}

function lastCode(username: string, poolId = POOL): string {
  const code = h.server.emulator.api.outbox.list({ poolId, username }).at(-1)?.code;
  if (!code) throw new Error(`no code for ${username}`);
  return code;
}

describe('admin sign-in', () => {
  it('ADMIN_USER_PASSWORD_AUTH returns tokens at once', async () => {
    const tokens = tokensOf(
      await h.admin.signIn({ clientId: ADMIN_CLIENT, username: 'seeded', password: PASSWORD }),
    );
    expect(decodeAccessToken(tokens.accessToken).username).toBe('seeded');
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresIn).toBe(3600);
  });

  it('a wrong password → NotAuthorizedException; a client without the flow → a typed error', async () => {
    const wrong = await rejection(
      h.admin.signIn({ clientId: ADMIN_CLIENT, username: 'seeded', password: 'Wrong-Passw0rd' }),
    );
    expect(isCognitoError(wrong, 'NotAuthorizedException')).toBe(true);
    const notEnabled = await rejection(
      h.admin.signIn({ clientId: SRP_CLIENT, username: 'seeded', password: PASSWORD }),
    );
    expect(isCognitoError(notEnabled, 'InvalidParameterException')).toBe(true);
  });

  it('SRP is USER_SRP_AUTH on AdminInitiateAuth, answered with PASSWORD_VERIFIER', async () => {
    const tokens = tokensOf(
      await h.admin.signIn({
        clientId: SRP_CLIENT,
        username: 'seeded',
        password: PASSWORD,
        flow: 'srp',
      }),
    );
    expect(decodeAccessToken(tokens.accessToken).client_id).toBe(SRP_CLIENT);
    const wrong = await rejection(
      h.admin.signIn({
        clientId: SRP_CLIENT,
        username: 'seeded',
        password: 'Wrong-Passw0rd',
        flow: 'srp',
      }),
    );
    expect(isCognitoError(wrong, 'NotAuthorizedException')).toBe(true);
  });

  it('sends SECRET_HASH for a confidential client, in both flows', async () => {
    for (const flow of ['password', 'srp'] as const) {
      const tokens = tokensOf(
        await h.admin.signIn({
          clientId: SECRET_CLIENT,
          clientSecret: CLIENT_SECRET,
          username: 'seeded',
          password: PASSWORD,
          flow,
        }),
      );
      expect(decodeAccessToken(tokens.accessToken).client_id).toBe(SECRET_CLIENT);
    }
    const without = await rejection(
      h.admin.signIn({ clientId: SECRET_CLIENT, username: 'seeded', password: PASSWORD }),
    );
    expect(isCognitoError(without, 'NotAuthorizedException')).toBe(true);
  });

  it('answers NEW_PASSWORD_REQUIRED for a user created with a temporary password', async () => {
    await h.admin.users.create({
      username: 'newbie',
      temporaryPassword: 'Temp-Passw0rd!',
      messageAction: 'SUPPRESS',
    });
    const step = await h.admin.signIn({
      clientId: ADMIN_CLIENT,
      username: 'newbie',
      password: 'Temp-Passw0rd!',
    });
    expect(step.status === 'challenge' && step.challenge.name).toBe('NEW_PASSWORD_REQUIRED');
    const wrongAnswer = await rejection(h.admin.respond(step, { name: 'SMS_MFA', code: '123456' }));
    expect(isCognitoError(wrongAnswer, 'InvalidInput')).toBe(true);
    tokensOf(
      await h.admin.respond(step, {
        name: 'NEW_PASSWORD_REQUIRED',
        newPassword: 'Newbie-Passw0rd!',
      }),
    );
    expect((await h.admin.users.get('newbie')).status).toBe('CONFIRMED');
  });

  it('answers SOFTWARE_TOKEN_MFA; a wrong code → CodeMismatchException', async () => {
    const step = await h.admin.signIn({
      clientId: ADMIN_CLIENT,
      username: 'totp-user',
      password: PASSWORD,
    });
    expect(step.status === 'challenge' && step.challenge.name).toBe('SOFTWARE_TOKEN_MFA');
    const code = totpCode(TOTP_SECRET);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(
      isCognitoError(
        await rejection(h.admin.respond(step, { name: 'SOFTWARE_TOKEN_MFA', code: wrong })),
        'CodeMismatchException',
      ),
    ).toBe(true);
    const again = await h.admin.signIn({
      clientId: ADMIN_CLIENT,
      username: 'totp-user',
      password: PASSWORD,
    });
    tokensOf(await h.admin.respond(again, { name: 'SOFTWARE_TOKEN_MFA', code }));
  });

  it('answers EMAIL_OTP and SMS_MFA with the code the outbox received', async () => {
    const email = await h.admin.signIn({
      clientId: ADMIN_CLIENT,
      username: 'email-user',
      password: PASSWORD,
    });
    expect(email.status === 'challenge' && email.challenge).toMatchObject({
      name: 'EMAIL_OTP',
      medium: 'EMAIL',
    });
    tokensOf(await h.admin.respond(email, { name: 'EMAIL_OTP', code: lastCode('email-user') }));

    const sms = await h.admin.signIn({
      clientId: ADMIN_CLIENT,
      username: 'sms-user',
      password: PASSWORD,
    });
    expect(sms.status === 'challenge' && sms.challenge).toMatchObject({
      name: 'SMS_MFA',
      medium: 'SMS',
    });
    tokensOf(await h.admin.respond(sms, { name: 'SMS_MFA', code: lastCode('sms-user') }));
  });

  it('answers SELECT_MFA_TYPE, then the chosen method', async () => {
    const select = await h.admin.signIn({
      clientId: ADMIN_CLIENT,
      username: 'choosy-user',
      password: PASSWORD,
    });
    expect(select.status === 'challenge' && select.challenge.name).toBe('SELECT_MFA_TYPE');
    const totp = await h.admin.respond(select, {
      name: 'SELECT_MFA_TYPE',
      mfa: 'SOFTWARE_TOKEN_MFA',
    });
    expect(totp.status === 'challenge' && totp.challenge.name).toBe('SOFTWARE_TOKEN_MFA');
    tokensOf(
      await h.admin.respond(totp, { name: 'SOFTWARE_TOKEN_MFA', code: totpCode(TOTP_SECRET) }),
    );
  });

  it('answers MFA_SETUP with an authenticator app: secret shown, first code verified', async () => {
    const { admin, setup } = await mfaSetupFor('new-totp');
    const withSecret = await admin.respond(setup, {
      name: 'MFA_SETUP',
      setup: 'SOFTWARE_TOKEN_MFA',
    });
    if (withSecret.status !== 'challenge' || withSecret.challenge.name !== 'MFA_SETUP')
      throw new Error('no setup');
    const secret = withSecret.challenge.totp!.secretCode;
    expect(withSecret.challenge.totp!.uri).toContain(`secret=${secret}`);
    tokensOf(await admin.respond(withSecret, { name: 'MFA_SETUP', totpCode: totpCode(secret) }));
    expect((await admin.users.get('new-totp')).mfaMethods).toContain('SOFTWARE_TOKEN_MFA');
  });

  it('answers MFA_SETUP with e-mail, then the EMAIL_OTP that follows', async () => {
    const { admin, setup } = await mfaSetupFor('new-email');
    const otp = await admin.respond(setup, {
      name: 'MFA_SETUP',
      setup: 'EMAIL_OTP',
      email: 'new@example.com',
    });
    expect(otp.status === 'challenge' && otp.challenge.name).toBe('EMAIL_OTP');
    tokensOf(
      await admin.respond(otp, { name: 'EMAIL_OTP', code: lastCode('new-email', MFA_ON_POOL) }),
    );
  });

  it('refuses bad input before sending', async () => {
    expect(
      isCognitoError(
        await rejection(h.admin.signIn({ clientId: ADMIN_CLIENT, username: '', password: 'x' })),
        'InvalidInput',
      ),
    ).toBe(true);
    expect(
      isCognitoError(
        await rejection(
          h.admin.signIn({ clientId: ADMIN_CLIENT, username: 'seeded', password: '' }),
        ),
        'InvalidInput',
      ),
    ).toBe(true);
    const done = await h.admin.signIn({
      clientId: ADMIN_CLIENT,
      username: 'seeded',
      password: PASSWORD,
    });
    expect(
      isCognitoError(
        await rejection(h.admin.respond(done, { name: 'SMS_MFA', code: '1' })),
        'InvalidInput',
      ),
    ).toBe(true);
  });
});
