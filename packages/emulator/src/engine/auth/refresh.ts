/**
 * Refreshing tokens: REFRESH_TOKEN_AUTH (InitiateAuth; new ID and access tokens, the refresh
 * token stays) and GetTokensFromRefreshToken (with refresh-token rotation: a new refresh token
 * each time, the presented one usable for RetryGracePeriodSeconds more, reuse afterwards →
 * RefreshTokenReuseException).
 */
import type { EngineContext } from '../context.js';
import { serviceError, userNotFound } from '../protocol/errors.js';
import type { ClientState, PoolState, RefreshTokenRecord } from '../model/state.js';
import { findRefreshToken, issueTokens, type AuthenticationResult } from '../model/tokens.js';
import { getUser } from '../model/users.js';
import { requireParam } from './password.js';
import { checkClientSecret, checkSecretHash } from './secret-hash.js';

function notAuthorized(message: string): Error {
  return serviceError('NotAuthorizedException', message);
}

/** The live record for `token` issued to `client`, or the NotAuthorizedException to answer. */
function liveRecord(
  ctx: EngineContext,
  pool: PoolState,
  client: ClientState,
  token: string,
): RefreshTokenRecord {
  const found = findRefreshToken(ctx, token);
  if (!found || found.pool.id !== pool.id || found.record.clientId !== client.clientId) {
    throw notAuthorized('Invalid Refresh Token');
  }
  const { record } = found;
  if (record.revoked) throw notAuthorized('Refresh Token has been revoked');
  if (record.expiresAt <= ctx.clock.now()) throw notAuthorized('Refresh Token has expired');
  return record;
}

function refreshedUser(pool: PoolState, record: RefreshTokenRecord) {
  const user = getUser(pool, record.username);
  if (!user) throw userNotFound();
  if (!user.enabled) throw notAuthorized('User is disabled.');
  if (user.status === 'RESET_REQUIRED') {
    throw serviceError('PasswordResetRequiredException', 'Password reset required for the user');
  }
  return user;
}

/**
 * New tokens for the record's user, keeping the original sign-in's auth_time, origin_jti and
 * device; a new refresh token only when `withRefreshToken` (rotation).
 */
async function reissue(
  ctx: EngineContext,
  at: { pool: PoolState; client: ClientState; record: RefreshTokenRecord; origin: string },
  withRefreshToken: boolean,
): Promise<AuthenticationResult> {
  const { pool, client, record, origin } = at;
  return issueTokens(ctx, {
    pool,
    client,
    user: refreshedUser(pool, record),
    origin,
    authTime: record.authTime,
    originJti: record.originJti,
    deviceKey: record.deviceKey,
    withRefreshToken,
    scopes: record.scopes,
  });
}

/**
 * REFRESH_TOKEN_AUTH / REFRESH_TOKEN. SECRET_HASH is computed with the internal username.
 * Refused for clients with rotation on (they must use GetTokensFromRefreshToken).
 */
export async function refreshTokenAuth(
  ctx: EngineContext,
  pool: PoolState,
  client: ClientState,
  params: Record<string, string>,
  origin: string,
): Promise<{
  ChallengeParameters: Record<string, string>;
  AuthenticationResult: AuthenticationResult;
}> {
  const token = requireParam(params, 'REFRESH_TOKEN');
  if (client.refreshTokenRotation.enabled) {
    throw notAuthorized(
      'Refresh token rotation is enabled for this client; use GetTokensFromRefreshToken.',
    );
  }
  const record = liveRecord(ctx, pool, client, token);
  await checkSecretHash(client, params['SECRET_HASH'], [record.username]);
  const result = await reissue(ctx, { pool, client, record, origin }, false);
  return { ChallengeParameters: {}, AuthenticationResult: result };
}

/** GetTokensFromRefreshToken `{RefreshToken, ClientId, ClientSecret?, DeviceKey?}`. */
export async function getTokensFromRefreshToken(
  ctx: EngineContext,
  pool: PoolState,
  client: ClientState,
  input: { refreshToken: string; clientSecret?: string | undefined },
  origin: string,
): Promise<{ AuthenticationResult: AuthenticationResult }> {
  checkClientSecret(client, input.clientSecret);
  const record = liveRecord(ctx, pool, client, input.refreshToken);
  const now = ctx.clock.now();
  const rotation = client.refreshTokenRotation;
  if (rotation.enabled && record.usableUntil !== undefined && now >= record.usableUntil) {
    throw serviceError('RefreshTokenReuseException', 'The refresh token has already been used.');
  }
  const result = await reissue(ctx, { pool, client, record, origin }, rotation.enabled);
  if (rotation.enabled && record.rotatedAt === undefined) {
    // The first exchange starts the grace period; retries within it still work.
    record.rotatedAt = now;
    record.usableUntil = now + rotation.retryGracePeriodSeconds * 1000;
  }
  return { AuthenticationResult: result };
}
