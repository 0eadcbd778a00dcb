/**
 * Shared set-up of the server package's integration tests: an emulator HTTP server on a free
 * port (127.0.0.1:0) that verifies SigV4 signatures from one key pair, with a seeded pool, and
 * `createCognitoAdmin` pointed at it.
 */
import { afterAll, beforeAll } from 'vitest';
import { startEmulatorServer, type EmulatorServer } from '@cognito-kit/emulator/node';
import type { EmulatorSeed } from '@cognito-kit/emulator';
import { createCognitoAdmin, type CognitoAdmin, type CognitoAdminOptions } from '../src/index.js';

export const POOL = 'eu-west-1_ServerKit1';
export const CREDENTIALS = { accessKeyId: 'AKIDSERVERKIT', secretAccessKey: 'server-kit-secret' };
export const PASSWORD = 'Seeded-Passw0rd';
/** ADMIN_USER_PASSWORD_AUTH + refresh. */
export const ADMIN_CLIENT = 'serverAdminClient';
/** USER_SRP_AUTH (admin SRP) and user password sign-in, for the device tests. */
export const SRP_CLIENT = 'serverSrpClient';
/** A confidential client: every step needs SECRET_HASH. */
export const SECRET_CLIENT = 'serverSecretClient';
export const CLIENT_SECRET = 'c2VydmVyLWtpdC1jbGllbnQtc2VjcmV0LXZhbHVlMTIz';

export function defaultSeed(): EmulatorSeed {
  return {
    pools: [
      {
        id: POOL,
        aliasAttributes: ['email'],
        deviceTracking: 'always',
        challengeRequiredOnNewDevice: false,
        mfa: { mode: 'OPTIONAL', factors: ['TOTP', 'EMAIL'] },
        customAttributes: [{ name: 'plan', type: 'String' }],
        clients: [
          {
            id: ADMIN_CLIENT,
            explicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          },
          {
            id: SRP_CLIENT,
            explicitAuthFlows: [
              'ALLOW_USER_SRP_AUTH',
              'ALLOW_USER_PASSWORD_AUTH',
              'ALLOW_REFRESH_TOKEN_AUTH',
            ],
          },
          {
            id: SECRET_CLIENT,
            secret: CLIENT_SECRET,
            explicitAuthFlows: [
              'ALLOW_ADMIN_USER_PASSWORD_AUTH',
              'ALLOW_USER_SRP_AUTH',
              'ALLOW_REFRESH_TOKEN_AUTH',
            ],
          },
        ],
        users: [
          {
            username: 'seeded',
            password: PASSWORD,
            attributes: { email: 'seeded@example.com', email_verified: true },
          },
        ],
      },
    ],
  };
}

/** The running server and helpers bound to it; valid inside tests. */
export interface ServerHarness {
  readonly server: EmulatorServer;
  readonly admin: CognitoAdmin;
  adminWith(options: Partial<CognitoAdminOptions>): CognitoAdmin;
}

/** Registers beforeAll / afterAll that start and stop an emulator for the calling test file. */
export function useEmulator(seed: EmulatorSeed = defaultSeed()): ServerHarness {
  let server: EmulatorServer | undefined;
  let admin: CognitoAdmin | undefined;
  const harness: ServerHarness = {
    get server() {
      if (!server) throw new Error('server not started');
      return server;
    },
    get admin() {
      if (!admin) throw new Error('server not started');
      return admin;
    },
    adminWith: (options) =>
      createCognitoAdmin({
        userPoolId: POOL,
        endpoint: harness.server.url,
        credentials: CREDENTIALS,
        ...options,
      }),
  };
  beforeAll(async () => {
    server = await startEmulatorServer({ port: 0, quiet: true, credentials: CREDENTIALS, seed });
    admin = harness.adminWith({});
  });
  afterAll(async () => {
    await server?.close();
  });
  return harness;
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(
  promise: Promise<unknown>,
): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}

/** Collects an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
