import { describe, expect, it } from 'vitest';
import { CognitoError } from '../errors/index.js';
import type { AuthEffect, AuthEvent, AuthEventType } from './events.js';
import { flow, signIn, STATES, tokens, user, type StateKey } from './fixtures.test-helpers.js';
import { transition, type TransitionResult } from './transition.js';

const lateDevice = { deviceKey: 'eu-west-1_late', owner: 'internal-1' };

/** Event variants besides one per type: the optional members that change what happens. */
type VariantKey = 'SIGN_IN+device' | 'AUTH_RESULT+device' | 'STEP_FAILED+device';
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

const TABLE: Partial<Record<StateKey, Partial<Record<EventKey, Check>>>> = {
  initializing: {
    START: to('initializing', ['restoreSession']),
    RESTORED: ([next]) => expect(next.state).toEqual({ status: 'signedIn', user }),
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
  },
  signingIn: {
    AUTH_RESULT: to('signingIn', ['establishSession']),
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
    SIGN_IN: to('signingIn', ['initiateAuth']),
    'SIGN_IN+device': startsWithDevice,
    AUTH_RESULT: to('challenge', ['establishSession']),
    'AUTH_RESULT+device': bindsLateDevice('challenge'),
    STEP_FAILED: to('signedOut'),
    'STEP_FAILED+device': forgetsLateDevice,
    SESSION_ESTABLISHED: linksAlias('signedIn'),
    SIGN_OUT: to('signedOut'),
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
