import type { AuthenticationResultType } from '../cognito/types.js';
import type { CognitoError, CognitoErrorCode } from '../errors/index.js';
import type { LockManagerLike, BroadcastChannelLike } from './cross-tab.js';
import type { RefreshClient } from './refresh-request.js';
import type { TokenStorage } from './storage.js';
import type { AccessTokenClaims, IdTokenClaims, TokenSet } from './tokens.js';
import type { FetchLike } from './verify.js';

/** A signed-in session: verified tokens and what follows from them. Immutable. */
export interface Session {
  readonly tokens: TokenSet;
  readonly idClaims: IdTokenClaims;
  readonly accessClaims: AccessTokenClaims;
  /** The internal username (access token `username`), never an alias. */
  readonly username: string;
  /** When the first of the two tokens expires, epoch ms. */
  readonly expiresAt: number;
  /** The remembered device this session is bound to, if any. */
  readonly deviceKey?: string | undefined;
  /**
   * Server time minus local time, ms, measured from the tokens' `iat` when they arrived; 0
   * unless the local clock is off by more than the clock-skew allowance. Verification (`exp`,
   * `nbf`) and refresh timing use `Date.now() + clockOffset`, so a wrong device clock neither
   * refuses valid tokens, nor uses expired ones, nor refreshes in a loop.
   */
  readonly clockOffset?: number | undefined;
}

/** Why a session ended (second argument of `onChange(null, reason)`). */
export type SessionEndReason =
  /** `clear()` was called here (sign-out). */
  | { type: 'signedOut' }
  /** Cognito refused the refresh token (revoked, reused, user gone or must reset). */
  | { type: 'refreshRejected'; code: CognitoErrorCode }
  /** Another tab signed out or lost the session. */
  | { type: 'otherTab' };

/** Listener of {@link SessionManager.onChange}. */
export type SessionListener = (session: Session | null, reason?: SessionEndReason) => void;

/** Options of `createSessionManager`. */
export interface SessionManagerOptions {
  /** The wire client (`createCognitoClient`). */
  client: RefreshClient;
  userPoolId: string;
  /** Expected `iss`; default `https://cognito-idp.<region>.amazonaws.com/<userPoolId>` (see `cognitoIssuer`). */
  issuer?: string | undefined;
  /** Where tokens and device secrets persist (default `memoryStorage()`). */
  storage?: TokenStorage | undefined;
  /**
   * Longest wait for one storage operation, ms (default 5 000). One that does not answer in
   * time counts as a storage failure: `onStorageError` is told, `restore()` resolves null
   * (signed out) and nothing stored is deleted; a write that times out leaves the session in
   * memory.
   */
  storageTimeout?: number | undefined;
  /** Current time in epoch ms (default `Date.now`). */
  clock?: { now(): number } | undefined;
  /** Fetch for the JWKS (default global fetch). */
  fetch?: FetchLike | undefined;
  /** Allowed clock difference when checking `exp`, seconds (default 60). */
  clockSkew?: number | undefined;
  /** The app client rotates refresh tokens: refresh through GetTokensFromRefreshToken. */
  refreshTokenRotation?: boolean | undefined;
  /** `getAccessToken` refreshes this long before expiry, ms (default 60 000; at most half the lifetime). */
  refreshMargin?: number | undefined;
  /** Shortest time between JWKS refetches for an unknown `kid`, ms (default 30 000). */
  jwksCooldown?: number | undefined;
  /**
   * Told when persisting or reading fails (quota, privacy mode). The session then lives on in
   * memory; default: `console.warn` of the error's message (which never contains secrets).
   */
  onStorageError?: ((error: CognitoError) => void) | undefined;
  /**
   * Cross-tab coordination: `true` (default) detects Web Locks and BroadcastChannel, `false`
   * is single-tab, an object injects implementations (tests, polyfills).
   */
  crossTab?: CrossTabSetting | undefined;
}

/**
 * Cross-tab coordination: `true` detects Web Locks and BroadcastChannel, `false` is single-tab,
 * an object injects implementations (tests, polyfills).
 */
export type CrossTabSetting =
  | boolean
  | {
      locks?: LockManagerLike | null;
      broadcastChannel?: (new (name: string) => BroadcastChannelLike) | null;
    };

/** Owns the session of one app client: restore, establish, refresh, end. */
export interface SessionManager {
  /**
   * Loads the stored session and verifies it. Makes no Cognito request while the tokens are
   * valid (the JWKS is fetched once and cached); refreshes when the access token has expired.
   * Resolves null when there is none or it is unusable (the keys are then removed), and when
   * storage fails or does not answer within `storageTimeout` (then nothing is removed). Rejects
   * (keeping the stored session) when the keys or Cognito cannot be reached.
   */
  restore(): Promise<Session | null>;
  /** Verifies the tokens of a completed sign-in, persists them and makes them current. */
  establish(
    result: AuthenticationResultType,
    context: { username: string; deviceKey?: string | undefined },
  ): Promise<Session>;
  current(): Session | null;
  /** A fresh access token: refreshed a margin before expiry (or always with `forceRefresh`). */
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<string>;
  /** A fresh ID token, as {@link SessionManager.getAccessToken} (for APIs that expect the ID token). */
  getIdToken(options?: { forceRefresh?: boolean }): Promise<string>;
  /** Refreshes now. Concurrent callers share one request (and, with Web Locks, one per origin). */
  refresh(): Promise<Session>;
  /** Ends the session here and in other tabs; remembered devices are kept. */
  clear(): Promise<void>;
  /** Subscribes to session changes; returns the unsubscribe function. */
  onChange(listener: SessionListener): () => void;
  /** Stops listening to other tabs. */
  dispose(): void;
}
