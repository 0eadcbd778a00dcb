/**
 * Test kit for the user-side actions: an emulator with a fixed clock, a `call` helper that
 * speaks the wire protocol through the in-process fetch, and a real sign-in (USER_PASSWORD_AUTH)
 * to obtain tokens.
 */
import { deviceActions } from '../../src/engine/actions/devices.js';
import { mfaActions } from '../../src/engine/actions/mfa.js';
import { userActions } from '../../src/engine/actions/user.js';
import { createEmulator, type Emulator } from '../../src/engine/emulator.js';
import { testSigningKeys } from '../helpers/test-keys.js';
import type { EmulatorSeed } from '../../src/engine/seed/seed.js';

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

/** Flows the test client allows: the password flow lets tests sign in in one call. */
export const FLOWS: (
  'ALLOW_USER_PASSWORD_AUTH' | 'ALLOW_USER_SRP_AUTH' | 'ALLOW_REFRESH_TOKEN_AUTH'
)[] = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
const LEGACY = 'LEGACY' as const;

/** Seed with one pool, one public client and a confirmed user `alice` with a verified email. */
export function baseSeed(overrides: Partial<NonNullable<EmulatorSeed['pools']>[number]> = {}) {
  return {
    pools: [
      {
        id: POOL_ID,
        // The kit's clock is frozen at T0 while SRP clients (amazon-cognito-identity-js) stamp
        // their claims with the real time: the skew check would refuse every claim.
        timestampToleranceSeconds: null,
        autoVerifiedAttributes: ['email' as const],
        clients: [{ id: CLIENT_ID, explicitAuthFlows: FLOWS, preventUserExistenceErrors: LEGACY }],
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

/**
 * An emulator with the user, MFA and device actions registered (explicitly, so these tests do
 * not depend on the registry listing them).
 */
export function userKit(seed: EmulatorSeed = baseSeed()): Emulator {
  const emulator = createEmulator(seed, {
    now: T0,
    signingKeys: testSigningKeys,
    actions: { ...userActions, ...mfaActions, ...deviceActions },
    onInternalError: (error) => {
      throw error;
    },
  });
  return emulator;
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

/**
 * Signs `username` in with USER_PASSWORD_AUTH and returns the tokens. A SOFTWARE_TOKEN_MFA
 * challenge is answered with the code of the user's registered authenticator.
 */
export async function signIn(
  emulator: Emulator,
  username = 'alice',
  options: { password?: string; clientId?: string } = {},
): Promise<Tokens> {
  const ClientId = options.clientId ?? CLIENT_ID;
  let body = await ok(emulator, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId,
    AuthParameters: { USERNAME: username, PASSWORD: options.password ?? PASSWORD },
  });
  if (body['ChallengeName'] === 'SOFTWARE_TOKEN_MFA') {
    const params = body['ChallengeParameters'] as Record<string, string>;
    body = await ok(emulator, 'RespondToAuthChallenge', {
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      ClientId,
      Session: body['Session'],
      ChallengeResponses: {
        USERNAME: params['USERNAME'] ?? username,
        SOFTWARE_TOKEN_MFA_CODE: emulator.api.totpCode(POOL_ID, username) ?? '',
      },
    });
  }
  const result = body['AuthenticationResult'] as Tokens | undefined;
  if (!result) throw new Error(`sign-in of ${username} answered ${String(body['ChallengeName'])}`);
  return result;
}

/** Refreshes with REFRESH_TOKEN_AUTH; resolves to the call result (success or error). */
export function refresh(emulator: Emulator, refreshToken: string, clientId = CLIENT_ID) {
  return call(emulator, 'InitiateAuth', {
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    ClientId: clientId,
    AuthParameters: { REFRESH_TOKEN: refreshToken },
  });
}
