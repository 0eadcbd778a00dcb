import {
  cookieWrites,
  parseCookieHeader,
  readChunkedCookie,
  serializeCookie,
  type CookieAttributes,
  type CookieEntry,
} from './cookie-chunks.js';
import { memoryStorage, storageError, type TokenStorage } from './storage.js';

/** Where the cookies live: the browser's `document.cookie`, or a server request and its response. */
export interface CookieJar {
  /** Every cookie there is now (a write is visible to the next `getAll`). */
  getAll(): readonly CookieEntry[];
  /** Sets one cookie; `maxAge: 0` removes it. */
  set(name: string, value: string, attributes: CookieAttributes): void;
}

/** Options of {@link cookieStorage}; the server must be given the same ones. */
export interface CookieStorageOptions {
  /** `Domain` of the cookies, to share them with subdomains. Default: this host only. */
  domain?: string;
  /** `Path` of the cookies. Default `/` (every route of the app sees the session). */
  path?: string;
  /**
   * `Secure`: sent over HTTPS only. Default true; set false only for plain-HTTP development
   * hosts other than `localhost`.
   */
  secure?: boolean;
  /** `SameSite`. Default `lax`: sent on top-level navigations from elsewhere, not on cross-site subrequests. */
  sameSite?: 'lax' | 'strict' | 'none';
  /**
   * Seconds the cookies live. Default 30 days, Cognito's default refresh-token validity (the
   * tokens inside decide how long the session really lasts).
   */
  maxAgeSeconds?: number;
  /**
   * Where everything but the session record goes (the JWKS cache, remembered-device
   * secrets), so that it does not ride along on every request. Default `memoryStorage()`
   * (remembered devices are then forgotten on reload; pass `localStorageAdapter()` to keep them).
   */
  others?: TokenStorage;
}

const THIRTY_DAYS_S = 30 * 24 * 60 * 60;

/** The attributes the cookies are written with, defaults applied. */
export function cookieAttributes(options: CookieStorageOptions = {}): CookieAttributes {
  return {
    ...(options.domain === undefined ? {} : { domain: options.domain }),
    path: options.path ?? '/',
    secure: options.secure ?? true,
    sameSite: options.sameSite ?? 'lax',
    maxAge: options.maxAgeSeconds ?? THIRTY_DAYS_S,
  };
}

/** Whether a storage key is a session record (`cognito-kit.<clientId>.session`), the cookie-kept one. */
const isSessionKey = (key: string) => key.endsWith('.session');

/**
 * A {@link TokenStorage} that keeps the session record in chunked cookies of `jar` and every
 * other key in `options.others`. The browser adapter and the server's session reader are both
 * this function over different jars.
 */
export function cookieJarStorage(
  jar: () => CookieJar | null,
  options: CookieStorageOptions = {},
): TokenStorage {
  const attributes = cookieAttributes(options);
  const removal: CookieAttributes = { ...attributes, maxAge: 0 };
  const others = options.others ?? memoryStorage();
  const write = (key: string, value: string | null, operation: string) => {
    try {
      const target = jar();
      if (target === null) {
        // Writing where no cookies exist (a server render) must not pass silently.
        if (value === null) return;
        throw new Error('NoStorageAvailable');
      }
      for (const cookie of cookieWrites(key, value, target.getAll())) {
        target.set(cookie.name, cookie.value, cookie.remove ? removal : attributes);
      }
    } catch (cause) {
      throw storageError(operation, cause);
    }
  };
  return {
    kind: 'custom',
    async get(key) {
      if (!isSessionKey(key)) return others.get(key);
      try {
        const target = jar();
        return target === null ? null : readChunkedCookie(key, target.getAll());
      } catch (cause) {
        throw storageError('read', cause);
      }
    },
    async set(key, value) {
      if (!isSessionKey(key)) return others.set(key, value);
      write(key, value, 'write');
    },
    async remove(key) {
      if (!isSessionKey(key)) return others.remove(key);
      write(key, null, 'remove');
    },
  };
}

/** The browser's cookies, through `document.cookie`; null without a `document` (server rendering). */
function documentCookieJar(): CookieJar | null {
  // Looked up on every call, never at module load: a server render has no `document`.
  if (typeof document === 'undefined') return null;
  return {
    getAll: () => parseCookieHeader(document.cookie),
    set: (name, value, attributes) => {
      document.cookie = serializeCookie(name, value, attributes);
    },
  };
}

/**
 * Keeps the session in cookies, so that the server (`getServerSession` of
 * `@cognito-kit/server`: server components, route handlers, middleware) sees who is signed in.
 * The record (ID, access and refresh token) is split over `cognito-kit.<clientId>.session.<n>`
 * cookies of under 4 KB each, written `SameSite=Lax` and `Secure` by default. They are set by
 * script, so not `HttpOnly`: like `localStorage`, a script injected into the page can read the
 * refresh token (see core's README, "Choosing storage").
 *
 * @example
 * createCognitoAuth({ userPoolId, clientId, storage: cookieStorage({ sameSite: 'lax' }) });
 */
export function cookieStorage(options: CookieStorageOptions = {}): TokenStorage {
  return cookieJarStorage(documentCookieJar, options);
}
