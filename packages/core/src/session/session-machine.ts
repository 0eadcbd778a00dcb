import type { CognitoError } from '../errors/index.js';
import type { CrossTabMessage } from './cross-tab.js';
import type { RefreshedTokens } from './refresh-request.js';
import type { Session, SessionEndReason } from './session-types.js';
import type { StoredSession } from './token-store.js';

/**
 * The lifecycle of one app client's session, as the session machine sees it. Every state that
 * waits for something names the operation (`op`) it waits for: a result that arrives for an
 * operation the machine no longer waits for (signed out, or signed in anew, meanwhile) finds
 * no state to apply to and changes nothing — the role the old `generation` counter played.
 */
export type SessionState =
  /** No session: never signed in here, signed out, or ended (`reason` says why, when known). */
  | { readonly status: 'signedOut'; readonly reason?: SessionEndReason | undefined }
  /** `restore()` reads the stored record (`load`), then verifies its tokens (`verify`). */
  | { readonly status: 'restoring'; readonly op: number; readonly step: 'load' | 'verify' }
  /** A verified session. */
  | { readonly status: 'active'; readonly session: Session }
  /** A refresh of `base` runs; `session` (null while restoring) stays usable meanwhile. */
  | RefreshingState
  /**
   * A refresh holds the refresh lock (or was refused) and waits a moment for another tab's
   * news: a tab's tokens can trail its lock, as the storage write and the broadcast travel
   * apart from it.
   */
  | {
      readonly status: 'waitingForOtherTab';
      readonly op: number;
      readonly session: Session | null;
      readonly base: StoredSession;
      readonly refusal?: CognitoError | undefined;
    };

export interface RefreshingState {
  readonly status: 'refreshing';
  readonly op: number;
  /** The current session, replaced when another tab brings newer tokens meanwhile. */
  readonly session: Session | null;
  /** The record being refreshed: its refresh token is the one spent. */
  readonly base: StoredSession;
  /**
   * `lock`: waiting for the tab-exclusive refresh lock; `news`: reading shared storage for
   * another tab's tokens; `request`: asking Cognito; `verify`: checking the new tokens.
   */
  readonly step: 'lock' | 'news' | 'request' | 'verify';
  /** When the news step finds nothing, wait for another tab's news once (then look again). */
  readonly wait: boolean;
  /** Set while looking for another tab's tokens after Cognito refused this refresh. */
  readonly refusal?: CognitoError | undefined;
}

/** Settings that decide transitions; fixed for the machine's life. */
export interface SessionPolicy {
  /** Refresh this long before the access token expires, ms (at most half its lifetime). */
  readonly refreshMargin: number;
  /** Web Locks exclude other tabs: a tab granted the lock first looks for another tab's news. */
  readonly locking: boolean;
  /**
   * Tabs share the storage (localStorage): another tab's tokens are already in it, and another
   * tab's sign-out must not clear it (it may already hold this tab's next sign-in).
   */
  readonly sharedStorage: boolean;
  /** How long a tab waits for another tab's news, ms. */
  readonly newsWait: number;
}

/** The session machine's whole state. */
export interface SessionMachine {
  readonly policy: SessionPolicy;
  readonly state: SessionState;
}

/** What an operation's callers get: a session (or none) or an error. */
export type SessionOutcome = { readonly session: Session | null } | { readonly error: unknown };

/** What a verification was for. */
export type VerifyPurpose = 'restore' | 'refresh' | 'establish';

/**
 * What happens to the machine: calls (`RESTORE`, `REFRESH`, `ESTABLISH`, `CLEAR`), results of
 * effects (they name their `op`), and other tabs' messages. `now` is the local clock when the
 * runner sent the event (the machine reads no clock).
 */
export type SessionEvent =
  | { type: 'RESTORE'; op: number }
  | { type: 'LOADED'; op: number; stored: StoredSession | null; now: number }
  | { type: 'LOAD_FAILED'; op: number; error: unknown }
  | { type: 'REFRESH'; op: number }
  | { type: 'LOCKED'; op: number; waited: boolean; now: number }
  | { type: 'NEWS'; op: number; stored: StoredSession | null; now: number }
  | { type: 'NEWS_TIMEOUT'; op: number }
  | { type: 'REFRESHED'; op: number; tokens: RefreshedTokens }
  | { type: 'REFRESH_FAILED'; op: number; error: unknown; now: number }
  | { type: 'ESTABLISH'; op: number; stored: StoredSession }
  | { type: 'VERIFIED'; op: number; purpose: VerifyPurpose; session: Session }
  | { type: 'VERIFY_FAILED'; op: number; purpose: VerifyPurpose; error: unknown }
  | { type: 'CLEAR' }
  | { type: 'TAB_SESSION'; stored: StoredSession; now: number }
  | { type: 'TAB_SIGNED_OUT' }
  | { type: 'TAB_RELOAD' }
  | { type: 'RELOADED'; stored: StoredSession | null; now: number };

export type SessionEventType = SessionEvent['type'];

/**
 * What the runner does for the machine. Effects of one transition run in order; those that
 * learn something report it as an event.
 */
export type SessionEffect =
  /** Read the stored record → `LOADED` / `LOAD_FAILED`. */
  | { type: 'loadSession'; op: number }
  /** Read the stored record for another tab's tokens → `NEWS`. */
  | { type: 'loadNews'; op: number }
  /** Re-read the shared storage another tab wrote → `RELOADED`. */
  | { type: 'reload' }
  | { type: 'saveSession'; stored: StoredSession }
  | { type: 'clearSession' }
  | { type: 'broadcast'; message: CrossTabMessage }
  /** Ask for the tab-exclusive refresh lock → `LOCKED` (or `REFRESH_FAILED`). */
  | { type: 'lock'; op: number }
  /** Let go of the refresh lock of `op` (nothing when it was never granted). */
  | { type: 'release'; op: number }
  /** → `NEWS_TIMEOUT` after `ms`, unless the wait ended before. */
  | { type: 'waitForNews'; op: number; ms: number }
  /** Send the refresh request → `REFRESHED` / `REFRESH_FAILED`. */
  | { type: 'requestRefresh'; op: number; base: StoredSession & { refreshToken: string } }
  /** Verify both tokens (`fresh`: they just came from Cognito) → `VERIFIED` / `VERIFY_FAILED`. */
  | { type: 'verify'; op: number; purpose: VerifyPurpose; stored: StoredSession; fresh: boolean }
  /** Answer the callers of `op`. */
  | { type: 'settle'; op: number; outcome: SessionOutcome }
  /** The callers of `op` wait for the pending operation `into` instead (single flight). */
  | { type: 'join'; op: number; into: number };

export type SessionTransitionResult = readonly [SessionMachine, readonly SessionEffect[]];

/** The session the state holds, if any. */
export function sessionOf(state: SessionState): Session | null {
  switch (state.status) {
    case 'active':
    case 'refreshing':
    case 'waitingForOtherTab':
      return state.session;
    default:
      return null;
  }
}
