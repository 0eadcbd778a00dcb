// Type tests of the main entry (run by `vitest` typecheck): the discriminated views narrow,
// the error guard narrows the code, and the tiers stay apart.
import { describe, expectTypeOf, it } from 'vitest';
import {
  createCognitoAuth,
  isCognitoError,
  toAuthView,
  type AuthState,
  type AuthView,
  type Challenge,
  type CognitoAuth,
  type CognitoError,
  type CognitoErrorCode,
  type SessionInfo,
  type SignedInUser,
} from './index.js';
// @ts-expect-error The auth machine's transition is low-level: the main entry does not export it.
import { transition } from './index.js';
// @ts-expect-error The wire client is low-level too.
import { createCognitoClient } from './index.js';
import type { internalsOf } from './low-level.js';

declare const auth: CognitoAuth;
declare const thrown: unknown;

describe('toAuthView', () => {
  it('is a union on status: checking status narrows the state and its parts', () => {
    const view = toAuthView(auth);
    expectTypeOf(view).toEqualTypeOf<AuthView>();
    if (view.status === 'challenge') {
      expectTypeOf(view.state).toEqualTypeOf<Extract<AuthState, { status: 'challenge' }>>();
      expectTypeOf(view.state.challenge).toEqualTypeOf<Challenge>();
    }
    if (view.status === 'signedIn') {
      expectTypeOf(view.state.user).toEqualTypeOf<SignedInUser>();
    }
    if (view.status === 'signedOut') {
      expectTypeOf(view.state).not.toHaveProperty('user');
    }
    expectTypeOf(view.error).toEqualTypeOf<CognitoError | null>();
  });

  it('narrows a challenge by its Cognito name', () => {
    const state = auth.getSnapshot();
    if (state.status === 'challenge' && state.challenge.name === 'MFA_SETUP') {
      expectTypeOf(state.challenge).toEqualTypeOf<Extract<Challenge, { name: 'MFA_SETUP' }>>();
    }
  });
});

describe('isCognitoError', () => {
  it('narrows unknown to a CognitoError, and its code to the codes asked for', () => {
    if (isCognitoError(thrown)) expectTypeOf(thrown.code).toEqualTypeOf<CognitoErrorCode>();
    if (isCognitoError(thrown, 'CodeMismatchException', 'ExpiredCodeException')) {
      expectTypeOf(thrown.code).toEqualTypeOf<'CodeMismatchException' | 'ExpiredCodeException'>();
      expectTypeOf(thrown).toHaveProperty('retryable');
    }
    // @ts-expect-error Only known codes are accepted.
    isCognitoError(thrown, 'NoSuchException');
  });
});

describe('createCognitoAuth', () => {
  it('shows claims and expiry of the session, never its tokens', () => {
    expectTypeOf(auth.getSession()).toEqualTypeOf<SessionInfo | null>();
    expectTypeOf<SessionInfo>().not.toHaveProperty('tokens');
    expectTypeOf<SessionInfo>().not.toHaveProperty('refreshToken');
    expectTypeOf<CognitoAuth>().not.toHaveProperty('session');
    expectTypeOf<CognitoAuth>().not.toHaveProperty('client');
    expectTypeOf<CognitoAuth>().not.toHaveProperty('account');
  });

  it('reaches each account operation one way, through its group', () => {
    expectTypeOf(auth.devices.forget).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(auth.user.delete).returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf(auth.mfa.enableTotp).parameter(0).toEqualTypeOf<string>();
  });

  it('takes autoRefresh as a switch or as options with a page-event source', () => {
    expectTypeOf(createCognitoAuth).parameter(0).toHaveProperty('autoRefresh');
    createCognitoAuth({
      userPoolId: 'eu-west-2_Zx9Yw8',
      clientId: 'c',
      autoRefresh: { pageEvents: (notify) => (notify('wake'), () => {}) },
    });
  });

  it('keeps the internals in the low-level tier', () => {
    expectTypeOf<ReturnType<typeof internalsOf>>().toHaveProperty('session');
    void transition;
    void createCognitoClient;
  });
});
