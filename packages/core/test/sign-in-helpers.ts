// Test helpers for the sign-in integration tests: an emulator, a fetch that records what it
// sends, and a gate that holds answers back (to test abandoned sign-ins). Nothing here fakes
// Cognito: every answer comes from the emulator.
import {
  createEmulator,
  type Emulator,
  type EmulatorOptions,
  type EmulatorSeed,
} from '@cognito-kit/emulator';
import { expect } from 'vitest';
import { createCognitoAuth, type CognitoAuth, type CognitoAuthConfig } from '../src/auth/index.js';
import type { AuthState } from '../src/machine/index.js';
import { memoryStorage, type TokenStorage } from '../src/session/index.js';

export const POOL = 'us-east-1_SignIn1';
export const MFA_POOL = 'us-east-1_MfaOn1';
export const EMAIL_POOL = 'us-east-1_EmailId1';
export const DEVICE_POOL = 'us-east-1_Devices1';
/** MFA on, devices always remembered, e-mail as an alias of the username. */
export const ALIAS_DEVICE_POOL = 'us-east-1_AliasDev1';
/** MFA on, devices always remembered, e-mail is the username (the internal name is a uuid). */
export const EMAIL_DEVICE_POOL = 'us-east-1_EmailDev1';
export const PASSWORD = 'Passw0rd!';
export const ENDPOINT = 'http://emulator.test/';

/** Every flow the test clients allow. */
export const flows = [
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_CUSTOM_AUTH',
] as const;
/** A confidential client of EMAIL_POOL (test values). */
export const SECRET_CLIENT = 'webclient1secret';
export const CLIENT_SECRET = 'test_client_secret_0123456789abcdef0123456789';

/** App client ids must be unique across pools: one per pool. */
export const CLIENTS: Record<string, string> = {
  [POOL]: 'webclient1',
  [MFA_POOL]: 'webclient2',
  [EMAIL_POOL]: 'webclient3',
  [DEVICE_POOL]: 'webclient4',
  [ALIAS_DEVICE_POOL]: 'webclient5',
  [EMAIL_DEVICE_POOL]: 'webclient6',
};
const client = (pool: string) => ({
  id: CLIENTS[pool] ?? 'missing',
  explicitAuthFlows: [...flows],
});
/** A fixed base32 TOTP secret for seeded users (test data, not a real secret). */
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export const SEED: EmulatorSeed = {
  pools: [
    {
      id: POOL,
      // LEGACY: real error names (PasswordResetRequiredException) instead of a generic refusal.
      clients: [{ ...client(POOL), preventUserExistenceErrors: 'LEGACY' }],
      mfa: { mode: 'OPTIONAL', factors: ['TOTP', 'SMS', 'EMAIL'] },
      users: [
        {
          username: 'alice',
          password: PASSWORD,
          attributes: { email: 'alice@example.com', email_verified: true },
        },
        { username: 'bob', password: PASSWORD, status: 'UNCONFIRMED' },
        { username: 'olivia', password: PASSWORD, status: 'RESET_REQUIRED' },
        {
          username: 'carol',
          password: PASSWORD,
          status: 'FORCE_CHANGE_PASSWORD',
          attributes: { email: 'carol@example.com' },
        },
        {
          username: 'dave',
          password: PASSWORD,
          mfa: { totpSecret: TOTP_SECRET, preferred: 'TOTP' },
        },
        {
          username: 'erin',
          password: PASSWORD,
          attributes: { phone_number: '+15555550100', phone_number_verified: true },
          mfa: { sms: true, preferred: 'SMS' },
        },
        {
          username: 'frank',
          password: PASSWORD,
          attributes: {
            email: 'frank@example.com',
            email_verified: true,
            phone_number: '+15555550101',
            phone_number_verified: true,
          },
          mfa: { sms: true, totpSecret: TOTP_SECRET },
        },
        {
          username: 'grace',
          password: PASSWORD,
          attributes: { email: 'grace@example.com', email_verified: true },
          mfa: { email: true, preferred: 'EMAIL' },
        },
      ],
    },
    {
      id: MFA_POOL,
      clients: [client(MFA_POOL)],
      mfa: { mode: 'ON', factors: ['TOTP'] },
      users: [{ username: 'heidi', password: PASSWORD }],
    },
    {
      id: EMAIL_POOL,
      clients: [
        client(EMAIL_POOL),
        { ...client(EMAIL_POOL), id: SECRET_CLIENT, secret: CLIENT_SECRET },
      ],
      usernameAttributes: ['email'],
      users: [
        {
          username: 'ivan@example.com',
          password: PASSWORD,
          attributes: { email: 'ivan@example.com', email_verified: true },
        },
      ],
    },
    {
      id: DEVICE_POOL,
      clients: [client(DEVICE_POOL)],
      mfa: { mode: 'OPTIONAL', factors: ['TOTP'] },
      deviceTracking: 'always',
      challengeRequiredOnNewDevice: true,
      users: [
        { username: 'judy', password: PASSWORD },
        {
          username: 'ken',
          password: PASSWORD,
          mfa: { totpSecret: TOTP_SECRET, preferred: 'TOTP' },
        },
      ],
    },
    {
      id: ALIAS_DEVICE_POOL,
      clients: [client(ALIAS_DEVICE_POOL)],
      mfa: { mode: 'ON', factors: ['TOTP'] },
      deviceTracking: 'always',
      aliasAttributes: ['email'],
      users: [
        {
          username: 'alice',
          password: PASSWORD,
          attributes: { email: 'alice@example.com', email_verified: true },
          mfa: { totpSecret: TOTP_SECRET, preferred: 'TOTP' },
        },
      ],
    },
    {
      id: EMAIL_DEVICE_POOL,
      clients: [client(EMAIL_DEVICE_POOL)],
      mfa: { mode: 'ON', factors: ['TOTP'] },
      deviceTracking: 'always',
      usernameAttributes: ['email'],
      users: [
        {
          username: 'ivy@example.com',
          password: PASSWORD,
          attributes: { email: 'ivy@example.com', email_verified: true },
          mfa: { totpSecret: TOTP_SECRET, preferred: 'TOTP' },
        },
      ],
    },
  ],
};

/** One recorded request: the Cognito action, or `GET <path>` for the JWKS. */
export type Call = string;

/**
 * What a sign-in request said about devices: the challenge it answers and the DEVICE_KEY it
 * presents (AuthParameters or ChallengeResponses). Nothing secret is kept.
 */
export interface DeviceTrace {
  action: string;
  challengeName?: string | undefined;
  deviceKey?: string | undefined;
}

/** Holds answers back until `release()` when closed; open by default. */
export interface Gate {
  close(): void;
  release(): void;
}

export interface Rig {
  emulator: Emulator;
  calls: Call[];
  /** InitiateAuth / RespondToAuthChallenge requests, with their device-related members. */
  traces: DeviceTrace[];
  gate: Gate;
  fetch: typeof fetch;
  auth(overrides?: Partial<CognitoAuthConfig> & { userPoolId?: string }): CognitoAuth;
  storage: TokenStorage;
}

/** A fresh emulator (options: unverified behaviours, clock) and a recording fetch; `auth()` builds facades that share one storage. */
export function rig(options: EmulatorOptions = {}): Rig {
  const emulator = createEmulator(SEED, options);
  const calls: Call[] = [];
  const traces: DeviceTrace[] = [];
  let held: (() => void)[] | null = null;
  const gate: Gate = {
    close: () => {
      held ??= [];
    },
    release: () => {
      const waiting = held ?? [];
      held = null;
      for (const go of waiting) go();
    },
  };
  const recording: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const target = request.headers.get('x-amz-target');
    calls.push(target ? (target.split('.')[1] ?? target) : `GET ${new URL(request.url).pathname}`);
    const action = target?.split('.')[1];
    if (action === 'InitiateAuth' || action === 'RespondToAuthChallenge') {
      traces.push({ action, ...deviceTrace(await request.clone().json()) });
    }
    const answer = await emulator.fetch(request);
    if (held) await new Promise<void>((go) => held?.push(go));
    return answer;
  };
  const storage = memoryStorage();
  const built: CognitoAuth[] = [];
  return {
    emulator,
    calls,
    traces,
    gate,
    fetch: recording,
    storage,
    auth(overrides = {}) {
      const userPoolId = overrides.userPoolId ?? POOL;
      const auth = createCognitoAuth({
        endpoint: ENDPOINT,
        userPoolId,
        clientId: overrides.clientId ?? CLIENTS[userPoolId] ?? 'missing',
        fetch: recording,
        storage,
        crossTab: false,
        ...overrides,
      } as CognitoAuthConfig);
      built.push(auth);
      return auth;
    },
  };
}

function deviceTrace(body: unknown): Omit<DeviceTrace, 'action'> {
  const b = (body ?? {}) as {
    ChallengeName?: string;
    AuthParameters?: Record<string, string>;
    ChallengeResponses?: Record<string, string>;
  };
  const deviceKey = b.AuthParameters?.['DEVICE_KEY'] ?? b.ChallengeResponses?.['DEVICE_KEY'];
  return {
    ...(b.ChallengeName ? { challengeName: b.ChallengeName } : {}),
    ...(deviceKey ? { deviceKey } : {}),
  };
}

/** Only the Cognito actions among the recorded calls. */
export const actions = (calls: readonly Call[]): string[] =>
  calls.filter((c) => !c.startsWith('GET '));

/**
 * Asserts the state's status and narrows the state to it.
 *
 * @example
 * const state = expectStatus(await auth.signIn({ username, password }), 'signedIn');
 */
export const expectStatus = <S extends AuthState['status']>(state: AuthState, status: S) => {
  expect(state.status).toBe(status);
  return state as Extract<AuthState, { status: S }>;
};

/** What `promise` rejects with; throws when it resolves instead. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
