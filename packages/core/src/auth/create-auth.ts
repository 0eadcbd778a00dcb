import { createAccountApi, type AccountApi } from '../account/index.js';
import { createCognitoClient, type CognitoClient, type CognitoTarget } from '../cognito/index.js';
import { invalidInput } from '../errors/index.js';
import type { AuthRunner, AuthRunnerOptions } from '../machine/index.js';
import { createAuthRunner } from '../machine/runner.js';
import {
  cognitoIssuer,
  createRefreshScheduler,
  createSessionManager,
  type SessionManager,
  type SessionManagerOptions,
  type TokenStorage,
} from '../session/index.js';
import type { RandomBytes } from '../srp/index.js';
import { confirmNewDevice } from './remember-device.js';
import { revokeSession } from './session-end.js';

/** Where the pool lives: AWS (`region`, or derived from the pool id) or an explicit endpoint. */
export type CognitoLocation = { region?: string | undefined } | { endpoint: string };

/** Configuration of {@link createCognitoAuth}. */
export type CognitoAuthConfig = CognitoLocation &
  AuthRunnerOptions & {
    userPoolId: string;
    /** The app client id. */
    clientId: string;
    /** Only for confidential app clients (never ship one to browsers). */
    clientSecret?: string | undefined;
    /** Where tokens and remembered devices persist. Default: memory (lost on reload). */
    storage?: TokenStorage | undefined;
    /** Longest wait for one storage operation, ms; see `SessionManagerOptions.storageTimeout`. */
    storageTimeout?: number | undefined;
    /** The fetch for Cognito and the JWKS (e.g. the emulator's in-process fetch). */
    fetch?: typeof fetch | undefined;
    /** Name shown for a remembered device in the user's device list. */
    deviceName?: string | undefined;
    /** Refresh this long before the access token expires, ms. Default 60 000. */
    refreshMargin?: number | undefined;
    /** Current time in epoch ms. Default `Date.now`. */
    clock?: { now(): number } | undefined;
    /** The app client rotates refresh tokens (GetTokensFromRefreshToken). */
    refreshTokenRotation?: boolean | undefined;
    /** Cross-tab coordination, see `SessionManagerOptions.crossTab`. Default on. */
    crossTab?: SessionManagerOptions['crossTab'];
    /** Per-request timeout, ms. Default 10 000. */
    timeout?: number | undefined;
    /**
     * Keep tokens fresh with a refresh timer (a margin before expiry, re-checked periodically).
     * Default false: the React provider runs its own, tied to visibility and online events.
     */
    autoRefresh?: boolean | undefined;
    /** Randomness for SRP ephemerals (tests only). */
    random?: RandomBytes | undefined;
    /** Told about failures that change nothing visible (device confirmation, storage). */
    onBackgroundError?: ((error: unknown) => void) | undefined;
  };

/**
 * The auth object of one app client: the {@link AuthRunner} (state and sign-in actions) plus
 * tokens, the wire client, the session and the account functions.
 */
export interface CognitoAuth extends AuthRunner {
  /** A fresh access token (refreshed shortly before expiry). Rejects `NotSignedIn` when signed out. */
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<string>;
  /** A fresh ID token, for APIs that expect it (`createAuthFetch({ token: 'id', getIdToken })`). */
  getIdToken(options?: { forceRefresh?: boolean }): Promise<string>;
  /** The wire client (one typed method per Cognito action). */
  readonly client: CognitoClient;
  /** The session manager (tokens, refresh, remembered devices). */
  readonly session: SessionManager;
  /** The account functions (attributes, MFA, devices, password…) bound to this session. */
  readonly account: AccountApi;
  /** Issuer label of TOTP `otpauth://` URIs: `config.totpIssuer`, default `Cognito`. */
  readonly totpIssuer: string;
  /** Stops the refresh timer, listening to other tabs, and rejects pending calls. */
  dispose(): void;
}

/** Same default as the auth machine's, so setup inside and outside sign-in agree. */
const DEFAULT_TOTP_ISSUER = 'Cognito';

function targetOf(config: CognitoAuthConfig): CognitoTarget {
  if ('endpoint' in config && typeof config.endpoint === 'string')
    return { endpoint: config.endpoint };
  if ('region' in config && typeof config.region === 'string') return { region: config.region };
  return { userPoolId: config.userPoolId };
}

function issuerOf(config: CognitoAuthConfig): string {
  if ('endpoint' in config && typeof config.endpoint === 'string') {
    return cognitoIssuer({ userPoolId: config.userPoolId, endpoint: config.endpoint });
  }
  const region = 'region' in config ? config.region : undefined;
  return cognitoIssuer({ userPoolId: config.userPoolId, region });
}

/**
 * Creates the auth object of one Cognito app client: the wire client, the session manager and
 * the auth machine, wired together. Call `start()` once (the React provider does).
 *
 * @example
 * const auth = createCognitoAuth({
 *   userPoolId: 'eu-west-2_Zx9Yw8',
 *   clientId: '1example23456789',
 *   storage: localStorageAdapter(),
 * });
 * await auth.start();
 * const state = await auth.signIn({ username: 'alice', password });
 * if (state.status === 'challenge' && state.challenge.name === 'SOFTWARE_TOKEN_MFA') {
 *   await auth.answerChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: '123456' });
 * }
 *
 * @example
 * // Against the emulator, in-process:
 * const auth = createCognitoAuth({ endpoint: 'http://emulator.local/', userPoolId, clientId,
 *   fetch: emulator.fetch });
 */
export function createCognitoAuth(config: CognitoAuthConfig): CognitoAuth {
  if (typeof config.userPoolId !== 'string' || !config.userPoolId.includes('_')) {
    throw invalidInput('userPoolId must look like "<region>_<id>".');
  }
  const client = createCognitoClient(targetOf(config), {
    clientId: config.clientId,
    ...(config.clientSecret !== undefined ? { clientSecret: config.clientSecret } : {}),
    ...(config.fetch ? { fetch: config.fetch } : {}),
    ...(config.timeout !== undefined ? { timeout: config.timeout } : {}),
  });
  const session = createSessionManager({
    client,
    userPoolId: config.userPoolId,
    issuer: issuerOf(config),
    storage: config.storage,
    storageTimeout: config.storageTimeout,
    clock: config.clock,
    fetch: config.fetch,
    refreshMargin: config.refreshMargin,
    refreshTokenRotation: config.refreshTokenRotation,
    crossTab: config.crossTab,
  });
  const runner = createAuthRunner(
    {
      client,
      session,
      userPoolId: config.userPoolId,
      random: config.random,
      onBackgroundError: config.onBackgroundError,
      confirmDevice: (input) =>
        confirmNewDevice(client, session, { ...input, deviceName: config.deviceName }),
      revokeSession: (input) => revokeSession(client, input),
    },
    {
      authFlow: config.authFlow,
      rememberDevice: config.rememberDevice,
      totpIssuer: config.totpIssuer,
    },
  );

  const scheduler = config.autoRefresh
    ? createRefreshScheduler(session, {
        ...(config.refreshMargin !== undefined ? { margin: config.refreshMargin } : {}),
        ...(config.onBackgroundError ? { onError: config.onBackgroundError } : {}),
      })
    : undefined;

  return {
    getSnapshot: runner.getSnapshot,
    subscribe: runner.subscribe,
    start: runner.start,
    prepareSignIn: runner.prepareSignIn,
    signIn: runner.signIn,
    answerChallenge: runner.answerChallenge,
    rememberDevice: runner.rememberDevice,
    signOut: runner.signOut,
    getAccessToken: (options) => session.getAccessToken(options),
    getIdToken: (options) => session.getIdToken(options),
    client,
    session,
    account: createAccountApi(client, () => session.getAccessToken()),
    totpIssuer: config.totpIssuer ?? DEFAULT_TOTP_ISSUER,
    idle: runner.idle,
    dispose() {
      scheduler?.dispose();
      runner.dispose();
      session.dispose();
    },
  };
}
