import { createCognitoClient, type CognitoTarget } from '../cognito/index.js';
import { invalidInput } from '../errors/index.js';
import { invalidState } from '../errors/cognito-error.js';
import type { AuthRunner, AuthRunnerOptions, AuthState, SignInAuthFlow } from '../machine/index.js';
import { createAuthRunner } from '../machine/runner.js';
import { systemTimers } from '../session/scheduler.js';
import { DEFAULT_STORAGE_TIMEOUT_MS, withStorageTimeout } from '../session/storage.js';
import {
  cognitoIssuer,
  createDeviceSecretStore,
  createSessionManager,
  memoryStorage,
  sessionStorageAdapter,
  type CrossTabSetting,
  type TokenStorage,
} from '../session/index.js';
import { passwordPolicyOf, type PasswordPolicy } from '../password/index.js';
import type { RandomBytes } from '../srp/index.js';
import { autoRefreshOptions, startAutoRefresh, type AutoRefreshOptions } from './auto-refresh.js';
import { registerInternals } from './internals.js';
import { storagePendingSignIn } from '../machine/pending.js';
import type { PasskeyAuthenticator } from '../webauthn/types.js';
import {
  createOperations,
  type DeviceOperations,
  type MfaOperations,
  type PasskeyOperations,
  type PasswordOperations,
  type RegistrationOperations,
  type UserOperations,
} from './operations.js';
import { confirmNewDevice } from './remember-device.js';
import { revokeSession } from './session-end.js';
import { toSessionInfo, type AdoptedTokens, type SessionInfo } from './session-info.js';

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
    /** Cross-tab coordination (see {@link CrossTabSetting}). Default on. */
    crossTab?: CrossTabSetting | undefined;
    /** Per-request timeout, ms. Default 10 000. */
    timeout?: number | undefined;
    /**
     * Keep tokens fresh: a timer refreshes `refreshMargin` (plus jitter) before expiry, re-checked
     * periodically and whenever the page wakes or the network returns (`pageEvents`). The auth
     * object is the one owner of this schedule (the React provider runs none). Default: on in a
     * browser page, off elsewhere (servers, scripts), where `getAccessToken` refreshes on demand.
     * Failed refreshes are retried with backoff and told to `onError`, else `onBackgroundError`.
     */
    autoRefresh?: boolean | AutoRefreshOptions | undefined;
    /**
     * Sign in with the username only: `CUSTOM_AUTH` without a password, the pool's Lambda
     * triggers (or the emulator's custom auth) asking the questions. Implies `authFlow:
     * 'CUSTOM_AUTH'`; the prebuilt `SignIn` reads it from here (`auth.passwordless`).
     */
    passwordless?: boolean | undefined;
    /**
     * What signs passkey challenges and creates passkeys. Default: the browser
     * (`@cognito-kit/core/webauthn`, loaded on first use, so apps that never meet a passkey do
     * not download it). Tests pass a software authenticator.
     */
    passkeyAuthenticator?: PasskeyAuthenticator | undefined;
    /**
     * Where a challenge waiting for an answer survives a page reload (a user reading an e-mailed
     * code in another tab). Default: `sessionStorageAdapter()` in a browser, none elsewhere;
     * `false` turns it off. Holds Cognito's `Session` and the challenge, never a password;
     * cleared when the sign-in ends, dropped after `pendingSignInTtl`.
     */
    pendingSignInStorage?: TokenStorage | false | undefined;
    /**
     * The pool's password rules (its `Policies.PasswordPolicy` from DescribeUserPool, which a
     * browser client cannot read itself). UI adapters list them under every new-password field
     * and check them as the user types (`checkPassword`); Cognito enforces them either way.
     * Throws `InvalidInput` for a `minimumLength` Cognito would not accept (6 to 99).
     */
    passwordPolicy?: PasswordPolicy | undefined;
    /** Randomness for SRP ephemerals (tests only). */
    random?: RandomBytes | undefined;
    /** Told about failures that change nothing visible (device confirmation, storage). */
    onBackgroundError?: ((error: unknown) => void) | undefined;
  };

/**
 * The auth object of one app client: the {@link AuthRunner} (state and sign-in actions), tokens,
 * and the account operations, each keeping the invariants its calls share. The wire client and
 * session manager behind it are reachable from `@cognito-kit/core/low-level` (`internalsOf`).
 */
export interface CognitoAuth extends AuthRunner {
  /** A fresh access token (refreshed shortly before expiry). Rejects `NotSignedIn` when signed out. */
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<string>;
  /**
   * A fresh ID token, for APIs that expect it (an API Gateway Cognito authorizer,
   * `createAuthFetch({ token: 'id', getIdToken })`).
   */
  getIdToken(options?: { forceRefresh?: boolean }): Promise<string>;
  /** The verified session's claims and expiry (never the refresh token); null when signed out. */
  getSession(): SessionInfo | null;
  /**
   * Adopts tokens obtained elsewhere (a server-side sign-in, a native shell, a test): verifies
   * their signatures, issuer, audience and expiry against the pool's keys before use, stores
   * them, and resolves with the `signedIn` state. Rejects `InvalidToken` for tokens that fail
   * verification, `InvalidState` while signed in (sign out first).
   *
   * @example
   * await auth.start();
   * await auth.adoptTokens({ idToken, accessToken, refreshToken });
   */
  adoptTokens(tokens: AdoptedTokens): Promise<AuthState>;
  /** The signed-in user's profile: attributes, verification, deleting the account. */
  readonly user: UserOperations;
  /** Authenticator-app setup and the MFA preference. */
  readonly mfa: MfaOperations;
  /** The user's tracked devices. */
  readonly devices: DeviceOperations;
  /** The user's passkeys: register, list, delete. */
  readonly passkeys: PasskeyOperations;
  /** Password change and reset. */
  readonly password: PasswordOperations;
  /** Self-service sign-up. */
  readonly registration: RegistrationOperations;
  /** Issuer label of TOTP `otpauth://` URIs: `config.totpIssuer`, default `Cognito`. */
  readonly totpIssuer: string;
  /** Sign-in asks for the username only (`config.passwordless`). */
  readonly passwordless: boolean;
  /** The sign-in flow (`config.authFlow`); `USER_AUTH` is choice-based sign-in. */
  readonly authFlow: SignInAuthFlow;
  /** The pool's password rules as the app stated them (`config.passwordPolicy`). */
  readonly passwordPolicy: PasswordPolicy | undefined;
  /** Stops the refresh timer, listening to other tabs, and rejects pending calls. */
  dispose(): void;
}

/** Session storage in a browser page (per tab, gone with it); nothing elsewhere. */
function defaultPendingStorage(): TokenStorage | undefined {
  const g = globalThis as { sessionStorage?: unknown; document?: unknown };
  return g.document !== undefined && g.sessionStorage !== undefined
    ? sessionStorageAdapter()
    : undefined;
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
  const passwordless = config.passwordless ?? false;
  const passwordPolicy = passwordPolicyOf(config.passwordPolicy);
  if (passwordless && config.authFlow !== undefined && config.authFlow !== 'CUSTOM_AUTH') {
    throw invalidInput('passwordless sign-in uses authFlow CUSTOM_AUTH.');
  }
  const client = createCognitoClient(targetOf(config), {
    clientId: config.clientId,
    ...(config.clientSecret !== undefined ? { clientSecret: config.clientSecret } : {}),
    ...(config.fetch ? { fetch: config.fetch } : {}),
    ...(config.timeout !== undefined ? { timeout: config.timeout } : {}),
  });
  // One storage for the session and the device secrets (each has its own keys in it).
  const storage = config.storage ?? memoryStorage();
  const devices = createDeviceSecretStore(
    withStorageTimeout(storage, config.storageTimeout ?? DEFAULT_STORAGE_TIMEOUT_MS),
    config.clientId,
  );
  const session = createSessionManager({
    client,
    userPoolId: config.userPoolId,
    issuer: issuerOf(config),
    storage,
    storageTimeout: config.storageTimeout,
    clock: config.clock,
    fetch: config.fetch,
    refreshMargin: config.refreshMargin,
    refreshTokenRotation: config.refreshTokenRotation,
    crossTab: config.crossTab,
  });
  const loadPasskeys = (): Promise<PasskeyAuthenticator> =>
    config.passkeyAuthenticator
      ? Promise.resolve(config.passkeyAuthenticator)
      : // A separate chunk: only apps that meet a passkey load the browser module.
        import('../webauthn/browser.js').then((m) => m.browserPasskeys);
  const pendingStorage = config.pendingSignInStorage ?? defaultPendingStorage();
  const { clock } = config;
  const authFlow = passwordless ? 'CUSTOM_AUTH' : (config.authFlow ?? 'USER_SRP_AUTH');
  const runner = createAuthRunner(
    {
      passkeys: loadPasskeys,
      pending: pendingStorage
        ? storagePendingSignIn(
            withStorageTimeout(pendingStorage, config.storageTimeout ?? DEFAULT_STORAGE_TIMEOUT_MS),
            config.clientId,
          )
        : undefined,
      now: clock ? () => clock.now() : undefined,
      client,
      session,
      devices,
      userPoolId: config.userPoolId,
      random: config.random,
      onBackgroundError: config.onBackgroundError,
      confirmDevice: (input) =>
        confirmNewDevice(client, devices, { ...input, deviceName: config.deviceName }),
      revokeSession: (input) => revokeSession(client, input),
    },
    {
      authFlow,
      rememberDevice: config.rememberDevice,
      totpIssuer: config.totpIssuer,
      pendingSignInTtl: config.pendingSignInTtl,
    },
  );

  const refreshing = autoRefreshOptions(config.autoRefresh);
  const stopAutoRefresh = refreshing
    ? startAutoRefresh(session, {
        timers: systemTimers(config.clock),
        ...(config.refreshMargin !== undefined ? { margin: config.refreshMargin } : {}),
        ...(config.onBackgroundError ? { onError: config.onBackgroundError } : {}),
        ...refreshing,
      })
    : undefined;

  const totpIssuer = config.totpIssuer ?? DEFAULT_TOTP_ISSUER;
  const getAccessToken = (options?: { forceRefresh?: boolean }) => session.getAccessToken(options);
  const operations = createOperations({
    client,
    accessToken: () => session.getAccessToken(),
    current: () => session.current(),
    forgetDeviceSecrets: (owner) => devices.forget(owner),
    signOut: () => runner.signOut(),
    totpIssuer,
    autoSignIn: (input) => runner.autoSignIn(input),
    passkeys: loadPasskeys,
  });

  const auth: CognitoAuth = {
    getSnapshot: runner.getSnapshot,
    subscribe: runner.subscribe,
    start: runner.start,
    prepareSignIn: runner.prepareSignIn,
    signIn: runner.signIn,
    autoSignIn: runner.autoSignIn,
    answerChallenge: runner.answerChallenge,
    rememberDevice: runner.rememberDevice,
    signOut: runner.signOut,
    getAccessToken,
    getIdToken: (options) => session.getIdToken(options),
    getSession() {
      const current = session.current();
      return current === null ? null : toSessionInfo(current);
    },
    async adoptTokens(tokens) {
      await runner.start();
      const state = runner.getSnapshot();
      if (state.status !== 'signedOut') {
        throw invalidState(`Cannot adopt tokens while ${state.status}: sign out first.`);
      }
      await session.establish(
        {
          IdToken: tokens.idToken,
          AccessToken: tokens.accessToken,
          RefreshToken: tokens.refreshToken,
        },
        { username: '' }, // the verified access token's `username` is used
      );
      return runner.getSnapshot();
    },
    ...operations,
    totpIssuer,
    passwordless,
    authFlow,
    passwordPolicy,
    idle: runner.idle,
    dispose() {
      stopAutoRefresh?.();
      runner.dispose();
      session.dispose();
    },
  };
  registerInternals(auth, {
    client,
    session,
    devices,
    issuer: issuerOf(config),
    // Late-bound, so a test's or polyfill's global fetch installed after creation is used.
    fetch: config.fetch ?? ((input, init) => fetch(input, init)),
  });
  return auth;
}
