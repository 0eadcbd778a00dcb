import type { StoredSession } from './token-store.js';

/**
 * What tabs tell each other. `session`: new tokens (after a refresh or a sign-in);
 * `signedOut`: the session ended; `reload`: storage changed, read it again (storage-event mode).
 */
export type CrossTabMessage =
  { type: 'session'; session: StoredSession } | { type: 'signedOut' } | { type: 'reload' };

/**
 * The part of the Web Locks API used here (`navigator.locks`): `request` with options, where
 * `ifAvailable: true` calls back with `null` at once instead of waiting when the lock is held.
 */
export interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable?: boolean },
    callback: (lock: object | null) => Promise<T>,
  ): Promise<T>;
}

/** What {@link CrossTab.withLock} tells its task. */
export interface LockGrant {
  /**
   * Another tab held the lock when this one asked: it has probably just done the same work, and
   * its news (broadcast, storage write) may reach this tab after the lock does.
   */
  waited: boolean;
}

/** The part of `BroadcastChannel` used here. */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

export interface CrossTabOptions {
  /** Distinguishes apps/clients on one origin; use the app client id. */
  name: string;
  /** Called with messages from other tabs. */
  onMessage(message: CrossTabMessage): void;
  /** The storage key to watch in `storage`-event mode (only for localStorage). */
  storageKey?: string | undefined;
  /** Overrides feature detection: `null` disables Web Locks. */
  locks?: LockManagerLike | null;
  /**
   * Overrides feature detection: `null` disables BroadcastChannel. Detection only looks in
   * pages and workers; pass `BroadcastChannel` to coordinate Node processes' threads.
   */
  broadcastChannel?: (new (name: string) => BroadcastChannelLike) | null;
}

/** How this tab coordinates with others, from what the environment offers. */
export type CrossTabMode = 'broadcast' | 'storage-events' | 'single-tab';

/** Cross-tab coordination of one session. */
export interface CrossTab {
  readonly mode: CrossTabMode;
  /** Whether `withLock` really excludes other tabs (Web Locks present). */
  readonly locking: boolean;
  /** Runs `task` while holding the tab-exclusive refresh lock (or at once without Web Locks). */
  withLock<T>(task: (grant: LockGrant) => Promise<T>): Promise<T>;
  /** Tells the other tabs. A no-op in single-tab and storage-event modes. */
  post(message: CrossTabMessage): void;
  close(): void;
}

function detectLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return typeof nav?.locks?.request === 'function' ? nav.locks : null;
}

/** A page or a worker; not Node (SSR), where "other tabs" do not exist. */
function isBrowserLike(): boolean {
  return typeof window !== 'undefined' || 'WorkerGlobalScope' in globalThis;
}

function detectBroadcastChannel(): (new (name: string) => BroadcastChannelLike) | null {
  // Node has BroadcastChannel too, but a server rendering many requests must not open one
  // channel per request: there, coordination is opt-in by passing the constructor.
  if (!isBrowserLike()) return null;
  const ctor = (globalThis as { BroadcastChannel?: new (name: string) => BroadcastChannelLike })
    .BroadcastChannel;
  return typeof ctor === 'function' ? ctor : null;
}

function isMessage(value: unknown): value is CrossTabMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as { type?: unknown; session?: unknown };
  if (m.type === 'signedOut' || m.type === 'reload') return true;
  return m.type === 'session' && typeof m.session === 'object' && m.session !== null;
}

/**
 * Sets up coordination with other tabs of the same origin where the browser allows it:
 * Web Locks so only one tab refreshes at a time, BroadcastChannel (or `storage` events as a
 * fallback) so the others receive new tokens and sign-outs. Absent APIs (SSR, old browsers,
 * workers without them) degrade to single-tab mode. Nothing is touched at module load.
 *
 * @example
 * const tabs = createCrossTab({ name: clientId, onMessage: (m) => apply(m) });
 * await tabs.withLock(({ waited }) => refreshTokens(waited));
 * tabs.post({ type: 'signedOut' });
 */
export function createCrossTab(options: CrossTabOptions): CrossTab {
  const locks = options.locks === undefined ? detectLocks() : options.locks;
  const Channel =
    options.broadcastChannel === undefined ? detectBroadcastChannel() : options.broadcastChannel;
  const lockName = `cognito-kit.${options.name}.refresh`;

  let channel: BroadcastChannelLike | null = null;
  let removeStorageListener: (() => void) | null = null;

  if (Channel !== null) {
    channel = new Channel(`cognito-kit.${options.name}`);
    // In Node (SSR, scripts) an open channel would keep the process alive.
    (channel as { unref?: () => void }).unref?.();
    channel.onmessage = (event) => {
      if (isMessage(event.data)) options.onMessage(event.data);
    };
  } else if (options.storageKey !== undefined && typeof window !== 'undefined') {
    // Other tabs writing localStorage fire `storage` here (never in the writing tab).
    const key = options.storageKey;
    const listener = (event: StorageEvent) => {
      if (event.key === key || event.key === null) options.onMessage({ type: 'reload' });
    };
    window.addEventListener('storage', listener);
    removeStorageListener = () => window.removeEventListener('storage', listener);
  }

  const mode: CrossTabMode =
    channel !== null
      ? 'broadcast'
      : removeStorageListener !== null
        ? 'storage-events'
        : 'single-tab';

  return {
    mode,
    locking: locks !== null,
    async withLock<T>(task: (grant: LockGrant) => Promise<T>): Promise<T> {
      if (locks === null) return task({ waited: false });
      // Ask without queueing first, to learn whether another tab is holding the lock.
      const missed = Symbol('held elsewhere');
      const immediate = await locks.request<T | typeof missed>(
        lockName,
        { ifAvailable: true },
        (lock) => (lock === null ? Promise.resolve(missed) : task({ waited: false })),
      );
      if (immediate !== missed) return immediate;
      return locks.request(lockName, {}, () => task({ waited: true }));
    },
    post(message) {
      try {
        channel?.postMessage(message);
      } catch {
        // A closed channel (tab unloading) must not break the caller's refresh or sign-out.
      }
    },
    close() {
      channel?.close();
      channel = null;
      removeStorageListener?.();
      removeStorageListener = null;
    },
  };
}
