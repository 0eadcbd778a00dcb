import type { LockManagerLike } from '../src/session/cross-tab.js';

/**
 * A minimal in-process Web Locks of one origin (exclusive, FIFO, `ifAvailable`), standing in for
 * `navigator.locks` shared by several "tabs". `held` lists the names currently held.
 */
export function createTestLocks(): LockManagerLike & { held: string[] } {
  const tails = new Map<string, Promise<unknown>>();
  const held: string[] = [];
  /** Requests per name that are granted or queued: `ifAvailable` fails while there are any. */
  const claims = new Map<string, number>();
  return {
    held,
    request<T>(
      name: string,
      options: { ifAvailable?: boolean },
      callback: (lock: object | null) => Promise<T>,
    ): Promise<T> {
      const claimed = claims.get(name) ?? 0;
      if (options.ifAvailable && claimed > 0) return callback(null);
      // Counted at once, as the browser orders requests, so an `ifAvailable` right after fails.
      claims.set(name, claimed + 1);
      const previous = tails.get(name) ?? Promise.resolve();
      const queued = previous.then(async () => {
        held.push(name);
        try {
          return await callback({ name });
        } finally {
          held.splice(held.indexOf(name), 1);
          claims.set(name, (claims.get(name) ?? 1) - 1);
        }
      });
      tails.set(
        name,
        queued.catch(() => undefined),
      );
      return queued;
    },
  };
}
