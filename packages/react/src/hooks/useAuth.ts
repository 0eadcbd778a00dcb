'use client';
import { INITIAL_AUTH_STATE, toAuthView, type AuthState, type AuthView } from '@cognito-kit/core';
import { useRef, useSyncExternalStore } from 'react';
import { useCognitoContext } from '../provider/context.js';

export type { AuthActions, AuthView, AuthViewOf } from '@cognito-kit/core';

const identity = <T>(view: AuthView) => view as unknown as T;

/**
 * The auth state of the nearest `CognitoProvider`. With a selector the component re-renders only
 * when the selected value changes (compared with `isEqual`, default `Object.is`): a component
 * that selects `status` does not re-render when tokens are refreshed. On the server, and while
 * hydrating, the status is `initializing`.
 *
 * @example
 * const { status, signIn, error } = useAuth();
 * const email = useAuth((auth) => auth.user?.email);
 */
export function useAuth<T = AuthView>(
  selector?: (view: AuthView) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const { auth } = useCognitoContext('useAuth');
  const select = selector ?? identity<T>;
  const last = useRef<{ state: AuthState; select: unknown; value: T } | null>(null);
  const selectFrom = (state: AuthState): T => {
    const prev = last.current;
    if (prev && prev.state === state && prev.select === select) return prev.value;
    const next = select(toAuthView(auth, state));
    const value = prev && isEqual(prev.value, next) ? prev.value : next;
    last.current = { state, select, value };
    return value;
  };
  return useSyncExternalStore(
    auth.subscribe,
    () => selectFrom(auth.getSnapshot()),
    () => selectFrom(INITIAL_AUTH_STATE),
  );
}
