/**
 * The end of every sign-in that started at `/oauth2/authorize` (hosted page, live session,
 * identity provider): the code (or, for the implicit flow, the tokens) goes back to the client,
 * and a fresh sign-in opens the hosted session its cookie names.
 */
import type { EngineContext } from '../context.js';
import type { PoolState, UserState } from '../model/state.js';
import { issueTokens } from '../model/tokens.js';
import { getUser } from '../model/users.js';
import type { AuthorizeRequest } from './authorize-request.js';
import {
  findHostedSession,
  issueAuthorizationCode,
  openHostedSession,
  sessionCookieName,
} from './grants.js';
import { cookieHeader, cookies, redirect, withParams } from './http.js';

/** What signed the user in, for the hosted session it opens. */
export interface CompletedSignIn {
  user: UserState;
  /** Sign-in time, epoch seconds. */
  authTime: number;
  /** Open a hosted session (a fresh sign-in) rather than reuse the current one. */
  newSession: boolean;
}

/**
 * Sends the result of a signed-in authorization request to the client: `?code=` (code flow) or
 * `#access_token=…` (implicit flow), with `state`, and the session cookie for a fresh sign-in.
 */
export async function completeAuthorization(
  ctx: EngineContext,
  request: AuthorizeRequest,
  signIn: CompletedSignIn,
  origin: string,
  headers: Headers,
): Promise<Response> {
  const { pool, client } = request;
  const { user } = signIn;
  if (signIn.newSession) {
    const id = openHostedSession(ctx, pool, { username: user.username, authTime: signIn.authTime });
    headers.append(
      'Set-Cookie',
      cookieHeader(sessionCookieName(pool), id, 3600, origin.startsWith('https:')),
    );
  }
  if (request.responseType === 'code') {
    const code = issueAuthorizationCode(ctx, pool, {
      clientId: client.clientId,
      username: user.username,
      redirectUri: request.redirectUri,
      scopes: request.scopes,
      authTime: signIn.authTime,
      ...(request.nonce !== undefined && { nonce: request.nonce }),
      ...(request.codeChallenge !== undefined && { codeChallenge: request.codeChallenge }),
    });
    return redirect(withParams(request.redirectUri, { code, state: request.state }), headers);
  }
  // Implicit flow: no refresh token; the ID token only with `openid` ([DG]).
  const tokens = await issueTokens(ctx, {
    pool,
    client,
    user,
    origin,
    authTime: signIn.authTime,
    originJti: ctx.uuid(),
    withRefreshToken: false,
    scopes: request.scopes,
    nonce: request.nonce,
  });
  return redirect(
    withParams(
      request.redirectUri,
      {
        access_token: tokens.AccessToken,
        ...(request.scopes.includes('openid') && { id_token: tokens.IdToken }),
        token_type: 'Bearer',
        expires_in: String(tokens.ExpiresIn),
        state: request.state,
      },
      'fragment',
    ),
    headers,
  );
}

/** The user of the request's live hosted session, if there is one. */
export function sessionUser(
  ctx: EngineContext,
  pool: PoolState,
  request: Request,
): { user: UserState; authTime: number } | undefined {
  const session = findHostedSession(ctx, pool, cookies(request).get(sessionCookieName(pool)));
  const user = session ? getUser(pool, session.username) : undefined;
  if (!session || !user || !user.enabled) return undefined;
  return { user, authTime: session.authTime };
}
