/**
 * Machine-to-machine tokens: Cognito's `client_credentials` grant at `/oauth2/token`
 * (COGNITO-PASSWORDLESS-OAUTH §7.2, §9), through oauth4webapi, with a cache that hands out the
 * same token until shortly before it expires and one request for any number of concurrent callers.
 */
import * as oauth from 'oauth4webapi';
import { decodeJwt } from 'jose';
import { createSingleFlight, fromOAuthError, invalidInput, oauthEndpoints } from '../low-level.js';

/** Options of {@link createClientCredentialsSource} and {@link getClientCredentialsToken}. */
export interface ClientCredentialsOptions {
  /**
   * The user pool's domain: `myapp.auth.eu-west-2.amazoncognito.com`, a custom domain, or a base
   * URL (the emulator's). HTTPS, except on loopback/test hosts.
   */
  domain: string;
  /** An app client with a secret and the `client_credentials` flow. */
  clientId: string;
  clientSecret: string;
  /**
   * Custom scopes (`<resource server>/<scope>`) to ask for. Default: none named, so Cognito grants
   * every custom scope the client is allowed.
   */
  scopes?: readonly string[] | undefined;
  /** Ask for a new token this long before the current one expires, ms. Default 60 000 (at most half its lifetime). */
  refreshMargin?: number | undefined;
  /** Timeout of one token request, ms. Default 10 000. */
  timeoutMs?: number | undefined;
  /** Default `globalThis.fetch`. */
  fetch?: typeof fetch | undefined;
  /** Current time in epoch ms. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** A client-credentials access token and what Cognito said about it. */
export interface ClientCredentialsToken {
  readonly accessToken: string;
  /** When it expires (from `expires_in`), epoch ms. */
  readonly expiresAt: number;
  /** The scopes granted (from the answer's `scope`, else the ones asked for). */
  readonly scopes: readonly string[];
}

/** A cached, single-flight source of one client's tokens. */
export interface ClientCredentialsSource {
  /** The cached token while it is fresh, else a new one (one request however many ask at once). */
  getToken(options?: { forceRefresh?: boolean }): Promise<ClientCredentialsToken>;
  /** Forgets the cached token (e.g. after an API answered 401 for it). */
  clear(): void;
}

const DEFAULT_MARGIN_MS = 60_000;

/**
 * The granted scopes: the answer's `scope` when Cognito sends one, else the token's own `scope`
 * claim (Cognito's client_credentials answer has none; read only, the token is the API's to
 * verify), else the ones asked for.
 */
function grantedScopes(
  answered: unknown,
  token: string,
  asked: readonly string[] | undefined,
): readonly string[] {
  const split = (s: string) => s.split(' ').filter(Boolean);
  if (typeof answered === 'string') return split(answered);
  try {
    const claim = decodeJwt(token)['scope'];
    if (typeof claim === 'string') return split(claim);
  } catch {
    // Not a JWT: fall back to what was asked.
  }
  return [...(asked ?? [])];
}

/**
 * A token source for one app client and scope set. Keep one per process (or use
 * {@link getClientCredentialsToken}, which keeps them for you).
 *
 * @example
 * const tokens = createClientCredentialsSource({ domain, clientId, clientSecret, scopes: ['orders/read'] });
 * const { accessToken } = await tokens.getToken();
 * await fetch(url, { headers: { authorization: `Bearer ${accessToken}` } });
 */
export function createClientCredentialsSource(
  options: ClientCredentialsOptions,
): ClientCredentialsSource {
  if (!options.clientId || !options.clientSecret) {
    throw invalidInput('client_credentials needs clientId and clientSecret.');
  }
  const endpoints = oauthEndpoints(options.domain);
  // The issuer is not checked for this grant (no ID token); the token endpoint is what matters.
  const as: oauth.AuthorizationServer = {
    issuer: endpoints.token,
    token_endpoint: endpoints.token,
  };
  const client: oauth.Client = { client_id: options.clientId };
  const auth = oauth.ClientSecretBasic(options.clientSecret);
  const now = options.now ?? Date.now;
  const fetchFn =
    options.fetch ??
    ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const margin = options.refreshMargin ?? DEFAULT_MARGIN_MS;
  const flight = createSingleFlight<ClientCredentialsToken>();
  let cached: (ClientCredentialsToken & { refreshAt: number }) | null = null;

  async function request(): Promise<ClientCredentialsToken> {
    const parameters = new URLSearchParams();
    if (options.scopes && options.scopes.length > 0)
      parameters.set('scope', options.scopes.join(' '));
    const started = now();
    try {
      const response = await oauth.clientCredentialsGrantRequest(as, client, auth, parameters, {
        [oauth.customFetch]: fetchFn,
        [oauth.allowInsecureRequests]: endpoints.insecure,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      const answer = await oauth.processClientCredentialsResponse(as, client, response);
      const lifetime = (answer.expires_in ?? 3600) * 1000;
      const token = {
        accessToken: answer.access_token,
        // Counted from when the request left: the token cannot outlive what Cognito promised.
        expiresAt: started + lifetime,
        scopes: grantedScopes(answer.scope, answer.access_token, options.scopes),
      };
      cached = { ...token, refreshAt: token.expiresAt - Math.min(margin, lifetime / 2) };
      return token;
    } catch (error) {
      throw fromOAuthError(error);
    }
  }

  return {
    getToken(opts = {}) {
      if (!opts.forceRefresh && cached !== null && now() < cached.refreshAt) {
        const { refreshAt: _, ...token } = cached;
        return Promise.resolve(token);
      }
      return flight.run(request);
    },
    clear() {
      cached = null;
    },
  };
}

// One source per (token endpoint, client, scopes, secret), so the convenience function caches too.
const sources = new Map<string, ClientCredentialsSource>();

/**
 * A client-credentials access token for `scopes`: cached until shortly before it expires, and
 * one request for concurrent callers. Rejects `OAuthError` (`invalid_client` for a wrong secret,
 * `invalid_scope`, `unauthorized_client` when the client lacks the flow), `NetworkError`.
 *
 * @example
 * const token = await getClientCredentialsToken({
 *   domain: 'myapp.auth.eu-west-2.amazoncognito.com',
 *   clientId: process.env.M2M_CLIENT_ID, clientSecret: process.env.M2M_CLIENT_SECRET,
 *   scopes: ['https://api.example.com/orders.read'],
 * });
 */
export async function getClientCredentialsToken(
  options: ClientCredentialsOptions,
): Promise<string> {
  const key = JSON.stringify([
    oauthEndpoints(options.domain).token,
    options.clientId,
    options.clientSecret,
    [...(options.scopes ?? [])].sort(),
  ]);
  let source = sources.get(key);
  if (source === undefined) {
    source = createClientCredentialsSource(options);
    sources.set(key, source);
  }
  return (await source.getToken()).accessToken;
}
