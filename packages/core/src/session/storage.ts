import { CognitoError } from '../errors/index.js';

/**
 * Any key-value store, synchronous (Web Storage) or asynchronous (IndexedDB wrappers,
 * React Native AsyncStorage, a server-side session).
 */
export interface KeyValueStore {
  getItem(key: string): string | null | undefined | Promise<string | null | undefined>;
  setItem(key: string, value: string): void | Promise<void>;
  removeItem(key: string): void | Promise<void>;
}

/** Where an adapter keeps its data; `local` is shared by the tabs of an origin. */
export type StorageKind = 'memory' | 'local' | 'session' | 'custom';

/**
 * The storage the session manager talks to: always asynchronous, and every failure of the
 * underlying store arrives as a rejected promise with a `CognitoError` `StorageError`
 * (never a synchronous throw, never another error type).
 */
export interface TokenStorage {
  readonly kind: StorageKind;
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
}

/** The `StorageError` of a failed store operation (shared by every adapter). */
export function storageError(operation: string, cause: unknown, reason?: string): CognitoError {
  // The key and value are not put in the message: values are tokens.
  const why = reason ?? (cause instanceof Error ? `${cause.name}` : 'unknown error');
  return new CognitoError({
    code: 'StorageError',
    message: `Token storage failed to ${operation} (${why}).`,
    cause,
  });
}

function adapt(kind: StorageKind, resolveStore: () => KeyValueStore | null): TokenStorage {
  const guarded = async <T>(operation: string, run: (store: KeyValueStore) => T | Promise<T>) => {
    try {
      const store = resolveStore();
      return store === null ? null : await run(store);
    } catch (cause) {
      throw storageError(operation, cause);
    }
  };
  return {
    kind,
    async get(key) {
      const value = await guarded('read', (s) => s.getItem(key));
      return typeof value === 'string' ? value : null;
    },
    async set(key, value) {
      const done = await guarded('write', async (s) => {
        await s.setItem(key, value);
        return true;
      });
      // Writing where no store exists (server-side rendering) must not pass silently.
      if (done === null) throw storageError('write', new Error('NoStorageAvailable'));
    },
    async remove(key) {
      await guarded('remove', (s) => s.removeItem(key));
    },
  };
}

/**
 * Keeps tokens in memory only: gone on reload, invisible to other tabs. The safest choice
 * against XSS token theft, at the price of a sign-in per page load.
 *
 * @example
 * const manager = createSessionManager({ ..., storage: memoryStorage() });
 */
export function memoryStorage(): TokenStorage {
  const map = new Map<string, string>();
  const store: KeyValueStore = {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
  return adapt('memory', () => store);
}

function webStorage(name: 'localStorage' | 'sessionStorage'): KeyValueStore | null {
  // Looked up on every call, never at module load: SSR has no `window`, and merely reading
  // `window.localStorage` throws in some privacy modes (reported as a StorageError).
  if (typeof window === 'undefined') return null;
  return window[name];
}

/**
 * Keeps tokens in `window.localStorage`: survives reloads and is shared by every tab of the
 * origin (so sign-outs and refreshes propagate). Without `window` (SSR) reads find nothing.
 *
 * @example
 * createSessionManager({ ..., storage: localStorageAdapter() });
 */
export function localStorageAdapter(): TokenStorage {
  return adapt('local', () => webStorage('localStorage'));
}

/**
 * Keeps tokens in `window.sessionStorage`: survives reloads of this tab only.
 *
 * @example
 * createSessionManager({ ..., storage: sessionStorageAdapter() });
 */
export function sessionStorageAdapter(): TokenStorage {
  return adapt('session', () => webStorage('sessionStorage'));
}

/**
 * Wraps any `{ getItem, setItem, removeItem }` store, sync or async.
 *
 * @example
 * import AsyncStorage from '@react-native-async-storage/async-storage';
 * createSessionManager({ ..., storage: keyValueStorage(AsyncStorage) });
 */
export function keyValueStorage(store: KeyValueStore, kind: StorageKind = 'custom'): TokenStorage {
  return adapt(kind, () => store);
}

/**
 * How long the session manager waits for one storage operation before it gives up, ms. A
 * custom async store that never answers must not leave `restore()` (and with it the app's
 * first render) pending forever.
 */
export const DEFAULT_STORAGE_TIMEOUT_MS = 5_000;

/**
 * The same storage with every operation time-boxed: one that has not settled after `ms`
 * rejects with `StorageError` (the store's own answer, if it ever comes, is ignored). Nothing
 * is removed or rewritten because of a timeout.
 */
export function withStorageTimeout(storage: TokenStorage, ms: number): TokenStorage {
  const boxed = <T>(operation: string, run: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const reason = `no answer within ${ms} ms`;
        reject(storageError(operation, new Error(reason), reason));
      }, ms);
      run().then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  return {
    kind: storage.kind,
    get: (key) => boxed('read', () => storage.get(key)),
    set: (key, value) => boxed('write', () => storage.set(key, value)),
    remove: (key) => boxed('remove', () => storage.remove(key)),
  };
}
