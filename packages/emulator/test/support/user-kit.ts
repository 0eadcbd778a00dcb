/**
 * Test kit for the user-side actions: an emulator with a fixed clock, a `call` helper that
 * speaks the wire protocol through the in-process fetch, and a way to obtain real tokens.
 *
 * Tokens come from the engine's own `issueTokens` through a test-only action, so these tests do
 * not depend on the sign-in flows (tested on their own); the tokens are the same signed JWTs and
 * refresh-token records a sign-in produces.
 */
import type { ActionMap } from '../../src/engine/action.js';
import { deviceActions } from '../../src/engine/actions/devices.js';
import { mfaActions } from '../../src/engine/actions/mfa.js';
import { userActions } from '../../src/engine/actions/user.js';
import { nowSeconds } from '../../src/engine/context.js';
import { createEmulator, type Emulator } from '../../src/engine/emulator.js';
import { openAuthSession } from '../../src/engine/auth/sessions.js';
import type { EmulatorSeed } from '../../src/engine/seed.js';
import { issueTokens } from '../../src/engine/tokens.js';
import { findUserByLogin, requireClient } from '../../src/engine/users.js';

/** Fixed start time of the test clock: 2024-03-05T04:05:06Z. */
export const T0 = Date.UTC(2024, 2, 5, 4, 5, 6);
export const POOL_ID = 'us-east-1_UserKit1';
export const CLIENT_ID = 'userkitclient';
export const PASSWORD = 'Passw0rd!';

/** An answer of the emulator: status, error name (if any) and JSON body. */
export interface CallResult {
  status: number;
  type: string | undefined;
  message: string | undefined;
  body: Record<string, unknown>;
}

const testActions: ActionMap = {
  /** Issues tokens for a user as a successful sign-in would (optionally for a new device). */
  async Test_IssueTokens(ctx, input, req) {
    const { pool, client } = requireClient(ctx, String(input['ClientId']));
    const user = findUserByLogin(pool, String(input['Username']));
    if (!user) throw new Error('Test_IssueTokens: no such user');
    let deviceKey: string | undefined;
    if (input['NewDevice'] === true) {
      deviceKey = `${pool.region}_${ctx.uuid()}`;
      const now = ctx.clock.now();
      user.devices[deviceKey] = {
        deviceKey,
        deviceGroupKey: user.deviceGroupKey,
        rememberedStatus: null,
        attributes: {},
        createdAt: now,
        lastModifiedAt: now,
        lastAuthenticatedAt: now,
      };
    }
    const result = await issueTokens(ctx, {
      pool,
      client,
      user,
      origin: req.origin,
      authTime: nowSeconds(ctx),
      originJti: ctx.uuid(),
      deviceKey,
      withRefreshToken: true,
    });
    if (deviceKey !== undefined) {
      result.NewDeviceMetadata = { DeviceKey: deviceKey, DeviceGroupKey: user.deviceGroupKey };
    }
    return { AuthenticationResult: result };
  },

  /** Opens an MFA_SETUP sign-in session for a user, as InitiateAuth would. */
  async Test_OpenMfaSetup(ctx, input) {
    const { pool, client } = requireClient(ctx, String(input['ClientId']));
    const user = findUserByLogin(pool, String(input['Username']));
    if (!user) throw new Error('Test_OpenMfaSetup: no such user');
    const session = openAuthSession(ctx, client, 'MFA_SETUP', {
      poolId: pool.id,
      clientId: client.clientId,
      username: user.username,
      authFlow: 'USER_SRP_AUTH',
      mfaOptions: ['SOFTWARE_TOKEN_MFA'],
    });
    return { Session: session.id };
  },
};

/** Seed with one pool, one public client and a confirmed user `alice` with a verified email. */
export function baseSeed(overrides: Partial<NonNullable<EmulatorSeed['pools']>[number]> = {}) {
  return {
    pools: [
      {
        id: POOL_ID,
        autoVerifiedAttributes: ['email' as const],
        clients: [{ id: CLIENT_ID, preventUserExistenceErrors: 'LEGACY' as const }],
        users: [
          {
            username: 'alice',
            password: PASSWORD,
            attributes: { email: 'alice@example.com', email_verified: true },
          },
        ],
        ...overrides,
      },
    ],
  } satisfies EmulatorSeed;
}

/** An emulator with the user, MFA and device actions and the test actions registered. */
export function userKit(seed: EmulatorSeed = baseSeed()): Emulator {
  return createEmulator(seed, {
    now: T0,
    actions: { ...userActions, ...mfaActions, ...deviceActions, ...testActions },
    onInternalError: (error) => {
      throw error;
    },
  });
}

/** POSTs one action with Cognito's framing and decodes the answer. */
export async function call(
  emulator: Emulator,
  action: string,
  body: Record<string, unknown>,
): Promise<CallResult> {
  const response = await emulator.fetch('http://localhost:9229/', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${action}`,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  const type = response.headers.get('x-amzn-ErrorType') ?? undefined;
  const message = (parsed['message'] ?? parsed['Message']) as string | undefined;
  return { status: response.status, type, message, body: parsed };
}

/** Like {@link call} but fails the test unless the answer is a 200. */
export async function ok(
  emulator: Emulator,
  action: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const result = await call(emulator, action, body);
  if (result.status !== 200) {
    throw new Error(`${action} failed: ${result.type ?? result.status} ${result.message ?? ''}`);
  }
  return result.body;
}

/** Tokens of a sign-in. */
export interface Tokens {
  AccessToken: string;
  IdToken: string;
  RefreshToken: string;
  NewDeviceMetadata?: { DeviceKey: string; DeviceGroupKey: string };
}

/** Signs `username` in (see the module note) and returns the tokens. */
export async function signIn(
  emulator: Emulator,
  username = 'alice',
  options: { newDevice?: boolean; clientId?: string } = {},
): Promise<Tokens> {
  const body = await ok(emulator, 'Test_IssueTokens', {
    ClientId: options.clientId ?? CLIENT_ID,
    Username: username,
    NewDevice: options.newDevice ?? false,
  });
  return body['AuthenticationResult'] as Tokens;
}
