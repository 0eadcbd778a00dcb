import type { Session } from './session-types.js';
import type { StoredSession } from './token-store.js';
import { decodeAccessToken, decodeIdToken } from './tokens.js';

/**
 * Builds a session from a stored record. Decodes only: call it on tokens that were verified,
 * or that come from a trusted place (a sibling tab of the same origin). Throws `InvalidToken`
 * for tokens that do not even decode.
 */
export function toSession(stored: StoredSession): Session {
  const idClaims = decodeIdToken(stored.idToken);
  const accessClaims = decodeAccessToken(stored.accessToken);
  return {
    tokens: {
      idToken: stored.idToken,
      accessToken: stored.accessToken,
      refreshToken: stored.refreshToken,
    },
    idClaims,
    accessClaims,
    username: stored.username,
    expiresAt: Math.min(idClaims.exp, accessClaims.exp) * 1000,
    deviceKey: stored.deviceKey,
    clockOffset: stored.clockOffset ?? 0,
  };
}

/**
 * Server time minus local time, measured from a token that just arrived from Cognito; 0 when
 * the difference is within `skewMs` (network latency and ordinary drift).
 */
export function measureClockOffset(iatSeconds: number, localNow: number, skewMs: number): number {
  const offset = iatSeconds * 1000 - localNow;
  return Math.abs(offset) > skewMs ? offset : 0;
}

/** {@link toSession}, or null for a record whose tokens do not decode. */
export function readableSession(stored: StoredSession): Session | null {
  try {
    return toSession(stored);
  } catch {
    return null;
  }
}

/** The record a session persists as. */
export function toStored(session: Session): StoredSession {
  return {
    ...session.tokens,
    username: session.username,
    deviceKey: session.deviceKey,
    ...(session.clockOffset ? { clockOffset: session.clockOffset } : {}),
  };
}
