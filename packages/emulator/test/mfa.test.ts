/**
 * MFA after the first factor: SMS_MFA and EMAIL_OTP codes through the outbox, SOFTWARE_TOKEN_MFA
 * with real TOTP codes, SELECT_MFA_TYPE, and MFA_SETUP with Session-based
 * AssociateSoftwareToken / VerifySoftwareToken.
 */
import { describe, expect, it } from 'vitest';
import { totpCodeAt } from '../src/engine/totp.js';
import { CLIENT_ID, PASSWORD, POOL_ID, basicPool, call, emulatorWith, ok } from './helpers/wire.js';

const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const start = Date.UTC(2025, 0, 1, 12);

function mfaEmulator(mode: 'OPTIONAL' | 'ON' = 'OPTIONAL') {
  return emulatorWith(
    [
      basicPool({
        mfa: { mode, factors: ['SMS', 'TOTP', 'EMAIL'] },
        users: [
          {
            username: 'sam',
            password: PASSWORD,
            attributes: { phone_number: '+15555550100' },
            mfa: { sms: true },
          },
          { username: 'tina', password: PASSWORD, mfa: { totpSecret: TOTP_SECRET } },
          {
            username: 'emma',
            password: PASSWORD,
            attributes: { email: 'emma@example.com' },
            mfa: { email: true },
          },
          {
            username: 'mike',
            password: PASSWORD,
            attributes: { phone_number: '+15555550101' },
            mfa: { sms: true, totpSecret: TOTP_SECRET },
          },
          {
            username: 'pat',
            password: PASSWORD,
            attributes: { phone_number: '+15555550102' },
            mfa: { sms: true, totpSecret: TOTP_SECRET, preferred: 'TOTP' },
          },
          { username: 'nora', password: PASSWORD },
        ],
      }),
    ],
    { now: start },
  );
}

type E = ReturnType<typeof mfaEmulator>;

async function signIn(e: E, username: string) {
  return ok(e, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: CLIENT_ID,
    AuthParameters: { USERNAME: username, PASSWORD },
  });
}

function respond(e: E, name: string, session: unknown, responses: Record<string, string>) {
  return call(e, 'RespondToAuthChallenge', {
    ClientId: CLIENT_ID,
    ChallengeName: name,
    Session: session,
    ChallengeResponses: responses,
  });
}

describe('SMS_MFA and EMAIL_OTP', () => {
  it('sends an SMS code to the outbox and accepts it once', async () => {
    const e = mfaEmulator();
    const step = await signIn(e, 'sam');
    expect(step['ChallengeName']).toBe('SMS_MFA');
    expect(step['ChallengeParameters']).toEqual({
      CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
      CODE_DELIVERY_DESTINATION: '+*******0100',
      USERNAME: 'sam',
    });
    const [message] = e.api.outbox.list({ username: 'sam' });
    expect(message).toMatchObject({
      medium: 'SMS',
      destination: '+15555550100',
      purpose: 'SMS_MFA',
    });
    const code = e.api.outbox.lastCode('sam');
    expect(code).toMatch(/^\d{6}$/);
    const wrongCode = code === '000000' ? '111111' : '000000';
    const wrong = await respond(e, 'SMS_MFA', step['Session'], {
      USERNAME: 'sam',
      SMS_MFA_CODE: wrongCode,
    });
    expect(wrong).toMatchObject({
      type: 'CodeMismatchException',
      message: 'Invalid code or auth state for the user.',
    });
    const right = await respond(e, 'SMS_MFA', step['Session'], {
      USERNAME: 'sam',
      SMS_MFA_CODE: code ?? '',
    });
    expect(right.status).toBe(200);
    expect(right.body['AuthenticationResult']).toBeDefined();
    const replay = await respond(e, 'SMS_MFA', step['Session'], {
      USERNAME: 'sam',
      SMS_MFA_CODE: code ?? '',
    });
    expect(replay.message).toBe('Invalid session for the user.');
  });

  it('serves the outbox over the dev-only route, filtered by pool and username', async () => {
    const e = mfaEmulator();
    await signIn(e, 'sam');
    await signIn(e, 'emma');
    const res = await e.fetch(
      `http://emulator.test/_emulator/outbox?poolId=${POOL_ID}&username=emma`,
    );
    const { messages } = (await res.json()) as {
      messages: { destination: string; medium: string }[];
    };
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ destination: 'emma@example.com', medium: 'EMAIL' });
  });

  it('burns the code after five wrong tries', async () => {
    const e = mfaEmulator();
    const step = await signIn(e, 'sam');
    const code = e.api.outbox.lastCode('sam') ?? '';
    const wrongCode = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) {
      const wrong = await respond(e, 'SMS_MFA', step['Session'], {
        USERNAME: 'sam',
        SMS_MFA_CODE: wrongCode,
      });
      expect(wrong.type).toBe('CodeMismatchException');
    }
    const late = await respond(e, 'SMS_MFA', step['Session'], {
      USERNAME: 'sam',
      SMS_MFA_CODE: code,
    });
    expect(late.message).toBe('Invalid session for the user.');
  });

  it('sends an e-mail code for EMAIL_OTP', async () => {
    const e = mfaEmulator();
    const step = await signIn(e, 'emma');
    expect(step['ChallengeName']).toBe('EMAIL_OTP');
    expect(
      (step['ChallengeParameters'] as Record<string, string>)['CODE_DELIVERY_DELIVERY_MEDIUM'],
    ).toBe('EMAIL');
    const code = e.api.outbox.lastCode('emma@example.com') ?? '';
    const done = await respond(e, 'EMAIL_OTP', step['Session'], {
      USERNAME: 'emma',
      EMAIL_OTP_CODE: code,
    });
    expect(done.status).toBe(200);
  });

  it('expires the challenge with the session', async () => {
    const e = mfaEmulator();
    const step = await signIn(e, 'sam');
    const code = e.api.outbox.lastCode('sam') ?? '';
    e.api.clock.advance(181_000);
    const late = await respond(e, 'SMS_MFA', step['Session'], {
      USERNAME: 'sam',
      SMS_MFA_CODE: code,
    });
    expect(late.message).toBe('Invalid session for the user.');
  });
});

describe('SOFTWARE_TOKEN_MFA and SELECT_MFA_TYPE', () => {
  it('accepts the current TOTP code once and refuses its replay', async () => {
    const e = mfaEmulator();
    const step = await signIn(e, 'tina');
    expect(step['ChallengeName']).toBe('SOFTWARE_TOKEN_MFA');
    const code = totpCodeAt(TOTP_SECRET, start);
    expect(e.api.totpCode(POOL_ID, 'tina')).toBe(code);
    const wrong = await respond(e, 'SOFTWARE_TOKEN_MFA', step['Session'], {
      USERNAME: 'tina',
      SOFTWARE_TOKEN_MFA_CODE: totpCodeAt(TOTP_SECRET, start + 300_000),
    });
    expect(wrong.type).toBe('CodeMismatchException');
    const right = await respond(e, 'SOFTWARE_TOKEN_MFA', step['Session'], {
      USERNAME: 'tina',
      SOFTWARE_TOKEN_MFA_CODE: code,
    });
    expect(right.status).toBe(200);
    const again = await signIn(e, 'tina');
    const replay = await respond(e, 'SOFTWARE_TOKEN_MFA', again['Session'], {
      USERNAME: 'tina',
      SOFTWARE_TOKEN_MFA_CODE: code,
    });
    expect(replay.type).toBe('CodeMismatchException');
  });

  it('ends the sign-in session after five wrong TOTP codes, even for a right sixth', async () => {
    const e = mfaEmulator();
    const step = await signIn(e, 'tina');
    const wrongCode = totpCodeAt(TOTP_SECRET, start + 300_000);
    for (let i = 0; i < 5; i += 1) {
      const wrong = await respond(e, 'SOFTWARE_TOKEN_MFA', step['Session'], {
        USERNAME: 'tina',
        SOFTWARE_TOKEN_MFA_CODE: wrongCode,
      });
      expect([wrong.type, wrong.message]).toEqual([
        'CodeMismatchException',
        'Invalid code or auth state for the user.',
      ]);
    }
    const right = await respond(e, 'SOFTWARE_TOKEN_MFA', step['Session'], {
      USERNAME: 'tina',
      SOFTWARE_TOKEN_MFA_CODE: totpCodeAt(TOTP_SECRET, start),
    });
    expect([right.type, right.message]).toEqual([
      'NotAuthorizedException',
      'Invalid session for the user.',
    ]);
    // The five wrong codes also started the user's lockout (1 s); once it is over, a new
    // sign-in (which needs the password again) gets a new allowance.
    e.api.clock.advance(1_000);
    const again = await signIn(e, 'tina');
    const done = await respond(e, 'SOFTWARE_TOKEN_MFA', again['Session'], {
      USERNAME: 'tina',
      SOFTWARE_TOKEN_MFA_CODE: totpCodeAt(TOTP_SECRET, start),
    });
    expect(done.status).toBe(200);
  });

  it('counts wrong MFA codes towards the lockout, as Cognito documents (five, then exponential)', async () => {
    const e = emulatorWith(
      [
        basicPool({
          mfa: { mode: 'OPTIONAL', factors: ['TOTP'] },
          users: [{ username: 'tina', password: PASSWORD, mfa: { totpSecret: TOTP_SECRET } }],
        }),
      ],
      { now: start, behaviour: { mfaAttemptsPerSession: 20 } },
    );
    const step = await signIn(e, 'tina');
    const answer = (code: string) =>
      respond(e, 'SOFTWARE_TOKEN_MFA', step['Session'], {
        USERNAME: 'tina',
        SOFTWARE_TOKEN_MFA_CODE: code,
      });
    const wrongCode = totpCodeAt(TOTP_SECRET, start + 300_000);
    for (let i = 0; i < 5; i += 1) {
      expect((await answer(wrongCode)).type).toBe('CodeMismatchException');
    }
    // Locked for 1 s: even the right code is refused unjudged.
    const locked = await answer(totpCodeAt(TOTP_SECRET, start));
    expect([locked.type, locked.message]).toEqual([
      'NotAuthorizedException',
      'Password attempts exceeded',
    ]);
    e.api.clock.advance(1_000);
    // The sixth wrong code doubles the lockout and says so.
    const sixth = await answer(wrongCode);
    expect(sixth.message).toBe('Password attempts exceeded');
    e.api.clock.advance(1_000);
    expect((await answer(totpCodeAt(TOTP_SECRET, start))).message).toBe(
      'Password attempts exceeded',
    );
    e.api.clock.advance(1_000);
    const done = await answer(totpCodeAt(TOTP_SECRET, start));
    expect(done.status).toBe(200);
  });

  it('takes the number of wrong MFA answers per session from behaviour.mfaAttemptsPerSession', async () => {
    const e = emulatorWith(
      [
        basicPool({
          mfa: { mode: 'OPTIONAL', factors: ['TOTP', 'EMAIL'] },
          users: [
            { username: 'tina', password: PASSWORD, mfa: { totpSecret: TOTP_SECRET } },
            {
              username: 'emma',
              password: PASSWORD,
              attributes: { email: 'emma@example.com' },
              mfa: { email: true },
            },
          ],
        }),
      ],
      { now: start, behaviour: { mfaAttemptsPerSession: 2 } },
    );
    const totp = await signIn(e, 'tina');
    const email = await signIn(e, 'emma');
    const emailCode = e.api.outbox.lastCode('emma@example.com') ?? '';
    const answers = {
      totp: (code: string) =>
        respond(e, 'SOFTWARE_TOKEN_MFA', totp['Session'], {
          USERNAME: 'tina',
          SOFTWARE_TOKEN_MFA_CODE: code,
        }),
      email: (code: string) =>
        respond(e, 'EMAIL_OTP', email['Session'], { USERNAME: 'emma', EMAIL_OTP_CODE: code }),
    };
    const wrongTotp = totpCodeAt(TOTP_SECRET, start + 300_000);
    const wrongEmail = emailCode === '000000' ? '111111' : '000000';
    expect((await answers.totp(wrongTotp)).type).toBe('CodeMismatchException');
    expect((await answers.totp(wrongTotp)).type).toBe('CodeMismatchException');
    expect((await answers.totp(totpCodeAt(TOTP_SECRET, start))).message).toBe(
      'Invalid session for the user.',
    );
    expect((await answers.email(wrongEmail)).type).toBe('CodeMismatchException');
    expect((await answers.email(wrongEmail)).type).toBe('CodeMismatchException');
    expect((await answers.email(emailCode)).message).toBe('Invalid session for the user.');
  });

  it('lets the user choose between factors, then asks for the chosen one', async () => {
    const e = mfaEmulator();
    const step = await signIn(e, 'mike');
    expect(step['ChallengeName']).toBe('SELECT_MFA_TYPE');
    const params = step['ChallengeParameters'] as Record<string, string>;
    expect(JSON.parse(params['MFAS_CAN_CHOOSE'] ?? '')).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
    const bad = await respond(e, 'SELECT_MFA_TYPE', step['Session'], {
      USERNAME: 'mike',
      ANSWER: 'EMAIL_OTP',
    });
    expect(bad.type).toBe('InvalidParameterException');
    const chosen = await respond(e, 'SELECT_MFA_TYPE', step['Session'], {
      USERNAME: 'mike',
      ANSWER: 'SOFTWARE_TOKEN_MFA',
    });
    expect(chosen.body['ChallengeName']).toBe('SOFTWARE_TOKEN_MFA');
    const done = await respond(e, 'SOFTWARE_TOKEN_MFA', chosen.body['Session'], {
      USERNAME: 'mike',
      SOFTWARE_TOKEN_MFA_CODE: totpCodeAt(TOTP_SECRET, start),
    });
    expect(done.status).toBe(200);
  });

  it('goes straight to the preferred factor, and skips MFA for users without one when optional', async () => {
    const e = mfaEmulator();
    expect((await signIn(e, 'pat'))['ChallengeName']).toBe('SOFTWARE_TOKEN_MFA');
    expect((await signIn(e, 'nora'))['AuthenticationResult']).toBeDefined();
  });
});

describe('MFA_SETUP', () => {
  it('sets up TOTP inside the sign-in when MFA is required', async () => {
    const e = mfaEmulator('ON');
    const step = await signIn(e, 'nora');
    expect(step['ChallengeName']).toBe('MFA_SETUP');
    const params = step['ChallengeParameters'] as Record<string, string>;
    expect(JSON.parse(params['MFAS_CAN_SETUP'] ?? '')).toEqual(['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']);

    const early = await respond(e, 'MFA_SETUP', step['Session'], { USERNAME: 'nora' });
    expect(early.status).toBe(400);

    const associated = await ok(e, 'AssociateSoftwareToken', { Session: step['Session'] });
    const secret = associated['SecretCode'] as string;
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const verified = await ok(e, 'VerifySoftwareToken', {
      Session: associated['Session'],
      UserCode: totpCodeAt(secret, start),
    });
    expect(verified['Status']).toBe('SUCCESS');
    const done = await respond(e, 'MFA_SETUP', verified['Session'], { USERNAME: 'nora' });
    expect(done.status).toBe(200);
    expect(done.body['AuthenticationResult']).toBeDefined();
    expect(e.api.getUser(POOL_ID, 'nora')?.mfa).toMatchObject({
      totpEnabled: true,
      preferred: 'SOFTWARE_TOKEN_MFA',
    });

    // From now on the user is asked for the code.
    e.api.clock.advance(60_000);
    expect((await signIn(e, 'nora'))['ChallengeName']).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('sets up e-mail MFA by proving the address with EMAIL_OTP', async () => {
    const e = mfaEmulator('ON');
    const step = await signIn(e, 'nora');
    const next = await respond(e, 'MFA_SETUP', step['Session'], {
      USERNAME: 'nora',
      EMAIL: 'nora@example.com',
    });
    expect(next.body['ChallengeName']).toBe('EMAIL_OTP');
    const code = e.api.outbox.lastCode('nora@example.com') ?? '';
    const done = await respond(e, 'EMAIL_OTP', next.body['Session'], {
      USERNAME: 'nora',
      EMAIL_OTP_CODE: code,
    });
    expect(done.status).toBe(200);
    const user = e.api.getUser(POOL_ID, 'nora');
    expect(user?.attributes['email']).toBe('nora@example.com');
    expect(user?.mfa.emailEnabled).toBe(true);
  });

  it('uses SMS in a required-MFA pool for users with a phone number', async () => {
    const e = emulatorWith(
      [
        basicPool({
          mfa: { mode: 'ON', factors: ['SMS'] },
          users: [
            { username: 'phil', password: PASSWORD, attributes: { phone_number: '+15555550199' } },
          ],
        }),
      ],
      { now: start },
    );
    expect((await signIn(e, 'phil'))['ChallengeName']).toBe('SMS_MFA');
  });
});
