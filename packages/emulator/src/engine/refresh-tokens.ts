/**
 * Refresh-token records: opaque tokens issued at sign-in (and on rotation), found by the token
 * itself, revoked per authentication (`origin_jti`) or for all of a user's sign-ins.
 */
import { own } from './records.js';
import { bytesToBase64, type EngineContext } from './context.js';
import type { PoolState, RefreshTokenRecord } from './state.js';

function base64Url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Creates and stores an opaque refresh token. Real ones are JWE compact strings; this one has
 * the same five-part look but is only a random handle into `pool.refreshTokens`.
 */
export function createRefreshToken(
  ctx: EngineContext,
  pool: PoolState,
  input: {
    clientId: string;
    username: string;
    originJti: string;
    authTime: number;
    deviceKey?: string | undefined;
    lifetimeSeconds: number;
  },
): RefreshTokenRecord {
  const header = base64Url(
    new TextEncoder().encode('{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}'),
  );
  const token = [header, ctx.random(256), ctx.random(12), ctx.random(384), ctx.random(16)]
    .map((part) => (typeof part === 'string' ? part : base64Url(part)))
    .join('.');
  const now = ctx.clock.now();
  const record: RefreshTokenRecord = {
    token,
    clientId: input.clientId,
    username: input.username,
    originJti: input.originJti,
    authTime: input.authTime,
    issuedAt: now,
    expiresAt: now + input.lifetimeSeconds * 1000,
    revoked: false,
  };
  if (input.deviceKey !== undefined) record.deviceKey = input.deviceKey;
  pool.refreshTokens[token] = record;
  ctx.changed();
  return record;
}

/** The refresh-token record for `token` in any pool. */
export function findRefreshToken(
  ctx: EngineContext,
  token: string,
): { pool: PoolState; record: RefreshTokenRecord } | undefined {
  for (const pool of Object.values(ctx.state.pools)) {
    const record = own(pool.refreshTokens, token);
    if (record) return { pool, record };
  }
  return undefined;
}

/**
 * Revokes a whole authentication: the refresh tokens descending from `originJti` stop working
 * and access tokens carrying it are refused by user actions.
 */
export function revokeOrigin(ctx: EngineContext, pool: PoolState, originJti: string): void {
  pool.revokedOrigins[originJti] = ctx.clock.now();
  for (const record of Object.values(pool.refreshTokens)) {
    if (record.originJti === originJti) record.revoked = true;
  }
  ctx.changed();
}

/** Revokes every authentication of a user (GlobalSignOut, AdminUserGlobalSignOut). */
export function revokeAllForUser(ctx: EngineContext, pool: PoolState, username: string): void {
  const origins = new Set(
    Object.values(pool.refreshTokens)
      .filter((r) => r.username === username)
      .map((r) => r.originJti),
  );
  for (const origin of origins) revokeOrigin(ctx, pool, origin);
}
