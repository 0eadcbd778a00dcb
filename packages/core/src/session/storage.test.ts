import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCognitoError } from '../errors/index.js';
import {
  keyValueStorage,
  localStorageAdapter,
  memoryStorage,
  sessionStorageAdapter,
} from './storage.js';
import { MapStore } from './storage.test-helpers.js';
import { createTokenStore } from './token-store.js';

const quota = () => Object.assign(new Error('quota'), { name: 'QuotaExceededError' });

describe('storage adapters', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('memory storage keeps, replaces and removes values', async () => {
    const s = memoryStorage();
    expect(await s.get('k')).toBeNull();
    await s.set('k', 'v1');
    await s.set('k', 'v2');
    expect(await s.get('k')).toBe('v2');
    await s.remove('k');
    expect(await s.get('k')).toBeNull();
  });

  it('wraps async key-value stores', async () => {
    const map = new Map<string, string>();
    const s = keyValueStorage({
      getItem: async (k) => map.get(k),
      setItem: async (k, v) => void map.set(k, v),
      removeItem: async (k) => void map.delete(k),
    });
    await s.set('a', '1');
    expect(map.get('a')).toBe('1');
    expect(await s.get('a')).toBe('1');
    expect(await s.get('missing')).toBeNull();
  });

  it('turns sync throws and async rejections into StorageError rejections', async () => {
    const throwing = keyValueStorage({
      getItem: () => {
        throw quota();
      },
      setItem: () => {
        throw quota();
      },
      removeItem: () => Promise.reject(quota()),
    });
    for (const op of [
      () => throwing.get('k'),
      () => throwing.set('k', 'secret-token'),
      () => throwing.remove('k'),
    ]) {
      const error: unknown = await op().catch((e: unknown) => e);
      expect(isCognitoError(error, 'StorageError')).toBe(true);
      expect(String((error as Error).message)).toContain('QuotaExceededError');
      expect(String((error as Error).message)).not.toContain('secret-token');
    }
  });

  it('is SSR-safe: without window, reads find nothing and writes report StorageError', async () => {
    expect(typeof window).toBe('undefined');
    const s = localStorageAdapter();
    expect(await s.get('k')).toBeNull();
    await expect(s.set('k', 'v')).rejects.toMatchObject({ code: 'StorageError' });
    await expect(s.remove('k')).resolves.toBeUndefined();
  });

  it('uses window.localStorage / window.sessionStorage when present', async () => {
    const local = new MapStore();
    const session = new MapStore();
    vi.stubGlobal('window', { localStorage: local, sessionStorage: session });
    await localStorageAdapter().set('k', 'L');
    await sessionStorageAdapter().set('k', 'S');
    expect(local.map.get('k')).toBe('L');
    expect(session.map.get('k')).toBe('S');
    expect(localStorageAdapter().kind).toBe('local');
  });

  it('reports a window whose storage getter throws (privacy mode) as StorageError', async () => {
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw Object.assign(new Error('denied'), { name: 'SecurityError' });
      },
    });
    await expect(localStorageAdapter().get('k')).rejects.toMatchObject({ code: 'StorageError' });
  });
});

describe('token store', () => {
  const record = { idToken: 'i', accessToken: 'a', refreshToken: 'r', username: 'alice' };

  it('namespaces keys per client id and round-trips records', async () => {
    const kv = new MapStore();
    const storeA = createTokenStore(keyValueStorage(kv), 'clientA');
    const storeB = createTokenStore(keyValueStorage(kv), 'clientB');
    await storeA.saveSession(record);
    await storeA.saveDevice('alice', { deviceKey: 'dk', deviceGroupKey: 'g', devicePassword: 'p' });
    expect([...kv.map.keys()].sort()).toEqual([
      'cognito-kit.clientA.device.alice',
      'cognito-kit.clientA.session',
    ]);
    expect(await storeA.loadSession()).toMatchObject(record);
    expect(await storeB.loadSession()).toBeNull();
    expect(await storeA.loadDevice('alice')).toEqual({
      deviceKey: 'dk',
      deviceGroupKey: 'g',
      devicePassword: 'p',
    });
    await storeA.clearDevice('alice');
    expect(await storeA.loadDevice('alice')).toBeNull();
  });

  it('reads garbage as absent and removes it', async () => {
    const kv = new MapStore();
    const store = createTokenStore(keyValueStorage(kv), 'c');
    const garbage = [
      '{not json',
      '42',
      '[]',
      JSON.stringify({ idToken: 'i' }),
      JSON.stringify({ ...record, refreshToken: 7 }),
    ];
    for (const raw of garbage) {
      kv.map.set(store.keys.session, raw);
      expect(await store.loadSession()).toBeNull();
      expect(kv.map.has(store.keys.session)).toBe(false);
    }
    kv.map.set(store.keys.device('bob'), '{"deviceKey":"x"}');
    expect(await store.loadDevice('bob')).toBeNull();
    expect(kv.map.size).toBe(0);
  });
});
