/**
 * The live OAuth records of a pool: single-use authorization codes (5 minutes, reported) and
 * the hosted page's sign-in sessions (1 hour), each named by a random handle.
 */
import type { EngineContext } from '../context.js';
import { nameIndex, own } from '../model/records.js';
import type {
  AuthorizationCodeState,
  HostedSessionState,
  PoolOAuthState,
  PoolState,
} from '../model/state.js';
import { base64Url } from './http.js';

/** Lifetime of an authorization code. */
export const CODE_LIFETIME_MS = 5 * 60_000;
/** Lifetime of a hosted sign-in session (Cognito's managed-login session: 1 hour). */
export const HOSTED_SESSION_LIFETIME_MS = 60 * 60_000;

/** The pool's OAuth records, created on first use. */
export function oauthRecords(pool: PoolState): PoolOAuthState {
  pool.oauth ??= { codes: nameIndex(), hostedSessions: nameIndex() };
  return pool.oauth;
}

/** Stores a new code for `grant` and returns it. */
export function issueAuthorizationCode(
  ctx: EngineContext,
  pool: PoolState,
  grant: Omit<AuthorizationCodeState, 'expiresAt'>,
): string {
  const code = base64Url(ctx.random(24));
  oauthRecords(pool).codes[code] = { ...grant, expiresAt: ctx.clock.now() + CODE_LIFETIME_MS };
  return code;
}

/**
 * The live (unexpired) code record, redeemed or not. Redeemed records stay until they expire so
 * that a replay can be recognised (RFC 6749 §4.1.2: the tokens of a replayed code are revoked).
 */
export function findAuthorizationCode(
  ctx: EngineContext,
  pool: PoolState,
  code: string,
): AuthorizationCodeState | undefined {
  const grant = own(pool.oauth?.codes, code);
  return grant && grant.expiresAt > ctx.clock.now() ? grant : undefined;
}

/** Opens a hosted sign-in session and returns its handle (the cookie value). */
export function openHostedSession(
  ctx: EngineContext,
  pool: PoolState,
  session: Omit<HostedSessionState, 'expiresAt'>,
): string {
  const id = base64Url(ctx.random(24));
  oauthRecords(pool).hostedSessions[id] = {
    ...session,
    expiresAt: ctx.clock.now() + HOSTED_SESSION_LIFETIME_MS,
  };
  return id;
}

/** The live session a cookie names. */
export function findHostedSession(
  ctx: EngineContext,
  pool: PoolState,
  id: string | undefined,
): HostedSessionState | undefined {
  if (id === undefined) return undefined;
  const session = own(pool.oauth?.hostedSessions, id);
  return session && session.expiresAt > ctx.clock.now() ? session : undefined;
}

/** Ends a hosted session (`/logout`). */
export function endHostedSession(pool: PoolState, id: string | undefined): void {
  if (id !== undefined && pool.oauth) delete pool.oauth.hostedSessions[id];
}

/** The cookie that carries a pool's hosted session (one per pool on the shared host). */
export function sessionCookieName(pool: PoolState): string {
  return `cognito-kit-session_${pool.id}`;
}
