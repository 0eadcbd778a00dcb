/**
 * Shared set-up of the admin API tests: an emulator HTTP server on a free port with one seeded
 * pool, an `@aws-sdk/client-cognito-identity-provider` client signing with the configured key,
 * and helpers to read errors and the outbox.
 */
import { afterAll, beforeAll } from 'vitest';
import { startEmulatorServer } from '../src/node/server.js';
import type { EmulatorServer } from '../src/node/server.js';
import { awsSdk } from './aws-sdk.js';

export const sdk = awsSdk;
export const POOL = 'eu-west-1_AdminHttp1';
export const CREDENTIALS = { accessKeyId: 'AKIDADMIN', secretAccessKey: 'admin-secret' };

type Client = InstanceType<typeof sdk.CognitoIdentityProviderClient>;

/** Runs `promise` and returns the SDK's parsed error (name + message). */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error('expected the call to fail');
}

/** One outbox message as the `/_emulator/outbox` route returns it. */
export interface OutboxEntry {
  username: string;
  medium: string;
  destination: string;
  purpose: string;
  code?: string;
  message: string;
}

/** Decodes a JWT's claims (no verification; the tokens tests verify signatures). */
export function claims(jwt: string | undefined): Record<string, unknown> {
  const payload = (jwt ?? '').split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The running server and helpers bound to it; valid inside tests. */
export interface AdminHarness {
  readonly server: EmulatorServer;
  readonly client: Client;
  clientWith(credentials: { accessKeyId: string; secretAccessKey: string }): Client;
  outbox(username: string, poolId?: string): Promise<OutboxEntry[]>;
}

/** Registers beforeAll / afterAll that start and stop a server for the calling test file. */
export function useAdminServer(): AdminHarness {
  let server: EmulatorServer | undefined;
  let client: Client | undefined;
  const harness: AdminHarness = {
    get server() {
      if (!server) throw new Error('server not started');
      return server;
    },
    get client() {
      if (!client) throw new Error('server not started');
      return client;
    },
    clientWith(credentials) {
      return new sdk.CognitoIdentityProviderClient({
        region: 'eu-west-1',
        endpoint: harness.server.url,
        credentials,
        maxAttempts: 1,
      });
    },
    async outbox(username, poolId = POOL) {
      const res = await fetch(
        `${harness.server.url}/_emulator/outbox?poolId=${poolId}&username=${encodeURIComponent(username)}`,
      );
      return ((await res.json()) as { messages: OutboxEntry[] }).messages;
    },
  };
  beforeAll(async () => {
    server = await startEmulatorServer({
      port: 0,
      quiet: true,
      credentials: CREDENTIALS,
      seed: {
        pools: [
          {
            id: POOL,
            aliasAttributes: ['email'],
            clients: [
              {
                id: 'adminHttpClient',
                explicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
              },
              { id: 'srpOnlyClient', explicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] },
            ],
            users: [
              {
                username: 'seeded',
                password: 'Seeded-Passw0rd',
                attributes: { email: 'seeded@example.com', email_verified: true },
              },
            ],
          },
        ],
      },
    });
    client = harness.clientWith(CREDENTIALS);
  });
  afterAll(async () => {
    client?.destroy();
    await server?.close();
  });
  return harness;
}
