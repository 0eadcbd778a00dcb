import type { CognitoError } from '../errors/cognito-error.js';
import type { Challenge, ChallengeAnswer } from '../machine/challenge.js';
import type { SignInInput } from '../machine/runner-types.js';
import type { AuthState } from '../machine/state.js';
import type { IdTokenClaims } from '../session/tokens.js';
import type { CognitoAuth } from './create-auth.js';

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
 * A flat view of an auth state for UI code, plus the sign-in actions: what every framework
 * adapter shows. A union on `status`, so checking `view.status` narrows `view.state` too.
 */
export type AuthView = {
  [K in AuthState['status']]: AuthViewOf<Extract<AuthState, { status: K }>>;
}[AuthState['status']];

// One actions object per auth and one view per snapshot, so views are referentially stable
// between changes (memoised children and effect dependencies in UI code do not churn).
const cache = new WeakMap<
  CognitoAuth,
  { actions: AuthActions; views: WeakMap<AuthState, AuthView> }
>();

function actionsOf(auth: CognitoAuth): AuthActions {
  return {
    signIn: (input) => auth.signIn(input),
    answerChallenge: (answer) => auth.answerChallenge(answer),
    rememberDevice: (remember) => auth.rememberDevice(remember),
    signOut: (options) => auth.signOut(options),
    getAccessToken: (options) => auth.getAccessToken(options),
    prepareSignIn: () => auth.prepareSignIn(),
  };
}

/**
 * The {@link AuthView} of `state` (default: the current snapshot), cached per auth object and
 * snapshot: the same snapshot always gives the same view object.
 *
 * @example
 * auth.subscribe((state) => render(toAuthView(auth, state)));
 */
export function toAuthView(auth: CognitoAuth, state: AuthState = auth.getSnapshot()): AuthView {
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
      // The session verified these claims; the snapshot types them loosely as a record.
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
