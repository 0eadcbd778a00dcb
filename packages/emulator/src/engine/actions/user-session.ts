/**
 * Ending sessions and accounts: GlobalSignOut, RevokeToken and DeleteUser (COGNITO-PROTOCOL §5).
 */
import type { ActionMap } from '../protocol/action.js';
import { checkClientSecret } from '../auth/secret-hash.js';
import { isServiceError, serviceError } from '../protocol/errors.js';
import { userKey } from '../model/state.js';
import {
  authenticateAccessToken,
  findRefreshToken,
  revokeAllForUser,
  revokeOrigin,
} from '../model/tokens.js';
import { findClient } from '../model/users.js';
import { readInput, rules, str } from '../protocol/validate.js';

const accessToken = { AccessToken: str({ required: true, ...rules.token }) };

/** A JWT (ID or access token) has three dot-separated parts; refresh tokens here have five. */
function looksLikeJwt(token: string): boolean {
  return token.split('.').length === 3;
}

/** GlobalSignOut, RevokeToken, DeleteUser. */
export const sessionActions: ActionMap = {
  async GlobalSignOut(ctx, input) {
    const req = readInput(input, accessToken);
    const { pool, user, claims } = await authenticateAccessToken(ctx, req.AccessToken);
    // Every refresh token of the user, and the access tokens of each of those sign-ins.
    revokeAllForUser(ctx, pool, user.username);
    revokeOrigin(ctx, pool, claims.origin_jti);
    return {};
  },

  async RevokeToken(ctx, input) {
    const req = readInput(input, {
      Token: str({ required: true, ...rules.token }),
      ClientId: str({ required: true, ...rules.clientId }),
      ClientSecret: str(rules.clientSecret),
    });
    // RevokeToken declares no NotAuthorized/ResourceNotFound exceptions: every client
    // credential problem is an UnauthorizedException there.
    const clientRef = findClient(ctx, req.ClientId);
    if (!clientRef)
      throw serviceError('UnauthorizedException', `Invalid client id: ${req.ClientId}`);
    const { client } = clientRef;
    try {
      checkClientSecret(client, req.ClientSecret);
    } catch (error) {
      if (isServiceError(error)) throw serviceError('UnauthorizedException', error.message);
      throw error;
    }
    if (!client.enableTokenRevocation) {
      throw serviceError(
        'UnsupportedOperationException',
        'Token revocation is not enabled for this app client.',
      );
    }
    const found = findRefreshToken(ctx, req.Token);
    if (!found) {
      if (looksLikeJwt(req.Token)) {
        throw serviceError('UnsupportedTokenTypeException', 'Only refresh tokens can be revoked.');
      }
      // RFC 7009: revoking a token the server does not know (or no longer knows) succeeds.
      return {};
    }
    if (found.record.clientId !== req.ClientId) {
      throw serviceError('UnauthorizedException', 'The token was not issued to this client.');
    }
    // The refresh token and every access token issued from it; other sign-ins are untouched.
    revokeOrigin(ctx, found.pool, found.record.originJti);
    return {};
  },

  async DeleteUser(ctx, input) {
    const req = readInput(input, accessToken);
    const { pool, user } = await authenticateAccessToken(ctx, req.AccessToken);
    // Records stay (revoked) so a later refresh is refused as revoked rather than unknown.
    revokeAllForUser(ctx, pool, user.username);
    for (const [id, session] of Object.entries(ctx.state.sessions)) {
      if (session.poolId === pool.id && session.username === user.username) {
        delete ctx.state.sessions[id];
      }
    }
    delete pool.users[userKey(pool, user.username)];
    return {};
  },
};
