import * as oauth from 'oauth4webapi';
import type { CognitoAuth } from '../auth/create-auth.js';
import { internalsOf } from '../auth/internals.js';
import { CognitoError, invalidInput } from '../errors/index.js';
import { invalidState } from '../errors/cognito-error.js';
import type { AuthState } from '../machine/index.js';
import type { KeyValueStore } from '../session/storage.js';
import { authorizeUrl, logoutUrl, type AuthorizeRequest } from './authorize-url.js';
import { isRedirectCallback, readCallback } from './callback.js';
import { oauthEndpoints, type OAuthEndpoints } from './endpoints.js';
import { fromOAuthError, oauthRefusal } from './errors.js';
import {
  parsePendingRedirect,
  pendingRedirectKey,
  serializePendingRedirect,
  type PendingRedirect,
} from './pending.js';

/** Scopes asked for when none are configured: an ID token, the profile, and account self-service. */
export const DEFAULT_OAUTH_SCOPES: readonly string[] = [
  'openid',
  'email',
  'profile',
  'aws.cognito.signin.user.admin',
];

/** Configuration of {@link createRedirectSignIn}. */
export interface RedirectSignInConfig {
  /**
   * The user pool's domain: `myapp.auth.eu-west-2.amazoncognito.com`, a custom domain, or a base
   * URL (the emulator's). HTTPS, except on loopback/test hosts.
   */
  domain: string;
  /** Where Cognito sends the browser back with the code; one of the app client's callback URLs. */
  redirectUri: string;
  /** Where `/logout` sends the browser after ending the hosted session; one of the sign-out URLs. */
  logoutUri?: string | undefined;
  /** Scopes to ask for (must include `openid`). Default {@link DEFAULT_OAUTH_SCOPES}. */
  scopes?: readonly string[] | undefined;
  /**
   * Where the pending sign-in (PKCE verifier, state, nonce) waits for the way back. Default the
   * tab's `sessionStorage`: never shared with other tabs, gone when the tab closes.
   */
  pendingStorage?: KeyValueStore | undefined;
  /** Sends the browser to a URL. Default `location.assign`. */
  navigate?: ((url: string) => void | Promise<void>) | undefined;
  /** Current time in epoch ms. Default `Date.now`. */
  clock?: { now(): number } | undefined;
  /** Timeout of the code exchange, ms. Default 10 000. */
  timeout?: number | undefined;
}

/** Options of one {@link RedirectSignIn.signInWithRedirect}. */
export interface SignInWithRedirectOptions {
  /**
   * Go straight to this identity provider (`identity_provider`): `Google`, `SignInWithApple`,
   * `Facebook`, `LoginWithAmazon`, an OIDC/SAML provider's name, or `COGNITO` for the pool's own
   * page. Without it (and without `idpIdentifier`) Cognito shows its sign-in page.
   */
  provider?: string | undefined;
  /** Go to the provider with this identifier (`idp_identifier`); not with `provider`. */
  idpIdentifier?: string | undefined;
  /** Scopes for this sign-in (default: the configured ones). */
  scopes?: readonly string[] | undefined;
  /** Handed back by `handleRedirectCallback`; kept in this tab, never sent to Cognito. */
  customState?: string | undefined;
  /** Where to return after the sign-in, same origin as `redirectUri` (default: none). */
  returnTo?: string | undefined;
  /** Managed-login language (`lang`). */
  lang?: string | undefined;
  /** Username to prefill (`login_hint`). */
  loginHint?: string | undefined;
  /** `login` asks again even with a hosted session. */
  prompt?: AuthorizeRequest['prompt'];
}

/** What a finished redirect sign-in resolves with. */
export interface RedirectCallbackResult {
  /** The auth state: `signedIn` (the tokens are in the session like a password sign-in's). */
  readonly state: AuthState;
  /** `customState` given to `signInWithRedirect`. */
  readonly customState: string | undefined;
  /** `returnTo` given to `signInWithRedirect` (same origin as `redirectUri`). */
  readonly returnTo: string | undefined;
}

/** Options of {@link RedirectSignIn.signOut}. */
export interface RedirectSignOutOptions {
  /** Also sign out every other device (GlobalSignOut). */
  global?: boolean | undefined;
  /**
   * Also end the hosted (managed-login) session through `/logout`, so the next redirect sign-in
   * asks again instead of coming straight back; needs `logoutUri`. Default false.
   */
  endHostedSession?: boolean | undefined;
}

/** Sign-in through Cognito's hosted page or an identity provider, for one auth object. */
export interface RedirectSignIn {
  /** The endpoints of the configured domain. */
  readonly endpoints: OAuthEndpoints;
  /**
   * Remembers a new pending sign-in in this tab and sends the browser to `/oauth2/authorize`
   * (PKCE S256, random `state` and `nonce`). Resolves once navigation has been asked for.
   */
  signInWithRedirect(options?: SignInWithRedirectOptions): Promise<void>;
  /** Whether `url` (default: the current location) is a redirect back from Cognito. */
  isRedirectCallback(url?: string | URL): boolean;
  /**
   * Finishes a redirect sign-in: checks `state` against this tab's pending sign-in, exchanges the
   * code at `/oauth2/token` with the PKCE verifier, checks the ID token's `nonce`, then the tokens
   * enter the session exactly as `adoptTokens` (signature, issuer, audience, expiry verified), so
   * refresh, other tabs and `authFetch` work as after a password sign-in. The pending sign-in is
   * used once. On any failure nothing is stored and the state stays `signedOut`.
   *
   * Rejects `OAuthStateMismatch` (state not ours), `OAuthNoPendingRedirect` (handled already,
   * another tab, expired), `OAuthError` (Cognito refused: `error=` callback, or `invalid_grant`
   * for a used/expired code), `InvalidToken` (nonce or token checks), `InvalidState` (already
   * signed in), `InvalidInput` (not a callback URL), `NetworkError`.
   */
  handleRedirectCallback(url?: string | URL): Promise<RedirectCallbackResult>;
  /**
   * Signs out like `auth.signOut` (tokens revoked, other tabs told); with `endHostedSession`
   * then sends the browser to `/logout`.
   */
  signOut(options?: RedirectSignOutOptions): Promise<AuthState>;
}

const currentUrl = (): string => {
  if (typeof location === 'undefined') throw invalidInput('Pass the callback URL explicitly.');
  return location.href;
};

function defaultPendingStorage(): KeyValueStore {
  if (typeof sessionStorage !== 'undefined') return sessionStorage;
  // No browser: a process-local map (tests, server rendering; a redirect cannot happen there).
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

function defaultNavigate(url: string): void {
  if (typeof location === 'undefined') throw invalidInput('No browser to redirect: pass navigate.');
  location.assign(url);
}

function sameOrigin(url: string, base: string): boolean {
  try {
    return new URL(url, base).origin === new URL(base).origin;
  } catch {
    return false;
  }
}

async function storageCall<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (cause) {
    throw new CognitoError({
      code: 'StorageError',
      message: 'The pending redirect sign-in could not be stored or read.',
      cause,
    });
  }
}

/**
 * Adds redirect sign-in (Cognito's OAuth 2.0 code flow with PKCE) to an auth object. A separate
 * entry point (`@cognito-kit/core/oauth`), so apps that never redirect carry none of it.
 *
 * @example
 * import { createRedirectSignIn } from '@cognito-kit/core/oauth';
 * const redirect = createRedirectSignIn(auth, {
 *   domain: 'myapp.auth.eu-west-2.amazoncognito.com',
 *   redirectUri: `${location.origin}/callback`,
 *   logoutUri: `${location.origin}/`,
 * });
 * // Button: await redirect.signInWithRedirect({ provider: 'Google' });
 * // On /callback: const { returnTo } = await redirect.handleRedirectCallback();
 */
export function createRedirectSignIn(
  auth: CognitoAuth,
  config: RedirectSignInConfig,
): RedirectSignIn {
  const internals = internalsOf(auth);
  const clientId = internals.client.clientId;
  const endpoints = oauthEndpoints(config.domain);
  let redirectOrigin: string;
  try {
    redirectOrigin = new URL(config.redirectUri).origin;
  } catch {
    throw invalidInput('redirectUri must be an absolute URL.');
  }
  const scopes = config.scopes ?? DEFAULT_OAUTH_SCOPES;
  const store = config.pendingStorage ?? defaultPendingStorage();
  const navigate = config.navigate ?? defaultNavigate;
  const clock = config.clock ?? Date;
  const key = pendingRedirectKey(clientId);

  const as: oauth.AuthorizationServer = {
    issuer: internals.issuer,
    authorization_endpoint: endpoints.authorize,
    token_endpoint: endpoints.token,
    userinfo_endpoint: endpoints.userInfo,
    revocation_endpoint: endpoints.revoke,
    end_session_endpoint: endpoints.logout,
  };
  const oauthClient: oauth.Client = { client_id: clientId };
  const httpOptions = {
    [oauth.customFetch]: internals.fetch,
    [oauth.allowInsecureRequests]: endpoints.insecure,
  };

  // One exchange per callback URL: React's strict mode (or a double click) may finish the same
  // callback twice; the second caller shares the first's outcome instead of finding no pending.
  const inFlight = new Map<string, Promise<RedirectCallbackResult>>();

  async function exchange(params: URLSearchParams, pending: PendingRedirect) {
    try {
      const validated = oauth.validateAuthResponse(as, oauthClient, params, pending.state);
      const response = await oauth.authorizationCodeGrantRequest(
        as,
        oauthClient,
        oauth.None(),
        validated,
        pending.redirectUri,
        pending.codeVerifier,
        { ...httpOptions, signal: AbortSignal.timeout(config.timeout ?? 10_000) },
      );
      const tokens = await oauth.processAuthorizationCodeResponse(as, oauthClient, response, {
        expectedNonce: pending.nonce,
        requireIdToken: true,
      });
      if (typeof tokens.id_token !== 'string') {
        throw invalidInput('The token endpoint returned no ID token.');
      }
      return {
        idToken: tokens.id_token,
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
      };
    } catch (error) {
      throw fromOAuthError(error);
    }
  }

  async function finish(url: string): Promise<RedirectCallbackResult> {
    const before = await auth.start();
    if (before.status !== 'signedOut') {
      throw invalidState(
        `Cannot finish a redirect sign-in while ${before.status}: sign out first.`,
      );
    }
    const pending = parsePendingRedirect(await storageCall(() => store.getItem(key)));
    const reading = readCallback(url, pending, clock.now());
    if (reading.kind === 'notCallback') {
      throw invalidInput('The URL is not a redirect back from Cognito (no code or error).');
    }
    // Used once, whatever the outcome: a refused callback cannot be retried with another state.
    if (pending !== null) await storageCall(() => store.removeItem(key));
    switch (reading.kind) {
      case 'noPending':
      case 'expired':
        throw new CognitoError({
          code: 'OAuthNoPendingRedirect',
          message:
            reading.kind === 'expired'
              ? 'The redirect sign-in took too long; start it again.'
              : 'No redirect sign-in is pending in this tab (already finished, or started in another tab).',
        });
      case 'stateMismatch':
        throw new CognitoError({
          code: 'OAuthStateMismatch',
          message: 'The callback does not belong to the sign-in this tab started (state differs).',
        });
      case 'refused':
        throw oauthRefusal(reading.error, reading.description);
      case 'code': {
        const tokens = await exchange(reading.params, reading.pending);
        const state = await auth.adoptTokens(tokens);
        return { state, customState: pending?.customState, returnTo: pending?.returnTo };
      }
    }
  }

  return {
    endpoints,

    async signInWithRedirect(options = {}) {
      if (options.returnTo !== undefined && !sameOrigin(options.returnTo, config.redirectUri)) {
        throw invalidInput('returnTo must be on the same origin as redirectUri.');
      }
      const pending: PendingRedirect = {
        state: oauth.generateRandomState(),
        nonce: oauth.generateRandomNonce(),
        codeVerifier: oauth.generateRandomCodeVerifier(),
        redirectUri: config.redirectUri,
        scopes: [...(options.scopes ?? scopes)],
        customState: options.customState,
        returnTo:
          options.returnTo === undefined
            ? undefined
            : new URL(options.returnTo, redirectOrigin).href,
        createdAt: clock.now(),
      };
      const url = authorizeUrl({
        endpoint: endpoints.authorize,
        clientId,
        redirectUri: pending.redirectUri,
        scopes: pending.scopes,
        state: pending.state,
        nonce: pending.nonce,
        codeChallenge: await oauth.calculatePKCECodeChallenge(pending.codeVerifier),
        provider: options.provider,
        idpIdentifier: options.idpIdentifier,
        lang: options.lang,
        loginHint: options.loginHint,
        prompt: options.prompt,
      });
      await storageCall(() => store.setItem(key, serializePendingRedirect(pending)));
      await navigate(url);
    },

    isRedirectCallback(url) {
      return isRedirectCallback(url ?? currentUrl());
    },

    handleRedirectCallback(url) {
      const href = new URL(url ?? currentUrl()).href;
      const running = inFlight.get(href);
      if (running) return running;
      const result = finish(href);
      inFlight.set(href, result);
      // Forget it once settled (either way), after the callers of this turn have it.
      const forget = () => void inFlight.delete(href);
      result.then(forget, forget);
      return result;
    },

    async signOut(options = {}) {
      const { logoutUri } = config;
      if (options.endHostedSession && logoutUri === undefined) {
        throw invalidInput('Ending the hosted session needs logoutUri.');
      }
      const state = await auth.signOut({ global: options.global ?? false });
      if (options.endHostedSession && logoutUri !== undefined) {
        await navigate(logoutUrl({ endpoint: endpoints.logout, clientId, logoutUri }));
      }
      return state;
    },
  };
}
