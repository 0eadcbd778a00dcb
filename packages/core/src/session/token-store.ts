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

/**
 * A remembered device's secrets, kept per user (COGNITO-PROTOCOL §4) under the user's internal
 * username, the name Cognito calls the user (`USER_ID_FOR_SRP`, the access token's `username`).
 */
export interface DeviceSecrets {
  deviceKey: string;
  deviceGroupKey: string;
  devicePassword: string;
}

/** Device secrets found for a sign-in name, and the store key (owner) they are kept under. */
export interface OwnedDeviceSecrets {
  /** The owner the secrets are stored under: the internal username, or the typed name for records of older versions. */
  readonly owner: string;
  readonly secrets: DeviceSecrets;
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
    /** Alias pointer: which internal username a sign-in name belonged to last time (no secret). */
    deviceOwner: (login: string) => `${prefix}.deviceOwner.${encodeURIComponent(login)}`,
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

function parseOwner(raw: string): string | null {
  const o = parseObject(raw);
  return o !== null && isString(o.owner) ? o.owner : null;
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
  /**
   * The device for what the user types at sign-in: secrets stored under `login` itself (it may
   * be the internal name, or an alias older versions stored under), else under the owner the
   * alias pointer of `login` names.
   */
  findDevice(login: string): Promise<OwnedDeviceSecrets | null>;
  /**
   * Records that `login` named the user `owner` (writes the alias pointer; nothing when they
   * are equal) and moves secrets older versions stored under `login` to `owner`.
   */
  linkDeviceOwner(login: string, owner: string): Promise<void>;
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
  const loadDevice = (owner: string) => load(keys.device(owner), parseDevice);
  return {
    keys,
    loadSession: () => load(keys.session, parseSession),
    saveSession: (s) => storage.set(keys.session, JSON.stringify(s)),
    clearSession: () => storage.remove(keys.session),
    loadDevice,
    saveDevice: (u, d) => storage.set(keys.device(u), JSON.stringify(d)),
    clearDevice: (u) => storage.remove(keys.device(u)),
    async findDevice(login) {
      const own = await loadDevice(login);
      if (own) return { owner: login, secrets: own };
      const owner = await load(keys.deviceOwner(login), parseOwner);
      if (owner === null || owner === login) return null;
      const secrets = await loadDevice(owner);
      return secrets ? { owner, secrets } : null;
    },
    async linkDeviceOwner(login, owner) {
      if (login === owner) return;
      if ((await load(keys.deviceOwner(login), parseOwner)) !== owner) {
        await storage.set(keys.deviceOwner(login), JSON.stringify({ owner }));
      }
      // A record of the old layout (kept under the typed alias): the owner's from now on, so
      // forgetting the owner's device forgets it too.
      const old = await loadDevice(login);
      if (old === null) return;
      await storage.set(keys.device(owner), JSON.stringify(old));
      await storage.remove(keys.device(login));
    },
    loadJwks: () => load(keys.jwks, parseJwks),
    saveJwks: (r) => storage.set(keys.jwks, JSON.stringify(r)),
  };
}
