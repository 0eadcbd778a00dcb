/**
 * `POST /oauth2/revoke` ([DG revocation-endpoint]; COGNITO-PASSWORDLESS-OAUTH §7.4): revokes a
 * refresh token and the tokens issued from it, through the RevokeToken action itself; its
 * Cognito exceptions become RFC 7009 error codes.
 */
import type { EngineContext } from '../context.js';
import { sessionActions } from '../actions/user-session.js';
import { isServiceError } from '../protocol/errors.js';
import { OAuthError, readForm, single } from './http.js';
import { authenticateClient } from './token-endpoint.js';

const CODES: Record<string, string> = {
  UnsupportedTokenTypeException: 'unsupported_token_type',
  UnsupportedOperationException: 'invalid_request',
  UnauthorizedException: 'invalid_client',
};

/** `POST /oauth2/revoke`. */
export async function revokeRoute(
  ctx: EngineContext,
  request: Request,
  url: URL,
  headers: Headers,
  requestId: string,
): Promise<Response> {
  headers.set('Access-Control-Allow-Origin', '*');
  if (request.method !== 'POST') throw new OAuthError('invalid_request', 'Use POST.', 405);
  const form = await readForm(request);
  const token = single(form, 'token');
  if (token === undefined) throw new OAuthError('invalid_request', 'token is missing.');
  const { client } = authenticateClient(ctx, request, form);
  const revokeToken = sessionActions['RevokeToken'];
  if (!revokeToken) throw new Error('RevokeToken is not registered');
  try {
    await revokeToken(
      ctx,
      {
        Token: token,
        ClientId: client.clientId,
        ...(client.clientSecret !== undefined && { ClientSecret: client.clientSecret }),
      },
      { headers: request.headers, origin: url.origin, requestId },
    );
  } catch (error) {
    if (!isServiceError(error)) throw error;
    throw new OAuthError(CODES[error.type] ?? 'invalid_request', error.message);
  }
  return new Response(null, { status: 200, headers });
}
