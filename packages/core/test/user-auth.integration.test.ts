// Choice-based sign-in (USER_AUTH) end to end against the emulator: the selection step, every
// first factor (e-mail code, SMS code, password with SRP, passkey), MFA after a password,
// sign-in straight after sign-up, and passkey register / list / delete. Passkeys are made and
// used by the emulator's software authenticator: real P-256 keys and signatures, checked by the
// emulator with @simplewebauthn/server. Nothing is mocked.
import { createEmulator, createSigningKeyCache, type Emulator } from '@cognito-kit/emulator';
import { createSoftwareAuthenticator } from '@cognito-kit/emulator/testing';
import { describe, expect, it } from 'vitest';
import { createCognitoAuth, type CognitoAuth } from '../src/auth/index.js';
import { CognitoError, isCognitoError } from '../src/errors/index.js';
import { memoryStorage } from '../src/session/index.js';
import type { PasskeyAuthenticator } from '../src/webauthn/types.js';
import { expectStatus, rejection } from './sign-in-helpers.js';
import { totpNow } from './totp.js';

const POOL = 'us-east-1_UserAuth1';
const CLIENT = 'userauthclient1';
const PASSWORD = 'Passw0rd!';
const ORIGIN = 'http://localhost:5173';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const signingKeys = createSigningKeyCache();

function emulator(): Emulator {
  return createEmulator(
    {
      pools: [
        {
          id: POOL,
          allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'],
          webAuthn: { relyingPartyId: 'localhost', userVerification: 'required' },
          mfa: { mode: 'OPTIONAL', factors: ['TOTP'] },
          autoVerifiedAttributes: ['email'],
          clients: [
            {
              id: CLIENT,
              explicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
            },
          ],
          users: [
            {
              username: 'pat',
              password: PASSWORD,
              attributes: {
                email: 'pat@example.com',
                email_verified: true,
                phone_number: '+15555550123',
                phone_number_verified: true,
              },
            },
            {
              username: 'mia',
              password: PASSWORD,
              attributes: { email: 'mia@example.com', email_verified: true },
              mfa: { totpSecret: TOTP_SECRET, preferred: 'TOTP' },
            },
          ],
        },
      ],
    },
    { signingKeys },
  );
}

/** A software authenticator as the auth object's passkey authenticator; `cancelNext` dismisses one prompt. */
function passkeys() {
  const software = createSoftwareAuthenticator({ origin: ORIGIN });
  let cancelNext = false;
  const authenticator: PasskeyAuthenticator = {
    async get(options) {
      if (cancelNext) {
        cancelNext = false;
        throw new CognitoError({ code: 'PasskeyCancelled', message: 'dismissed' });
      }
      return software.getAssertion(
        options as unknown as Parameters<typeof software.getAssertion>[0],
      );
    },
    async create(options) {
      return software.createCredential(
        options as unknown as Parameters<typeof software.createCredential>[0],
      );
    },
  };
  return { software, authenticator, cancel: () => (cancelNext = true) };
}

function setup() {
  const e = emulator();
  const bodies: Record<string, unknown>[] = [];
  const keys = passkeys();
  const recording: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (request.method === 'POST') {
      bodies.push((await request.clone().json()) as Record<string, unknown>);
    }
    return e.fetch(request);
  };
  const auth = createCognitoAuth({
    endpoint: 'http://emulator.test/',
    userPoolId: POOL,
    clientId: CLIENT,
    fetch: recording,
    storage: memoryStorage(),
    crossTab: false,
    authFlow: 'USER_AUTH',
    passkeyAuthenticator: keys.authenticator,
  });
  return { emulator: e, auth, bodies, keys };
}

function code(e: Emulator, username: string): string {
  const found = e.api.outbox.lastCode(username, POOL);
  if (!found) throw new Error(`no code for ${username} in the outbox`);
  return found;
}

async function select(auth: CognitoAuth, username: string) {
  await auth.start();
  return expectStatus(await auth.signIn({ username }), 'challenge');
}

describe('choice-based sign-in (USER_AUTH) against the emulator', () => {
  it('asks which first factor to use, with what this user can use', async () => {
    const { auth, bodies } = setup();
    const state = await select(auth, 'pat');
    // No passkey yet: no WEB_AUTHN.
    expect(state.challenge).toEqual({
      name: 'SELECT_CHALLENGE',
      options: ['EMAIL_OTP', 'SMS_OTP', 'PASSWORD'],
    });
    expect(bodies[0]).toMatchObject({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'pat' } });
  });

  it('EMAIL_OTP: the e-mailed code signs in; a wrong one may be corrected', async () => {
    const { emulator: e, auth } = setup();
    await select(auth, 'pat');
    const asked = expectStatus(
      await auth.answerChallenge({ name: 'SELECT_CHALLENGE', factor: 'EMAIL_OTP' }),
      'challenge',
    );
    expect(asked.challenge).toMatchObject({ name: 'EMAIL_OTP', medium: 'EMAIL' });
    const right = code(e, 'pat');
    const wrong = right === '000000' ? '111111' : '000000';
    const error = await rejection(auth.answerChallenge({ name: 'EMAIL_OTP', code: wrong }));
    expect(isCognitoError(error, 'CodeMismatchException')).toBe(true);
    expect(auth.getSnapshot()).toMatchObject({
      status: 'challenge',
      challenge: { name: 'EMAIL_OTP' },
    });
    const done = expectStatus(
      await auth.answerChallenge({ name: 'EMAIL_OTP', code: right }),
      'signedIn',
    );
    expect(done.user.username).toBe('pat');
  });

  it('SMS_OTP as the preferred challenge: no selection step, the texted code signs in', async () => {
    const { emulator: e, auth, bodies } = setup();
    await auth.start();
    const asked = expectStatus(
      await auth.signIn({ username: 'pat', preferredChallenge: 'SMS_OTP' }),
      'challenge',
    );
    expect(bodies[0]).toMatchObject({ AuthParameters: { PREFERRED_CHALLENGE: 'SMS_OTP' } });
    expect(asked.challenge).toMatchObject({ name: 'SMS_OTP', medium: 'SMS' });
    expectStatus(await auth.answerChallenge({ name: 'SMS_OTP', code: code(e, 'pat') }), 'signedIn');
  });

  it('PASSWORD chosen at the selection: answered with SRP, the password never on the wire', async () => {
    const { auth, bodies } = setup();
    await select(auth, 'pat');
    expectStatus(
      await auth.answerChallenge({
        name: 'SELECT_CHALLENGE',
        factor: 'PASSWORD',
        password: PASSWORD,
      }),
      'signedIn',
    );
    expect(bodies[1]).toMatchObject({
      ChallengeName: 'SELECT_CHALLENGE',
      ChallengeResponses: { ANSWER: 'PASSWORD_SRP', USERNAME: 'pat' },
    });
    expect(bodies[2]).toMatchObject({ ChallengeName: 'PASSWORD_VERIFIER' });
    expect(JSON.stringify(bodies)).not.toContain(PASSWORD);
  });

  it('a password given at signIn asks for PASSWORD_SRP at once', async () => {
    const { auth, bodies } = setup();
    await auth.start();
    expectStatus(await auth.signIn({ username: 'pat', password: PASSWORD }), 'signedIn');
    expect(bodies[0]).toMatchObject({
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: 'pat', PREFERRED_CHALLENGE: 'PASSWORD_SRP' },
    });
    expect(JSON.stringify(bodies)).not.toContain(PASSWORD);
  });

  it('MFA after a password: the authenticator code is asked for, as with USER_SRP_AUTH', async () => {
    const { auth } = setup();
    const state = await select(auth, 'mia');
    // A user with MFA is offered no passwordless factor.
    expect(state.challenge).toEqual({ name: 'SELECT_CHALLENGE', options: ['PASSWORD'] });
    const mfa = expectStatus(
      await auth.answerChallenge({
        name: 'SELECT_CHALLENGE',
        factor: 'PASSWORD',
        password: PASSWORD,
      }),
      'challenge',
    );
    expect(mfa.challenge).toEqual({ name: 'SOFTWARE_TOKEN_MFA' });
    const done = expectStatus(
      await auth.answerChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: await totpNow(TOTP_SECRET) }),
      'signedIn',
    );
    expect(done.user.username).toBe('mia');
  });

  it('passkeys: register, list, sign in with it (a dismissed prompt can be retried), delete', async () => {
    const { auth, keys } = setup();
    await auth.start();
    await auth.signIn({ username: 'pat', password: PASSWORD });
    expect(await auth.passkeys.list()).toEqual([]);
    await auth.passkeys.register();
    const [passkey] = await auth.passkeys.list();
    expect(passkey).toMatchObject({
      id: keys.software.credentials[0]?.id,
      relyingPartyId: 'localhost',
      attachment: 'platform',
    });
    expect(passkey?.createdAt).toBeInstanceOf(Date);
    await auth.signOut();

    const state = await select(auth, 'pat');
    expect(state.challenge).toEqual({
      name: 'SELECT_CHALLENGE',
      options: ['WEB_AUTHN', 'EMAIL_OTP', 'SMS_OTP', 'PASSWORD'],
    });
    const asked = expectStatus(
      await auth.answerChallenge({ name: 'SELECT_CHALLENGE', factor: 'WEB_AUTHN' }),
      'challenge',
    );
    expect(asked.challenge).toMatchObject({
      name: 'WEB_AUTHN',
      requestOptions: { rpId: 'localhost', userVerification: 'required' },
    });
    keys.cancel();
    const cancelled = await rejection(auth.answerChallenge({ name: 'WEB_AUTHN' }));
    expect(isCognitoError(cancelled, 'PasskeyCancelled')).toBe(true);
    // Nothing reached Cognito: the same challenge waits for another try.
    expect(auth.getSnapshot()).toMatchObject({ status: 'challenge', submitting: false });
    const done = expectStatus(await auth.answerChallenge({ name: 'WEB_AUTHN' }), 'signedIn');
    expect(done.user.username).toBe('pat');

    await auth.passkeys.delete(passkey?.id ?? '');
    expect(await auth.passkeys.list()).toEqual([]);
  });

  it('sign-up, confirm with autoSignIn: signed in without being asked again', async () => {
    const { emulator: e, auth } = setup();
    await auth.start();
    const result = await auth.registration.signUp({
      username: 'newbie',
      password: PASSWORD,
      attributes: { email: 'newbie@example.com' },
    });
    expect(result.userConfirmed).toBe(false);
    const state = await auth.registration.confirm({
      username: 'newbie',
      code: code(e, 'newbie'),
      autoSignIn: true,
    });
    expect(state).toMatchObject({ status: 'signedIn', user: { username: 'newbie' } });
    expect(auth.getSnapshot().status).toBe('signedIn');
  });
});
