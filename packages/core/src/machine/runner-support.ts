import { CognitoError } from '../errors/index.js';
import type { SessionEndReason } from '../session/session-types.js';
import type { AuthState, SignedOutReason } from './state.js';

/** Whether the machine waits for nothing (the UI or the user has the next move). */
export function isResting(state: AuthState): boolean {
  return state.status === 'challenge'
    ? !state.submitting
    : state.status !== 'signingIn' &&
        state.status !== 'signingOut' &&
        state.status !== 'initializing';
}

/** Freezes plain objects and arrays deeply; class instances (errors) are left alone. */
export function freeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null && !Array.isArray(value)) return value;
  for (const inner of Object.values(value)) freeze(inner);
  return Object.freeze(value);
}

/** Maps the session manager's end reason onto the machine's. */
export function endReason(reason: SessionEndReason | undefined): {
  reason: SignedOutReason;
  error?: CognitoError;
} {
  switch (reason?.type) {
    case 'refreshRejected':
      return {
        reason: 'refreshRejected' as const,
        error: new CognitoError({
          code: reason.code,
          message: 'The session was ended by Cognito.',
        }),
      };
    case 'otherTab':
      return { reason: 'signedOutElsewhere' as const };
    case 'signedOut':
    case undefined:
      return { reason: 'signedOut' as const };
    default:
      reason satisfies never;
      return { reason: 'signedOut' as const };
  }
}
