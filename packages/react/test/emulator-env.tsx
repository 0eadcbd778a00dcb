/**
 * A real (in-process) Cognito for component tests and stories: the emulator's `fetch` behind a
 * real `createCognitoAuth`, inside the real `CognitoProvider`. No Cognito mocks anywhere.
 */
import { createCognitoAuth, memoryStorage, type CognitoAuth } from '@cognito-kit/core';
import { createEmulator, type Emulator, type EmulatorSeed } from '@cognito-kit/emulator';
import type { ReactNode } from 'react';
import { CognitoProvider } from '../src/provider/CognitoProvider.js';

export const ENDPOINT = 'http://cognito.emulator.test';
export const CLIENT_ID = 'kitdemoclient0000000000001';
/** App client of {@link MFA_REQUIRED_POOL} (client ids are unique across pools). */
export const MFA_REQUIRED_CLIENT_ID = 'kitdemoclient0000000000002';
/** Optional MFA, every factor: each user below shows one sign-in state. */
export const POOL = 'us-east-1_KitDemo01';
/** MFA required: a user without a factor must set one up during sign-in. */
export const MFA_REQUIRED_POOL = 'us-east-1_KitDemo02';
export const PASSWORD = 'Corr3ct-Horse!';
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The users, by the state their sign-in reaches. */
export const USERS = {
  plain: 'alice',
  unconfirmed: 'una',
  newPassword: 'nina',
  sms: 'sam',
  email: 'emma',
  totp: 'tom',
  select: 'selma',
  setup: 'seth',
} as const;

export const seed: EmulatorSeed = {
  pools: [
    {
      id: POOL,
      mfa: { mode: 'OPTIONAL', factors: ['SMS', 'TOTP', 'EMAIL'] },
      autoVerifiedAttributes: ['email'],
      deviceTracking: 'opt-in',
      clients: [{ id: CLIENT_ID, preventUserExistenceErrors: 'ENABLED' }],
      users: [
        {
          username: USERS.plain,
          password: PASSWORD,
          attributes: { email: 'alice@example.com', email_verified: true },
        },
        {
          username: USERS.unconfirmed,
          password: PASSWORD,
          status: 'UNCONFIRMED',
          attributes: { email: 'una@example.com' },
        },
        {
          username: USERS.newPassword,
          password: PASSWORD,
          status: 'FORCE_CHANGE_PASSWORD',
          attributes: { email: 'nina@example.com' },
        },
        {
          username: USERS.sms,
          password: PASSWORD,
          attributes: { phone_number: '+15555550123', phone_number_verified: true },
          mfa: { sms: true, preferred: 'SMS' },
        },
        {
          username: USERS.email,
          password: PASSWORD,
          attributes: { email: 'emma@example.com', email_verified: true },
          mfa: { email: true, preferred: 'EMAIL' },
        },
        {
          username: USERS.totp,
          password: PASSWORD,
          attributes: { email: 'tom@example.com', email_verified: true },
          mfa: { totpSecret: TOTP_SECRET, preferred: 'TOTP' },
        },
        {
          username: USERS.select,
          password: PASSWORD,
          attributes: { phone_number: '+15555550199', phone_number_verified: true },
          mfa: { sms: true, totpSecret: TOTP_SECRET },
        },
      ],
    },
    {
      id: MFA_REQUIRED_POOL,
      mfa: { mode: 'ON', factors: ['TOTP', 'EMAIL'] },
      clients: [{ id: MFA_REQUIRED_CLIENT_ID }],
      users: [
        {
          username: USERS.setup,
          password: PASSWORD,
          attributes: { email: 'seth@example.com', email_verified: true },
        },
      ],
    },
  ],
};

/** One emulator and one auth object, fresh for each test or story. */
export interface EmulatorEnv {
  emulator: Emulator;
  auth: CognitoAuth;
  poolId: string;
}

/** Creates a fresh emulator with {@link seed} and a core auth object talking to it. */
export function createEmulatorEnv(poolId: string = POOL): EmulatorEnv {
  const emulator = createEmulator(seed);
  const auth = createCognitoAuth({
    endpoint: ENDPOINT,
    userPoolId: poolId,
    clientId: poolId === MFA_REQUIRED_POOL ? MFA_REQUIRED_CLIENT_ID : CLIENT_ID,
    fetch: emulator.fetch,
    storage: memoryStorage(),
    rememberDevice: 'ask',
    totpIssuer: 'cognito-kit demo',
  });
  return { emulator, auth, poolId };
}

/** Wraps `children` in the real provider around `env.auth`. */
export function EmulatorProvider({ env, children }: { env: EmulatorEnv; children: ReactNode }) {
  return <CognitoProvider auth={env.auth}>{children}</CognitoProvider>;
}
