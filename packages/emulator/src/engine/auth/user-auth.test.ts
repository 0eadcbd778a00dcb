import { describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import {
  emptyState,
  type FirstAuthFactor,
  type PoolState,
  type UserState,
} from '../model/state.js';
import { applySeed } from '../seed/seed.js';
import type { PoolSeed, UserSeed } from '../seed/seed.js';
import { availableFirstFactors } from './user-auth.js';

const POOL_ID = 'us-east-1_Factors1';

/** The pool and user a seed describes. */
function poolAndUser(pool: Partial<PoolSeed>, user: Partial<UserSeed>) {
  const ctx = createContext({ state: emptyState() });
  applySeed(ctx, {
    pools: [
      {
        id: POOL_ID,
        webAuthn: { relyingPartyId: 'localhost' },
        ...pool,
        users: [{ username: 'u', ...user }],
      },
    ],
  });
  const state = ctx.state.pools[POOL_ID] as PoolState;
  return { pool: state, user: state.users['u'] as UserState };
}

const ALL: FirstAuthFactor[] = ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'];
const email = { email: 'u@example.com', email_verified: true };
const phone = { phone_number: '+15555550100', phone_number_verified: true };
const passkey = {
  credentialId: 'cred',
  publicKey: 'key',
  signCount: 0,
  relyingPartyId: 'localhost',
  friendlyName: 'Passkey',
  transports: [],
  createdAt: 0,
};

describe('availableFirstFactors', () => {
  const cases: {
    name: string;
    pool: Partial<PoolSeed>;
    user: Partial<UserSeed>;
    passkeyRp?: string;
    expected: string[];
  }[] = [
    {
      name: 'default policy: password only',
      pool: {},
      user: { password: 'Passw0rd!', attributes: email },
      expected: ['PASSWORD', 'PASSWORD_SRP'],
    },
    {
      name: 'everything allowed and usable',
      pool: { allowedFirstAuthFactors: ALL },
      user: { password: 'Passw0rd!', attributes: { ...email, ...phone } },
      passkeyRp: 'localhost',
      expected: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'],
    },
    {
      name: 'no password, unverified phone',
      pool: { allowedFirstAuthFactors: ALL },
      user: { attributes: { ...email, phone_number: '+15555550100' } },
      expected: ['EMAIL_OTP'],
    },
    {
      name: 'a passkey of another relying party does not count',
      pool: { allowedFirstAuthFactors: ALL },
      user: { password: 'Passw0rd!' },
      passkeyRp: 'example.com',
      expected: ['PASSWORD', 'PASSWORD_SRP'],
    },
    {
      name: 'pool MFA ON leaves only the password',
      pool: { allowedFirstAuthFactors: ALL, mfa: { mode: 'ON', factors: ['TOTP'] } },
      user: { password: 'Passw0rd!', attributes: email },
      passkeyRp: 'localhost',
      expected: ['PASSWORD', 'PASSWORD_SRP'],
    },
    {
      name: 'optional MFA the user turned on leaves only the password',
      pool: { allowedFirstAuthFactors: ALL, mfa: { mode: 'OPTIONAL', factors: ['EMAIL'] } },
      user: { password: 'Passw0rd!', attributes: email, mfa: { email: true } },
      expected: ['PASSWORD', 'PASSWORD_SRP'],
    },
    {
      name: 'optional MFA the user did not turn on keeps passwordless factors',
      pool: { allowedFirstAuthFactors: ALL, mfa: { mode: 'OPTIONAL', factors: ['EMAIL'] } },
      user: { password: 'Passw0rd!', attributes: email },
      expected: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP'],
    },
  ];

  it.each(cases)('$name', ({ pool: poolSeed, user: userSeed, passkeyRp, expected }) => {
    const { pool, user } = poolAndUser(poolSeed, userSeed);
    if (passkeyRp !== undefined) {
      user.webAuthnCredentials = { cred: { ...passkey, relyingPartyId: passkeyRp } };
    }
    expect(availableFirstFactors(pool, user)).toEqual(expected);
  });
});
