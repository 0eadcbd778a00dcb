/**
 * Who is signed in, for server code (Next.js server components, route handlers, middleware /
 * proxy, any fetch handler): reads the session the browser's `cookieStorage` keeps in chunked
 * cookies, verifies its tokens, and refreshes them when the access or ID token has expired,
 * handing back the cookies to set. The cookie format, the record format and the refresh request
 * are core's (one implementation on both sides); this module only decides.
 */
import type { AccessTokenClaims, IdTokenClaims } from '@cognito-kit/core';
import {
  cookieJarStorage,
  createCognitoClient,
  createTokenStore,
  decodeAccessToken,
  decodeIdToken,
  endsSession,
  parseCookieHeader,
  requestRefresh,
  serializeCookie,
  type CookieEntry,
  type CookieJar,
  type CookieStorageOptions,
  type StoredSession,
} from '../low-level.js';
import { isTokenRejected } from '../verify/errors.js';
import type { VerifyRules } from '../verify/verifier.js';

/** The request's cookies: Next.js `await cookies()`, `request.cookies`, or {@link cookiesOf}. */
export interface CookieSource {
  getAll(): readonly CookieEntry[];
}

/** A cookie to set on the response, in the shape Next.js `cookies().set(name, value, options)` takes. */
export interface CookieToSet {
  readonly name: string;
  readonly value: string;
  readonly options: {
    readonly path: string;
    readonly domain?: string;
    readonly secure: boolean;
    readonly sameSite: 'lax' | 'strict' | 'none';
    readonly maxAge: number;
    /** Always false: the browser's `cookieStorage` must be able to rewrite them. */
    readonly httpOnly: false;
  };
}

/** Verifies the tokens: a `createCognitoJwtVerifier` verifier (any `tokenUse`; each call names its own). */
export interface SessionTokenVerifier {
  verify(token: string, rules?: Partial<VerifyRules>): Promise<unknown>;
}

export interface ServerSessionOptions {
  /** The app client the browser signs in with (names the cookies: `cognito-kit.<clientId>.session.<n>`). */
  clientId: string;
  /** Checks signatures, issuer, expiry and app client of both tokens. */
  verifier: SessionTokenVerifier;
  /** The pool, for refreshes (the endpoint's region). */
  userPoolId: string;
  /** A Cognito-compatible endpoint (the emulator); default AWS's for the pool's region. */
  endpoint?: string;
  /** The app client's secret, when it has one (refreshes then send SECRET_HASH). */
  clientSecret?: string;
  /** The cookie attributes the browser's `cookieStorage` was given (domain, path, secure, sameSite). */
  cookie?: Omit<CookieStorageOptions, 'others'>;
  /**
   * Refresh expired tokens. Default true. Only where the answer can set cookies (route
   * handlers, server actions, middleware / proxy): a server component cannot, so there either
   * refresh in middleware first or pass false (an expired session then reads as signed out).
   */
  refresh?: boolean;
  /** The app client rotates refresh tokens (GetTokensFromRefreshToken). Default false. */
  refreshTokenRotation?: boolean;
  /** The fetch refreshes are sent with. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
}

/** A verified session, as server code sees it (no refresh token: it stays in the cookies). */
export interface ServerSession {
  /** The internal username (`cognito:username` / the access token's `username`). */
  readonly username: string;
  readonly idClaims: IdTokenClaims;
  readonly accessClaims: AccessTokenClaims;
  /** To call your APIs or Cognito (GetUser) on the user's behalf. */
  readonly accessToken: string;
  readonly idToken: string;
  /** When the first of the two tokens expires, epoch ms. */
  readonly expiresAt: number;
}

/** Why there is no session. */
export type SignedOutReason =
  /** No session cookies. */
  | 'none'
  /** Cookies whose tokens fail verification (other than by expiry), or do not parse. */
  | 'invalid'
  /** Expired, and no refresh was made (no refresh token, or `refresh: false`). */
  | 'expired'
  /** Cognito refused the refresh token (revoked, expired, user gone): the cookies are removed. */
  | 'refresh-refused';

export type ServerSessionResult =
  | {
      readonly status: 'signed-in';
      readonly session: ServerSession;
      /** Whether this call refreshed the tokens (then `cookies` holds the new ones). */
      readonly refreshed: boolean;
      /** Set these on the response (empty unless refreshed). */
      readonly cookies: readonly CookieToSet[];
    }
  | {
      readonly status: 'signed-out';
      readonly session: null;
      readonly reason: SignedOutReason;
      /** Removals of unusable session cookies; set them where you can. */
      readonly cookies: readonly CookieToSet[];
    };

/** A {@link CookieSource} from a `Cookie` request header (plain fetch handlers). */
export function cookiesOf(request: {
  headers: { get(name: string): string | null };
}): CookieSource {
  const cookies = parseCookieHeader(request.headers.get('cookie'));
  return { getAll: () => cookies };
}

/** The `Set-Cookie` header values of `cookies` (for handlers that build a `Response` by hand). */
export function setCookieHeaders(cookies: readonly CookieToSet[]): string[] {
  return cookies.map(({ name, value, options }) => serializeCookie(name, value, options));
}

/** A jar over the request's cookies that collects what is written, last write per name winning. */
function collectingJar(source: CookieSource, options: ServerSessionOptions['cookie']) {
  const current = new Map(source.getAll().map((cookie) => [cookie.name, cookie.value]));
  const written = new Map<string, CookieToSet>();
  const jar: CookieJar = {
    getAll: () => [...current].map(([name, value]) => ({ name, value })),
    set(name, value, attributes) {
      if (attributes.maxAge === 0) current.delete(name);
      else current.set(name, value);
      const { domain, ...rest } = attributes;
      written.set(name, {
        name,
        value,
        options: { ...rest, ...(domain === undefined ? {} : { domain }), httpOnly: false },
      });
    },
  };
  return { store: cookieJarStorage(() => jar, options), written: () => [...written.values()] };
}

type Verified = { ok: true; session: ServerSession } | { ok: false; expired: boolean };

async function verifyStored(
  verifier: SessionTokenVerifier,
  stored: StoredSession,
): Promise<Verified> {
  try {
    await Promise.all([
      verifier.verify(stored.accessToken, { tokenUse: 'access' }),
      verifier.verify(stored.idToken, { tokenUse: 'id' }),
    ]);
  } catch (error) {
    // A JWKS that cannot be had (network) is not the user's fault: it propagates.
    if (!isTokenRejected(error)) throw error;
    return { ok: false, expired: error.rule === 'expired' };
  }
  const idClaims = decodeIdToken(stored.idToken);
  const accessClaims = decodeAccessToken(stored.accessToken);
  return {
    ok: true,
    session: {
      username: stored.username,
      idClaims,
      accessClaims,
      accessToken: stored.accessToken,
      idToken: stored.idToken,
      expiresAt: Math.min(idClaims.exp, accessClaims.exp) * 1000,
    },
  };
}

/**
 * Reads and verifies the session in the request's cookies; refreshes expired tokens (see
 * {@link ServerSessionOptions.refresh}) and returns the cookies to set.
 *
 * @throws TokenRejectedError never (a bad token reads as signed out); CognitoError
 *   `NetworkError` / `ProtocolError` when the JWKS or the refresh cannot be had.
 * @example
 * // app/page.tsx (a server component)
 * const { session } = await getServerSession(await cookies(), { ...sessionOptions, refresh: false });
 * if (!session) redirect('/sign-in');
 */
export async function getServerSession(
  cookies: CookieSource,
  options: ServerSessionOptions,
): Promise<ServerSessionResult> {
  const { store, written } = collectingJar(cookies, options.cookie);
  const tokens = createTokenStore(store, options.clientId);
  const signedOut = (reason: SignedOutReason): ServerSessionResult => ({
    status: 'signed-out',
    session: null,
    reason,
    cookies: written(),
  });

  const stored = await tokens.loadSession();
  if (stored === null) return signedOut(written().length > 0 ? 'invalid' : 'none');
  const verified = await verifyStored(options.verifier, stored);
  if (verified.ok) {
    return { status: 'signed-in', session: verified.session, refreshed: false, cookies: [] };
  }
  if (!verified.expired) return signedOut('invalid');
  if (options.refresh === false || stored.refreshToken === undefined) return signedOut('expired');

  const client = createCognitoClient(
    options.endpoint === undefined
      ? { userPoolId: options.userPoolId }
      : { endpoint: options.endpoint },
    {
      clientId: options.clientId,
      ...(options.clientSecret === undefined ? {} : { clientSecret: options.clientSecret }),
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    },
  );
  let refreshed: StoredSession;
  try {
    const answer = await requestRefresh(
      client,
      { refreshToken: stored.refreshToken, username: stored.username, deviceKey: stored.deviceKey },
      options.refreshTokenRotation ?? false,
    );
    refreshed = {
      ...stored,
      idToken: answer.idToken,
      accessToken: answer.accessToken,
      refreshToken: answer.refreshToken ?? stored.refreshToken,
      ...(answer.deviceKeyAccepted ? {} : { deviceKey: undefined }),
    };
  } catch (error) {
    if (!endsSession(error)) throw error;
    await tokens.clearSession();
    return signedOut('refresh-refused');
  }
  const again = await verifyStored(options.verifier, refreshed);
  if (!again.ok) return signedOut('invalid');
  await tokens.saveSession(refreshed);
  return { status: 'signed-in', session: again.session, refreshed: true, cookies: written() };
}
