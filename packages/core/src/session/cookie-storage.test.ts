// @vitest-environment happy-dom
// @vitest-environment-options {"url":"https://app.example/"}
import { afterEach, describe, expect, it } from 'vitest';
import { isCognitoError } from '../errors/index.js';
import { parseCookieHeader, type CookieAttributes, type CookieEntry } from './cookie-chunks.js';
import { cookieJarStorage, cookieStorage, type CookieJar } from './cookie-storage.js';
import { memoryStorage } from './storage.js';
import { createTokenStore, storageKeys } from './token-store.js';

const CLIENT = 'client1';
const stored = {
  idToken: `id.${'i'.repeat(1500)}.sig`,
  accessToken: `access.${'a'.repeat(1500)}.sig`,
  refreshToken: 'r'.repeat(1800),
  username: 'dana',
};

/** Every cookie the page's `document.cookie` shows now. */
const documentCookies = () => parseCookieHeader(document.cookie);

afterEach(() => {
  for (const { name } of documentCookies())
    document.cookie = `${name}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure`;
});

describe('cookieStorage (document.cookie)', () => {
  it('keeps a session record in chunked cookies the token store reads back', async () => {
    const store = createTokenStore(cookieStorage(), CLIENT);
    await store.saveSession(stored);
    const names = documentCookies().map((c) => c.name);
    expect(names).toEqual([`${storageKeys(CLIENT).session}.0`, `${storageKeys(CLIENT).session}.1`]);
    expect(await store.loadSession()).toEqual(stored);
  });

  it('removes the stale chunks when a shorter record replaces a longer one, and all on clear', async () => {
    const store = createTokenStore(cookieStorage(), CLIENT);
    await store.saveSession(stored);
    await store.saveSession({ ...stored, refreshToken: undefined, idToken: 'x.y.z' });
    expect(documentCookies()).toHaveLength(1);
    expect((await store.loadSession())?.idToken).toBe('x.y.z');
    await store.clearSession();
    expect(documentCookies()).toEqual([]);
    expect(await store.loadSession()).toBeNull();
  });

  it('keeps other records (JWKS cache, device secrets) out of the cookies', async () => {
    const others = memoryStorage();
    const store = createTokenStore(cookieStorage({ others }), CLIENT);
    await store.saveJwks({ uat: 1, jwks: { keys: [] } });
    await store.saveDevice('dana', { deviceKey: 'k', deviceGroupKey: 'g', devicePassword: 'p' });
    expect(documentCookies()).toEqual([]);
    expect(await others.get(storageKeys(CLIENT).jwks)).not.toBeNull();
    expect(await store.loadDevice('dana')).not.toBeNull();
  });
});

describe('cookieJarStorage', () => {
  /** A jar that records what was set with which attributes. */
  function recordingJar(initial: CookieEntry[] = []) {
    const cookies = new Map(initial.map((c) => [c.name, c.value]));
    const writes: { name: string; value: string; attributes: CookieAttributes }[] = [];
    const jar: CookieJar = {
      getAll: () => [...cookies].map(([name, value]) => ({ name, value })),
      set(name, value, attributes) {
        writes.push({ name, value, attributes });
        if (attributes.maxAge === 0) cookies.delete(name);
        else cookies.set(name, value);
      },
    };
    return { jar, writes };
  }

  it.each([
    [{}, { path: '/', secure: true, sameSite: 'lax', maxAge: 2_592_000 }],
    [
      { domain: 'example.com', path: '/app', secure: false, sameSite: 'strict', maxAgeSeconds: 60 },
      { domain: 'example.com', path: '/app', secure: false, sameSite: 'strict', maxAge: 60 },
    ],
  ] as const)('writes with the attributes of %o', async (options, attributes) => {
    const { jar, writes } = recordingJar();
    await cookieJarStorage(() => jar, options).set('x.session', 'v');
    expect(writes).toEqual([{ name: 'x.session.0', value: 'dg', attributes }]); // base64url of "v"
  });

  it('reads nothing without a jar (a server render), and refuses to write there', async () => {
    const storage = cookieJarStorage(() => null);
    expect(await storage.get('x.session')).toBeNull();
    await storage.remove('x.session');
    const error = await storage.set('x.session', 'v').catch((e: unknown) => e);
    expect(isCognitoError(error, 'StorageError')).toBe(true);
  });

  it('reports a failing jar as StorageError without the value in the message', async () => {
    const jar: CookieJar = {
      getAll: () => [],
      set() {
        throw new Error('read-only cookies');
      },
    };
    const error = await cookieJarStorage(() => jar)
      .set('x.session', 'secret-token')
      .catch((e: unknown) => e);
    expect(isCognitoError(error, 'StorageError')).toBe(true);
    expect(String((error as Error).message)).not.toContain('secret-token');
  });
});
