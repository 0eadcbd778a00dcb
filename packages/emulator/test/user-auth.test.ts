/**
 * Choice-based sign-in (AuthFlow USER_AUTH) over the wire: SELECT_CHALLENGE with
 * AvailableChallenges, each first factor (PASSWORD, PASSWORD_SRP, EMAIL_OTP, SMS_OTP), MFA
 * after a password, remembered devices, and the sign-in straight after ConfirmSignUp.
 * Passkeys (WEB_AUTHN) have their own file.
 */
import { describe, expect, it } from 'vitest';
import type { PoolSeed } from '../src/index.js';
import { startSrp } from './helpers/srp-client.js';
import { CLIENT_ID, PASSWORD, POOL_ID, basicPool, call, emulatorWith, ok } from './helpers/wire.js';

const start = Date.UTC(2025, 0, 1, 12);

function pool(overrides: Partial<PoolSeed> = {}): PoolSeed {
  return basicPool({
    allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'],
    autoVerifiedAttributes: ['email'],
    clients: [
      {
        id: CLIENT_ID,
        explicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      },
      { id: 'legacyclient', explicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] },
      {
        id: 'tellsclient',
        explicitAuthFlows: ['ALLOW_USER_AUTH'],
        preventUserExistenceErrors: 'LEGACY',
      },
    ],
    users: [
      {
        username: 'alice',
        password: PASSWORD,
        attributes: { email: 'alice@example.com', email_verified: true },
      },
      {
        username: 'sid',
        password: PASSWORD,
        attributes: { phone_number: '+15555550100', phone_number_verified: true },
      },
      // An address that is not verified cannot receive sign-in codes.
      { username: 'una', password: PASSWORD, attributes: { email: 'una@example.com' } },
      { username: 'nopw', attributes: { email: 'nopw@example.com', email_verified: true } },
      { username: 'carl', password: PASSWORD, status: 'UNCONFIRMED' },
    ],
    ...overrides,
  });
}

/** A user with a password and e-mail MFA, for the tests of MFA after a USER_AUTH first factor. */
const EMMA_WITH_EMAIL_MFA = {
  username: 'emma',
  password: PASSWORD,
  attributes: { email: 'emma@example.com', email_verified: true },
  mfa: { email: true },
};

function emulator(overrides: Partial<PoolSeed> = {}, options = { now: start }) {
  return emulatorWith([pool(overrides)], options);
}

type E = ReturnType<typeof emulator>;

function initiate(e: E, params: Record<string, string>, extra: Record<string, unknown> = {}) {
  return call(e, 'InitiateAuth', {
    AuthFlow: 'USER_AUTH',
    ClientId: CLIENT_ID,
    AuthParameters: params,
    ...extra,
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

/** Answers SELECT_CHALLENGE of the `select` step with `answer` (and extra responses, e.g. PASSWORD). */
function choose(
  e: E,
  select: Awaited<ReturnType<typeof initiate>>,
  username: string,
  answer: string,
  extra: Record<string, string> = {},
) {
  return respond(e, 'SELECT_CHALLENGE', select.body['Session'], {
    USERNAME: username,
    ANSWER: answer,
    ...extra,
  });
}

/** USER_AUTH with PREFERRED_CHALLENGE PASSWORD_SRP: the SRP exchange with the pool's password. */
function startPasswordSrp(e: E, username: string) {
  return startSrp(e, {
    poolId: POOL_ID,
    clientId: CLIENT_ID,
    username,
    password: PASSWORD,
    authFlow: 'USER_AUTH',
    authParameters: { PREFERRED_CHALLENGE: 'PASSWORD_SRP' },
  });
}

function tokensOf(body: Record<string, unknown>) {
  return body['AuthenticationResult'] as Record<string, unknown> | undefined;
}

describe('USER_AUTH: the selection step', () => {
  it('answers SELECT_CHALLENGE with what this user can use', async () => {
    const e = emulator();
    const alice = await initiate(e, { USERNAME: 'alice' });
    expect(alice.status).toBe(200);
    expect(alice.body['ChallengeName']).toBe('SELECT_CHALLENGE');
    expect(alice.body['AvailableChallenges']).toEqual(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP']);
    expect(alice.body['ChallengeParameters']).toEqual({ USERNAME: 'alice' });
    expect(typeof alice.body['Session']).toBe('string');

    const sid = await initiate(e, { USERNAME: 'sid' });
    expect(sid.body['AvailableChallenges']).toEqual(['PASSWORD', 'PASSWORD_SRP', 'SMS_OTP']);
    const una = await initiate(e, { USERNAME: 'una' });
    expect(una.body['AvailableChallenges']).toEqual(['PASSWORD', 'PASSWORD_SRP']);
    const nopw = await initiate(e, { USERNAME: 'nopw' });
    expect(nopw.body['AvailableChallenges']).toEqual(['EMAIL_OTP']);
  });

  it('offers only the password when the pool allows nothing else (the default)', async () => {
    const e = emulator({ allowedFirstAuthFactors: undefined });
    const alice = await initiate(e, { USERNAME: 'alice' });
    expect(alice.body['AvailableChallenges']).toEqual(['PASSWORD', 'PASSWORD_SRP']);
    const nopw = await initiate(e, { USERNAME: 'nopw' });
    expect(nopw.type).toBe('NotAuthorizedException');
  });

  it('falls back to SELECT_CHALLENGE when the preferred challenge is not available', async () => {
    const e = emulator();
    const answer = await initiate(e, { USERNAME: 'una', PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    expect(answer.body['ChallengeName']).toBe('SELECT_CHALLENGE');
    expect(e.api.outbox.list({ username: 'una' })).toHaveLength(0);
  });

  it('refuses a selection that was not offered and an unknown PREFERRED_CHALLENGE', async () => {
    const e = emulator();
    const select = await initiate(e, { USERNAME: 'una' });
    const wrong = await choose(e, select, 'una', 'EMAIL_OTP');
    expect(wrong.type).toBe('InvalidParameterException');
    const unknown = await initiate(e, { USERNAME: 'alice', PREFERRED_CHALLENGE: 'MAGIC' });
    expect(unknown.type).toBe('InvalidParameterException');
  });

  it('needs ALLOW_USER_AUTH on the client, a known and confirmed user', async () => {
    const e = emulator();
    const legacy = await call(e, 'InitiateAuth', {
      AuthFlow: 'USER_AUTH',
      ClientId: 'legacyclient',
      AuthParameters: { USERNAME: 'alice' },
    });
    expect(legacy.type).toBe('InvalidParameterException');
    expect(legacy.message).toBe('USER_AUTH flow not enabled for this client');
    const ghost = await call(e, 'InitiateAuth', {
      AuthFlow: 'USER_AUTH',
      ClientId: 'tellsclient',
      AuthParameters: { USERNAME: 'ghost' },
    });
    expect(ghost.type).toBe('UserNotFoundException');
    const carl = await initiate(e, { USERNAME: 'carl' });
    expect(carl.type).toBe('UserNotConfirmedException');
  });
});

describe('USER_AUTH for a user that does not exist (PreventUserExistenceErrors ENABLED)', () => {
  it('answers like for a real user, and every proof fails', async () => {
    const e = emulator();
    const select = await initiate(e, { USERNAME: 'ghost' });
    expect(select.body['ChallengeName']).toBe('SELECT_CHALLENGE');
    expect(select.body['AvailableChallenges']).toEqual([
      'PASSWORD',
      'PASSWORD_SRP',
      'EMAIL_OTP',
      'SMS_OTP',
    ]);
    const email = await choose(e, select, 'ghost', 'EMAIL_OTP');
    expect(email.body['ChallengeName']).toBe('EMAIL_OTP');
    expect(email.body['ChallengeParameters']).toMatchObject({
      CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
      CODE_DELIVERY_DESTINATION: expect.stringMatching(/^g\*\*\*@/),
    });
    expect(e.api.outbox.list()).toHaveLength(0);
    const code = await respond(e, 'EMAIL_OTP', email.body['Session'], {
      USERNAME: 'ghost',
      EMAIL_OTP_CODE: '123456',
    });
    expect(code.type).toBe('CodeMismatchException');

    const password = await initiate(e, {
      USERNAME: 'ghost',
      PREFERRED_CHALLENGE: 'PASSWORD',
      PASSWORD,
    });
    expect(password.type).toBe('NotAuthorizedException');
    expect(password.message).toBe('Incorrect username or password.');
    const sms = await initiate(e, { USERNAME: 'ghost', PREFERRED_CHALLENGE: 'SMS_OTP' });
    expect(sms.body['ChallengeParameters']).toMatchObject({
      CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
      CODE_DELIVERY_DESTINATION: expect.stringMatching(/^\+\*+\d{4}$/),
    });
  });

  it('PASSWORD_SRP goes through the simulated PASSWORD_VERIFIER and fails there', async () => {
    const e = emulatorWith([pool()]);
    const exchange = await startPasswordSrp(e, 'ghost');
    expect(exchange.start.body['ChallengeName']).toBe('PASSWORD_VERIFIER');
    const done = await exchange.answer();
    expect(done.type).toBe('NotAuthorizedException');
  });
});

describe('USER_AUTH: codes as the first factor', () => {
  it('EMAIL_OTP: sends a code to the outbox and signs in with it, once', async () => {
    const e = emulator();
    const select = await initiate(e, { USERNAME: 'alice' });
    const challenge = await choose(e, select, 'alice', 'EMAIL_OTP');
    expect(challenge.body['ChallengeName']).toBe('EMAIL_OTP');
    expect(challenge.body['ChallengeParameters']).toEqual({
      CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
      CODE_DELIVERY_DESTINATION: 'a***@e***.com',
      USERNAME: 'alice',
    });
    const [message] = e.api.outbox.list({ username: 'alice' });
    expect(message).toMatchObject({
      medium: 'EMAIL',
      destination: 'alice@example.com',
      purpose: 'EMAIL_OTP',
    });
    const code = e.api.outbox.lastCode('alice') ?? '';
    const done = await respond(e, 'EMAIL_OTP', challenge.body['Session'], {
      USERNAME: 'alice',
      EMAIL_OTP_CODE: code,
    });
    expect(done.status).toBe(200);
    expect(tokensOf(done.body)?.['AccessToken']).toEqual(expect.any(String));
    const again = await respond(e, 'EMAIL_OTP', challenge.body['Session'], {
      USERNAME: 'alice',
      EMAIL_OTP_CODE: code,
    });
    expect(again.type).toBe('NotAuthorizedException');
  });

  it('EMAIL_OTP as PREFERRED_CHALLENGE starts at once; SMS_OTP goes to the phone', async () => {
    const e = emulator();
    const email = await initiate(e, { USERNAME: 'nopw', PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    expect(email.body['ChallengeName']).toBe('EMAIL_OTP');
    const sms = await initiate(e, { USERNAME: 'sid', PREFERRED_CHALLENGE: 'SMS_OTP' });
    expect(sms.body['ChallengeName']).toBe('SMS_OTP');
    expect(sms.body['ChallengeParameters']).toMatchObject({
      CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
      CODE_DELIVERY_DESTINATION: '+*******0100',
    });
    const done = await respond(e, 'SMS_OTP', sms.body['Session'], {
      USERNAME: 'sid',
      SMS_OTP_CODE: e.api.outbox.lastCode('sid') ?? '',
    });
    expect(tokensOf(done.body)?.['IdToken']).toEqual(expect.any(String));
  });

  it('a wrong code is CodeMismatchException; the attempts run out; an old code expires', async () => {
    const e = emulator();
    const challenge = await initiate(e, { USERNAME: 'alice', PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    const session = challenge.body['Session'];
    for (let i = 0; i < 4; i += 1) {
      const wrong = await respond(e, 'EMAIL_OTP', session, {
        USERNAME: 'alice',
        EMAIL_OTP_CODE: '000000x',
      });
      expect(wrong.type).toBe('CodeMismatchException');
    }
    // The fifth wrong answer uses up the session's attempts (and reaches the lockout threshold).
    await respond(e, 'EMAIL_OTP', session, { USERNAME: 'alice', EMAIL_OTP_CODE: '000000x' });
    const after = await respond(e, 'EMAIL_OTP', session, {
      USERNAME: 'alice',
      EMAIL_OTP_CODE: e.api.outbox.lastCode('alice') ?? '',
    });
    expect(after.type).toBe('NotAuthorizedException');

    const late = emulator();
    const c2 = await initiate(late, { USERNAME: 'alice', PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    late.api.clock.advance(181_000);
    const expired = await respond(late, 'EMAIL_OTP', c2.body['Session'], {
      USERNAME: 'alice',
      EMAIL_OTP_CODE: late.api.outbox.lastCode('alice') ?? '',
    });
    expect(expired.type).toBe('NotAuthorizedException');
    expect(expired.message).toBe('Invalid session for the user.');
  });

  it('passwordless factors are not offered when MFA applies to the user', async () => {
    const e = emulator({ mfa: { mode: 'ON', factors: ['EMAIL'] } });
    const alice = await initiate(e, { USERNAME: 'alice' });
    expect(alice.body['AvailableChallenges']).toEqual(['PASSWORD', 'PASSWORD_SRP']);
  });
});

describe('USER_AUTH: passwords', () => {
  it('PASSWORD with the choice, as its own challenge, and a wrong one', async () => {
    const e = emulator();
    const direct = await initiate(e, {
      USERNAME: 'alice',
      PREFERRED_CHALLENGE: 'PASSWORD',
      PASSWORD,
    });
    expect(tokensOf(direct.body)?.['AccessToken']).toEqual(expect.any(String));

    const select = await initiate(e, { USERNAME: 'alice' });
    const asked = await choose(e, select, 'alice', 'PASSWORD');
    expect(asked.body['ChallengeName']).toBe('PASSWORD');
    const wrong = await respond(e, 'PASSWORD', asked.body['Session'], {
      USERNAME: 'alice',
      PASSWORD: 'Wr0ng!pass',
    });
    expect(wrong.type).toBe('NotAuthorizedException');
    expect(wrong.message).toBe('Incorrect username or password.');
    const right = await respond(e, 'PASSWORD', asked.body['Session'], {
      USERNAME: 'alice',
      PASSWORD,
    });
    expect(tokensOf(right.body)?.['AccessToken']).toEqual(expect.any(String));
  });

  it('SELECT_CHALLENGE with ANSWER PASSWORD and the password signs in at once', async () => {
    const e = emulator();
    const select = await initiate(e, { USERNAME: 'alice' });
    const done = await choose(e, select, 'alice', 'PASSWORD', { PASSWORD });
    expect(tokensOf(done.body)?.['RefreshToken']).toEqual(expect.any(String));
  });

  it('PASSWORD_SRP leads to the usual PASSWORD_VERIFIER', async () => {
    const e = emulatorWith([pool()]);
    const exchange = await startPasswordSrp(e, 'alice');
    expect(exchange.start.body['ChallengeName']).toBe('PASSWORD_VERIFIER');
    expect(exchange.params['USER_ID_FOR_SRP']).toBe('alice');
    const done = await exchange.answer();
    expect(tokensOf(done.body)?.['AccessToken']).toEqual(expect.any(String));
  });

  it('MFA after a password still applies', async () => {
    const e = emulator({
      mfa: { mode: 'OPTIONAL', factors: ['EMAIL'] },
      users: [EMMA_WITH_EMAIL_MFA],
    });
    const select = await initiate(e, { USERNAME: 'emma' });
    expect(select.body['AvailableChallenges']).toEqual(['PASSWORD', 'PASSWORD_SRP']);
    const mfa = await choose(e, select, 'emma', 'PASSWORD', { PASSWORD });
    expect(mfa.body['ChallengeName']).toBe('EMAIL_OTP');
    const done = await respond(e, 'EMAIL_OTP', mfa.body['Session'], {
      USERNAME: 'emma',
      EMAIL_OTP_CODE: e.api.outbox.lastCode('emma') ?? '',
    });
    expect(tokensOf(done.body)?.['AccessToken']).toEqual(expect.any(String));
  });

  it('a remembered device is asked to prove itself instead of MFA', async () => {
    const e = emulator({
      deviceTracking: 'always',
      mfa: { mode: 'OPTIONAL', factors: ['EMAIL'] },
      users: [EMMA_WITH_EMAIL_MFA],
    });
    const first = await initiate(e, {
      USERNAME: 'emma',
      PREFERRED_CHALLENGE: 'PASSWORD',
      PASSWORD,
    });
    const done = await respond(e, 'EMAIL_OTP', first.body['Session'], {
      USERNAME: 'emma',
      EMAIL_OTP_CODE: e.api.outbox.lastCode('emma') ?? '',
    });
    const result = tokensOf(done.body) ?? {};
    const device = result['NewDeviceMetadata'] as { DeviceKey: string; DeviceGroupKey: string };
    expect(device.DeviceKey).toEqual(expect.any(String));
    const confirmed = await call(e, 'ConfirmDevice', {
      AccessToken: result['AccessToken'],
      DeviceKey: device.DeviceKey,
      DeviceSecretVerifierConfig: { PasswordVerifier: 'AQID', Salt: 'BAUG' },
    });
    expect(confirmed.status).toBe(200);
    const next = await initiate(e, {
      USERNAME: 'emma',
      PREFERRED_CHALLENGE: 'PASSWORD',
      PASSWORD,
      DEVICE_KEY: device.DeviceKey,
    });
    expect(next.body['ChallengeName']).toBe('DEVICE_SRP_AUTH');
  });
});

describe('USER_AUTH after ConfirmSignUp', () => {
  async function signUpAndConfirm(e: E, username: string, password?: string) {
    const signUp = await call(e, 'SignUp', {
      ClientId: CLIENT_ID,
      Username: username,
      ...(password !== undefined && { Password: password }),
      UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
    });
    expect(signUp.status).toBe(200);
    const confirm = await ok(e, 'ConfirmSignUp', {
      ClientId: CLIENT_ID,
      Username: username,
      ConfirmationCode: e.api.outbox.lastCode(username) ?? '',
    });
    return confirm['Session'];
  }

  it('the Session of ConfirmSignUp signs the user in without asking again, once', async () => {
    const e = emulator();
    const session = await signUpAndConfirm(e, 'newbie', PASSWORD);
    expect(typeof session).toBe('string');
    const done = await initiate(e, { USERNAME: 'newbie' }, { Session: session });
    expect(tokensOf(done.body)?.['AccessToken']).toEqual(expect.any(String));
    const reused = await initiate(e, { USERNAME: 'newbie' }, { Session: session });
    expect(reused.type).toBe('NotAuthorizedException');
    expect(reused.message).toBe('Invalid session for the user.');
  });

  it('works for a user who signed up without a password (absent or blank)', async () => {
    const e = emulator();
    const session = await signUpAndConfirm(e, 'nopass');
    const done = await initiate(e, { USERNAME: 'nopass' }, { Session: session });
    expect(tokensOf(done.body)?.['AccessToken']).toEqual(expect.any(String));
    expect(e.api.getUser(POOL_ID, 'nopass')?.password).toBeNull();
    const blank = await signUpAndConfirm(e, 'blank', '');
    expect(typeof blank).toBe('string');
    expect(e.api.getUser(POOL_ID, 'blank')?.password).toBeNull();
  });

  it('refuses an expired session, another user, and a password-less sign-up without codes', async () => {
    const e = emulator();
    const late = await signUpAndConfirm(e, 'slow', PASSWORD);
    e.api.clock.advance(181_000);
    expect((await initiate(e, { USERNAME: 'slow' }, { Session: late })).type).toBe(
      'NotAuthorizedException',
    );
    const other = await signUpAndConfirm(e, 'bob', PASSWORD);
    expect((await initiate(e, { USERNAME: 'alice' }, { Session: other })).type).toBe(
      'NotAuthorizedException',
    );
    const passwordOnly = emulator({ allowedFirstAuthFactors: ['PASSWORD'] });
    const refused = await call(passwordOnly, 'SignUp', {
      ClientId: CLIENT_ID,
      Username: 'nopass',
      UserAttributes: [{ Name: 'email', Value: 'nopass@example.com' }],
    });
    expect(refused.type).toBe('InvalidParameterException');
  });

  it('gives no Session to clients without ALLOW_USER_AUTH', async () => {
    const e = emulator();
    await call(e, 'SignUp', {
      ClientId: 'legacyclient',
      Username: 'old',
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: 'old@example.com' }],
    });
    const confirm = await ok(e, 'ConfirmSignUp', {
      ClientId: 'legacyclient',
      Username: 'old',
      ConfirmationCode: e.api.outbox.lastCode('old') ?? '',
    });
    expect(confirm).toEqual({});
  });
});
