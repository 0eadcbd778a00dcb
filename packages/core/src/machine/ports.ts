import type { CognitoClient } from '../cognito/index.js';
import type { DeviceSecretStore } from '../session/device-store.js';
import type { Session, SessionManager } from '../session/session-types.js';
import type { RandomBytes } from '../srp/index.js';
import type { PasskeyAuthenticator } from '../webauthn/types.js';
import type { NewDevice, PendingSignIn } from './state.js';

/** Where a sign-in waiting for an answer is kept across reloads (session storage by default). */
export interface PendingSignInStore {
  load(): Promise<(PendingSignIn & { readonly expiresAt: number }) | null>;
  save(pending: PendingSignIn & { readonly expiresAt: number }): Promise<void>;
  clear(): Promise<void>;
}

/** The wire-client methods the runner calls. */
export type RunnerClient = Pick<
  CognitoClient,
  | 'secretHash'
  | 'initiateAuth'
  | 'respondToAuthChallenge'
  | 'associateSoftwareToken'
  | 'verifySoftwareToken'
>;

/** The session-manager methods the runner calls. */
export type RunnerSession = Pick<
  SessionManager,
  'restore' | 'establish' | 'current' | 'clear' | 'onChange'
>;

/**
 * What the runner needs from the rest of the library. The facade wires the real modules in;
 * each member is the narrowest slice of them, so the runner stays readable on its own.
 */
export interface AuthRunnerPorts {
  client: RunnerClient;
  session: RunnerSession;
  /** Remembered devices' secrets, a store of their own (not the session's). */
  devices: Pick<DeviceSecretStore, 'get' | 'find' | 'forget' | 'linkOwner'>;
  /** The pool id: poolName for the SRP claim. */
  userPoolId: string;
  /**
   * Remembers a device Cognito started tracking: generate its verifier, ConfirmDevice (and
   * mark it remembered), store its secrets under `deviceOwner` (the internal username). Runs
   * after the session is established.
   */
  confirmDevice(input: { deviceOwner: string; device: NewDevice; session: Session }): Promise<void>;
  /**
   * Tells Cognito the session ends: GlobalSignOut when `global`, RevokeToken when the tokens
   * can be revoked. May fail; local state is cleared regardless.
   */
  revokeSession(input: { global: boolean; session: Session }): Promise<void>;
  /**
   * Loads what signs WEB_AUTHN challenges (the browser module by default, a software
   * authenticator in tests). Called when the first passkey answer is needed.
   */
  passkeys?: (() => Promise<PasskeyAuthenticator>) | undefined;
  /** Keeps a pending challenge across a page reload; none: a reload abandons the sign-in. */
  pending?: PendingSignInStore | undefined;
  /** Current time, epoch ms, for the pending challenge's expiry. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Randomness for SRP (tests only). */
  random?: RandomBytes | undefined;
  /**
   * Told about failures that do not change the state (device confirmation, forgetting a
   * device). Default: ignored, since sign-in succeeded either way.
   */
  onBackgroundError?: ((error: unknown) => void) | undefined;
}
