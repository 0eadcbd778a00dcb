import type { CognitoClient } from '../cognito/client.js';
import type { DeviceSecretStore } from '../session/device-store.js';
import type { SessionManager } from '../session/session-types.js';

/** The parts a `createCognitoAuth` object is composed of, for low-level code and tests. */
export interface AuthInternals {
  /** The wire client (one typed method per Cognito action). */
  readonly client: CognitoClient;
  /** The session manager: tokens (refresh token included), refresh, tabs. */
  readonly session: SessionManager;
  /** Remembered devices' secrets (device key, group key, device password) by internal username. */
  readonly devices: DeviceSecretStore;
  /** The pool's token issuer (`iss`), as the session verifies it. */
  readonly issuer: string;
  /** The fetch for Cognito and the JWKS (`config.fetch` or the global one). */
  readonly fetch: typeof fetch;
}

// Kept beside the facade object rather than on it, so the main entry's types never show the
// refresh token or the wire client, while low-level code can still reach them.
const registry = new WeakMap<object, AuthInternals>();

/** Records the internals of a facade object (called by `createCognitoAuth` only). */
export function registerInternals(auth: object, internals: AuthInternals): void {
  registry.set(auth, internals);
}

/**
 * The wire client and session manager behind an auth object from `createCognitoAuth`. Low-level:
 * the session manager hands out the refresh token, so keep its use to code that needs it.
 *
 * @example
 * import { internalsOf } from '@cognito-kit/core/low-level';
 * const { client } = internalsOf(auth);
 * await client.getUser({ AccessToken: await auth.getAccessToken() });
 */
export function internalsOf(auth: object): AuthInternals {
  const internals = registry.get(auth);
  if (internals === undefined) {
    throw new TypeError('internalsOf() takes an auth object made by createCognitoAuth().');
  }
  return internals;
}
