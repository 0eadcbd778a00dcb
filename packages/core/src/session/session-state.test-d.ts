// Type tests of the session machine's state (low-level tier): a union on `status`, where the
// states that wait name their operation and only the states that hold a session expose one.
import { describe, expectTypeOf, it } from 'vitest';
import {
  sessionOf,
  sessionTransition,
  type Session,
  type SessionEffect,
  type SessionMachine,
  type SessionState,
} from '../low-level.js';
// @ts-expect-error The session machine is low-level: the main entry does not export it.
import { sessionTransition as fromMain } from '../index.js';

declare const state: SessionState;
declare const machine: SessionMachine;

describe('SessionState', () => {
  it('narrows on status', () => {
    expectTypeOf<SessionState['status']>().toEqualTypeOf<
      'signedOut' | 'restoring' | 'active' | 'refreshing' | 'waitingForOtherTab'
    >();
    if (state.status === 'active') expectTypeOf(state.session).toEqualTypeOf<Session>();
    if (state.status === 'refreshing' || state.status === 'waitingForOtherTab') {
      expectTypeOf(state.op).toEqualTypeOf<number>();
      expectTypeOf(state.session).toEqualTypeOf<Session | null>();
    }
    if (state.status === 'signedOut') expectTypeOf(state).not.toHaveProperty('session');
    if (state.status === 'restoring') expectTypeOf(state).not.toHaveProperty('session');
  });

  it('is what sessionOf reads and what the transition returns', () => {
    expectTypeOf(sessionOf(state)).toEqualTypeOf<Session | null>();
    const [next, effects] = sessionTransition(machine, { type: 'CLEAR' });
    expectTypeOf(next).toEqualTypeOf<SessionMachine>();
    expectTypeOf(effects).toEqualTypeOf<readonly SessionEffect[]>();
    void fromMain;
  });
});
