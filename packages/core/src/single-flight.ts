/**
 * Shares one running task among all callers: while it runs, `run` returns the same promise;
 * once it settles, the next `run` starts a new one.
 */
export interface SingleFlight<T> {
  run(start: () => Promise<T>): Promise<T>;
  /** The running task, if any. */
  readonly pending: Promise<T> | null;
}

/**
 * Creates a {@link SingleFlight}.
 *
 * @example
 * const refreshes = createSingleFlight<Session>();
 * const session = await refreshes.run(() => sendRefresh()); // 100 callers → 1 request
 */
export function createSingleFlight<T>(): SingleFlight<T> {
  let pending: Promise<T> | null = null;
  return {
    run(start) {
      if (pending !== null) return pending;
      const task = start();
      pending = task;
      const settle = () => {
        if (pending === task) pending = null;
      };
      task.then(settle, settle);
      return task;
    },
    get pending() {
      return pending;
    },
  };
}
