/**
 * Tokens: per-pool RS256 keys (one for ID tokens, one for access tokens, as Cognito), the JWKS,
 * issuing ID / access / refresh tokens with Cognito's claims, and checking access tokens that
 * clients present to user actions.
 */
import { own } from './records.js';
import { SignJWT, decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { bytesToBase64, nowSeconds, type EngineContext } from '../context.js';
import { serviceError, userNotFound } from '../protocol/errors.js';
import type { ClientState, PoolState, SigningKeyState, UserState } from './state.js';
import { createRefreshToken } from './refresh-tokens.js';
import { getUser } from './users.js';
import { RSA_PARAMS, generateSigningKeyMaterial } from './signing-keys.js';

export {
  createRefreshToken,
  findRefreshToken,
  revokeAllForUser,
  revokeOrigin,
} from './refresh-tokens.js';

const ALG = 'RS256';
/** A new RSA signing key (from the shared cache when the emulator has one). */
export async function generateKey(ctx: EngineContext): Promise<SigningKeyState> {
  const material = ctx.signingKeys
    ? await ctx.signingKeys.pair(ctx.signingKeysTaken++)
    : await generateSigningKeyMaterial();
  const kid = bytesToBase64(ctx.random(32));
  ctx.keyCache.set(`${kid}#private`, material.privateKey);
  ctx.keyCache.set(`${kid}#public`, material.publicKey);
  return { kid, privateJwk: material.privateJwk, publicJwk: material.publicJwk };
}

/** The pool's signing keys, generated on first use (RSA generation is slow, so lazily). */
export async function ensureSigningKeys(
  ctx: EngineContext,
  pool: PoolState,
): Promise<{ id: SigningKeyState; access: SigningKeyState }> {
  if (!pool.signingKeys) {
    const keys = { id: await generateKey(ctx), access: await generateKey(ctx) };
    // Another request may have generated them while we awaited; keep the first.
    pool.signingKeys ??= keys;
  }
  return pool.signingKeys;
}

/** The WebCrypto key of a stored signing key, imported once per emulator. */
export async function importKey(
  ctx: EngineContext,
  key: SigningKeyState,
  use: 'private' | 'public',
): Promise<CryptoKey> {
  const cacheKey = `${key.kid}#${use}`;
  const cached = ctx.keyCache.get(cacheKey);
  if (cached) return cached;
  const jwk = use === 'private' ? key.privateJwk : key.publicJwk;
  const imported = await globalThis.crypto.subtle.importKey('jwk', jwk, RSA_PARAMS, false, [
    use === 'private' ? 'sign' : 'verify',
  ]);
  ctx.keyCache.set(cacheKey, imported);
  return imported;
}

/** One entry of a JWKS as Cognito publishes it. */
export interface PublicJwk {
  kid: string;
  alg: 'RS256';
  kty: 'RSA';
  e: string;
  n: string;
  use: 'sig';
}

/** The pool's JWKS: `{ keys: [idKey, accessKey] }`. */
export async function poolJwks(
  ctx: EngineContext,
  pool: PoolState,
): Promise<{ keys: PublicJwk[] }> {
  const keys = await ensureSigningKeys(ctx, pool);
  const toJwk = (k: SigningKeyState): PublicJwk => ({
    kid: k.kid,
    alg: ALG,
    kty: 'RSA',
    e: k.publicJwk.e ?? '',
    n: k.publicJwk.n ?? '',
    use: 'sig',
  });
  return { keys: [toJwk(keys.id), toJwk(keys.access)] };
}

/** `iss` of the pool's tokens: `<origin>/<poolId>` (the configured issuer origin wins). */
export function issuerOf(ctx: EngineContext, pool: PoolState, requestOrigin: string): string {
  return `${(ctx.issuerOrigin ?? requestOrigin).replace(/\/+$/, '')}/${pool.id}`;
}

/**
 * Attribute value as it appears in the ID token: `*_verified` as JSON booleans, a federated
 * user's `identities` as the JSON array it holds (reported; userInfo keeps it as text).
 */
function claimValue(name: string, value: string): unknown {
  if (name.endsWith('_verified')) return value === 'true';
  if (name === 'identities') {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

/** The scope API sign-in tokens carry (InitiateAuth and its kin). */
export const API_SCOPE = 'aws.cognito.signin.user.admin';

/** Input of {@link issueTokens}. */
export interface IssueTokensInput {
  pool: PoolState;
  client: ClientState;
  user: UserState;
  origin: string;
  /** Original sign-in time, epoch seconds (kept across refreshes). */
  authTime: number;
  /** The authentication these tokens descend from; a new one on sign-in. */
  originJti: string;
  deviceKey?: string | undefined;
  /** Issue a new refresh token (sign-in, rotation) or not (plain refresh). */
  withRefreshToken: boolean;
  /**
   * Scopes granted through the OAuth 2.0 endpoints (absent: API sign-in, scope
   * `aws.cognito.signin.user.admin`); kept with the refresh token for later refreshes.
   */
  scopes?: readonly string[] | undefined;
  /** The authorization request's `nonce`, copied into the ID token. */
  nonce?: string | undefined;
}

/** Cognito's `AuthenticationResult` (NewDeviceMetadata is added by the sign-in flow). */
export interface AuthenticationResult {
  AccessToken: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
  IdToken: string;
  RefreshToken?: string;
  NewDeviceMetadata?: { DeviceKey: string; DeviceGroupKey: string };
}

/**
 * Signs a new ID and access token (and optionally a refresh token) for `user`.
 *
 * @example
 * const result = await issueTokens(ctx, { pool, client, user, origin: req.origin,
 *   authTime: nowSeconds(ctx), originJti: ctx.uuid(), withRefreshToken: true });
 */
export async function issueTokens(
  ctx: EngineContext,
  input: IssueTokensInput,
): Promise<AuthenticationResult> {
  const { pool, client, user } = input;
  const keys = await ensureSigningKeys(ctx, pool);
  const iat = nowSeconds(ctx);
  const iss = issuerOf(ctx, pool, input.origin);
  const eventId = ctx.uuid();
  const groups = user.groups.length > 0 ? { 'cognito:groups': [...user.groups] } : {};

  const readable = client.readAttributes;
  const attributeClaims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(user.attributes)) {
    if (name === 'sub' || (readable && !readable.includes(name))) continue;
    attributeClaims[name] = claimValue(name, value);
  }

  const idToken = await new SignJWT({
    ...attributeClaims,
    ...groups,
    'cognito:username': user.username,
    origin_jti: input.originJti,
    aud: client.clientId,
    event_id: eventId,
    token_use: 'id',
    auth_time: input.authTime,
    ...(input.nonce !== undefined && { nonce: input.nonce }),
  })
    .setProtectedHeader({ kid: keys.id.kid, alg: ALG })
    .setSubject(user.sub)
    .setIssuer(iss)
    .setIssuedAt(iat)
    .setExpirationTime(iat + client.idTokenValiditySeconds)
    .setJti(ctx.uuid())
    .sign(await importKey(ctx, keys.id, 'private'));

  const accessToken = await new SignJWT({
    ...groups,
    ...(input.deviceKey !== undefined && { device_key: input.deviceKey }),
    client_id: client.clientId,
    origin_jti: input.originJti,
    event_id: eventId,
    token_use: 'access',
    scope: input.scopes ? input.scopes.join(' ') : API_SCOPE,
    auth_time: input.authTime,
    ...(input.scopes && { version: 2 }),
    username: user.username,
  })
    .setProtectedHeader({ kid: keys.access.kid, alg: ALG })
    .setSubject(user.sub)
    .setIssuer(iss)
    .setIssuedAt(iat)
    .setExpirationTime(iat + client.accessTokenValiditySeconds)
    .setJti(ctx.uuid())
    .sign(await importKey(ctx, keys.access, 'private'));

  const result: AuthenticationResult = {
    AccessToken: accessToken,
    ExpiresIn: client.accessTokenValiditySeconds,
    TokenType: 'Bearer',
    IdToken: idToken,
  };
  if (input.withRefreshToken) {
    result.RefreshToken = createRefreshToken(ctx, pool, {
      clientId: client.clientId,
      username: user.username,
      originJti: input.originJti,
      authTime: input.authTime,
      deviceKey: input.deviceKey,
      lifetimeSeconds: client.refreshTokenValiditySeconds,
      scopes: input.scopes,
    }).token;
  }
  return result;
}

/**
 * The access token of a client_credentials grant: `sub` and `client_id` are the app client, the
 * scope holds custom scopes only, and there is no user, ID or refresh token
 * (COGNITO-PASSWORDLESS-OAUTH §9, reported claims).
 */
export async function issueClientCredentialsToken(
  ctx: EngineContext,
  input: { pool: PoolState; client: ClientState; origin: string; scopes: readonly string[] },
): Promise<{ accessToken: string; expiresIn: number }> {
  const { pool, client } = input;
  const keys = await ensureSigningKeys(ctx, pool);
  const iat = nowSeconds(ctx);
  const accessToken = await new SignJWT({
    client_id: client.clientId,
    token_use: 'access',
    scope: input.scopes.join(' '),
    auth_time: iat,
    version: 2,
  })
    .setProtectedHeader({ kid: keys.access.kid, alg: ALG })
    .setSubject(client.clientId)
    .setIssuer(issuerOf(ctx, pool, input.origin))
    .setIssuedAt(iat)
    .setExpirationTime(iat + client.accessTokenValiditySeconds)
    .setJti(ctx.uuid())
    .sign(await importKey(ctx, keys.access, 'private'));
  return { accessToken, expiresIn: client.accessTokenValiditySeconds };
}

/** Claims of a valid Cognito access token. */
export interface AccessTokenClaims extends JWTPayload {
  sub: string;
  client_id: string;
  username: string;
  origin_jti: string;
  token_use: 'access';
  scope: string;
  auth_time: number;
  device_key?: string;
}

/** Result of {@link authenticateAccessToken}. */
export interface AuthenticatedUser {
  pool: PoolState;
  user: UserState;
  claims: AccessTokenClaims;
}

function invalidAccessToken(): Error {
  return serviceError('NotAuthorizedException', 'Invalid Access Token');
}

/**
 * Checks an access token presented to a user action (GetUser, ChangePassword, …): signature by
 * the pool's access key, `token_use`, expiry against the engine clock, revocation, and that the
 * user still exists and is enabled.
 *
 * @example
 * const { pool, user } = await authenticateAccessToken(ctx, input.AccessToken);
 */
export async function authenticateAccessToken(
  ctx: EngineContext,
  token: string,
): Promise<AuthenticatedUser> {
  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(token);
  } catch {
    throw invalidAccessToken();
  }
  const iss = typeof unverified.iss === 'string' ? unverified.iss : '';
  const poolId = iss.slice(iss.lastIndexOf('/') + 1);
  const pool = own(ctx.state.pools, poolId);
  if (!pool?.signingKeys) throw invalidAccessToken();
  let claims: AccessTokenClaims;
  try {
    const verified = await jwtVerify(
      token,
      await importKey(ctx, pool.signingKeys.access, 'public'),
      {
        algorithms: [ALG],
        currentDate: new Date(ctx.clock.now()),
      },
    );
    claims = verified.payload as AccessTokenClaims;
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) {
      throw serviceError('NotAuthorizedException', 'Access Token has expired');
    }
    throw invalidAccessToken();
  }
  if (claims.token_use !== 'access' || typeof claims.username !== 'string') {
    throw invalidAccessToken();
  }
  if (own(pool.revokedOrigins, claims.origin_jti) !== undefined) {
    throw serviceError('NotAuthorizedException', 'Access Token has been revoked');
  }
  const user = getUser(pool, claims.username);
  if (!user || user.sub !== claims.sub) throw userNotFound();
  if (!user.enabled) throw serviceError('NotAuthorizedException', 'User is disabled.');
  return { pool, user, claims };
}
