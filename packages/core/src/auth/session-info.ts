import type { Session } from '../session/session-types.js';
import type { AccessTokenClaims, IdTokenClaims } from '../session/tokens.js';

/**
 * What an app may read of the verified session: who, until when, on which device. The tokens
 * themselves are not here: `auth.getAccessToken()` / `getIdToken()` hand out fresh ones, and the
 * refresh token never leaves the session manager.
 */
export interface SessionInfo {
  /** The internal username (access token `username`), never an alias. */
  readonly username: string;
  /** The user's `sub`. */
  readonly userId: string;
  /** Claims of the verified ID token. */
  readonly idClaims: Readonly<IdTokenClaims>;
  /** Claims of the verified access token (scopes, groups, `auth_time`…). */
  readonly accessClaims: Readonly<AccessTokenClaims>;
  /** When the first of the two tokens expires, epoch ms. */
  readonly expiresAt: number;
  /** The remembered device this session is bound to, if any. */
  readonly deviceKey: string | undefined;
}

/** Tokens obtained elsewhere, for `auth.adoptTokens` (Cognito's `AuthenticationResult`). */
export interface AdoptedTokens {
  idToken: string;
  accessToken: string;
  /** Without it the session ends when the access token expires. */
  refreshToken?: string | undefined;
}

/** The {@link SessionInfo} of a session (copies: the manager's objects stay its own). */
export function toSessionInfo(session: Session): SessionInfo {
  return {
    username: session.username,
    userId: session.idClaims.sub,
    idClaims: { ...session.idClaims },
    accessClaims: { ...session.accessClaims },
    expiresAt: session.expiresAt,
    deviceKey: session.deviceKey,
  };
}
