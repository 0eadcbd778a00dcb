import { isCognitoError } from '../errors/index.js';
import { refreshDueAt } from './tokens.js';

/** The clock and timers the scheduler uses; inject fakes in tests. */
export interface SchedulerTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the scheduler needs of a session manager. */
export interface SchedulableSession {
  current(): {
    accessClaims: { iat: number; exp: number };
    /** Server minus local time, ms (see `Session.clockOffset`). */
    clockOffset?: number;
  } | null;
  refresh(): Promise<unknown>;
  onChange(listener: (session: unknown) => void): () => void;
}

/** Options of {@link createRefreshScheduler}. */
export interface RefreshSchedulerOptions {
  timers?: SchedulerTimers;
  /** Refresh this long before the access token expires (ms, default 60 000). */
  margin?: number;
  /** Up to this much extra lead (ms, default 5 000), so tabs do not all refresh at once. */
  jitter?: number;
  /** Longest a single timer runs before the clock is looked at again (ms, default 15 000). */
  recheckInterval?: number;
  /** First retry delay after a failed refresh (ms, default 1 000); doubles per failure. */
  backoffInitial?: number;
  /** Cap of the retry delay (ms, default 60 000). */
  backoffMax?: number;
  /** Random source in [0, 1) for the jitter. */
  random?: () => number;
  /** Told about each failed scheduled refresh (the scheduler itself keeps going). */
  onError?: (error: unknown) => void;
}

/** Options of {@link RefreshScheduler.check}. */
export interface SchedulerCheckOptions {
  /**
   * Forget a running retry backoff, so a refresh that is due (or failed before) runs now.
   * Pass it on `online`: the failures were the network's, and it is back.
   */
  resetBackoff?: boolean;
}

/** A running refresh scheduler. */
export interface RefreshScheduler {
  /**
   * Looks at the clock now: call on `visibilitychange`, `online` (with `resetBackoff`), `focus`.
   */
  check(options?: SchedulerCheckOptions): void;
  /** Stops all timers and listeners; the scheduler cannot be restarted. */
  dispose(): void;
}

/** The platform's timers, with `now` from the given clock (default `Date.now`). */
export const systemTimers = (clock: { now(): number } = Date): SchedulerTimers => ({
  now: () => clock.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
});

/**
 * Keeps a session's tokens fresh: refreshes `margin` (+ jitter) before the access token
 * expires. Timers are never trusted to fire on time (background tabs throttle them, a laptop
 * sleep suspends them), so no timer runs longer than `recheckInterval` and every wake-up
 * compares the clock with the due time. A failed refresh is retried with exponential backoff
 * (a NetworkError or throttling must not end the session); the scheduler idles while there
 * is no session and resumes when one appears.
 *
 * @example
 * const scheduler = createRefreshScheduler(manager);
 * document.addEventListener('visibilitychange', () => scheduler.check());
 * window.addEventListener('online', () => scheduler.check({ resetBackoff: true }));
 */
export function createRefreshScheduler(
  session: SchedulableSession,
  options: RefreshSchedulerOptions = {},
): RefreshScheduler {
  const timers = options.timers ?? systemTimers();
  const margin = options.margin ?? 60_000;
  const jitter = options.jitter ?? 5_000;
  const recheck = options.recheckInterval ?? 15_000;
  const backoffInitial = options.backoffInitial ?? 1_000;
  const backoffMax = options.backoffMax ?? 60_000;
  const random = options.random ?? Math.random;

  let handle: unknown = null;
  let disposed = false;
  let running = false;
  let failures = 0;
  let retryAt = 0;
  // The jitter is drawn once per token, so re-checks do not move the target around.
  let jitterFor: { exp: number; fraction: number } | null = null;

  const clear = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };

  const dueAt = (claims: { iat: number; exp: number }) => {
    if (jitterFor?.exp !== claims.exp) jitterFor = { exp: claims.exp, fraction: random() };
    const lifetime = (claims.exp - claims.iat) * 1000;
    // The jitter's range shrinks for short-lived tokens (at most a quarter of their life), and
    // the draw is scaled rather than clipped: clipping would give most tabs the same lead and
    // send them to refresh in the same instant.
    const lead = jitterFor.fraction * Math.min(jitter, lifetime / 4);
    return refreshDueAt(claims, margin) - lead;
  };

  const run = async () => {
    running = true;
    try {
      await session.refresh();
      failures = 0;
      retryAt = 0;
    } catch (error) {
      failures += 1;
      const delay = Math.min(backoffMax, backoffInitial * 2 ** (failures - 1));
      retryAt = timers.now() + (session.current()?.clockOffset ?? 0) + delay;
      // An auth error has already ended the session (onChange(null)); nothing to report twice.
      if (!isCognitoError(error, 'NotSignedIn')) options.onError?.(error);
    } finally {
      running = false;
    }
    evaluate();
  };

  function evaluate(): void {
    clear();
    if (disposed || running) return;
    const current = session.current();
    if (current === null) {
      failures = 0;
      retryAt = 0;
      return; // idle until onChange brings a session
    }
    // Token times are server times: compare them with the server's idea of now.
    const now = timers.now() + (current.clockOffset ?? 0);
    const target = Math.max(dueAt(current.accessClaims), retryAt);
    if (now >= target) {
      void run();
      return;
    }
    handle = timers.setTimeout(evaluate, Math.min(target - now, recheck));
  }

  const unsubscribe = session.onChange(() => {
    // New tokens (here or from another tab) or a sign-out: earlier failures no longer apply.
    if (!running) {
      failures = 0;
      retryAt = 0;
    }
    evaluate();
  });
  evaluate();

  return {
    check(checkOptions = {}) {
      // A refresh in flight settles the backoff itself; the next failure starts it afresh.
      if (checkOptions.resetBackoff && !running) {
        failures = 0;
        retryAt = 0;
      }
      evaluate();
    },
    dispose() {
      disposed = true;
      clear();
      unsubscribe();
    },
  };
}
