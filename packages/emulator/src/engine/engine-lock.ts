/**
 * The engine's one lock: requests take turns with the state, so a handler never sees another
 * request's half-done change, even across its `await`s.
 *
 * Holding the lock through pure, slow work — SRP's big powers, the claim's HKDF and HMAC (which
 * WebCrypto runs on its thread pool) — would queue every other request behind it and leave the
 * other core idle meanwhile. {@link EngineLock.unlocked} lets a handler step out for such work: it
 * hands over nothing but numbers, the lock serves other requests meanwhile, and the handler
 * queues again for the lock afterwards. Whatever it read from the state before stepping out may
 * have changed when it is back, so it checks that again (see `answerPasswordVerifier`).
 */

/** A first-come, first-served lock over the engine state. */
export interface EngineLock {
  /** Runs `work` holding the lock (a request). */
  run<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs pure `work` (no state access) without the lock, from inside {@link EngineLock.run}, and
   * takes the lock again before returning. Outside `run` (unit tests calling a handler
   * directly) it simply runs `work`.
   */
  unlocked<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * Creates an {@link EngineLock}.
 *
 * @example
 * const lock = createEngineLock();
 * await lock.run(async () => {
 *   const proof = await lock.unlocked(() => verifyPasswordClaim(modExp, check));
 *   // re-check the state read before, then change it
 * });
 */
export function createEngineLock(): EngineLock {
  let tail: Promise<void> = Promise.resolve();
  /** Release of the current holder; `undefined` while nobody holds the lock. */
  let release: (() => void) | undefined;

  async function acquire(): Promise<void> {
    const previous = tail;
    let open!: () => void;
    tail = new Promise<void>((resolve) => (open = resolve));
    await previous;
    release = open;
  }

  function leave(): void {
    const open = release;
    release = undefined;
    open?.();
  }

  return {
    async run(work) {
      await acquire();
      try {
        return await work();
      } finally {
        leave();
      }
    },
    async unlocked(work) {
      if (release === undefined) return work();
      leave();
      try {
        return await work();
      } finally {
        await acquire();
      }
    },
  };
}
