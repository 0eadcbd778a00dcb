// Shared fixtures of the machine tests (not a test file itself; no secrets, made-up values).
import type { AuthEvent } from './events.js';
import type { MachineState, SignedInUser, SignInFlow } from './state.js';

export const user: SignedInUser = {
  username: 'internal-1',
  userId: 'sub-1',
  claims: { email: 'a@example.com' },
  expiresAt: 1_000_000,
};

export const flow: SignInFlow = {
  attempt: 1,
  authFlow: 'USER_SRP_AUTH',
  typedUsername: 'alice@example.com',
  username: 'internal-1',
  session: 'session-0000000000000001',
  deviceRetried: false,
  rememberDevice: 'never',
  totpIssuer: 'Demo',
};

export const signIn = (over: Partial<Extract<AuthEvent, { type: 'SIGN_IN' }>> = {}): AuthEvent => ({
  type: 'SIGN_IN',
  attempt: 1,
  username: 'alice@example.com',
  authFlow: 'USER_SRP_AUTH',
  rememberDevice: 'never',
  totpIssuer: 'Demo',
  ...over,
});

/** One representative machine state per status (two for `challenge`). */
export const STATES = {
  initializing: { state: { status: 'initializing' }, flow: null },
  signedOut: { state: { status: 'signedOut' }, flow: null },
  signingIn: { state: { status: 'signingIn', username: 'alice@example.com' }, flow },
  challengeIdle: {
    state: {
      status: 'challenge',
      username: 'alice@example.com',
      challenge: { name: 'SMS_MFA', destination: '+*******1234', medium: 'SMS' },
      submitting: false,
    },
    flow,
  },
  challengeSubmitting: {
    state: {
      status: 'challenge',
      username: 'alice@example.com',
      challenge: { name: 'SMS_MFA', destination: '+*******1234', medium: 'SMS' },
      submitting: true,
    },
    flow,
  },
  rememberDevice: {
    state: { status: 'rememberDevice', user },
    flow: {
      ...flow,
      rememberDevice: 'ask',
      newDevice: { deviceKey: 'eu-west-1_dev', deviceGroupKey: 'grp' },
    },
  },
  signedIn: { state: { status: 'signedIn', user }, flow: null },
  signingOut: { state: { status: 'signingOut', global: false }, flow: null },
} satisfies Record<string, MachineState>;

export type StateKey = keyof typeof STATES;

export const tokens = {
  AccessToken: 'access.jwt',
  IdToken: 'id.jwt',
  RefreshToken: 'refresh',
  ExpiresIn: 3600,
  TokenType: 'Bearer',
};
