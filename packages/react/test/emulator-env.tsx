/**
 * A real (in-process) Cognito for component tests and stories: the emulator's `fetch` behind a
 * real `createCognitoAuth`, inside the real `CognitoProvider`. No Cognito mocks anywhere.
 */
import {
  createCognitoAuth,
  memoryStorage,
  type CognitoAuth,
  type CognitoAuthConfig,
  type SignInAuthFlow,
} from '@cognito-kit/core';
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
/** Passwordless CUSTOM_AUTH: one question with a fixed answer (the emulator's `customAuth`). */
export const CUSTOM_AUTH_POOL = 'us-east-1_KitDemo03';
/** App client of {@link CUSTOM_AUTH_POOL}; the env signs in with `authFlow: 'CUSTOM_AUTH'`. */
export const CUSTOM_AUTH_CLIENT_ID = 'kitdemoclient0000000000003';
/** CUSTOM_AUTH after the password (SRP first), then a code sent by e-mail. */
export const CUSTOM_CODE_POOL = 'us-east-1_KitDemo05';
/** App client of {@link CUSTOM_CODE_POOL}; the env signs in with `authFlow: 'CUSTOM_AUTH'`. */
export const CUSTOM_CODE_CLIENT_ID = 'kitdemoclient0000000000005';
/** Choice-based sign-in (USER_AUTH): passkeys, e-mail and SMS codes, password. */
export const PASSWORDLESS_POOL = 'us-east-1_KitDemo06';
/** App client of {@link PASSWORDLESS_POOL}; the env signs in with `authFlow: 'USER_AUTH'`. */
export const PASSWORDLESS_CLIENT_ID = 'kitdemoclient0000000000006';
/** Every user must have a `name` (Cognito schema `Required: true`). */
export const REQUIRED_NAME_POOL = 'us-east-1_KitDemo04';
/** App client of {@link REQUIRED_NAME_POOL}. */
export const REQUIRED_NAME_CLIENT_ID = 'kitdemoclient0000000000004';
export const PASSWORD = 'Corr3ct-Horse!';
/**
 * The password policy tests and stories state through `PasswordSettings`: every rule, and longer
 * than the emulator's default 8 characters, so the listed rules visibly come from the app.
 */
export const STATED_POLICY = {
  minimumLength: 10,
  requireLowercase: true,
  requireUppercase: true,
  requireNumbers: true,
  requireSymbols: true,
} as const;
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
/** What the custom challenge of {@link CUSTOM_AUTH_POOL} asks, as its public parameter `question`. */
export const CUSTOM_QUESTION = 'What colour is a clear sky?';
/** The answer the custom challenge of {@link CUSTOM_AUTH_POOL} accepts. */
export const CUSTOM_ANSWER = 'blue';

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
  /** {@link CUSTOM_AUTH_POOL}: answers the custom challenge (no password). */
  custom: 'cora',
  /** {@link REQUIRED_NAME_POOL}: created by an administrator without the required `name`. */
  missingName: 'nora',
  /** {@link CUSTOM_CODE_POOL}: password, then an e-mailed code. */
  customCode: 'cody',
  /** {@link PASSWORDLESS_POOL}: verified e-mail and phone, a password, no MFA. */
  passwordless: 'paula',
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
    {
      id: CUSTOM_AUTH_POOL,
      customAuth: {
        challenges: [{ answer: CUSTOM_ANSWER, publicParameters: { question: CUSTOM_QUESTION } }],
        // A wrong answer is asked again (no error on the wire) until the third one fails.
        maxAttempts: 3,
      },
      clients: [
        {
          id: CUSTOM_AUTH_CLIENT_ID,
          explicitAuthFlows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        },
      ],
      users: [
        {
          username: USERS.custom,
          attributes: { email: 'cora@example.com', email_verified: true },
        },
      ],
    },
    {
      id: CUSTOM_CODE_POOL,
      customAuth: { srpFirst: true, challenges: [{ code: 'EMAIL' }], maxAttempts: 2 },
      clients: [
        {
          id: CUSTOM_CODE_CLIENT_ID,
          explicitAuthFlows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        },
      ],
      users: [
        {
          username: USERS.customCode,
          password: PASSWORD,
          attributes: { email: 'cody@example.com', email_verified: true },
        },
      ],
    },
    {
      id: PASSWORDLESS_POOL,
      allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'],
      webAuthn: { relyingPartyId: 'localhost' },
      autoVerifiedAttributes: ['email'],
      clients: [
        {
          id: PASSWORDLESS_CLIENT_ID,
          explicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        },
      ],
      users: [
        {
          username: USERS.passwordless,
          password: PASSWORD,
          attributes: {
            email: 'paula@example.com',
            email_verified: true,
            phone_number: '+15555550166',
            phone_number_verified: true,
          },
        },
      ],
    },
    {
      id: REQUIRED_NAME_POOL,
      requiredAttributes: ['name'],
      clients: [{ id: REQUIRED_NAME_CLIENT_ID }],
      users: [
        {
          // Seeded as AdminCreateUser leaves a user (temporary password), from before `name`
          // was required: the new-password step has to ask for it.
          username: USERS.missingName,
          password: PASSWORD,
          status: 'FORCE_CHANGE_PASSWORD',
          attributes: { email: 'nora@example.com' },
        },
      ],
    },
  ],
};

/** The app client and sign-in flow the env uses for each pool. */
const CLIENTS: Readonly<Record<string, { clientId: string; authFlow?: SignInAuthFlow }>> = {
  [POOL]: { clientId: CLIENT_ID },
  [MFA_REQUIRED_POOL]: { clientId: MFA_REQUIRED_CLIENT_ID },
  [CUSTOM_AUTH_POOL]: { clientId: CUSTOM_AUTH_CLIENT_ID, authFlow: 'CUSTOM_AUTH' },
  [CUSTOM_CODE_POOL]: { clientId: CUSTOM_CODE_CLIENT_ID, authFlow: 'CUSTOM_AUTH' },
  [REQUIRED_NAME_POOL]: { clientId: REQUIRED_NAME_CLIENT_ID },
  [PASSWORDLESS_POOL]: { clientId: PASSWORDLESS_CLIENT_ID, authFlow: 'USER_AUTH' },
};

/** One emulator and one auth object, fresh for each test or story. */
export interface EmulatorEnv {
  emulator: Emulator;
  auth: CognitoAuth;
  poolId: string;
}

/** Creates a fresh emulator with {@link seed} and a core auth object talking to it. */
export function createEmulatorEnv(
  poolId: string = POOL,
  extra: Pick<CognitoAuthConfig, 'passwordPolicy'> = {},
): EmulatorEnv {
  const emulator = createEmulator(seed);
  const client = CLIENTS[poolId];
  if (!client) throw new Error(`No app client seeded for pool ${poolId}.`);
  const auth = createCognitoAuth({
    endpoint: ENDPOINT,
    userPoolId: poolId,
    clientId: client.clientId,
    ...(client.authFlow && { authFlow: client.authFlow }),
    fetch: emulator.fetch,
    storage: memoryStorage(),
    rememberDevice: 'ask',
    totpIssuer: 'cognito-kit demo',
    ...extra,
  });
  return { emulator, auth, poolId };
}

/** Wraps `children` in the real provider around `env.auth`. */
export function EmulatorProvider({ env, children }: { env: EmulatorEnv; children: ReactNode }) {
  return <CognitoProvider auth={env.auth}>{children}</CognitoProvider>;
}
