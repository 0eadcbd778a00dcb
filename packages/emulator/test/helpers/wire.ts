/**
 * Test helpers that talk to an in-process emulator the way any client would: JSON 1.1 over
 * `fetch`, with the X-Amz-Target header, and read answers (including error shapes) back.
 */
import { createEmulator, type Emulator, type EmulatorOptions } from '../../src/index.js';
import { testSigningKeys } from './test-keys.js';
import type { EmulatorSeed, PoolSeed } from '../../src/index.js';

/** Endpoint the tests send to (any origin works in process; it becomes the token issuer base). */
export const ENDPOINT = 'http://emulator.test';
export const POOL_ID = 'us-east-1_TestPool1';
export const CLIENT_ID = 'webclient1';
export const PASSWORD = 'Passw0rd!';

/** An answer read back from the emulator. */
export interface WireAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  /** `__type` of an error answer. */
  type: string | undefined;
  message: string | undefined;
}

/** Calls one action in process. */
export async function call(
  emulator: Emulator,
  action: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<WireAnswer> {
  const response = await emulator.fetch(`${ENDPOINT}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${action}`,
      ...headers,
    },
    body: typeof input === 'string' ? input : JSON.stringify(input),
  });
  const text = await response.text();
  const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  const type = typeof body['__type'] === 'string' ? body['__type'] : undefined;
  const message = (body['message'] ?? body['Message']) as string | undefined;
  return { status: response.status, headers: response.headers, body, type, message };
}

/** Like {@link call} but fails the test unless the answer is a 200. */
export async function ok(
  emulator: Emulator,
  action: string,
  input: unknown,
): Promise<Record<string, unknown>> {
  const answer = await call(emulator, action, input);
  if (answer.status !== 200) {
    throw new Error(`${action} failed: ${answer.status} ${answer.type}: ${answer.message}`);
  }
  return answer.body;
}

/** A pool with one public client and the user `alice` (password {@link PASSWORD}). */
export function basicPool(overrides: Partial<PoolSeed> = {}): PoolSeed {
  return {
    id: POOL_ID,
    clients: [
      {
        id: CLIENT_ID,
        explicitAuthFlows: [
          'ALLOW_USER_SRP_AUTH',
          'ALLOW_USER_PASSWORD_AUTH',
          'ALLOW_REFRESH_TOKEN_AUTH',
        ],
      },
    ],
    users: [
      {
        username: 'alice',
        password: PASSWORD,
        attributes: { email: 'alice@example.com', email_verified: true },
      },
    ],
    ...overrides,
  };
}

/** An emulator seeded with `pools` (default: {@link basicPool}). */
export function emulatorWith(
  pools: PoolSeed[] = [basicPool()],
  options: EmulatorOptions = {},
): Emulator {
  const seed: EmulatorSeed = { pools };
  return createEmulator(seed, { signingKeys: testSigningKeys, ...options });
}
