/**
 * The pending redirect sign-in: what this tab must remember between leaving for the hosted page
 * and coming back (PKCE verifier, state, nonce). Pure: serialising, parsing and the expiry rule;
 * where it is kept is the caller's business (session storage by default: one tab, gone with it).
 */

/** One redirect sign-in in flight. */
export interface PendingRedirect {
  /** Random, sent as `state`; the callback must bring it back unchanged. */
  readonly state: string;
  /** Random, sent as `nonce`; the ID token must carry it. */
  readonly nonce: string;
  /** PKCE verifier; only its S256 challenge left this tab. */
  readonly codeVerifier: string;
  /** The `redirect_uri` sent, which the code exchange must repeat. */
  readonly redirectUri: string;
  /** The scopes asked for. */
  readonly scopes: readonly string[];
  /** The app's own value, handed back by `handleRedirectCallback`; never sent to Cognito. */
  readonly customState?: string | undefined;
  /** Where the user was when the sign-in started (same-origin URL), for returning there. */
  readonly returnTo?: string | undefined;
  /** When it was created, epoch ms. */
  readonly createdAt: number;
}

/**
 * How long a pending sign-in stays usable, ms. The user may take their time at an identity
 * provider; Cognito's own code is short-lived (5 minutes) and single-use, which is the bound
 * that matters.
 */
export const PENDING_REDIRECT_TTL_MS = 60 * 60 * 1000;

/** The storage key of a client's pending redirect. */
export function pendingRedirectKey(clientId: string): string {
  return `cognito-kit.oauth.${clientId}.pending`;
}

export function serializePendingRedirect(pending: PendingRedirect): string {
  return JSON.stringify({ v: 1, ...pending });
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Parses a stored record; null for anything unreadable (treated as no pending sign-in). */
export function parsePendingRedirect(text: string | null | undefined): PendingRedirect | null {
  if (typeof text !== 'string') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (r.v !== 1) return null;
  if (!isString(r.state) || !isString(r.nonce) || !isString(r.codeVerifier)) return null;
  if (!isString(r.redirectUri) || typeof r.createdAt !== 'number') return null;
  if (!Array.isArray(r.scopes) || !r.scopes.every(isString)) return null;
  return {
    state: r.state,
    nonce: r.nonce,
    codeVerifier: r.codeVerifier,
    redirectUri: r.redirectUri,
    scopes: r.scopes,
    customState: typeof r.customState === 'string' ? r.customState : undefined,
    returnTo: typeof r.returnTo === 'string' ? r.returnTo : undefined,
    createdAt: r.createdAt,
  };
}

/** Whether a pending sign-in is too old to finish at `now`. */
export function isPendingRedirectExpired(
  pending: PendingRedirect,
  now: number,
  ttl = PENDING_REDIRECT_TTL_MS,
): boolean {
  return now - pending.createdAt > ttl || pending.createdAt - now > ttl;
}
