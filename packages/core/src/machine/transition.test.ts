import { describe, expect, it } from 'vitest';
import { CognitoError } from '../errors/index.js';
import type { AuthEffect, AuthEvent, AuthEventType } from './events.js';
import {
  flow,
  requestOptions,
  signIn,
  STATES,
  tokens,
  user,
  userAuthFlow,
  type StateKey,
} from './fixtures.test-helpers.js';
import { transition, type TransitionResult } from './transition.js';

const lateDevice = { deviceKey: 'eu-west-1_late', owner: 'internal-1' };

/** Event variants besides one per type: the optional members that change what happens. */
type VariantKey =
  | 'SIGN_IN+device'
  | 'AUTH_RESULT+device'
  | 'STEP_FAILED+device'
  | 'RESTORED+pending'
  | 'SIGN_IN+userAuth'
  | 'AUTH_RESULT+select'
  | 'AUTH_RESULT+passkey'
  | 'AUTH_RESULT+verifier'
  | 'ANSWER+factor'
  | 'ANSWER+password'
  | 'ANSWER+passkey'
  | 'STEP_FAILED+cancelled';

const assertion = {
  id: 'Y3JlZC0x',
  rawId: 'Y3JlZC0x',
  type: 'public-key' as const,
  response: { clientDataJSON: 'e30', authenticatorData: 'AAAA', signature: 'c2ln' },
  clientExtensionResults: {},
};
const emailOtp = {
  name: 'EMAIL_OTP',
  destination: 'a***@e***',
  medium: 'EMAIL',
} as const;
type EventKey = AuthEventType | VariantKey;

/** One representative event of every type and variant; results belong to sign-in attempt 1. */
const EVENTS: Record<EventKey, AuthEvent> = {
  START: { type: 'START' },
  RESTORED: { type: 'RESTORED', user },
  SIGN_IN: signIn({ attempt: 2, username: 'bob' }),
  'SIGN_IN+device': signIn({
    attempt: 2,
    username: 'bob',
    device: { deviceKey: 'eu-west-1_bob', owner: 'bob' },
  }),
  AUTH_RESULT: { type: 'AUTH_RESULT', attempt: 1, output: { AuthenticationResult: tokens } },
  'AUTH_RESULT+device': {
    type: 'AUTH_RESULT',
    attempt: 1,
    output: { AuthenticationResult: tokens },
    device: lateDevice,
  },
  'STEP_FAILED+device': {
    type: 'STEP_FAILED',
    attempt: 1,
    step: 'answerPasswordVerifier',
    error: new CognitoError({ code: 'ResourceNotFoundException', message: 'no device' }),
    device: lateDevice,
  },
  STEP_FAILED: {
    type: 'STEP_FAILED',
    attempt: 1,
    step: 'respond',
    error: new CognitoError({ code: 'NotAuthorizedException', message: 'no' }),
  },
  ANSWER: { type: 'ANSWER', answer: { name: 'SMS_MFA', code: '123456' } },
  TOTP_ASSOCIATED: { type: 'TOTP_ASSOCIATED', attempt: 1, secretCode: 'ABCDEFGHIJKLMNOP' },
  TOTP_VERIFIED: { type: 'TOTP_VERIFIED', attempt: 1, session: 'session-0000000000000002' },
  SESSION_ESTABLISHED: { type: 'SESSION_ESTABLISHED', attempt: 1, user },
  REMEMBER_DEVICE: { type: 'REMEMBER_DEVICE', remember: true },
  SIGN_OUT: { type: 'SIGN_OUT', global: false },
  SIGNED_OUT: { type: 'SIGNED_OUT' },
  SESSION_UPDATED: { type: 'SESSION_UPDATED', user: { ...user, expiresAt: 2_000_000 } },
  SESSION_ENDED: { type: 'SESSION_ENDED', reason: 'refreshRejected' },
  'RESTORED+pending': {
    type: 'RESTORED',
    user: null,
    pending: { flow: userAuthFlow, username: 'alice@example.com', challenge: emailOtp },
  },
  'SIGN_IN+userAuth': signIn({
    attempt: 2,
    username: 'bob',
    authFlow: 'USER_AUTH',
    preferredChallenge: 'PASSWORD',
    session: 'sign-up-session',
  }),
  'AUTH_RESULT+select': {
    type: 'AUTH_RESULT',
    attempt: 1,
    output: {
      ChallengeName: 'SELECT_CHALLENGE',
      Session: 'session-select',
      AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'WEB_AUTHN'],
    },
  },
  'AUTH_RESULT+passkey': {
    type: 'AUTH_RESULT',
    attempt: 1,
    output: {
      ChallengeName: 'WEB_AUTHN',
      Session: 'session-passkey',
      ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(requestOptions) },
    },
  },
  'AUTH_RESULT+verifier': {
    type: 'AUTH_RESULT',
    attempt: 1,
    output: {
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeParameters: {
        SALT: 'ab',
        SRP_B: 'cd',
        SECRET_BLOCK: 'c2VjcmV0',
        USER_ID_FOR_SRP: 'internal-1',
      },
    },
  },
  'ANSWER+factor': { type: 'ANSWER', answer: { name: 'SELECT_CHALLENGE', factor: 'EMAIL_OTP' } },
  'ANSWER+password': {
    type: 'ANSWER',
    answer: { name: 'SELECT_CHALLENGE', factor: 'PASSWORD', password: 'correct horse' },
  },
  'ANSWER+passkey': { type: 'ANSWER', answer: { name: 'WEB_AUTHN' } },
  PASSKEY_ASSERTED: { type: 'PASSKEY_ASSERTED', attempt: 1, credential: assertion },
  'STEP_FAILED+cancelled': {
    type: 'STEP_FAILED',
    attempt: 1,
    step: 'getPasskeyAssertion',
    error: new CognitoError({ code: 'PasskeyCancelled', message: 'cancelled' }),
  },
};

type Check = (result: TransitionResult) => void;

const to =
  (status: string, effects: AuthEffect['type'][] = []): Check =>
  ([next, fx]) => {
    expect(next.state.status).toBe(status);
    expect(fx.map((e) => e.type)).toEqual(effects);
  };

/**
 * Every (state, event) pair that does something. Pairs not listed here must leave the machine
 * exactly as it was (same object) with no effects — the loop below checks all of them.
 */
/** A device Cognito did not know, found late: forgotten where it was found, sign-in starts over. */
const forgetsLateDevice: Check = ([next, fx]) => {
  expect(next.state).toEqual({ status: 'signingIn', username: 'alice@example.com' });
  expect(next.flow).toMatchObject({ device: undefined, deviceRetried: true });
  expect(fx.slice(0, 1)).toEqual([{ type: 'forgetDevice', deviceOwner: 'internal-1' }]);
  expect(fx.map((e) => e.type)).toEqual(['forgetDevice', 'initiateAuth']);
};

/** Tokens after a device found late: the session is bound to that device. */
const bindsLateDevice =
  (status: string): Check =>
  ([next, fx]) => {
    expect(next.state.status).toBe(status);
    expect(next.flow?.device).toEqual(lateDevice);
    expect(fx).toMatchObject([{ type: 'establishSession', deviceKey: 'eu-west-1_late' }]);
  };

/** SIGN_IN with a device found for the typed name: it is in the flow, SRP presents it later. */
const startsWithDevice: Check = ([next, fx]) => {
  expect(next.state).toEqual({ status: 'signingIn', username: 'bob' });
  expect(next.flow?.device).toEqual({ deviceKey: 'eu-west-1_bob', owner: 'bob' });
  expect(fx).toMatchObject([{ type: 'initiateAuth', deviceKey: undefined }]);
};

/** Signed in as alias `alice@example.com` of `internal-1`: the alias pointer is recorded. */
const linksAlias =
  (status: string): Check =>
  ([next, fx]) => {
    expect(next.state.status).toBe(status);
    expect(fx).toEqual([
      { type: 'linkDeviceOwner', login: 'alice@example.com', owner: 'internal-1' },
    ]);
  };

/** USER_AUTH started with a preferred password and ConfirmSignUp's session. */
const startsUserAuth: Check = ([next, fx]) => {
  expect(next.state).toEqual({ status: 'signingIn', username: 'bob' });
  expect(next.flow).toMatchObject({ authFlow: 'USER_AUTH', preferredChallenge: 'PASSWORD' });
  expect(fx).toEqual([
    {
      type: 'initiateAuth',
      attempt: 2,
      authFlow: 'USER_AUTH',
      username: 'bob',
      deviceKey: undefined,
      clientMetadata: undefined,
      // The password is asked for with SRP; the sign-up session goes to this InitiateAuth only.
      preferredChallenge: 'PASSWORD_SRP',
      session: 'sign-up-session',
    },
  ]);
};

/** SELECT_CHALLENGE: the offered first factors, SRP remembered for a password answer. */
const showsSelection: Check = ([next, fx]) => {
  expect(next.state).toEqual({
    status: 'challenge',
    username: 'alice@example.com',
    challenge: { name: 'SELECT_CHALLENGE', options: ['WEB_AUTHN', 'EMAIL_OTP', 'PASSWORD'] },
    submitting: false,
  });
  expect(next.flow).toMatchObject({ session: 'session-select', passwordChallenge: 'PASSWORD_SRP' });
  expect(fx).toEqual([]);
};

/** WEB_AUTHN: the request options parsed from CREDENTIAL_REQUEST_OPTIONS. */
const showsPasskey: Check = ([next, fx]) => {
  expect(next.state).toMatchObject({
    status: 'challenge',
    challenge: { name: 'WEB_AUTHN', requestOptions },
    submitting: false,
  });
  expect(next.flow?.session).toBe('session-passkey');
  expect(fx).toEqual([]);
};

/** A password chosen at SELECT_CHALLENGE: PASSWORD_VERIFIER is answered while the form waits. */
const answersVerifier: Check = ([next, fx]) => {
  expect(next.state).toMatchObject({ status: 'challenge', submitting: true });
  expect(fx).toMatchObject([{ type: 'answerPasswordVerifier', userIdForSrp: 'internal-1' }]);
};

/** Refused at once: the sign-in ends with a ProtocolError. */
const failsWithProtocolError: Check = ([next, fx]) => {
  expect(next.state).toMatchObject({ status: 'signedOut', error: { code: 'ProtocolError' } });
  expect(fx).toEqual([]);
};

/** The passkey prompt was dismissed: the same challenge again, with the typed error. */
const keepsChallengeAfterCancel: Check = ([next, fx]) => {
  expect(next.state).toMatchObject({
    status: 'challenge',
    submitting: false,
    error: { code: 'PasskeyCancelled' },
  });
  expect(fx).toEqual([]);
};

/** What every choice-based challenge state does with a new sign-in or a sign-out. */
const restartable = {
  SIGN_IN: to('signingIn', ['initiateAuth']),
  'SIGN_IN+device': startsWithDevice,
  'SIGN_IN+userAuth': startsUserAuth,
  SIGN_OUT: to('signedOut'),
} satisfies Partial<Record<EventKey, Check>>;

/** What a challenge state waiting for Cognito does with every result. */
const awaitingResult = {
  ...restartable,
  AUTH_RESULT: to('challenge', ['establishSession']),
  'AUTH_RESULT+device': bindsLateDevice('challenge'),
  'AUTH_RESULT+select': showsSelection,
  'AUTH_RESULT+passkey': showsPasskey,
  STEP_FAILED: to('signedOut'),
  'STEP_FAILED+device': forgetsLateDevice,
  'STEP_FAILED+cancelled': keepsChallengeAfterCancel,
  SESSION_ESTABLISHED: linksAlias('signedIn'),
} satisfies Partial<Record<EventKey, Check>>;

const TABLE: Partial<Record<StateKey, Partial<Record<EventKey, Check>>>> = {
  initializing: {
    START: to('initializing', ['restoreSession']),
    RESTORED: ([next]) => expect(next.state).toEqual({ status: 'signedIn', user }),
    'RESTORED+pending': ([next, fx]) => {
      // Back from a reload: the e-mailed code is asked for again, under the same Cognito session.
      expect(next.state).toEqual({
        status: 'challenge',
        username: 'alice@example.com',
        challenge: emailOtp,
        submitting: false,
      });
      expect(next.flow).toBe(userAuthFlow);
      expect(fx).toEqual([]);
    },
  },
  signedOut: {
    SESSION_UPDATED: ([next]) =>
      expect(next.state).toMatchObject({ status: 'signedIn', user: { expiresAt: 2_000_000 } }),
    SIGN_IN: ([next, fx]) => {
      expect(next.state).toEqual({ status: 'signingIn', username: 'bob' });
      expect(next.flow?.attempt).toBe(2);
      expect(fx).toEqual([
        {
          type: 'initiateAuth',
          attempt: 2,
          authFlow: 'USER_SRP_AUTH',
          username: 'bob',
          deviceKey: undefined,
          clientMetadata: undefined,
        },
      ]);
    },
    'SIGN_IN+device': startsWithDevice,
    'SIGN_IN+userAuth': startsUserAuth,
  },
  signingIn: {
    AUTH_RESULT: to('signingIn', ['establishSession']),
    'AUTH_RESULT+select': showsSelection,
    'AUTH_RESULT+passkey': showsPasskey,
    'AUTH_RESULT+verifier': ([next, fx]) => {
      expect(next.state.status).toBe('signingIn');
      expect(fx).toMatchObject([{ type: 'answerPasswordVerifier' }]);
    },
    // Not an answer step: the sign-in ends.
    'STEP_FAILED+cancelled': to('signedOut'),
    'AUTH_RESULT+device': bindsLateDevice('signingIn'),
    'STEP_FAILED+device': forgetsLateDevice,
    STEP_FAILED: ([next]) => {
      expect(next.state.status).toBe('signedOut');
      expect(next.state.status === 'signedOut' && next.state.error?.code).toBe(
        'NotAuthorizedException',
      );
      expect(next.flow).toBeNull();
    },
    SESSION_ESTABLISHED: linksAlias('signedIn'),
    SIGN_OUT: to('signedOut'),
  },
  challengeIdle: {
    SIGN_IN: to('signingIn', ['initiateAuth']),
    'SIGN_IN+device': startsWithDevice,
    'SIGN_IN+userAuth': startsUserAuth,
    ANSWER: ([next, fx]) => {
      expect(next.state).toMatchObject({ status: 'challenge', submitting: true });
      expect(fx).toEqual([
        {
          type: 'respond',
          attempt: 1,
          challengeName: 'SMS_MFA',
          responses: { USERNAME: 'internal-1', SMS_MFA_CODE: '123456' },
          session: flow.session,
          clientMetadata: undefined,
        },
      ]);
    },
    SIGN_OUT: to('signedOut'),
  },
  challengeSubmitting: {
    ...awaitingResult,
    // A verifier is only expected after a password was chosen.
    'AUTH_RESULT+verifier': failsWithProtocolError,
  },
  selectIdle: {
    ...restartable,
    'ANSWER+factor': ([next, fx]) => {
      expect(next.state).toMatchObject({ status: 'challenge', submitting: true });
      expect(fx).toEqual([
        {
          type: 'respond',
          attempt: 1,
          challengeName: 'SELECT_CHALLENGE',
          responses: { USERNAME: 'internal-1', ANSWER: 'EMAIL_OTP' },
          session: flow.session,
          clientMetadata: undefined,
        },
      ]);
    },
    'ANSWER+password': ([next, fx]) => {
      expect(next.state).toMatchObject({ status: 'challenge', submitting: true });
      // The password is not in the effect: the runner holds it.
      expect(fx).toEqual([
        {
          type: 'answerWithPassword',
          attempt: 1,
          username: 'internal-1',
          srp: true,
          deviceKey: undefined,
          session: flow.session,
          clientMetadata: undefined,
        },
      ]);
    },
  },
  selectSubmitting: {
    ...awaitingResult,
    'AUTH_RESULT+verifier': answersVerifier,
  },
  passkeyIdle: {
    ...restartable,
    'ANSWER+passkey': ([next, fx]) => {
      expect(next.state).toMatchObject({ status: 'challenge', submitting: true });
      expect(fx).toEqual([{ type: 'getPasskeyAssertion', attempt: 1, requestOptions }]);
    },
  },
  passkeySubmitting: {
    ...awaitingResult,
    'AUTH_RESULT+verifier': failsWithProtocolError,
    PASSKEY_ASSERTED: ([next, fx]) => {
      expect(next.state).toMatchObject({ status: 'challenge', submitting: true });
      expect(fx).toEqual([
        {
          type: 'respond',
          attempt: 1,
          challengeName: 'WEB_AUTHN',
          responses: { USERNAME: 'internal-1', CREDENTIAL: JSON.stringify(assertion) },
          session: flow.session,
          clientMetadata: undefined,
        },
      ]);
    },
  },
  rememberDevice: {
    REMEMBER_DEVICE: ([next, fx]) => {
      expect(next.state.status).toBe('signedIn');
      // Stored under the internal name of the signed-in user, not the typed alias.
      expect(fx).toEqual([
        {
          type: 'confirmDevice',
          deviceOwner: 'internal-1',
          device: { deviceKey: 'eu-west-1_dev', deviceGroupKey: 'grp' },
        },
      ]);
    },
    SIGN_OUT: to('signingOut', ['signOut']),
    SESSION_UPDATED: ([next]) =>
      expect(next.state).toMatchObject({
        status: 'rememberDevice',
        user: { expiresAt: 2_000_000 },
      }),
    SESSION_ENDED: ([next]) =>
      expect(next.state).toEqual({
        status: 'signedOut',
        reason: 'refreshRejected',
        error: undefined,
      }),
  },
  signedIn: {
    SIGN_OUT: ([next, fx]) => {
      expect(next.state).toEqual({ status: 'signingOut', global: false });
      expect(fx).toEqual([{ type: 'signOut', global: false }]);
    },
    SESSION_UPDATED: ([next]) =>
      expect(next.state).toMatchObject({ status: 'signedIn', user: { expiresAt: 2_000_000 } }),
    SESSION_ENDED: to('signedOut'),
  },
  signingOut: {
    SIGNED_OUT: ([next]) =>
      expect(next.state).toEqual({ status: 'signedOut', reason: 'signedOut', error: undefined }),
  },
};

describe('transition table: every state × every event', () => {
  const states = Object.keys(STATES) as StateKey[];
  const events = Object.keys(EVENTS) as EventKey[];
  for (const key of states) {
    for (const type of events) {
      const check = TABLE[key]?.[type];
      it(`${key} + ${type} → ${check ? 'acts' : 'unchanged'}`, () => {
        const machine = STATES[key];
        const result = transition(machine, EVENTS[type]);
        if (check) {
          // Something must happen: a new state, an effect, or both.
          expect(result[0] !== machine || result[1].length > 0).toBe(true);
          check(result);
        } else {
          expect(result[0]).toBe(machine);
          expect(result[1]).toEqual([]);
        }
      });
    }
  }

  it('results of another sign-in attempt are ignored in every state', () => {
    const stale: AuthEvent[] = [
      { ...EVENTS.AUTH_RESULT, attempt: 0 } as AuthEvent,
      { ...EVENTS.STEP_FAILED, attempt: 0 } as AuthEvent,
      { ...EVENTS['AUTH_RESULT+device'], attempt: 0 } as AuthEvent,
      { ...EVENTS['STEP_FAILED+device'], attempt: 0 } as AuthEvent,
      { ...EVENTS.SESSION_ESTABLISHED, attempt: 0 } as AuthEvent,
      { ...EVENTS.TOTP_ASSOCIATED, attempt: 0 } as AuthEvent,
      { ...EVENTS.TOTP_VERIFIED, attempt: 0 } as AuthEvent,
      { ...EVENTS.PASSKEY_ASSERTED, attempt: 0 } as AuthEvent,
      { ...EVENTS['AUTH_RESULT+select'], attempt: 0 } as AuthEvent,
      { ...EVENTS['STEP_FAILED+cancelled'], attempt: 0 } as AuthEvent,
    ];
    for (const machine of Object.values(STATES)) {
      for (const event of stale) {
        const [next, fx] = transition(machine, event);
        expect(next).toBe(machine);
        expect(fx).toEqual([]);
      }
    }
  });
});
