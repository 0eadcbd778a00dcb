/**
 * One small subscription primitive for the auth runner and the session manager: a set of
 * listeners, `subscribe` returning the unsubscribe function, and one policy for listeners that
 * throw. Like EventTarget, a faulty listener is reported and neither stops the others nor
 * interrupts the object halfway through a change: to `onListenerError` when given, else
 * rethrown in a microtask (where it reaches the page's or process's error reporting).
 */
export interface Subscribable<A extends unknown[]> {
  /** Calls `listener` on every notification; returns the unsubscribe function. */
  subscribe(listener: (...args: A) => void): () => void;
  /** Calls every listener subscribed now, in subscription order. */
  notify(...args: A): void;
  /** Drops every listener (on disposal). */
  clear(): void;
}

/**
 * The default report of a failure nobody awaits (a listener, a background effect): rethrown in
 * a microtask, where it reaches the page's or process's error reporting without interrupting
 * the caller.
 */
export function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

/** Creates a {@link Subscribable}. */
export function createSubscribable<A extends unknown[]>(
  onListenerError?: (error: unknown) => void,
): Subscribable<A> {
  const listeners = new Set<(...args: A) => void>();
  const report = onListenerError ?? rethrowLater;
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    notify(...args) {
      for (const listener of [...listeners]) {
        try {
          listener(...args);
        } catch (error) {
          report(error);
        }
      }
    },
    clear: () => listeners.clear(),
  };
}
