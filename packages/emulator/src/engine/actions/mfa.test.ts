import { describe, expect, it } from 'vitest';
import {
  baseSeed,
  call,
  CLIENT_ID,
  ok,
  PASSWORD,
  POOL_ID,
  signIn,
  userKit,
} from '../../../test/support/user-kit.js';
import type { Emulator } from '../emulator.js';
import { totpCodeAt } from '../crypto/totp.js';

const STEP = 30_000;

function codeNow(emulator: Emulator, secret: string, offsetMs = 0): string {
  return totpCodeAt(secret, emulator.api.clock.now() + offsetMs);
}

function otherCode(code: string): string {
  return code === '000000' ? '000001' : '000000';
}

async function passwordSignIn(emulator: Emulator) {
  return call(emulator, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: CLIENT_ID,
    AuthParameters: { USERNAME: 'alice', PASSWORD },
  });
}

describe('TOTP with an access token', () => {
  it('associates, verifies, enables, and the next sign-in asks for the code', async () => {
    const emulator = userKit(baseSeed({ mfa: { mode: 'OPTIONAL', factors: ['TOTP'] } }));
    const { AccessToken } = await signIn(emulator);

    const associated = await ok(emulator, 'AssociateSoftwareToken', { AccessToken });
    const secret = associated['SecretCode'] as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(associated['Session']).toBeUndefined();

    expect(
      await call(emulator, 'VerifySoftwareToken', {
        AccessToken,
        UserCode: otherCode(codeNow(emulator, secret)),
      }),
    ).toMatchObject({
      type: 'EnableSoftwareTokenMFAException',
      message: 'Code mismatch and fail enable Software Token MFA',
    });
    expect(
      await ok(emulator, 'VerifySoftwareToken', {
        AccessToken,
        UserCode: codeNow(emulator, secret),
        FriendlyDeviceName: 'phone',
      }),
    ).toEqual({ Status: 'SUCCESS' });

    // Verified is not yet enabled.
    expect((await ok(emulator, 'GetUser', { AccessToken }))['UserMFASettingList']).toBeUndefined();
    expect((await passwordSignIn(emulator)).body['AuthenticationResult']).toBeDefined();

    await ok(emulator, 'SetUserMFAPreference', {
      AccessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    });
    const user = await ok(emulator, 'GetUser', { AccessToken });
    expect(user).toMatchObject({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });

    const challenge = await passwordSignIn(emulator);
    expect(challenge.body['ChallengeName']).toBe('SOFTWARE_TOKEN_MFA');
    // The code used to verify cannot be replayed; the next step's code works.
    const answer = (code: string) =>
      call(emulator, 'RespondToAuthChallenge', {
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        ClientId: CLIENT_ID,
        Session: challenge.body['Session'],
        ChallengeResponses: { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: code },
      });
    expect((await answer(codeNow(emulator, secret))).type).toBe('CodeMismatchException');
    const fresh = await call(emulator, 'RespondToAuthChallenge', {
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      ClientId: CLIENT_ID,
      Session: (await passwordSignIn(emulator)).body['Session'],
      ChallengeResponses: {
        USERNAME: 'alice',
        SOFTWARE_TOKEN_MFA_CODE: codeNow(emulator, secret, STEP),
      },
    });
    expect(fresh.body['AuthenticationResult']).toBeDefined();
  });

  it('refuses to verify before associating, and to enable TOTP before verifying', async () => {
    const emulator = userKit();
    const { AccessToken } = await signIn(emulator);
    expect(
      (await call(emulator, 'VerifySoftwareToken', { AccessToken, UserCode: '123456' })).type,
    ).toBe('SoftwareTokenMFANotFoundException');
    await ok(emulator, 'AssociateSoftwareToken', { AccessToken });
    expect(
      await call(emulator, 'SetUserMFAPreference', {
        AccessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    ).toMatchObject({
      status: 400,
      type: 'InvalidParameterException',
      message: 'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA',
    });
    expect(
      (await call(emulator, 'VerifySoftwareToken', { AccessToken, UserCode: '12345' })).type,
    ).toBe('InvalidParameterException');
  });

  it('replaces an older pending secret on a second association', async () => {
    const emulator = userKit();
    const { AccessToken } = await signIn(emulator);
    const first = (await ok(emulator, 'AssociateSoftwareToken', { AccessToken }))['SecretCode'];
    const second = (await ok(emulator, 'AssociateSoftwareToken', { AccessToken }))['SecretCode'];
    expect(second).not.toBe(first);
    expect(
      (
        await call(emulator, 'VerifySoftwareToken', {
          AccessToken,
          UserCode: codeNow(emulator, first as string),
        })
      ).type,
    ).toBe('EnableSoftwareTokenMFAException');
    await ok(emulator, 'VerifySoftwareToken', {
      AccessToken,
      UserCode: codeNow(emulator, second as string),
    });
    expect(emulator.api.getUser(POOL_ID, 'alice')?.mfa.totpSecret).toBe(second);
  });
});

describe('SetUserMFAPreference', () => {
  const seed = baseSeed({
    mfa: { mode: 'OPTIONAL', factors: ['SMS', 'TOTP', 'EMAIL'] },
    users: [
      {
        username: 'alice',
        password: PASSWORD,
        attributes: { email: 'alice@example.com', phone_number: '+12065551234' },
        mfa: { totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
      },
      { username: 'bare', password: PASSWORD },
    ],
  });

  it('enables factors, keeps one preferred, and clears it when that factor is turned off', async () => {
    const emulator = userKit(seed);
    const { AccessToken } = await signIn(emulator);
    // Seeded TOTP is on; add SMS as the preferred factor.
    await ok(emulator, 'SetUserMFAPreference', {
      AccessToken,
      SMSMfaSettings: { Enabled: true, PreferredMfa: true },
    });
    expect(await ok(emulator, 'GetUser', { AccessToken })).toMatchObject({
      UserMFASettingList: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SMS_MFA',
      MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }],
    });
    await ok(emulator, 'SetUserMFAPreference', {
      AccessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      EmailMfaSettings: { Enabled: true },
    });
    expect(await ok(emulator, 'GetUser', { AccessToken })).toMatchObject({
      UserMFASettingList: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });
    await ok(emulator, 'SetUserMFAPreference', {
      AccessToken,
      SoftwareTokenMfaSettings: { Enabled: false },
      SMSMfaSettings: { Enabled: false },
      EmailMfaSettings: { Enabled: false },
    });
    const after = await ok(emulator, 'GetUser', { AccessToken });
    expect(after['UserMFASettingList']).toBeUndefined();
    expect(after['PreferredMfaSetting']).toBeUndefined();
  });

  it('refuses two preferred factors and factors without delivery config', async () => {
    const emulator = userKit(seed);
    const alice = await signIn(emulator);
    expect(
      (
        await call(emulator, 'SetUserMFAPreference', {
          AccessToken: alice.AccessToken,
          SMSMfaSettings: { Enabled: true, PreferredMfa: true },
          SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
        })
      ).type,
    ).toBe('InvalidParameterException');
    const bare = await signIn(emulator, 'bare');
    for (const [member, name] of [
      ['SMSMfaSettings', 'SMS_MFA'],
      ['EmailMfaSettings', 'EMAIL_OTP'],
    ] as const) {
      expect(
        await call(emulator, 'SetUserMFAPreference', {
          AccessToken: bare.AccessToken,
          [member]: { Enabled: true },
        }),
      ).toMatchObject({
        type: 'InvalidParameterException',
        message: `User does not have delivery config set to turn on ${name}`,
      });
    }
    expect(
      (
        await call(emulator, 'SetUserMFAPreference', {
          AccessToken: bare.AccessToken,
          SMSMfaSettings: { Enabled: 'yes' },
        })
      ).type,
    ).toBe('SerializationException');
  });
});

describe('TOTP set-up inside sign-in (MFA_SETUP)', () => {
  const seed = baseSeed({ mfa: { mode: 'ON', factors: ['TOTP'] } });

  it('associates and verifies with the Session, each step issuing a new one', async () => {
    const emulator = userKit(seed);
    const start = await passwordSignIn(emulator);
    expect(start.body['ChallengeName']).toBe('MFA_SETUP');
    const session0 = start.body['Session'] as string;

    const associated = await ok(emulator, 'AssociateSoftwareToken', { Session: session0 });
    const secret = associated['SecretCode'] as string;
    const session1 = associated['Session'] as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(session1).not.toBe(session0);
    expect(await call(emulator, 'AssociateSoftwareToken', { Session: session0 })).toMatchObject({
      type: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    });

    expect(
      (
        await call(emulator, 'VerifySoftwareToken', {
          Session: session1,
          UserCode: otherCode(codeNow(emulator, secret)),
        })
      ).type,
    ).toBe('EnableSoftwareTokenMFAException');
    const verified = await ok(emulator, 'VerifySoftwareToken', {
      Session: session1,
      UserCode: codeNow(emulator, secret),
    });
    expect(verified).toEqual({ Status: 'SUCCESS', Session: expect.any(String) });
    expect(verified['Session']).not.toBe(session1);

    const done = await ok(emulator, 'RespondToAuthChallenge', {
      ChallengeName: 'MFA_SETUP',
      ClientId: CLIENT_ID,
      Session: verified['Session'],
      ChallengeResponses: { USERNAME: 'alice' },
    });
    expect(done['AuthenticationResult']).toBeDefined();
    expect(emulator.api.getUser(POOL_ID, 'alice')?.mfa.totpSecret).toBe(secret);
  });

  it('refuses expired sessions and sessions of other challenges', async () => {
    const emulator = userKit(seed);
    const start = await passwordSignIn(emulator);
    emulator.api.clock.advance(181_000);
    expect(
      (await call(emulator, 'AssociateSoftwareToken', { Session: start.body['Session'] })).message,
    ).toBe('Invalid session for the user.');
    expect((await call(emulator, 'AssociateSoftwareToken', {})).type).toBe(
      'InvalidParameterException',
    );

    const totpUser = userKit(
      baseSeed({
        mfa: { mode: 'ON', factors: ['TOTP'] },
        users: [
          {
            username: 'alice',
            password: PASSWORD,
            mfa: { totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
          },
        ],
      }),
    );
    const mfa = await passwordSignIn(totpUser);
    expect(mfa.body['ChallengeName']).toBe('SOFTWARE_TOKEN_MFA');
    expect(
      (await call(totpUser, 'AssociateSoftwareToken', { Session: mfa.body['Session'] })).message,
    ).toBe('Invalid session for the user.');
  });
});
