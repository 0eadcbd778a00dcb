import type { CognitoError } from '../errors/index.js';
import type { Challenge, FirstFactor } from './challenge.js';

/** Why the user is signed out, when the machine knows. */
export type SignedOutReason =
  /** The user (or the app) signed out. */
  | 'signedOut'
  /** The stored session ran out and could not be refreshed. */
  | 'sessionExpired'
  /** Cognito refused the refresh token (revoked, global sign-out, user disabled…). */
  | 'refreshRejected'
  /** Another tab or window signed out. */
  | 'signedOutElsewhere';

/** How a new device is handled after sign-in when the pool tracks devices. */
export type RememberDevicePolicy = 'always' | 'ask' | 'never';

/**
 * The sign-in flow of InitiateAuth this library drives. `CUSTOM_AUTH` runs the pool's
 * challenge Lambdas: with a password it opens with SRP (`CHALLENGE_NAME: SRP_A`), so the
 * DefineAuthChallenge trigger may ask for PASSWORD_VERIFIER first; without one it is passwordless.
 * `USER_AUTH` is choice-based sign-in: the user picks a first factor (passkey, e-mail or SMS
 * code, password) from what the pool and the user have (`SELECT_CHALLENGE`).
 */
export type SignInAuthFlow = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' | 'CUSTOM_AUTH' | 'USER_AUTH';

/**
 * The verified session as the UI sees it: who is signed in and until when. Raw tokens are not
 * here on purpose; ask `getAccessToken()` for one.
 */
export interface SignedInUser {
  /** Cognito's internal username (`cognito:username` / `username` claim). */
  readonly username: string;
  /** The user's `sub`. */
  readonly userId: string;
  /** Claims of the verified ID token (attributes such as `email`, `cognito:groups`…). */
  readonly claims: Readonly<Record<string, unknown>>;
  /** When the access token expires, epoch milliseconds. */
  readonly expiresAt: number;
  /** The remembered device this session is bound to, if any. */
  readonly deviceKey?: string | undefined;
}

/** A device Cognito started tracking on this sign-in (`NewDeviceMetadata`). */
export interface NewDevice {
  readonly deviceKey: string;
  readonly deviceGroupKey: string;
}

/**
 * A remembered device presented in a sign-in: its key, and the owner its secrets are stored
 * under in the device store — the internal username, or the typed name for records kept by
 * older versions.
 */
export interface PresentedDevice {
  readonly deviceKey: string;
  readonly owner: string;
}

/**
 * Everything the UI can be looking at. A discriminated union on `status`: switch on it
 * exhaustively.
 */
export type AuthState =
  | { readonly status: 'initializing' }
  | {
      readonly status: 'signedOut';
      readonly reason?: SignedOutReason | undefined;
      /** Why the last sign-in failed (wrong password, UserNotConfirmedException…). */
      readonly error?: CognitoError | undefined;
    }
  | { readonly status: 'signingIn'; readonly username: string }
  | {
      readonly status: 'challenge';
      /** What the user typed to sign in. */
      readonly username: string;
      readonly challenge: Challenge;
      /** An answer is on its way; the form should be disabled. */
      readonly submitting: boolean;
      /** Why the last answer was refused (wrong code…); cleared on the next answer. */
      readonly error?: CognitoError | undefined;
    }
  | {
      /** Signed in, and the pool offered to remember this device: the app asks the user. */
      readonly status: 'rememberDevice';
      readonly user: SignedInUser;
    }
  | { readonly status: 'signedIn'; readonly user: SignedInUser }
  | { readonly status: 'signingOut'; readonly global: boolean };

/** One of the `status` values of {@link AuthState}. */
export type AuthStatus = AuthState['status'];

/**
 * Protocol bookkeeping of the sign-in in progress. Kept out of {@link AuthState} so snapshots
 * never carry Cognito's `Session` or internal names the UI has no use for. Secrets (password,
 * SRP values, device password) are not here either: the runner holds them per attempt.
 */
export interface SignInFlow {
  /** Distinguishes this sign-in from abandoned ones, whose late answers must be ignored. */
  readonly attempt: number;
  readonly authFlow: SignInAuthFlow;
  /** What the user typed: InitiateAuth's USERNAME, and the first device-store lookup. */
  readonly typedUsername: string;
  /** Internal username for challenge answers (`ChallengeParameters.USERNAME`). */
  readonly username: string;
  /** The latest Cognito `Session`; every answer sends the newest one. */
  readonly session?: string | undefined;
  /**
   * Remembered device presented in this sign-in: found at SIGN_IN (typed name or its alias
   * pointer), or at PASSWORD_VERIFIER under `USER_ID_FOR_SRP`.
   */
  readonly device?: PresentedDevice | undefined;
  /** Whether we already forgot an unknown device and started again (only once). */
  readonly deviceRetried: boolean;
  readonly clientMetadata?: Readonly<Record<string, string>> | undefined;
  readonly rememberDevice: RememberDevicePolicy;
  /** Issuer label of the TOTP QR code. */
  readonly totpIssuer: string;
  /** Set when the tokens carried `NewDeviceMetadata`. */
  readonly newDevice?: NewDevice | undefined;
  /** USER_AUTH: the first factor asked for at InitiateAuth (kept for a restart without a device). */
  readonly preferredChallenge?: FirstFactor | undefined;
  /**
   * USER_AUTH: how a password chosen at SELECT_CHALLENGE is answered — SRP whenever Cognito
   * offers `PASSWORD_SRP`.
   */
  readonly passwordChallenge?: 'PASSWORD' | 'PASSWORD_SRP' | undefined;
}

/**
 * A sign-in waiting for the user's answer, as kept across a page reload (session storage):
 * Cognito's `Session` and the challenge, never a password or SRP secret.
 */
export interface PendingSignIn {
  readonly flow: SignInFlow;
  /** What the user typed. */
  readonly username: string;
  readonly challenge: Challenge;
}

/** The whole machine: what the UI sees plus the flow bookkeeping. */
export interface MachineState {
  readonly state: AuthState;
  readonly flow: SignInFlow | null;
}

/** The auth state before `start()` (also what servers render). */
export const INITIAL_AUTH_STATE: AuthState = Object.freeze({ status: 'initializing' as const });

/** The machine before `start()`. */
export const INITIAL_MACHINE_STATE: MachineState = Object.freeze({
  state: INITIAL_AUTH_STATE,
  flow: null,
});
