import {
  createRemoteJWKSet,
  customFetch,
  errors as joseErrors,
  jwksCache as joseJwksCache,
  jwtVerify,
  type JWKSCacheInput,
  type JWTVerifyGetKey,
} from 'jose';
import { CognitoError, protocolError } from '../errors/index.js';
import { regionFromUserPoolId } from '../cognito/endpoint.js';
import { boundedJwksFetch, DEFAULT_JWKS_LIMITS, type JwksLimits } from './jwks-fetch.js';
import type { JwksCacheRecord } from './token-store.js';
import {
  decodeAccessToken,
  decodeIdToken,
  type AccessTokenClaims,
  type IdTokenClaims,
  type TokenUse,
} from './tokens.js';

/** `fetch` as the library takes it (the emulator's in-process fetch fits). */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * The `iss` of a pool's tokens: `https://cognito-idp.<region>.amazonaws.com/<poolId>`, or
 * `<endpoint>/<poolId>` for an endpoint override (the emulator).
 *
 * @example
 * cognitoIssuer({ userPoolId: 'eu-west-2_Zx9Yw8' });
 * // 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Zx9Yw8'
 * cognitoIssuer({ userPoolId: 'local_1', endpoint: 'http://localhost:9229' });
 * // 'http://localhost:9229/local_1'
 */
export function cognitoIssuer(options: {
  userPoolId: string;
  region?: string | undefined;
  endpoint?: string | undefined;
}): string {
  if (options.endpoint !== undefined) {
    return `${options.endpoint.replace(/\/+$/, '')}/${options.userPoolId}`;
  }
  const region = options.region ?? regionFromUserPoolId(options.userPoolId);
  return `https://cognito-idp.${region}.amazonaws.com/${options.userPoolId}`;
}

/** Options of {@link createTokenVerifier}. */
export interface TokenVerifierOptions {
  /** Expected `iss`; see {@link cognitoIssuer}. The JWKS is read from `<issuer>/.well-known/jwks.json`. */
  issuer: string;
  /** The app client id: `aud` of ID tokens, `client_id` of access tokens. */
  clientId: string;
  fetch?: FetchLike | undefined;
  /** Current time in epoch ms (default `Date.now`). */
  clock?: { now(): number } | undefined;
  /** Allowed clock difference for `exp`/`iat`, in seconds (default 60). */
  clockSkew?: number | undefined;
  /** Shortest time between two JWKS fetches caused by an unknown `kid`, ms (default 30 000). */
  jwksCooldown?: number | undefined;
  /** How long a fetched JWKS is used before it is fetched again, ms (default 1 hour). */
  jwksMaxAge?: number | undefined;
  /** A cache record jose reads and updates in place; persist it to skip the fetch on reload. */
  jwksCache?: JwksCacheRecord | undefined;
  /**
   * Bounds of the fetched JWKS (default 64 KB, 16 keys): a bigger answer is a `ProtocolError`
   * and nothing is cached.
   */
  jwksLimits?: Partial<JwksLimits> | undefined;
}

/** Options of one verification. */
export interface VerifyOptions {
  /**
   * Server time minus local time, ms (`Session.clockOffset`): `exp` and `nbf` are checked
   * against `clock.now() + clockOffset`, so a device clock that is off still accepts valid
   * tokens and refuses expired ones. Default 0.
   */
  clockOffset?: number | undefined;
}

/** Verifies Cognito tokens of one pool and app client. */
export interface TokenVerifier {
  verifyIdToken(token: string, options?: VerifyOptions): Promise<IdTokenClaims>;
  verifyAccessToken(token: string, options?: VerifyOptions): Promise<AccessTokenClaims>;
  /** The JWKS cache record (updated after each fetch). */
  readonly jwksCache: JwksCacheRecord;
}

function invalid(use: TokenUse, check: string, cause?: unknown): CognitoError {
  return new CognitoError({
    code: 'InvalidToken',
    message: `The ${use} token failed verification: ${check}.`,
    cause,
  });
}

function mapJoseError(use: TokenUse, error: unknown): CognitoError {
  if (error instanceof CognitoError) return error;
  if (error instanceof joseErrors.JWTExpired) return invalid(use, 'it has expired (exp)', error);
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return invalid(use, `claim "${error.claim}" is invalid (${error.reason})`, error);
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return invalid(use, 'the signature does not match', error);
  }
  if (
    error instanceof joseErrors.JWKSNoMatchingKey ||
    error instanceof joseErrors.JWKSMultipleMatchingKeys
  ) {
    return invalid(use, 'no key of the pool matches its kid', error);
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) {
    return invalid(use, 'it is not signed with RS256', error);
  }
  if (error instanceof joseErrors.JWKSTimeout || error instanceof TypeError) {
    // fetch rejects with TypeError when there is no HTTP answer at all.
    return new CognitoError({
      code: 'NetworkError',
      message: 'The signing keys (JWKS) of the user pool could not be fetched.',
      cause: error,
    });
  }
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid) {
    return invalid(use, 'it is malformed', error);
  }
  if (error instanceof joseErrors.JOSEError) {
    // A non-200 or non-JWKS answer from the key endpoint: not the token's fault.
    const e = protocolError(
      `The signing keys (JWKS) of the user pool are unusable: ${error.message}`,
    );
    return new CognitoError({ code: e.code, message: e.message, cause: error });
  }
  return invalid(use, 'unexpected verification failure', error);
}

/**
 * Creates a verifier for one pool's tokens: RS256 signature against the pool's JWKS
 * (fetched without credentials, at most 64 KB and 16 keys, cached, refetched for an unknown
 * `kid` at most once per cooldown), a `kid` in the header, `iss`, `token_use`, `aud` (ID) /
 * `client_id` (access), and `exp`/`nbf` against `clock.now() + clockOffset` with a clock-skew
 * allowance. Every failure is a `CognitoError`: `InvalidToken` naming the failed check (the
 * token is bad: discard it), or `NetworkError` / `ProtocolError` when the keys could not be
 * obtained or are unusable (not the token's fault: nothing is cached, keep the token).
 *
 * @example
 * const verifier = createTokenVerifier({ issuer: cognitoIssuer({ userPoolId }), clientId });
 * const claims = await verifier.verifyAccessToken(accessToken);
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const issuer = options.issuer.replace(/\/+$/, '');
  const fetchImpl: FetchLike = boundedJwksFetch(
    options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    { ...DEFAULT_JWKS_LIMITS, ...options.jwksLimits },
  );
  const clock = options.clock ?? { now: () => Date.now() };
  const clockTolerance = options.clockSkew ?? 60;
  const cache: JwksCacheRecord = options.jwksCache ?? {};
  let keySet: JWTVerifyGetKey | null = null;

  // Created on first use: constructing a URL or touching fetch at import time would break SSR
  // builds that never verify anything.
  const getKeySet = (): JWTVerifyGetKey => {
    keySet ??= createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`), {
      cooldownDuration: options.jwksCooldown ?? 30_000,
      cacheMaxAge: options.jwksMaxAge ?? 3_600_000,
      [customFetch]: async (url: string, init: RequestInit) => {
        // A public key set needs no cookies; `omit` also keeps CORS simple.
        const response = await fetchImpl(url, { ...init, credentials: 'omit' });
        // Throttled or failing server side: worth trying again, unlike an unusable key set.
        if (response.status >= 500 || response.status === 429) {
          throw new CognitoError({
            code: 'UnknownServiceException',
            message: `The signing keys (JWKS) of the user pool could not be fetched (HTTP ${response.status}).`,
            status: response.status,
            retryable: true,
          });
        }
        return response;
      },
      // jose fills `uat`/`jwks` in place after each fetch; the record starts empty or persisted.
      [joseJwksCache]: cache as JWKSCacheInput,
    });
    return keySet;
  };

  async function verify(
    token: string,
    use: TokenUse,
    verifyOptions: VerifyOptions = {},
  ): Promise<Record<string, unknown> & { iss: string }> {
    // Cheap checks on the unverified claims first: precise messages, and a foreign token
    // never makes us fetch keys.
    const claims = use === 'id' ? decodeIdToken(token) : decodeAccessToken(token);
    if (claims.iss !== issuer) throw invalid(use, 'issuer (iss) is not the user pool');
    const client = use === 'id' ? claims.aud : claims.client_id;
    const clientClaim = use === 'id' ? 'aud' : 'client_id';
    if (client !== options.clientId) throw invalid(use, `${clientClaim} is not this app client`);
    // Cognito names the signing key of every token. Without a kid jose would try every key of
    // the set and, finding two, report a key-set problem; it is the token that is bad. Checked
    // on the header jose hands the key lookup, before any key is fetched.
    const keyFor: JWTVerifyGetKey = (header, jws) => {
      if (typeof header.kid !== 'string' || header.kid === '') {
        throw invalid(use, 'its header names no signing key (kid)');
      }
      return getKeySet()(header, jws);
    };
    try {
      const { payload } = await jwtVerify(token, keyFor, {
        issuer,
        algorithms: ['RS256'],
        clockTolerance,
        currentDate: new Date(clock.now() + (verifyOptions.clockOffset ?? 0)),
        ...(use === 'id' ? { audience: options.clientId } : {}),
      });
      if (payload.token_use !== use) throw invalid(use, 'token_use does not match');
      return payload as Record<string, unknown> & { iss: string };
    } catch (error) {
      throw mapJoseError(use, error);
    }
  }

  return {
    verifyIdToken: async (token, opts) => (await verify(token, 'id', opts)) as IdTokenClaims,
    verifyAccessToken: async (token, opts) =>
      (await verify(token, 'access', opts)) as AccessTokenClaims,
    jwksCache: cache,
  };
}
