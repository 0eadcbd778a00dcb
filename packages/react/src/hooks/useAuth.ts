'use client';
import {
  INITIAL_MACHINE_STATE,
  type AuthState,
  type Challenge,
  type ChallengeAnswer,
  type CognitoAuth,
  type CognitoError,
  type IdTokenClaims,
  type SignInInput,
} from '@cognito-kit/core';
import { useRef, useSyncExternalStore } from 'react';
import { useCognitoContext } from '../provider/context.js';

/** The sign-in actions of {@link AuthView}; each rejects with a `CognitoError`. */
export interface AuthActions {
  /** Resolves with the next resting state (challenge, signed in). */
  signIn(input: SignInInput): Promise<AuthState>;
  answerChallenge(answer: ChallengeAnswer): Promise<AuthState>;
  /** Answers the `rememberDevice` prompt. */
  rememberDevice(remember: boolean): Promise<AuthState>;
  signOut(options?: { global?: boolean }): Promise<AuthState>;
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<string>;
  /** Pre-computes the SRP ephemeral while the form is shown. */
  prepareSignIn(): void;
}

/** The {@link AuthView} of one kind of state. */
export type AuthViewOf<S extends AuthState> = AuthActions & {
  status: S['status'];
  /** The core snapshot (immutable; a new object on every change). */
  state: S;
  /** Claims of the signed-in user's verified ID token (also while asked to remember the device). */
  user: IdTokenClaims | null;
  /** The pending challenge when `status === 'challenge'`. */
  challenge: Challenge | null;
  /** Why the last sign-in step failed (wrong password, wrong code, refresh refused…). */
  error: CognitoError | null;
  /** A network step is under way (signing in or out, an answer on its way). */
  isPending: boolean;
};

/**
 * What {@link useAuth} returns without a selector: the state and the sign-in actions. A union
 * on `status`, so checking `view.status` narrows `view.state` too.
 */
export type AuthView = {
  [K in AuthState['status']]: AuthViewOf<Extract<AuthState, { status: K }>>;
}[AuthState['status']];

type Actions = AuthActions;

// One actions object per auth and one view per snapshot, so `useAuth()` is referentially
// stable between changes (memoised children and effect dependencies do not churn).
const cache = new WeakMap<CognitoAuth, { actions: Actions; views: WeakMap<AuthState, AuthView> }>();

function actionsOf(auth: CognitoAuth): Actions {
  return {
    signIn: (input) => auth.signIn(input),
    answerChallenge: (answer) => auth.answerChallenge(answer),
    rememberDevice: (remember) => auth.rememberDevice(remember),
    signOut: (options) => auth.signOut(options),
    getAccessToken: (options) => auth.getAccessToken(options),
    prepareSignIn: () => auth.prepareSignIn(),
  };
}

/** The {@link AuthView} of `state` (cached per auth object and snapshot). */
export function authViewOf(auth: CognitoAuth, state: AuthState): AuthView {
  let entry = cache.get(auth);
  if (!entry) {
    entry = { actions: actionsOf(auth), views: new WeakMap() };
    cache.set(auth, entry);
  }
  let view = entry.views.get(state);
  if (!view) {
    const signedIn = state.status === 'signedIn' || state.status === 'rememberDevice';
    view = {
      ...entry.actions,
      status: state.status,
      state,
      // The session verified these claims; core types them loosely as a record.
      user: signedIn ? (state.user.claims as IdTokenClaims) : null,
      challenge: state.status === 'challenge' ? state.challenge : null,
      error:
        (state.status === 'signedOut' || state.status === 'challenge' ? state.error : null) ?? null,
      isPending:
        state.status === 'signingIn' ||
        state.status === 'signingOut' ||
        (state.status === 'challenge' && state.submitting),
    } as AuthView; // status and state come from the same snapshot
    entry.views.set(state, view);
  }
  return view;
}

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
    const next = select(authViewOf(auth, state));
    const value = prev && isEqual(prev.value, next) ? prev.value : next;
    last.current = { state, select, value };
    return value;
  };
  return useSyncExternalStore(
    auth.subscribe,
    () => selectFrom(auth.getSnapshot()),
    () => selectFrom(INITIAL_MACHINE_STATE.state),
  );
}
