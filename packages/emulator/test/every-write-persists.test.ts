/**
 * No write to the state can go unnoticed: every registered action is run (creating things before
 * the actions that delete them), and
 *
 * - in process, each call that changed the state was reported through `onChange`;
 * - in the Node host with a data directory, the state after the whole run survives a restart
 *   unchanged (every write was journaled).
 *
 * Neither depends on handlers announcing their changes: writes are observed by the state
 * tracker. The run also counts how many actions changed the state, so a fixture that stopped
 * exercising them would fail here rather than pass emptily.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Emulator, EmulatorSeed } from '../src/index.js';
import { createEmulator } from '../src/index.js';
import { adminActionNames, allActions } from '../src/engine/protocol/registry.js';
import { startEmulatorServer } from '../src/node/index.js';
import { SIGNED_NOW, signedCall } from './helpers/signed.js';
import { testSigningKeys } from './helpers/test-keys.js';
import { call, type WireAnswer } from './helpers/wire.js';

const POOL = 'us-east-1_Sweep1';
const CLIENT = 'sweepclient';
const PASSWORD = 'Passw0rd!';
const NEW_PASSWORD = 'N3w-Passw0rd!';

const FLOWS = [
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
] as const;

const seed: EmulatorSeed = {
  pools: [
    {
      id: POOL,
      mfa: { mode: 'OPTIONAL', factors: ['TOTP', 'EMAIL'] },
      clients: [
        {
          id: CLIENT,
          explicitAuthFlows: [...FLOWS],
        },
      ],
      groups: [{ name: 'readers' }],
      users: [
        {
          username: 'alice',
          password: PASSWORD,
          attributes: { email: 'alice@example.com', email_verified: true },
        },
        {
          username: 'bob',
          password: PASSWORD,
          status: 'UNCONFIRMED',
          attributes: { email: 'bob@example.com' },
        },
        { username: 'carol', password: PASSWORD, attributes: { email: 'carol@example.com' } },
      ],
    },
  ],
};

/** Actions that end or remove things run last, in this order. */
const LAST = [
  'ForgetDevice',
  'AdminForgetDevice',
  'AdminRemoveUserFromGroup',
  'DeleteUserAttributes',
  'AdminDeleteUserAttributes',
  'DeleteIdentityProvider',
  'DeleteGroup',
  'DeleteUserPoolClient',
  'DeleteUserPool',
  'AdminUserGlobalSignOut',
  'AdminDeleteUser',
  'GlobalSignOut',
  'RevokeToken',
  'DeleteUser',
];

function order(names: string[]): string[] {
  const rank = (name: string) => {
    const last = LAST.indexOf(name);
    if (last >= 0) return 100 + last;
    // Creators and code senders before the actions that use what they made.
    return /^(Create|SignUp|ForgotPassword|GetUserAttributeVerificationCode|ResendConfirmationCode)/.test(
      name,
    )
      ? 0
      : 1;
  };
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

interface Run {
  /** Per action: did the state change, and was it reported? */
  readonly results: { action: string; changed: boolean; reported: boolean; status: number }[];
}

/**
 * Calls every registered action once with an input that makes sense for it in this fixture
 * (unknown members are ignored by every action, as by Cognito, so one bag of members serves
 * most; a few need a fresh code or a specific user).
 */
async function runEveryAction(emulator: Emulator, notifications: () => number): Promise<Run> {
  const signIn = async (password: string): Promise<Record<string, string>> => {
    const answer = await call(emulator, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: CLIENT,
      AuthParameters: { USERNAME: 'alice', PASSWORD: password },
    });
    const result = answer.body['AuthenticationResult'] as Record<string, string> | undefined;
    if (!result) throw new Error(`sign-in failed: ${answer.type}: ${answer.message}`);
    return result;
  };
  const tokens = await signIn(PASSWORD);
  /** The newest code sent to `username` for `purpose` (the outbox label). */
  const codeFor = (username: string, purpose: string) =>
    emulator.api.outbox
      .list({ username })
      .filter((m) => m.purpose === purpose)
      .at(-1)?.code ?? '';
  const common: Record<string, unknown> = {
    UserPoolId: POOL,
    ClientId: CLIENT,
    Username: 'alice',
    AccessToken: tokens['AccessToken'],
    Token: tokens['RefreshToken'],
    RefreshToken: tokens['RefreshToken'],
    GroupName: 'readers',
    Description: 'changed',
    ProviderName: 'Idp1',
    ProviderType: 'OIDC',
    ProviderDetails: {
      client_id: 'x',
      client_secret: 'y',
      authorize_scopes: 'openid',
      oidc_issuer: 'https://idp.example.com',
      attributes_request_method: 'GET',
    },
    PoolName: 'Another',
    ClientName: 'another',
    ExplicitAuthFlows: FLOWS,
    UserAttributes: [{ Name: 'name', Value: 'Alice' }],
    UserAttributeNames: ['name'],
    AttributeName: 'email',
    Password: NEW_PASSWORD,
    PreviousPassword: PASSWORD,
    ProposedPassword: NEW_PASSWORD,
    Permanent: true,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: 'carol', PASSWORD },
    MfaConfiguration: 'OPTIONAL',
    SoftwareTokenMfaConfiguration: { Enabled: true },
    EmailMfaSettings: { Enabled: true, PreferredMfa: true },
    DesiredDeliveryMediums: ['EMAIL'],
  };
  const special: Record<string, () => Record<string, unknown> | Promise<Record<string, unknown>>> =
    {
      // Sign-outs ended the first sign-in; the account is deleted with a new one.
      DeleteUser: async () => {
        const fresh = 'Fr3sh-Passw0rd!';
        const set = { UserPoolId: POOL, Username: 'alice', Password: fresh, Permanent: true };
        await signedCall(emulator, 'AdminSetUserPassword', set);
        await signedCall(emulator, 'AdminSetUserMFAPreference', {
          UserPoolId: POOL,
          Username: 'alice',
          EmailMfaSettings: { Enabled: false },
          SoftwareTokenMfaSettings: { Enabled: false },
        });
        return { AccessToken: (await signIn(fresh))['AccessToken'] };
      },
      CreateGroup: () => ({ GroupName: 'writers' }),
      SignUp: () => ({ Username: 'dave', Password: PASSWORD, UserAttributes: [] }),
      AdminCreateUser: () => ({ Username: 'erin', MessageAction: 'SUPPRESS', UserAttributes: [] }),
      ConfirmSignUp: () => ({
        Username: 'dave',
        ConfirmationCode: emulator.api.outbox.lastCode('dave') ?? '',
      }),
      AdminConfirmSignUp: () => ({ Username: 'bob' }),
      ResendConfirmationCode: () => ({ Username: 'bob' }),
      AdminInitiateAuth: () => ({ AuthFlow: 'ADMIN_USER_PASSWORD_AUTH' }),
      ConfirmForgotPassword: () => ({
        ConfirmationCode: emulator.api.outbox.lastCode('alice') ?? '',
        Password: 'An0ther-Passw0rd!',
      }),
      VerifyUserAttribute: () => ({ Code: codeFor('alice', 'VERIFY_ATTRIBUTE') }),
      AdminDeleteUser: () => ({ Username: 'erin' }),
      DeleteUserPoolClient: () => ({ ClientId: 'nonexistent-but-harmless' }),
      DeleteUserPool: () => ({ UserPoolId: 'us-east-1_Nothing1' }),
    };
  const results: Run['results'] = [];
  for (const action of order(Object.keys(allActions))) {
    // Admin actions work on carol, so they do not sign alice (whose tokens the rest use) out.
    const admin = adminActionNames.has(action);
    const input = {
      ...common,
      ...(admin && { Username: 'carol' }),
      ...(await special[action]?.()),
    };
    const before = JSON.stringify(emulator.api.snapshot());
    const heard = notifications();
    const answer: WireAnswer = admin
      ? await signedCall(emulator, action, input)
      : await call(emulator, action, input);
    results.push({
      action,
      changed: JSON.stringify(emulator.api.snapshot()) !== before,
      reported: notifications() > heard,
      status: answer.status,
    });
  }
  return { results };
}

describe('every write is noticed', () => {
  it('in process: each action that changed the state is reported through onChange', async () => {
    let heard = 0;
    const emulator = createEmulator(seed, {
      now: SIGNED_NOW,
      signingKeys: testSigningKeys,
      onChange: () => (heard += 1),
    });
    const { results } = await runEveryAction(emulator, () => heard);
    const unreported = results.filter((r) => r.changed && !r.reported).map((r) => r.action);
    expect(unreported).toEqual([]);
    // The fixture really exercises the writers: 35 actions change the state in this run today
    // (the rest read, or need a device, a challenge or an MFA code this fixture does not make).
    expect(results.filter((r) => r.changed).length).toBeGreaterThanOrEqual(35);
  });

  it('in the Node host: everything written survives a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ck-every-write-'));
    try {
      const options = {
        port: 0,
        quiet: true,
        dataDir,
        seed,
        emulatorOptions: { now: SIGNED_NOW, signingKeys: testSigningKeys },
      };
      const first = await startEmulatorServer(options);
      const { results } = await runEveryAction(first.emulator, () => 0);
      expect(results.filter((r) => r.changed).length).toBeGreaterThanOrEqual(35);
      const written = first.emulator.api.snapshot();
      await first.close();
      const second = await startEmulatorServer(options);
      try {
        expect(second.origin).toBe('data');
        expect(second.emulator.api.snapshot()).toEqual(written);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
