import type { JWK } from 'jose';
import type { AccessTokenClaims, IdTokenClaims } from '@cognito-kit/core';
import { cognitoIssuer, invalidInput } from '../low-level.js';
import { checkClientId, checkGroups, checkScopes, checkTimes, checkTokenUse } from './claims.js';
import { base64UrlBytes, decomposeJwt, type JsonObject } from './decompose.js';
import { isTokenRejected, reject } from './errors.js';
import { checkJwkForAlg } from './jwk-rules.js';
import { createJwksCache, type Jwks } from './jwks.js';
import { webCryptoSignatures, type SignatureBackend } from './signature.js';

export type CognitoTokenUse = 'id' | 'access';

/** What a custom check sees; throw to reject the token (rule `custom`). */
export interface CustomCheckInput {
  readonly header: Readonly<JsonObject>;
  readonly payload: Readonly<JsonObject>;
  readonly jwk: Readonly<JWK>;
}

/** The rules that may be set at creation and overridden per `verify` call. */
export interface VerifyRules {
  /**
   * Allowed app client id(s): `aud` of ID tokens, `client_id` of access tokens. `null` skips the
   * check (say so explicitly: leaving it out is an error, as in aws-jwt-verify).
   */
  clientId: string | readonly string[] | null;
  /** `access` or `id`; `null` accepts both (token_use must still be one of them). */
  tokenUse: CognitoTokenUse | null;
  /** The token must be in at least one of these groups (`cognito:groups`). */
  groups?: string | readonly string[] | null;
  /** The token's `scope` must contain at least one of these. */
  scopes?: string | readonly string[] | null;
  /** Seconds of clock skew allowed for `exp` and `nbf`. Default 0 (as aws-jwt-verify). */
  graceSeconds?: number;
  /** Runs after the signature, time and scope checks, before the groups / token_use / client checks. */
  customCheck?: (input: CustomCheckInput) => void | Promise<void>;
}

/** Options of one user pool for {@link createCognitoJwtVerifier}. */
export interface CognitoJwtVerifierOptions<
  U extends CognitoTokenUse | null = CognitoTokenUse | null,
> extends VerifyRules {
  userPoolId: string;
  tokenUse: U;
  /**
   * A Cognito-compatible endpoint other than AWS (the emulator): the issuer becomes
   * `<endpoint>/<userPoolId>`. Default AWS: `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`.
   */
  endpoint?: string;
  /** Default `<issuer>/.well-known/jwks.json`. */
  jwksUri?: string;
}

/** Options shared by every pool of a verifier. */
export interface JwksOptions {
  /** The fetch that downloads JWKS. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Seconds no refetch is made after one that lacked a token's `kid`. Default 10 (as aws-jwt-verify). */
  jwksCooldownSeconds?: number;
  /** Timeout of one JWKS request in ms. Default 3000. */
  jwksTimeoutMs?: number;
  /** Current time in epoch ms. Default `Date.now`. */
  now?: () => number;
  /**
   * How signatures are checked. Default WebCrypto (keys imported by jose); the verifier of
   * `@cognito-kit/server/node` uses node:crypto.
   */
  signatures?: SignatureBackend;
}

export type ClaimsFor<U> = U extends 'access'
  ? AccessTokenClaims
  : U extends 'id'
    ? IdTokenClaims
    : AccessTokenClaims | IdTokenClaims;

export interface CognitoJwtVerifier<Claims> {
  /**
   * Verifies `token` and returns its claims.
   * @throws TokenRejectedError (code `InvalidToken`, with the failed `rule`) for a bad token;
   *   CognitoError `NetworkError` / `ProtocolError` when the JWKS cannot be had.
   */
  verify(token: string, rules?: Partial<VerifyRules>): Promise<Claims>;
  /**
   * Fills the JWKS cache: with `jwks`, without any request (a cold start from a bundled or
   * stored JWKS; with several pools pass `userPoolId`); without, by fetching every pool's JWKS.
   */
  hydrate(jwks?: Jwks, userPoolId?: string): Promise<void>;
}

// aws-jwt-verify's pattern of AWS pool ids; any `<x>_<id>` with an explicit endpoint.
const encoder = new TextEncoder();

const AWS_POOL_ID = /^[a-z]{2}-(gov-)?[a-z]+-\d_[a-zA-Z0-9]+$/;
const ANY_POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;

interface PoolConfig extends VerifyRules {
  userPoolId: string;
  issuer: string;
  jwksUri: string;
}

const list = (v: string | readonly string[] | null | undefined): readonly string[] | null =>
  v === undefined || v === null ? null : typeof v === 'string' ? [v] : v;

function poolConfig(options: CognitoJwtVerifierOptions): PoolConfig {
  const { userPoolId } = options;
  const pattern = options.endpoint === undefined ? AWS_POOL_ID : ANY_POOL_ID;
  if (typeof userPoolId !== 'string' || !pattern.test(userPoolId)) {
    throw invalidInput(`Invalid Cognito user pool id: ${String(userPoolId)}`);
  }
  if (options.clientId === undefined)
    throw invalidInput('clientId must be given, or set to null explicitly.');
  if (options.tokenUse === undefined)
    throw invalidInput('tokenUse must be given, or set to null explicitly.');
  const issuer = cognitoIssuer({ userPoolId, endpoint: options.endpoint });
  return { ...options, issuer, jwksUri: options.jwksUri ?? `${issuer}/.well-known/jwks.json` };
}

/**
 * A verifier of Cognito ID or access tokens for servers, with aws-jwt-verify's rules and order:
 * signature (RS/ES/EdDSA via jose, keys from the pool's JWKS), `exp`/`nbf` with a grace period,
 * `iss`, scopes, your custom check, groups, `token_use`, app client. One verifier can serve several
 * pools (pass an array; the token's `iss` picks the pool).
 *
 * @example
 * const verifier = createCognitoJwtVerifier({ userPoolId: 'eu-west-2_Zx9Yw8', clientId: '1example23456789', tokenUse: 'access' });
 * const claims = await verifier.verify(token); // claims.sub, claims.username, claims.scope
 * await verifier.verify(token, { groups: 'admins' }); // per-call rules
 */
export function createCognitoJwtVerifier<U extends CognitoTokenUse | null>(
  options: CognitoJwtVerifierOptions<U> | readonly CognitoJwtVerifierOptions<U>[],
  jwksOptions: JwksOptions = {},
): CognitoJwtVerifier<ClaimsFor<U>> {
  const configs = (Array.isArray(options) ? options : [options]).map(
    (o: CognitoJwtVerifierOptions) => poolConfig(o),
  );
  if (configs.length === 0) throw invalidInput('Give at least one user pool.');
  const byIssuer = new Map<string, PoolConfig>();
  for (const config of configs) {
    if (byIssuer.has(config.issuer))
      throw invalidInput(`Issuer ${config.issuer} is given more than once.`);
    byIssuer.set(config.issuer, config);
  }
  const now = jwksOptions.now ?? Date.now;
  const signatures = jwksOptions.signatures ?? (webCryptoSignatures as SignatureBackend);
  const jwks = createJwksCache({
    fetch: jwksOptions.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    cooldownSeconds: jwksOptions.jwksCooldownSeconds ?? 10,
    timeoutMs: jwksOptions.jwksTimeoutMs ?? 3000,
    now,
    signatures,
  });

  async function verify(token: string, override: Partial<VerifyRules> = {}): Promise<ClaimsFor<U>> {
    const { header, payload } = decomposeJwt(token);
    // The token's `iss` picks the pool. It is checked before any key is looked up (aws-jwt-verify
    // checks it with the other claims, after the signature), so a foreign token never causes a
    // JWKS fetch or a cooldown; an unverified `iss` can only make the token fail earlier.
    const config = byIssuer.get(payload['iss'] as string);
    if (!config) throw reject('issuer', 'The token was not issued by a configured user pool.');
    const rules: VerifyRules = { ...config, ...override };
    const kid = header['kid'];
    if (typeof kid !== 'string') throw reject('kid', 'The token has no kid.');
    const jwk = jwks.cachedJwk(config.jwksUri, kid) ?? (await jwks.getJwk(config.jwksUri, kid));
    const alg = checkJwkForAlg(jwk, header['alg']);
    let key = jwks.readyKey(config.jwksUri, jwk, alg);
    try {
      key ??= await jwks.getKey(config.jwksUri, jwk, alg);
    } catch (cause) {
      throw reject('algorithm', 'The key for the token cannot be used with its algorithm.', cause);
    }
    const dot = token.lastIndexOf('.');
    let valid: boolean;
    try {
      valid = await signatures.verify(
        alg,
        key,
        encoder.encode(token.slice(0, dot)),
        base64UrlBytes(token.slice(dot + 1)),
      );
    } catch (cause) {
      throw reject('signature', 'The token’s signature does not match.', cause);
    }
    if (!valid) throw reject('signature', 'The token’s signature does not match.');
    const failure =
      checkTimes(payload, now() / 1000, rules.graceSeconds ?? 0) ??
      checkScopes(payload, list(rules.scopes));
    if (failure) throw failure;
    if (rules.customCheck) {
      try {
        await rules.customCheck({ header, payload, jwk });
      } catch (cause) {
        if (isTokenRejected(cause)) throw cause;
        throw reject('custom', 'The token failed the custom check.', cause);
      }
    }
    const cognitoFailure =
      checkGroups(payload, list(rules.groups)) ??
      checkTokenUse(payload, rules.tokenUse) ??
      checkClientId(payload, list(rules.clientId));
    if (cognitoFailure) throw cognitoFailure;
    return payload as ClaimsFor<U>;
  }

  return {
    verify,
    async hydrate(given, userPoolId) {
      if (given === undefined) {
        await Promise.all(configs.map((c) => jwks.fetchNow(c.jwksUri)));
        return;
      }
      const config =
        userPoolId === undefined
          ? configs.length === 1
            ? configs[0]
            : undefined
          : configs.find((c) => c.userPoolId === userPoolId);
      if (!config) throw invalidInput('userPoolId must name one of the verifier’s pools.');
      jwks.cache(config.jwksUri, given);
    },
  };
}
