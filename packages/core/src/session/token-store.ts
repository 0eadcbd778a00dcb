import { isRecord } from '../cognito/guards.js';
import type { TokenStorage } from './storage.js';

/** What a session persists; everything else (claims, expiry) is derived from the tokens. */
export interface StoredSession {
  idToken: string;
  accessToken: string;
  refreshToken?: string | undefined;
  /** The internal username (SECRET_HASH of refreshes, device lookup). */
  username: string;
  deviceKey?: string | undefined;
  /** Server time minus local time when the tokens arrived, ms (0 for a well-set clock). */
  clockOffset?: number | undefined;
}

/** A remembered device's secrets, kept per user (COGNITO-PROTOCOL §4). */
export interface DeviceSecrets {
  deviceKey: string;
  deviceGroupKey: string;
  devicePassword: string;
}

/** The JWKS cache jose reads and updates (`uat` = when it was fetched, epoch ms). */
export interface JwksCacheRecord {
  uat?: number;
  jwks?: { keys: Record<string, unknown>[] };
}

/** Storage keys of one app client: `cognito-kit.<clientId>.<what>`. */
export function storageKeys(clientId: string) {
  const prefix = `cognito-kit.${clientId}`;
  return {
    session: `${prefix}.session`,
    jwks: `${prefix}.jwks`,
    device: (username: string) => `${prefix}.device.${encodeURIComponent(username)}`,
  };
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isOptionalString = (v: unknown) => v === undefined || isString(v);

function parseObject(raw: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(raw);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function parseSession(raw: string): StoredSession | null {
  const o = parseObject(raw);
  if (o === null) return null;
  const { idToken, accessToken, refreshToken, username, deviceKey, clockOffset } = o;
  if (!isString(idToken) || !isString(accessToken) || !isString(username)) return null;
  if (!isOptionalString(refreshToken) || !isOptionalString(deviceKey)) return null;
  if (clockOffset !== undefined && !Number.isFinite(clockOffset)) return null;
  return {
    idToken,
    accessToken,
    refreshToken,
    username,
    deviceKey,
    clockOffset: clockOffset as number | undefined,
  };
}

function parseDevice(raw: string): DeviceSecrets | null {
  const o = parseObject(raw);
  if (o === null) return null;
  const { deviceKey, deviceGroupKey, devicePassword } = o;
  if (!isString(deviceKey) || !isString(deviceGroupKey) || !isString(devicePassword)) return null;
  return { deviceKey, deviceGroupKey, devicePassword };
}

function parseJwks(raw: string): JwksCacheRecord | null {
  const o = parseObject(raw);
  if (o === null || typeof o.uat !== 'number') return null;
  const jwks = o.jwks as { keys?: unknown } | undefined;
  if (typeof jwks !== 'object' || jwks === null || !Array.isArray(jwks.keys)) return null;
  return { uat: o.uat, jwks: { keys: jwks.keys as Record<string, unknown>[] } };
}

/**
 * Typed, namespaced records on top of a {@link TokenStorage}. A record that does not parse
 * (garbage, an old format, a half-written value) reads as absent and its key is removed.
 * Storage failures propagate as `StorageError`.
 */
export interface TokenStore {
  readonly keys: ReturnType<typeof storageKeys>;
  loadSession(): Promise<StoredSession | null>;
  saveSession(session: StoredSession): Promise<void>;
  clearSession(): Promise<void>;
  loadDevice(username: string): Promise<DeviceSecrets | null>;
  saveDevice(username: string, secrets: DeviceSecrets): Promise<void>;
  clearDevice(username: string): Promise<void>;
  loadJwks(): Promise<JwksCacheRecord | null>;
  saveJwks(record: JwksCacheRecord): Promise<void>;
}

/**
 * Creates the {@link TokenStore} of one app client.
 *
 * @example
 * const store = createTokenStore(localStorageAdapter(), clientId);
 * const stored = await store.loadSession(); // null when absent or unreadable
 */
export function createTokenStore(storage: TokenStorage, clientId: string): TokenStore {
  const keys = storageKeys(clientId);
  async function load<T>(key: string, parse: (raw: string) => T | null): Promise<T | null> {
    const raw = await storage.get(key);
    if (raw === null) return null;
    const value = parse(raw);
    if (value === null) await storage.remove(key);
    return value;
  }
  return {
    keys,
    loadSession: () => load(keys.session, parseSession),
    saveSession: (s) => storage.set(keys.session, JSON.stringify(s)),
    clearSession: () => storage.remove(keys.session),
    loadDevice: (u) => load(keys.device(u), parseDevice),
    saveDevice: (u, d) => storage.set(keys.device(u), JSON.stringify(d)),
    clearDevice: (u) => storage.remove(keys.device(u)),
    loadJwks: () => load(keys.jwks, parseJwks),
    saveJwks: (r) => storage.set(keys.jwks, JSON.stringify(r)),
  };
}
