import { isCognitoError, type CognitoError } from '../errors/index.js';
import type { TokenStorage } from './storage.js';
import { createTokenStore, type DeviceSecrets, type OwnedDeviceSecrets } from './token-store.js';

/**
 * Where remembered devices' secrets live, apart from the session: the auth runner gets it as a
 * port (find the device to present at sign-in, link an alias to its owner, forget a device),
 * the facade to confirm a new device and to forget one. Records are keyed by the user's
 * internal username (`Session.username`), never by an alias.
 */
export interface DeviceSecretStore {
  /** The secrets stored for `owner`, or null. Storage failures read as null (and are reported). */
  get(owner: string): Promise<DeviceSecrets | null>;
  /** Stores a remembered device's secrets for `owner`, replacing any. */
  set(owner: string, secrets: DeviceSecrets): Promise<void>;
  /**
   * Removes the secrets of `owner`, so the next sign-in presents no device (and Cognito asks
   * for MFA again).
   */
  forget(owner: string): Promise<void>;
  /**
   * The device to present for what the user typed at sign-in: secrets stored under `login`
   * itself (the internal name, or an alias older versions stored under), else those of the
   * user the alias pointer says `login` named at the last successful sign-in. Null when none;
   * storage failures read as null (and are reported).
   */
  find(login: string): Promise<OwnedDeviceSecrets | null>;
  /**
   * Records that `login` (an alias or differently written name) signed in as `owner`: an alias
   * pointer holding no secret. Secrets older versions kept under `login` move to `owner`.
   * Nothing happens when the two are equal.
   */
  linkOwner(login: string, owner: string): Promise<void>;
}

/** Reports storage failures (quota, privacy mode); default a `console.warn` of the message. */
export type StorageErrorReporter = (error: CognitoError) => void;

const warn: StorageErrorReporter = (e) => console.warn(`cognito-kit: ${e.message}`);

/**
 * Runs a storage operation; a `StorageError` is reported and read as `null`, never thrown. Other
 * errors propagate. The one place that decides how storage failures degrade.
 */
export function readQuietly(report: StorageErrorReporter = warn) {
  return async <T>(operation: () => Promise<T>): Promise<T | null> => {
    try {
      return await operation();
    } catch (error) {
      if (!isCognitoError(error, 'StorageError')) throw error;
      report(error);
      return null;
    }
  };
}

/**
 * Creates the device-secret store of one app client over `storage` (the same storage as the
 * session's; the records have their own keys).
 *
 * @example
 * const devices = createDeviceSecretStore(localStorageAdapter(), clientId);
 * const found = await devices.find('alice@example.com');
 */
export function createDeviceSecretStore(
  storage: TokenStorage,
  clientId: string,
  onStorageError?: StorageErrorReporter,
): DeviceSecretStore {
  const store = createTokenStore(storage, clientId);
  const quietly = readQuietly(onStorageError);
  return {
    get: (owner) => quietly(() => store.loadDevice(owner)),
    set: (owner, secrets) => store.saveDevice(owner, secrets),
    forget: (owner) => store.clearDevice(owner),
    find: (login) => quietly(() => store.findDevice(login)),
    linkOwner: (login, owner) => store.linkDeviceOwner(login, owner),
  };
}
