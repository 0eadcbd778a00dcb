/** Where authFetch and the ky hooks get tokens: the session's `getAccessToken`. */
export interface BearerTokenSource {
  /**
   * A valid access token; `forceRefresh` asks for a new one even if the current one looks valid
   * (the resource server just refused it).
   */
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<string>;
}

/** `Bearer <token>` for the Authorization header. */
export function bearer(token: string): string {
  return `Bearer ${token}`;
}

/** The token of a `Bearer …` Authorization header, if any. */
export function tokenOf(authorization: string | null): string | undefined {
  const match = authorization === null ? null : /^Bearer\s+(\S+)$/i.exec(authorization);
  return match?.[1];
}

/**
 * The token to retry with after a 401 for a request that carried `sentToken`. When another
 * request already refreshed in the meantime the current token differs and is used as is;
 * otherwise a refresh is forced. (The session coalesces concurrent refreshes either way.)
 */
export async function tokenAfterRejection(
  source: BearerTokenSource,
  sentToken: string | undefined,
): Promise<string> {
  const current = await source.getAccessToken();
  if (sentToken !== undefined && current !== sentToken) return current;
  return source.getAccessToken({ forceRefresh: true });
}
