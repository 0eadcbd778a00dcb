/**
 * amazon-cognito-identity-js driven through promises: pools and users pointed at a conformance
 * host, and the library's callback sets turned into outcomes a test can assert on.
 */
import * as aj from 'amazon-cognito-identity-js';
import type { ConformanceHost } from './harness.js';

/** A fresh in-memory store, so tokens and remembered devices never leak between tests. */
export function memoryStorage(): aj.ICognitoStorage {
  const data = new Map<string, string>();
  return {
    setItem: (key, value) => void data.set(key, value),
    getItem: (key) => data.get(key) ?? null,
    removeItem: (key) => void data.delete(key),
    clear: () => data.clear(),
  };
}

/** Where one round of the library's authentication callbacks ended. */
export type Outcome =
  | { kind: 'success'; session: aj.CognitoUserSession }
  | { kind: 'failure'; error: { code?: string; name?: string; message: string } }
  | { kind: 'challenge'; name: string; parameters: Record<string, unknown> };

/** Calls `run` with a full callback set and resolves with the first callback the library calls. */
export function drive(run: (callbacks: aj.IAuthenticationCallback) => void): Promise<Outcome> {
  return new Promise((resolve) => {
    const challenge = (name: string, parameters: unknown) =>
      resolve({
        kind: 'challenge',
        name,
        parameters: (parameters ?? {}) as Record<string, unknown>,
      });
    run({
      onSuccess: (session) => resolve({ kind: 'success', session }),
      onFailure: (error: { code?: string; name?: string; message: string }) =>
        resolve({ kind: 'failure', error }),
      newPasswordRequired: (userAttributes, requiredAttributes) =>
        challenge('NEW_PASSWORD_REQUIRED', { userAttributes, requiredAttributes }),
      mfaRequired: challenge,
      totpRequired: challenge,
      selectMFAType: challenge,
      mfaSetup: challenge,
      customChallenge: (parameters) => challenge('CUSTOM_CHALLENGE', parameters),
    });
  });
}

/** `authenticateUser` (SRP) as an outcome. */
export function signIn(user: aj.CognitoUser, username: string, password: string): Promise<Outcome> {
  return drive((cb) =>
    user.authenticateUser(
      new aj.AuthenticationDetails({ Username: username, Password: password }),
      cb,
    ),
  );
}

/** The session of a successful outcome; fails the test otherwise. */
export function tokensOf(outcome: Outcome): aj.CognitoUserSession {
  if (outcome.kind !== 'success')
    throw new Error(`expected tokens, got ${JSON.stringify(outcome)}`);
  return outcome.session;
}

/** Resolves a Node-style callback API. */
export function node<T>(run: (callback: (error: unknown, result?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    run((error, result) => (error ? reject(error as Error) : resolve(result as T))),
  );
}

/** Resolves an `{onSuccess, onFailure}` callback API. */
export function settle<T>(
  run: (handlers: { onSuccess: (value: T) => void; onFailure: (error: Error) => void }) => void,
): Promise<T> {
  return new Promise((resolve, reject) => run({ onSuccess: resolve, onFailure: reject }));
}

/** Pool and user factories bound to one host and default pool / client. */
export interface ReferenceKit {
  poolOf(poolId?: string, clientId?: string, storage?: aj.ICognitoStorage): aj.CognitoUserPool;
  /** A user object sharing `pool`'s storage (so remembered devices are found again). */
  userOf(username: string, pool?: aj.CognitoUserPool): aj.CognitoUser;
}

/**
 * Factories for library objects whose `endpoint` is the conformance host.
 *
 * @example
 * const { poolOf, userOf } = referenceKit(host, 'eu-west-1_Pool1', 'web');
 * const outcome = await signIn(userOf('alice'), 'alice', 'Passw0rd!');
 */
export function referenceKit(
  host: ConformanceHost,
  defaultPool: string,
  defaultClient: string,
): ReferenceKit {
  const storageOf = new WeakMap<aj.CognitoUserPool, aj.ICognitoStorage>();
  const kit: ReferenceKit = {
    poolOf(poolId = defaultPool, clientId = defaultClient, storage = memoryStorage()) {
      const pool = new aj.CognitoUserPool({
        UserPoolId: poolId,
        ClientId: clientId,
        endpoint: `${host.url}/`,
        Storage: storage,
      });
      storageOf.set(pool, storage);
      return pool;
    },
    userOf(username, pool = kit.poolOf()) {
      return new aj.CognitoUser({ Username: username, Pool: pool, Storage: storageOf.get(pool) });
    },
  };
  return kit;
}
