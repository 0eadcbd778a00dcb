// The pure parts of choice-based sign-in besides the transition table: reading Cognito's
// SELECT_CHALLENGE / SMS_OTP / WEB_AUTHN answers, checking answers, and what of a pending
// sign-in may be kept across a reload.
import { describe, expect, it } from 'vitest';
import { CognitoError } from '../errors/index.js';
import { memoryStorage } from '../session/storage.js';
import { answerEffect } from './answer.js';
import { parseChallenge, parseSelectChallenge } from './challenge.js';
import { requestOptions, STATES, userAuthFlow } from './fixtures.test-helpers.js';
import { pendingSignInOf, storagePendingSignIn } from './pending.js';

describe('reading choice-based challenges', () => {
  it('merges PASSWORD and PASSWORD_SRP, orders passkey first, drops what it cannot answer', () => {
    expect(
      parseSelectChallenge(['PASSWORD_SRP', 'PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN', 'FUTURE_THING']),
    ).toEqual({ name: 'SELECT_CHALLENGE', options: ['WEB_AUTHN', 'EMAIL_OTP', 'PASSWORD'] });
    expect(parseSelectChallenge(['SMS_OTP'])).toEqual({
      name: 'SELECT_CHALLENGE',
      options: ['SMS_OTP'],
    });
  });

  it('refuses a selection with nothing usable as a ProtocolError', () => {
    for (const available of [undefined, [], ['FUTURE_THING']]) {
      const result = parseSelectChallenge(available);
      expect(result instanceof CognitoError && result.code).toBe('ProtocolError');
    }
  });

  it('reads SMS_OTP like the MFA code challenges, defaulting the medium to SMS', () => {
    expect(parseChallenge('SMS_OTP', { CODE_DELIVERY_DESTINATION: '+*******0123' })).toEqual({
      name: 'SMS_OTP',
      destination: '+*******0123',
      medium: 'SMS',
    });
  });

  it('parses CREDENTIAL_REQUEST_OPTIONS (a JSON text), refusing malformed ones', () => {
    expect(
      parseChallenge('WEB_AUTHN', { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(requestOptions) }),
    ).toEqual({ name: 'WEB_AUTHN', requestOptions });
    for (const bad of [undefined, 'not json', '{"rpId":"localhost"}', '[]']) {
      const result = parseChallenge('WEB_AUTHN', { CREDENTIAL_REQUEST_OPTIONS: bad });
      expect(result instanceof CognitoError && result.code).toBe('ProtocolError');
    }
  });
});

describe('checking choice-based answers', () => {
  const select = { name: 'SELECT_CHALLENGE', options: ['EMAIL_OTP', 'PASSWORD'] } as const;

  it('refuses a factor that was not offered and an empty password before sending', () => {
    const notOffered = answerEffect(
      select,
      { name: 'SELECT_CHALLENGE', factor: 'SMS_OTP' },
      userAuthFlow,
    );
    expect(notOffered instanceof CognitoError && notOffered.code).toBe('InvalidInput');
    const empty = answerEffect(
      select,
      { name: 'SELECT_CHALLENGE', factor: 'PASSWORD', password: '' },
      userAuthFlow,
    );
    expect(empty instanceof CognitoError && empty.code).toBe('InvalidInput');
  });

  it('answers with the plain password (and the device) only when SRP is not offered', () => {
    const effect = answerEffect(
      select,
      { name: 'SELECT_CHALLENGE', factor: 'PASSWORD', password: 'pw' },
      {
        ...userAuthFlow,
        passwordChallenge: 'PASSWORD',
        device: { deviceKey: 'eu-west-1_dev', owner: 'internal-1' },
      },
    );
    expect(effect).toMatchObject({
      type: 'answerWithPassword',
      srp: false,
      deviceKey: 'eu-west-1_dev',
    });
  });

  it('sends an assertion given with the answer as CREDENTIAL text, without the authenticator', () => {
    const credential = {
      id: 'a',
      rawId: 'a',
      type: 'public-key' as const,
      response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA' },
      clientExtensionResults: {},
    };
    const effect = answerEffect(
      { name: 'WEB_AUTHN', requestOptions },
      { name: 'WEB_AUTHN', credential },
      userAuthFlow,
    );
    expect(effect).toMatchObject({
      type: 'respond',
      challengeName: 'WEB_AUTHN',
      responses: { CREDENTIAL: JSON.stringify(credential) },
    });
  });

  it('answers SMS_OTP with SMS_OTP_CODE', () => {
    const effect = answerEffect(
      { name: 'SMS_OTP', destination: 'x', medium: 'SMS' },
      { name: 'SMS_OTP', code: ' 123456 ' },
      userAuthFlow,
    );
    expect(effect).toMatchObject({ responses: { SMS_OTP_CODE: '123456' } });
  });
});

describe('what a reload keeps', () => {
  it('keeps a challenge at rest, nothing while answering or outside a challenge', () => {
    expect(pendingSignInOf(STATES.selectIdle)).toMatchObject({
      username: 'alice@example.com',
      challenge: { name: 'SELECT_CHALLENGE' },
      flow: { session: userAuthFlow.session },
    });
    expect(pendingSignInOf(STATES.selectSubmitting)).toBeNull();
    expect(pendingSignInOf(STATES.signingIn)).toBeNull();
    expect(pendingSignInOf(STATES.signedIn)).toBeNull();
  });

  it('never keeps the TOTP secret of MFA setup', () => {
    const setup = {
      state: {
        status: 'challenge' as const,
        username: 'a',
        submitting: false,
        challenge: {
          name: 'MFA_SETUP' as const,
          options: ['SOFTWARE_TOKEN_MFA' as const],
          totp: { secretCode: 'SECRET', uri: 'otpauth://x' },
        },
      },
      flow: userAuthFlow,
    };
    expect(pendingSignInOf(setup)).toBeNull();
  });

  it('drops a stored record of another shape instead of restoring it', async () => {
    const storage = memoryStorage();
    const store = storagePendingSignIn(storage, 'client1');
    const key = 'cognito-kit.client1.pendingSignIn';
    for (const text of ['not json', '{"v":2,"record":{}}', '{"v":1,"record":{"flow":{}}}']) {
      await storage.set(key, text);
      expect(await store.load()).toBeNull();
    }
    const pending = pendingSignInOf(STATES.selectIdle);
    if (!pending) throw new Error('expected a pending sign-in');
    await store.save({ ...pending, expiresAt: 5 });
    expect(await store.load()).toEqual({ ...pending, expiresAt: 5 });
    await store.clear();
    expect(await storage.get(key)).toBeNull();
  });
});
