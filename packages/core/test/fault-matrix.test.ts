// The fault matrix (issue #9): every wire step of every flow × every kind of failure, injected
// by the emulator (`emulator.faults`), against the real state machine, session and transport.
// For each case: the typed error (`code`, `retryable`), how often the request went out (the
// transport re-sends idempotent calls after transient failures: 1 + `limit` attempts, limit 2
// by default, see src/cognito/transport.ts), the auth state afterwards (a state the user can
// retry from), that a session held before the step survives every transient fault, and that the
// same step succeeds once the fault is gone.
import {
  createEmulator,
  createSigningKeyCache,
  type Emulator,
  type EmulatorSeed,
} from '@cognito-kit/emulator';
import { afterAll, describe, expect, it } from 'vitest';
import { createCognitoAuth, internalsOf, type CognitoAuth } from '../src/auth/index.js';
import {
  confirmForgotPassword,
  confirmSignUp,
  forgotPassword,
  resendSignUpCode,
  signUp,
  verifyTotp,
} from '../src/account/index.js';
import { isCognitoError, type CognitoError } from '../src/errors/index.js';
import type { AuthStatus, SignInAuthFlow } from '../src/machine/index.js';
import { memoryStorage } from '../src/session/index.js';
import { ENDPOINT, flows, PASSWORD, SEED as SIGN_IN_SEED, TOTP_SECRET } from './sign-in-helpers.js';
import { totpNow } from './totp.js';

const POOL = 'us-east-1_Faults1';
const DEVICE_POOL = 'us-east-1_FaultDev1';
const MFA_POOL = 'us-east-1_FaultMfa1';
const CLIENT = 'faultclient1';
const ROTATING_CLIENT = 'faultclient2';
const DEVICE_CLIENT = 'faultclient3';
const MFA_CLIENT = 'faultclient4';
const NEW_PASSWORD = 'N3w-Passw0rd!';
/** Extra attempts of the transport's default retry policy (src/cognito/transport.ts). */
const RETRY_LIMIT = 2;

const SEED: EmulatorSeed = {
  pools: [
    {
      id: POOL,
      mfa: { mode: 'OPTIONAL', factors: ['TOTP', 'SMS', 'EMAIL'] },
      autoVerifiedAttributes: ['email'],
      customAuth: { challenges: [{ answer: 'forty-two' }] },
      clients: [
        { id: CLIENT, explicitAuthFlows: [...flows] },
        {
          id: ROTATING_CLIENT,
          explicitAuthFlows: [...flows],
          // Without a grace period a rotation whose answer is lost (timeout) spends the only
          // refresh token the client has: the session is gone. Cognito's RetryGracePeriodSeconds
          // exists for this; the timeout column proves the retry within it keeps the session.
          refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: 10 },
        },
      ],
      // alice, dave (TOTP), carol (FORCE_CHANGE_PASSWORD), erin (SMS), grace (e-mail), frank
      // (SMS + TOTP, no preference: SELECT_MFA_TYPE)…
      users: [
        ...(SIGN_IN_SEED.pools?.[0]?.users ?? []),
        {
          username: 'uma',
          password: PASSWORD,
          status: 'UNCONFIRMED',
          attributes: { email: 'uma@example.com' },
        },
      ],
    },
    {
      id: MFA_POOL,
      mfa: { mode: 'ON', factors: ['TOTP', 'EMAIL'] },
      clients: [{ id: MFA_CLIENT, explicitAuthFlows: [...flows] }],
      users: [
        {
          username: 'heidi',
          password: PASSWORD,
          attributes: { email: 'heidi@example.com', email_verified: true },
        },
      ],
    },
    {
      id: DEVICE_POOL,
      deviceTracking: 'always',
      clients: [{ id: DEVICE_CLIENT, explicitAuthFlows: [...flows] }],
      users: [{ username: 'judy', password: PASSWORD }],
    },
  ],
};

/** What went over the wire, as the fault rules see it. */
interface Sent {
  action: string;
  challenge?: string;
  authFlow?: string;
}

/** One case's world: a fresh emulator, an auth facade on it, and what was sent. */
interface World {
  emulator: Emulator;
  auth: CognitoAuth;
  sent: Sent[];
  background: unknown[];
  /** Injects `times` of the case's fault when the first request matching `match` goes out. */
  arm(match: (s: Sent) => boolean): void;
}

const signingKeys = createSigningKeyCache();

function world(
  fault: FaultCase,
  options: { pool?: string; clientId?: string; authFlow?: SignInAuthFlow; rotation?: boolean },
): World {
  const emulator = createEmulator(SEED, { signingKeys });
  const sent: Sent[] = [];
  const background: unknown[] = [];
  let armed: ((s: Sent) => boolean) | undefined;
  const recording: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const target = request.headers.get('x-amz-target')?.split('.')[1];
    const body = target
      ? ((await request.clone().json()) as { ChallengeName?: string; AuthFlow?: string })
      : {};
    const call: Sent = {
      action: target ?? (request.url.endsWith('/.well-known/jwks.json') ? 'JWKS' : request.url),
      ...(body.ChallengeName !== undefined && { challenge: body.ChallengeName }),
      ...(body.AuthFlow !== undefined && { authFlow: body.AuthFlow }),
    };
    sent.push(call);
    if (armed?.(call)) {
      armed = undefined;
      emulator.faults.inject({ action: call.action, times: RETRY_LIMIT + 1, fault: fault.fault });
    }
    return emulator.fetch(request);
  };
  const pool = options.pool ?? POOL;
  const auth = createCognitoAuth({
    endpoint: ENDPOINT,
    userPoolId: pool,
    clientId:
      options.clientId ??
      (pool === DEVICE_POOL ? DEVICE_CLIENT : pool === MFA_POOL ? MFA_CLIENT : CLIENT),
    fetch: recording,
    storage: memoryStorage(),
    crossTab: false,
    ...(fault.timeout !== undefined && { timeout: fault.timeout }),
    rememberDevice: pool === DEVICE_POOL ? 'always' : 'never',
    ...(options.authFlow && { authFlow: options.authFlow }),
    ...(options.rotation && { refreshTokenRotation: true }),
    onBackgroundError: (error) => background.push(error),
  });
  return {
    emulator,
    auth,
    sent,
    background,
    arm: (match) => {
      armed = match;
    },
  };
}

// ---- Faults ---------------------------------------------------------------------------------

interface FaultCase {
  name: string;
  fault:
    | { type: 'error'; code: string }
    | { type: 'status'; status: number }
    | { type: 'drop' }
    | { type: 'delay'; ms: number };
  /** The error the caller gets, or `null`: the step succeeds (only slower). */
  expect: { code: string; retryable: boolean; transient: boolean } | null;
  /** Per-attempt timeout of the client, ms (default core's). */
  timeout?: number;
}

const FAULTS: FaultCase[] = [
  {
    name: 'Cognito error',
    fault: { type: 'error', code: 'InvalidParameterException' },
    expect: { code: 'InvalidParameterException', retryable: false, transient: false },
  },
  {
    name: '5xx',
    fault: { type: 'status', status: 503 },
    expect: { code: 'UnknownServiceException', retryable: true, transient: true },
  },
  {
    name: '429 throttling',
    fault: { type: 'error', code: 'TooManyRequestsException' },
    expect: { code: 'TooManyRequestsException', retryable: true, transient: true },
  },
  {
    name: 'dropped connection',
    fault: { type: 'drop' },
    expect: { code: 'NetworkError', retryable: true, transient: true },
  },
  { name: 'delay', fault: { type: 'delay', ms: 150 }, expect: null },
  {
    // The answer comes after the client gave up: the server may have acted on the request.
    name: 'timeout',
    fault: { type: 'delay', ms: 900 },
    timeout: 400,
    expect: { code: 'NetworkError', retryable: true, transient: true },
  },
];

// ---- Steps ----------------------------------------------------------------------------------

interface Step {
  name: string;
  /** Options of the world (pool, client, sign-in flow). */
  options?: Parameters<typeof world>[1];
  /** The request that fails. */
  match(s: Sent): boolean;
  /** Whether core's client marks the call idempotent (re-sent after transient failures). */
  retried: boolean;
  /** Brings the world to just before the step. */
  prepare(w: World): Promise<void>;
  /** The step; rejects when the faulted request fails. */
  act(w: World): Promise<unknown>;
  /** The auth status after a failed step (where the user retries from). */
  after: AuthStatus;
  /** Whether a session exists before the step (it must survive a transient fault). */
  holdsSession: boolean;
  /** The step ends the session on purpose (sign-out), whatever the network does. */
  endsSession?: true;
  /**
   * The outcome where it differs from the fault's usual one (the JWKS route is not an API);
   * `null`: the step succeeds.
   */
  outcome?: Partial<Record<string, { code: string; retryable: boolean } | null>>;
  /** Runs the step again from where the failure left the user (default: `act`). */
  retry?(w: World): Promise<unknown>;
  /** Checks the step's effect once it succeeded. */
  done(w: World): Promise<void> | void;
  /**
   * How the failure reaches the caller: `rejects` (default), or `background` for work done
   * after the visible step succeeded (device confirmation), reported to `onBackgroundError`.
   */
  failure?: 'rejects' | 'background';
}

const action = (name: string) => (s: Sent) => s.action === name;
const challenge = (name: string) => (s: Sent) =>
  s.action === 'RespondToAuthChallenge' && s.challenge === name;

async function signedIn(w: World, username = 'alice'): Promise<void> {
  await w.auth.start();
  const state = await w.auth.signIn({ username, password: PASSWORD });
  expect(state.status).toBe('signedIn');
  await w.auth.idle();
}

/** Signs in as `username` up to the challenge Cognito asks first. */
async function atChallenge(w: World, username: string, name: string): Promise<void> {
  await w.auth.start();
  const state = await w.auth.signIn({ username, password: PASSWORD });
  expect(state.status === 'challenge' && state.challenge.name).toBe(name);
}

/** The newest code the emulator sent to `username`. */
const codeFor = (w: World, username: string, pool = POOL): string =>
  w.emulator.api.outbox.lastCode(username, pool) ?? 'no code';

/** A sign-in step the user starts with `signIn` (a failure ends that sign-in attempt). */
function signInStep(
  name: string,
  match: (s: Sent) => boolean,
  options?: Step['options'],
  username = 'alice',
): Step {
  return {
    name,
    ...(options && { options }),
    match,
    retried: false,
    prepare: (w) => w.auth.start().then(() => undefined),
    act: (w) => w.auth.signIn({ username, password: PASSWORD }),
    after: 'signedOut',
    holdsSession: false,
    done: isSignedIn,
  };
}

/** A refresh of a signed-in session (idempotent: re-sent after transient failures). */
function refreshStep(name: string, match: (s: Sent) => boolean, options?: Step['options']): Step {
  return {
    name,
    ...(options && { options }),
    match,
    retried: true,
    prepare: (w) => signedIn(w),
    act: (w) => internalsOf(w.auth).session.refresh(),
    after: 'signedIn',
    holdsSession: true,
    done: isSignedIn,
  };
}

/** A challenge the user answers; a failed answer leaves the challenge open to answer again. */
function answerStep(
  name: string,
  prepare: (w: World) => Promise<void>,
  answer: (w: World) => Promise<unknown>,
  more: Partial<Step> = {},
): Step {
  return {
    name: `RespondToAuthChallenge ${name}`,
    match: challenge(name),
    retried: false,
    prepare,
    act: answer,
    after: 'challenge',
    holdsSession: false,
    done: isSignedIn,
    ...more,
  };
}

const isSignedIn = (w: World) => {
  expect(w.auth.getSnapshot().status).toBe('signedIn');
};

/** A step run by the account API while signed in; the session must stay. */
function accountStep(
  name: string,
  retried: boolean,
  act: (w: World) => Promise<unknown>,
  done: (w: World) => Promise<void> | void = isSignedIn,
  prepare: (w: World) => Promise<void> = (w) => signedIn(w),
  options?: Step['options'],
): Step {
  return {
    name,
    match: action(name),
    retried,
    prepare,
    act,
    after: 'signedIn',
    holdsSession: true,
    done,
    ...(options && { options }),
  };
}

/** A signed-out account call (sign-up and password reset). */
function signedOutStep(name: string, act: (w: World) => Promise<unknown>): Step {
  return {
    name,
    match: action(name),
    retried: false,
    prepare: (w) => w.auth.start().then(() => undefined),
    act,
    after: 'signedOut',
    holdsSession: false,
    done: () => undefined,
  };
}

const STEPS: Step[] = [
  signInStep(
    'InitiateAuth USER_SRP_AUTH',
    (s) => s.action === 'InitiateAuth' && s.authFlow === 'USER_SRP_AUTH',
  ),
  signInStep(
    'InitiateAuth USER_PASSWORD_AUTH',
    (s) => s.action === 'InitiateAuth' && s.authFlow === 'USER_PASSWORD_AUTH',
    { authFlow: 'USER_PASSWORD_AUTH' },
  ),
  signInStep('RespondToAuthChallenge PASSWORD_VERIFIER', challenge('PASSWORD_VERIFIER')),
  answerStep(
    'SOFTWARE_TOKEN_MFA',
    (w) => atChallenge(w, 'dave', 'SOFTWARE_TOKEN_MFA'),
    async (w) =>
      w.auth.answerChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: await totpNow(TOTP_SECRET) }),
  ),
  answerStep(
    'SMS_MFA',
    (w) => atChallenge(w, 'erin', 'SMS_MFA'),
    (w) => w.auth.answerChallenge({ name: 'SMS_MFA', code: codeFor(w, 'erin') }),
  ),
  answerStep(
    'EMAIL_OTP',
    (w) => atChallenge(w, 'grace', 'EMAIL_OTP'),
    (w) => w.auth.answerChallenge({ name: 'EMAIL_OTP', code: codeFor(w, 'grace') }),
  ),
  answerStep(
    'SELECT_MFA_TYPE',
    (w) => atChallenge(w, 'frank', 'SELECT_MFA_TYPE'),
    (w) => w.auth.answerChallenge({ name: 'SELECT_MFA_TYPE', mfa: 'SOFTWARE_TOKEN_MFA' }),
    // The TOTP challenge follows.
    { done: (w) => expect(w.auth.getSnapshot().status).toBe('challenge') },
  ),
  answerStep(
    'MFA_SETUP',
    (w) => atChallenge(w, 'heidi', 'MFA_SETUP'),
    (w) => w.auth.answerChallenge({ name: 'MFA_SETUP', setup: 'SOFTWARE_TOKEN_MFA' }),
    {
      name: 'AssociateSoftwareToken (MFA_SETUP)',
      options: { pool: MFA_POOL },
      match: action('AssociateSoftwareToken'),
      done: (w) => {
        const state = w.auth.getSnapshot();
        expect(state.status === 'challenge' && 'totp' in state.challenge).toBe(true);
      },
    },
  ),
  answerStep(
    'MFA_SETUP',
    async (w) => {
      await atChallenge(w, 'heidi', 'MFA_SETUP');
      await w.auth.answerChallenge({ name: 'MFA_SETUP', setup: 'SOFTWARE_TOKEN_MFA' });
    },
    async (w) => {
      const state = w.auth.getSnapshot();
      const secret =
        state.status === 'challenge' && state.challenge.name === 'MFA_SETUP'
          ? (state.challenge.totp?.secretCode ?? '')
          : '';
      return w.auth.answerChallenge({ name: 'MFA_SETUP', totpCode: await totpNow(secret) });
    },
    {
      name: 'VerifySoftwareToken (MFA_SETUP)',
      options: { pool: MFA_POOL },
      match: action('VerifySoftwareToken'),
    },
  ),
  answerStep(
    'NEW_PASSWORD_REQUIRED',
    (w) => atChallenge(w, 'carol', 'NEW_PASSWORD_REQUIRED'),
    (w) => w.auth.answerChallenge({ name: 'NEW_PASSWORD_REQUIRED', newPassword: NEW_PASSWORD }),
  ),
  answerStep(
    'CUSTOM_CHALLENGE',
    async (w) => {
      await w.auth.start();
      expect((await w.auth.signIn({ username: 'alice' })).status).toBe('challenge');
    },
    (w) => w.auth.answerChallenge({ name: 'CUSTOM_CHALLENGE', answer: 'forty-two' }),
    { options: { authFlow: 'CUSTOM_AUTH' } },
  ),
  ...(['DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER'] as const).map((name): Step => ({
    ...signInStep(`RespondToAuthChallenge ${name}`, challenge(name), { pool: DEVICE_POOL }, 'judy'),
    // Remember the device, sign out: the next sign-in proves the device.
    prepare: async (w) => {
      await signedIn(w, 'judy');
      expect(await internalsOf(w.auth).devices.get('judy')).not.toBeNull();
      await w.auth.signOut();
    },
  })),
  {
    name: 'ConfirmDevice',
    options: { pool: DEVICE_POOL },
    match: action('ConfirmDevice'),
    retried: false,
    prepare: (w) => w.auth.start().then(() => undefined),
    act: async (w) => {
      await w.auth.signIn({ username: 'judy', password: PASSWORD });
      await w.auth.idle();
    },
    after: 'signedIn',
    holdsSession: false,
    failure: 'background',
    // The sign-in succeeded without a remembered device; the next one confirms it.
    retry: async (w) => {
      await w.auth.signOut();
      await w.auth.signIn({ username: 'judy', password: PASSWORD });
    },
    done: async (w) => {
      isSignedIn(w);
      expect(await internalsOf(w.auth).devices.get('judy')).not.toBeNull();
    },
  },
  {
    ...signInStep('JWKS fetch', action('JWKS')),
    // Not a Cognito API: a 4xx from the key endpoint is an unusable key set; 5xx and 429 are
    // a server that may answer later.
    outcome: {
      'Cognito error': { code: 'ProtocolError', retryable: false },
      '429 throttling': { code: 'UnknownServiceException', retryable: true },
      // The key set is fetched by jose with its own 5 s timeout, not core's per-request one.
      timeout: null,
    },
  },
  refreshStep(
    'InitiateAuth REFRESH_TOKEN_AUTH',
    (s) => s.action === 'InitiateAuth' && s.authFlow === 'REFRESH_TOKEN_AUTH',
  ),
  refreshStep('GetTokensFromRefreshToken', action('GetTokensFromRefreshToken'), {
    clientId: ROTATING_CLIENT,
    rotation: true,
  }),
  ...(['RevokeToken', 'GlobalSignOut'] as const).map((name): Step => ({
    name: `sign-out ${name}`,
    match: action(name),
    retried: false,
    prepare: (w) => signedIn(w),
    act: async (w) => {
      const state = await w.auth.signOut({ global: name === 'GlobalSignOut' });
      // Sign-out always ends the local session; what Cognito said is on the state.
      if (state.status === 'signedOut' && state.error) throw state.error;
    },
    after: 'signedOut',
    holdsSession: true,
    endsSession: true,
    // Signed out already: nothing to retry but the check.
    retry: () => Promise.resolve(),
    done: (w) => {
      expect(w.auth.getSnapshot().status).toBe('signedOut');
      expect(internalsOf(w.auth).session.current()).toBeNull();
    },
  })),
  accountStep('GetUser', true, (w) => w.auth.user.getAttributes()),
  accountStep('UpdateUserAttributes', false, (w) =>
    w.auth.user.updateAttributes({ given_name: 'Alice' }),
  ),
  accountStep('DeleteUserAttributes', false, (w) => w.auth.user.deleteAttributes(['email'])),
  accountStep('ChangePassword', false, (w) =>
    w.auth.password.change({ oldPassword: PASSWORD, newPassword: NEW_PASSWORD }),
  ),
  accountStep('GetUserAttributeVerificationCode', false, (w) =>
    w.auth.user.sendVerificationCode({ attributeName: 'email' }),
  ),
  accountStep('AssociateSoftwareToken', false, (w) => w.auth.mfa.setupTotp()),
  accountStep('SetUserMFAPreference', false, (w) => w.auth.mfa.setPreference({ totp: false })),
  accountStep(
    'ListDevices',
    true,
    (w) => w.auth.devices.list(),
    isSignedIn,
    (w) => signedIn(w, 'judy'),
    { pool: DEVICE_POOL },
  ),
  accountStep('VerifySoftwareToken', false, async (w) => {
    const { secretCode } = await w.auth.mfa.setupTotp();
    return verifyTotp(internalsOf(w.auth).client, () => w.auth.getAccessToken(), {
      code: await totpNow(secretCode),
    });
  }),
  accountStep('VerifyUserAttribute', false, async (w) => {
    await w.auth.user.updateAttributes({ email: 'alice2@example.com' });
    return w.auth.user.verifyAttribute({
      attributeName: 'email',
      code: codeFor(w, 'alice'),
    });
  }),
  ...(
    [
      ['GetDevice', true, (w, key) => w.auth.devices.get(key)],
      [
        'UpdateDeviceStatus',
        false,
        (w, key) => w.auth.devices.setRemembered({ deviceKey: key, remembered: false }),
      ],
      ['ForgetDevice', false, (w, key) => w.auth.devices.forget(key)],
    ] as const satisfies readonly (readonly [
      string,
      boolean,
      (w: World, key: string) => Promise<unknown>,
    ])[]
  ).map(([name, retried, call]) =>
    accountStep(
      name,
      retried,
      async (w) => call(w, (await internalsOf(w.auth).devices.get('judy'))?.deviceKey ?? 'none'),
      isSignedIn,
      (w) => signedIn(w, 'judy'),
      { pool: DEVICE_POOL },
    ),
  ),
  signedOutStep('SignUp', (w) =>
    signUp(internalsOf(w.auth).client, { username: 'newcomer', password: PASSWORD }),
  ),
  signedOutStep('ResendConfirmationCode', (w) =>
    resendSignUpCode(internalsOf(w.auth).client, { username: 'uma' }),
  ),
  signedOutStep('ForgotPassword', (w) =>
    forgotPassword(internalsOf(w.auth).client, { username: 'alice' }),
  ),
  {
    ...signedOutStep('ConfirmSignUp', (w) =>
      confirmSignUp(internalsOf(w.auth).client, { username: 'uma', code: codeFor(w, 'uma') }),
    ),
    prepare: async (w) => {
      await w.auth.start();
      await resendSignUpCode(internalsOf(w.auth).client, { username: 'uma' });
    },
  },
  {
    ...signedOutStep('ConfirmForgotPassword', (w) =>
      confirmForgotPassword(internalsOf(w.auth).client, {
        username: 'alice',
        code: codeFor(w, 'alice'),
        newPassword: NEW_PASSWORD,
      }),
    ),
    prepare: async (w) => {
      await w.auth.start();
      await forgotPassword(internalsOf(w.auth).client, { username: 'alice' });
    },
  },
];

// ---- The matrix -----------------------------------------------------------------------------

let cases = 0;
let sessionsLost = 0;

async function runCase(step: Step, fault: FaultCase): Promise<void> {
  const w = world(fault, step.options ?? {});
  await step.prepare(w);
  const hadSession = internalsOf(w.auth).session.current() !== null;
  expect(hadSession).toBe(step.holdsSession);
  const from = w.sent.length;
  w.arm(step.match);

  let error: unknown;
  try {
    await step.act(w);
  } catch (e) {
    error = e;
  }
  await w.auth.idle();
  if (step.failure === 'background' && fault.expect) {
    expect(error).toBeUndefined();
    error = w.background.find((e) => isCognitoError(e));
  }
  const attempts = w.sent.slice(from).filter(step.match).length;

  const expected =
    step.outcome?.[fault.name] === undefined ? fault.expect : step.outcome[fault.name];
  if (fault.expect === null || expected === null || expected === undefined) {
    expect(error).toBeUndefined();
    expect(attempts).toBe(1);
    await step.done(w);
    return;
  }
  expect(isCognitoError(error), `${String(error)}`).toBe(true);
  const failure = error as CognitoError;
  expect({ code: failure.code, retryable: failure.retryable }).toEqual({
    code: expected.code,
    retryable: expected.retryable,
  });
  expect(attempts).toBe(step.retried && fault.expect.transient ? RETRY_LIMIT + 1 : 1);
  expect(w.auth.getSnapshot().status).toBe(step.after);
  const keepsSession = hadSession && !step.endsSession;
  /** Counts a session lost to the fault (now or when the user retries), then fails the case. */
  const sessionKept = (): void => {
    if (keepsSession && internalsOf(w.auth).session.current() === null) sessionsLost++;
    if (keepsSession) expect(internalsOf(w.auth).session.current()).not.toBeNull();
  };
  if (fault.expect.transient) sessionKept();

  // The fault is gone: the same step, from where the user is now, succeeds.
  w.emulator.faults.clear();
  try {
    await (step.retry ?? step.act)(w);
  } finally {
    if (fault.expect.transient) sessionKept();
  }
  await w.auth.idle();
  await step.done(w);
}

describe('fault matrix', () => {
  afterAll(() => {
    console.log(
      `fault matrix: ${STEPS.length} steps × ${FAULTS.length} faults = ${cases} cases, sessions lost: ${sessionsLost}`,
    );
  });

  for (const step of STEPS) {
    describe(step.name, () => {
      it.each(FAULTS.map((f) => [f.name, f] as const))('× %s', async (_name, fault) => {
        cases++;
        await runCase(step, fault);
      });
    });
  }

  it('covers every step with every fault and lost no session', () => {
    expect(cases).toBe(STEPS.length * FAULTS.length);
    expect(sessionsLost).toBe(0);
  });
});
