import type { CognitoClient } from '../cognito/client.js';
import type { CallOptions } from '../cognito/transport.js';
import { invalidInput } from '../errors/index.js';
import { readAccessToken, type AccessTokenSource } from './shared.js';

/**
 * Signs the user out everywhere (GlobalSignOut): every refresh token stops working and Cognito
 * refuses the access tokens. ID tokens stay valid until they expire; clear local tokens too.
 *
 * @example
 * await globalSignOut(client, session.getAccessToken);
 */
export async function globalSignOut(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  call?: CallOptions,
): Promise<void> {
  await client.globalSignOut({ AccessToken: await readAccessToken(accessToken) }, call);
}

/**
 * Revokes one refresh token and the access tokens issued from it (RevokeToken). Needs token
 * revocation on the app client; other sessions of the user are untouched.
 *
 * @example
 * await revokeToken(client, tokens.refreshToken);
 */
export async function revokeToken(
  client: CognitoClient,
  refreshToken: string,
  call?: CallOptions,
): Promise<void> {
  if (typeof refreshToken !== 'string' || refreshToken === '')
    throw invalidInput('The refresh token is empty.');
  await client.revokeToken({ Token: refreshToken }, call);
}
