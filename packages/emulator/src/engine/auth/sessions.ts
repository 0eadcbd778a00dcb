/**
 * Challenge sessions: the opaque `Session` strings that tie the steps of one sign-in together.
 * Each challenge gets a fresh string (the previous one stops working), and a session lives for
 * the app client's AuthSessionValidity (default 3 minutes).
 */
import { randomBase64, type EngineContext } from '../context.js';
import { invalidSession } from '../errors.js';
import { own } from '../records.js';
import type { AuthSessionState, ChallengeName, ClientState } from '../state.js';

/** Bytes of randomness in a Session string (real ones are ~900-character KMS envelopes). */
const SESSION_BYTES = 192;

function newSessionId(ctx: EngineContext): string {
  // `AYAB` is how real session envelopes start; clients treat the value as opaque.
  return `AYAB${randomBase64(ctx, SESSION_BYTES)}`;
}

/** What a new session starts with (everything but id and expiry). */
export type SessionSeed = Omit<AuthSessionState, 'id' | 'expiresAt' | 'challenge'>;

/**
 * Stores a new session for `challenge` and returns it; its `id` is the `Session` to send.
 * `keepId` reuses a spent session's string (see the device step in `flow.ts`).
 *
 * @example
 * const session = openAuthSession(ctx, client, 'SMS_MFA', { poolId, clientId, username, authFlow });
 */
export function openAuthSession(
  ctx: EngineContext,
  client: ClientState,
  challenge: ChallengeName,
  seed: SessionSeed,
  keepId?: string,
): AuthSessionState {
  const session: AuthSessionState = {
    ...seed,
    id: keepId ?? newSessionId(ctx),
    challenge,
    expiresAt: ctx.clock.now() + client.authSessionValiditySeconds * 1000,
  };
  ctx.state.sessions[session.id] = session;
  ctx.changed();
  return session;
}

/**
 * The live session named by `sessionId`, or NotAuthorizedException `Invalid session for the
 * user.` when it is unknown, expired or (with `clientId`) belongs to another app client. Used by
 * RespondToAuthChallenge and by AssociateSoftwareToken / VerifySoftwareToken `{Session}`.
 *
 * @example
 * const session = findAuthSession(ctx, input.Session, input.ClientId);
 */
export function findAuthSession(
  ctx: EngineContext,
  sessionId: string,
  clientId?: string,
): AuthSessionState {
  const session = own(ctx.state.sessions, sessionId);
  if (!session) throw invalidSession();
  if (session.expiresAt <= ctx.clock.now()) {
    delete ctx.state.sessions[sessionId];
    ctx.changed();
    throw invalidSession();
  }
  if (clientId !== undefined && session.clientId !== clientId) throw invalidSession();
  return session;
}

/**
 * Replaces `session` by a copy under a new `Session` string (and, optionally, a new challenge)
 * with a fresh lifetime; the old string stops working. Returns the new session.
 *
 * @example
 * const next = reissueAuthSession(ctx, session); // AssociateSoftwareToken answers next.id
 */
export function reissueAuthSession(
  ctx: EngineContext,
  session: AuthSessionState,
  challenge: ChallengeName = session.challenge,
): AuthSessionState {
  const pool = own(ctx.state.pools, session.poolId);
  const client = own(pool?.clients, session.clientId);
  delete ctx.state.sessions[session.id];
  const lifetimeMs = (client?.authSessionValiditySeconds ?? 180) * 1000;
  const next: AuthSessionState = {
    ...session,
    id: newSessionId(ctx),
    challenge,
    expiresAt: ctx.clock.now() + lifetimeMs,
  };
  ctx.state.sessions[next.id] = next;
  ctx.changed();
  return next;
}

/** Ends a session (sign-in finished or abandoned). */
export function closeAuthSession(ctx: EngineContext, session: AuthSessionState): void {
  delete ctx.state.sessions[session.id];
  ctx.changed();
}
