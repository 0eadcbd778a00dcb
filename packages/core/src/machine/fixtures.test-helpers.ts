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

/** A choice-based (USER_AUTH) sign-in after SELECT_CHALLENGE offered SRP. */
export const userAuthFlow: SignInFlow = {
  ...flow,
  authFlow: 'USER_AUTH',
  passwordChallenge: 'PASSWORD_SRP',
};

export const requestOptions = {
  challenge: 'OWRBeGdnNHZQaWF4dkF4Yw',
  rpId: 'localhost',
  timeout: 180000,
  allowCredentials: [{ id: 'Y3JlZC0x', type: 'public-key' as const }],
  userVerification: 'required' as const,
};

const selectChallenge = {
  name: 'SELECT_CHALLENGE',
  options: ['WEB_AUTHN', 'EMAIL_OTP', 'PASSWORD'],
} as const;
const passkeyChallenge = { name: 'WEB_AUTHN', requestOptions } as const;

/** One representative machine state per status (several for `challenge`). */
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
  selectIdle: {
    state: {
      status: 'challenge',
      username: 'alice@example.com',
      challenge: selectChallenge,
      submitting: false,
    },
    flow: userAuthFlow,
  },
  selectSubmitting: {
    state: {
      status: 'challenge',
      username: 'alice@example.com',
      challenge: selectChallenge,
      submitting: true,
    },
    flow: userAuthFlow,
  },
  passkeyIdle: {
    state: {
      status: 'challenge',
      username: 'alice@example.com',
      challenge: passkeyChallenge,
      submitting: false,
    },
    flow: userAuthFlow,
  },
  passkeySubmitting: {
    state: {
      status: 'challenge',
      username: 'alice@example.com',
      challenge: passkeyChallenge,
      submitting: true,
    },
    flow: userAuthFlow,
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
