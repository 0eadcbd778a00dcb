import { compactVerify } from 'jose';
import { CognitoError } from '../errors/index.js';
import { regionFromUserPoolId } from '../cognito/endpoint.js';
import { createJwksKeys, type FetchLike, type JwksKeys } from './jwks.js';
import type { JwksCacheRecord } from './token-store.js';
import {
  decodeAccessToken,
  decodeIdToken,
  type AccessTokenClaims,
  type IdTokenClaims,
  type TokenUse,
} from './tokens.js';

export type { FetchLike } from './jwks.js';

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
  /** A cache record read when fresh and updated in place after each fetch; persist it to skip the fetch on reload. */
  jwksCache?: JwksCacheRecord | undefined;
}

/** Verifies Cognito tokens of one pool and app client. */
export interface TokenVerifier {
  verifyIdToken(token: string): Promise<IdTokenClaims>;
  verifyAccessToken(token: string): Promise<AccessTokenClaims>;
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

/** Names what jose's signature check refused; jose's errors carry a stable `code`. */
function mapJoseError(use: TokenUse, error: unknown): CognitoError {
  if (error instanceof CognitoError) return error;
  switch ((error as { code?: unknown } | null)?.code) {
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return invalid(use, 'the signature does not match', error);
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return invalid(use, 'it is not signed with RS256', error);
    case 'ERR_JWS_INVALID':
      return invalid(use, 'it is malformed', error);
  }
  return invalid(use, 'unexpected verification failure', error);
}

/**
 * Creates a verifier for one pool's tokens: RS256 signature against the pool's JWKS
 * (fetched without credentials, cached, refetched for an unknown `kid` at most once per
 * cooldown), `iss`, `token_use`, `aud` (ID) / `client_id` (access), and `exp` (and `nbf`) with a
 * clock-skew allowance. Every failure is a `CognitoError`: `InvalidToken` naming the failed
 * check, or `NetworkError` / `ProtocolError` when the keys could not be obtained.
 *
 * @example
 * const verifier = createTokenVerifier({ issuer: cognitoIssuer({ userPoolId }), clientId });
 * const claims = await verifier.verifyAccessToken(accessToken);
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const issuer = options.issuer.replace(/\/+$/, '');
  const clock = options.clock ?? { now: () => Date.now() };
  const clockTolerance = options.clockSkew ?? 60;
  const cache: JwksCacheRecord = options.jwksCache ?? {};
  let keys: JwksKeys | null = null;

  // Created on first use: touching fetch at import time would break SSR builds that never
  // verify anything.
  const keyOf = (kid: unknown): Promise<CryptoKey | undefined> => {
    keys ??= createJwksKeys({
      url: `${issuer}/.well-known/jwks.json`,
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      cache,
      cooldown: options.jwksCooldown ?? 30_000,
      maxAge: options.jwksMaxAge ?? 3_600_000,
    });
    return keys(kid);
  };

  async function verify(token: string, use: TokenUse): Promise<IdTokenClaims | AccessTokenClaims> {
    // Cheap checks on the unverified claims first: precise messages, and a foreign token
    // never makes us fetch keys.
    const claims = use === 'id' ? decodeIdToken(token) : decodeAccessToken(token);
    if (claims.iss !== issuer) throw invalid(use, 'issuer (iss) is not the user pool');
    const client = use === 'id' ? claims.aud : claims.client_id;
    const clientClaim = use === 'id' ? 'aud' : 'client_id';
    if (client !== options.clientId) throw invalid(use, `${clientClaim} is not this app client`);
    try {
      // jose checks the header and alg (before asking for a key) and the RS256 signature.
      const { protectedHeader } = await compactVerify(
        token,
        async (header) => {
          const key = await keyOf(header.kid);
          if (key === undefined) throw invalid(use, 'no key of the pool matches its kid');
          return key;
        },
        { algorithms: ['RS256'] },
      );
      // An unencoded payload would make the decoded claims differ from the signed bytes.
      if (protectedHeader.b64 === false) throw invalid(use, 'it is malformed');
    } catch (error) {
      throw mapJoseError(use, error);
    }
    // The signature covers exactly the payload segment `claims` was decoded from.
    const now = Math.floor(clock.now() / 1000);
    const { nbf } = claims;
    if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now + clockTolerance)) {
      throw invalid(use, 'claim "nbf" is invalid (check_failed)');
    }
    if (claims.exp <= now - clockTolerance) throw invalid(use, 'it has expired (exp)');
    return claims;
  }

  return {
    verifyIdToken: (token) => verify(token, 'id') as Promise<IdTokenClaims>,
    verifyAccessToken: (token) => verify(token, 'access') as Promise<AccessTokenClaims>,
    jwksCache: cache,
  };
}
