/**
 * amazon-cognito-identity-js (a dev dependency nobody here wrote) driven against an in-process
 * emulator: its `fetch` calls are routed to `emulator.fetch`, so its real SRP, device and MFA
 * code talks to the engine.
 */
import * as aj from 'amazon-cognito-identity-js';
import type { Emulator } from '../../src/index.js';
import { ENDPOINT } from './wire.js';

/** Routes the global `fetch` (which the library calls) to `emulator` until the returned undo runs. */
export function routeFetchTo(emulator: Emulator): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    emulator.fetch(input, init)) as typeof fetch;
  return () => {
    globalThis.fetch = original;
  };
}

/** A fresh key-value store, so remembered devices do not leak between tests. */
export function memoryStorage(): aj.ICognitoStorage {
  const data = new Map<string, string>();
  return {
    setItem: (key, value) => void data.set(key, value),
    getItem: (key) => data.get(key) ?? null,
    removeItem: (key) => void data.delete(key),
    clear: () => data.clear(),
  };
}

/** A user pool object of the reference library pointed at the emulator. */
export function referencePool(
  poolId: string,
  clientId: string,
  storage: aj.ICognitoStorage = memoryStorage(),
): aj.CognitoUserPool {
  return new aj.CognitoUserPool({
    UserPoolId: poolId,
    ClientId: clientId,
    endpoint: `${ENDPOINT}/`,
    Storage: storage,
  });
}

/** What `authenticateUser` ended with. */
export type ReferenceOutcome =
  | { kind: 'success'; session: aj.CognitoUserSession }
  | { kind: 'failure'; error: { code?: string; name?: string; message: string } }
  | { kind: 'challenge'; name: string; parameters: unknown };

/** Runs `CognitoUser.authenticateUser` and resolves with the first callback it calls. */
export function authenticate(
  user: aj.CognitoUser,
  username: string,
  password: string,
): Promise<ReferenceOutcome> {
  return new Promise((resolve) => {
    user.authenticateUser(
      new aj.AuthenticationDetails({ Username: username, Password: password }),
      {
        onSuccess: (session) => resolve({ kind: 'success', session }),
        onFailure: (error: { code?: string; name?: string; message: string }) =>
          resolve({ kind: 'failure', error }),
        newPasswordRequired: (userAttributes, requiredAttributes) =>
          resolve({
            kind: 'challenge',
            name: 'NEW_PASSWORD_REQUIRED',
            parameters: { userAttributes, requiredAttributes },
          }),
        mfaRequired: (name, parameters) => resolve({ kind: 'challenge', name, parameters }),
        totpRequired: (name, parameters) => resolve({ kind: 'challenge', name, parameters }),
        selectMFAType: (name, parameters) => resolve({ kind: 'challenge', name, parameters }),
        mfaSetup: (name, parameters) => resolve({ kind: 'challenge', name, parameters }),
        customChallenge: (parameters) =>
          resolve({ kind: 'challenge', name: 'CUSTOM_CHALLENGE', parameters }),
      },
    );
  });
}

export { aj };
