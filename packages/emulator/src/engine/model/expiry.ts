/**
 * Forgetting what can no longer be used, so a long-running (or persisted) emulator does not grow
 * with every sign-in: expired challenge sessions and SRP exchanges, refresh tokens past their
 * grace day, revocations no live access token can carry any more, codes past their grace day
 * and code-request history older than the rate-limit window.
 *
 * Every lookup already treats an expired record as absent (or as expired, for the clearer
 * error), so dropping records is invisible to clients; it only has to happen now and then. The
 * dispatcher calls {@link sweepIfDue} on each request and it sweeps at most once per
 * {@link SWEEP_INTERVAL_MS} of emulator time: one pass over the state a minute instead of one per
 * sign-in (which cost O(refresh tokens) per InitiateAuth), and no timer that would keep a process
 * alive or outlive an emulator nobody uses any more.
 */
import { CODE_REQUEST_WINDOW_MS } from './codes.js';
import type { EngineContext } from '../context.js';
import type { EmulatorState } from './state.js';

/** Least emulator time between two sweeps. */
export const SWEEP_INTERVAL_MS = 60_000;
/**
 * How long an expired refresh token or code is kept, so its holder still hears "expired" rather
 * than "invalid" (ExpiredCodeException, `Refresh Token has expired`).
 */
const GRACE_MS = 86_400_000;
/**
 * Longest access-token lifetime Cognito allows (`AccessTokenValidity` ≤ 1 day, also the seed's
 * limit): a revocation older than that cannot match a live access token.
 */
const LONGEST_ACCESS_TOKEN_MS = 86_400_000;

const lastSweep = new WeakMap<EmulatorState, number>();

/**
 * Sweeps when the last sweep of this state is {@link SWEEP_INTERVAL_MS} old (or the clock was
 * set back before it).
 */
export function sweepIfDue(ctx: EngineContext): void {
  const now = ctx.clock.now();
  const last = lastSweep.get(ctx.state);
  if (last !== undefined && now >= last && now - last < SWEEP_INTERVAL_MS) return;
  lastSweep.set(ctx.state, now);
  sweepExpired(ctx);
}

/** Drops every record that can no longer be used; true when it dropped any. */
export function sweepExpired(ctx: EngineContext): boolean {
  const now = ctx.clock.now();
  const { state } = ctx;
  let dropped = false;
  const drop = <T>(records: Record<string, T>, key: string): void => {
    delete records[key];
    dropped = true;
  };
  for (const [id, session] of Object.entries(state.sessions)) {
    if (session.expiresAt <= now) drop(state.sessions, id);
  }
  for (const [block, challenge] of Object.entries(state.srpChallenges)) {
    if (challenge.expiresAt <= now) drop(state.srpChallenges, block);
  }
  for (const [code, grant] of Object.entries(state.upstream?.codes ?? {})) {
    if (grant.expiresAt <= now) drop(state.upstream?.codes ?? {}, code);
  }
  for (const pool of Object.values(state.pools)) {
    for (const [token, record] of Object.entries(pool.refreshTokens)) {
      if (record.expiresAt + GRACE_MS <= now) drop(pool.refreshTokens, token);
    }
    const oauthRecords: (Record<string, { expiresAt: number }> | undefined)[] = [
      pool.oauth?.codes,
      pool.oauth?.hostedSessions,
      pool.oauth?.federations,
    ];
    for (const records of oauthRecords) {
      for (const [key, record] of Object.entries(records ?? {})) {
        if (record.expiresAt <= now) drop(records ?? {}, key);
      }
    }
    for (const [origin, revokedAt] of Object.entries(pool.revokedOrigins)) {
      if (revokedAt + LONGEST_ACCESS_TOKEN_MS <= now) drop(pool.revokedOrigins, origin);
    }
    for (const user of Object.values(pool.users)) {
      for (const [slot, code] of Object.entries(user.codes)) {
        if (code.expiresAt + GRACE_MS <= now) drop(user.codes, slot);
      }
      for (const [slot, times] of Object.entries(user.codeRequests)) {
        if (times.every((at) => now - at >= CODE_REQUEST_WINDOW_MS)) drop(user.codeRequests, slot);
      }
    }
  }
  return dropped;
}
