/**
 * Refresh-token records: opaque tokens issued at sign-in (and on rotation), found by the token
 * itself, revoked per authentication (`origin_jti`) or for all of a user's sign-ins.
 *
 * Real refresh tokens are ~1,700-character JWE strings; ours have the same five-part look. Every
 * sign-in leaves one behind for its whole lifetime (30 days by default), so their size is what a
 * long-running emulator grows by. The record therefore keeps only two short random parts: the
 * token's middle part (12 random bytes, its *handle*, the key in `pool.refreshTokens`) and its
 * last part (16 random bytes, its *seal*). The two long parts are derived from those two, so the
 * whole token is re-derived, not stored, and a token with any part changed is not found.
 */
import { bytesToBase64, type EngineContext } from '../context.js';
import type { PoolState, RefreshTokenRecord } from './state.js';

function base64Url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const HEADER = base64Url(
  new TextEncoder().encode('{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}'),
);

/**
 * `size` filler bytes determined by the handle and seal (xorshift32 seeded from both: the parts
 * only need to look random and be reproducible; the secrecy is in the 28 random bytes).
 */
function filler(handle: string, seal: string, size: number, salt: number): Uint8Array {
  let x = salt | 1;
  for (const ch of `${handle}.${seal}`) x = Math.imul(x ^ ch.charCodeAt(0), 0x9e3779b1) | 1;
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** The token for a handle and seal: header, key (256 B), handle (IV, 12 B), body (384 B), seal (tag, 16 B). */
function tokenOf(handle: string, seal: string): string {
  const key = base64Url(filler(handle, seal, 256, 1));
  const body = base64Url(filler(handle, seal, 384, 2));
  return `${HEADER}.${key}.${handle}.${body}.${seal}`;
}

/**
 * Creates and stores a refresh token; returns the token and its record.
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
    /** OAuth scopes granted at sign-in (absent for API sign-in). */
    scopes?: readonly string[] | undefined;
  },
): { token: string; record: RefreshTokenRecord } {
  const handle = base64Url(ctx.random(12));
  const seal = base64Url(ctx.random(16));
  const now = ctx.clock.now();
  const record: RefreshTokenRecord = {
    seal,
    clientId: input.clientId,
    username: input.username,
    originJti: input.originJti,
    authTime: input.authTime,
    issuedAt: now,
    expiresAt: now + input.lifetimeSeconds * 1000,
    revoked: false,
  };
  if (input.deviceKey !== undefined) record.deviceKey = input.deviceKey;
  if (input.scopes !== undefined) record.scopes = [...input.scopes];
  pool.refreshTokens[handle] = record;
  return { token: tokenOf(handle, seal), record };
}

/** The record `token` names in `pool`: by handle and seal, or (older snapshots) by the token. */
function recordIn(pool: PoolState, token: string): RefreshTokenRecord | undefined {
  const parts = token.split('.');
  const handle = parts[2];
  if (parts.length === 5 && handle !== undefined && Object.hasOwn(pool.refreshTokens, handle)) {
    const record = pool.refreshTokens[handle];
    if (record?.seal !== undefined && tokenOf(handle, record.seal) === token) return record;
  }
  return Object.hasOwn(pool.refreshTokens, token) ? pool.refreshTokens[token] : undefined;
}

/** The refresh-token record for `token` in any pool. */
export function findRefreshToken(
  ctx: EngineContext,
  token: string,
): { pool: PoolState; record: RefreshTokenRecord } | undefined {
  for (const pool of Object.values(ctx.state.pools)) {
    const record = recordIn(pool, token);
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
