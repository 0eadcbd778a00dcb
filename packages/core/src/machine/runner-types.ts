import type { ChallengeAnswer, FirstFactor } from './challenge.js';
import type { AuthState, RememberDevicePolicy, SignInAuthFlow } from './state.js';

/** Input of {@link AuthRunner.signIn}. */
export interface SignInInput {
  /** Username or alias (e-mail, phone) as the user typed it. */
  username: string;
  /**
   * Required, except for passwordless `CUSTOM_AUTH` and choice-based `USER_AUTH` (where a
   * password asks for the `PASSWORD` factor at once, answered with SRP).
   */
  password?: string | undefined;
  /**
   * `USER_AUTH` only: the first factor to start with (`PREFERRED_CHALLENGE`) instead of the
   * SELECT_CHALLENGE step. Cognito falls back to SELECT_CHALLENGE when the user cannot use it.
   */
  preferredChallenge?: Exclude<FirstFactor, 'PASSWORD'> | undefined;
  /** Passed to the pool's Lambda triggers. */
  clientMetadata?: Record<string, string> | undefined;
}

/** Options of {@link createAuthRunner}. */
export interface AuthRunnerOptions {
  /** Default `USER_SRP_AUTH` (the password never leaves the browser). */
  authFlow?: SignInAuthFlow | undefined;
  /** A device Cognito starts tracking: remember it always, ask the user, or never. Default `never`. */
  rememberDevice?: RememberDevicePolicy | undefined;
  /** Issuer label in the TOTP QR code. Default `Cognito`. */
  totpIssuer?: string | undefined;
  /**
   * How long a challenge waiting for an answer is kept across page reloads, ms — Cognito's
   * session lifetime of the app client (`AuthSessionValidity`, 3 to 15 minutes). Default
   * 180 000 (Cognito's default of 3 minutes).
   */
  pendingSignInTtl?: number | undefined;
}

/** A listener of snapshot changes. */
export type AuthListener = (state: AuthState) => void;

/** The running auth machine: an immutable snapshot, subscribers, and the actions. */
export interface AuthRunner {
  /** The current state; frozen, replaced (never mutated) on every change. */
  getSnapshot(): AuthState;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: AuthListener): () => void;
  /**
   * Restores the stored session. Idempotent; resolves once the state is no longer
   * `initializing`. No Cognito request while the stored tokens are valid.
   */
  start(): Promise<AuthState>;
  /** Pre-computes the SRP value A (e.g. while the sign-in form is shown) so a submit starts the network at once. */
  prepareSignIn(): void;
  /**
   * Signs in. Resolves with the next resting state (`challenge`, `rememberDevice`,
   * `signedIn`); rejects with a `CognitoError` (wrong password, UserNotConfirmedException…).
   */
  signIn(input: SignInInput): Promise<AuthState>;
  /**
   * Signs a just-confirmed user in without asking again: `USER_AUTH` with ConfirmSignUp's
   * `Session` (the app client needs `ALLOW_USER_AUTH`). `createCognitoAuth` calls it for
   * `registration.confirmSignUp({ autoSignIn: true })`.
   */
  autoSignIn(input: {
    username: string;
    session: string;
    clientMetadata?: Record<string, string> | undefined;
  }): Promise<AuthState>;
  /** Answers the pending challenge; rejects with the refusal (CodeMismatchException…). */
  answerChallenge(answer: ChallengeAnswer): Promise<AuthState>;
  /** In the `rememberDevice` state: remember this device, or not. */
  rememberDevice(remember: boolean): Promise<AuthState>;
  /**
   * Signs out (abandons a sign-in in progress): RevokeToken when the tokens are revocable,
   * GlobalSignOut when `global`. The local session is cleared even when Cognito cannot be reached.
   */
  signOut(options?: { global?: boolean }): Promise<AuthState>;
  /**
   * Resolves once no effect is in flight (background work such as confirming a remembered
   * device included). For tests and server-side rendering.
   */
  idle(): Promise<void>;
  /** Stops listening to the session and rejects pending calls. */
  dispose(): void;
}
