import type { CognitoClient } from '../cognito/index.js';
import type { Session } from '../session/index.js';

/**
 * Tells Cognito a session ends. GlobalSignOut first when `global` (it needs a still-valid
 * access token), then RevokeToken when the tokens carry `origin_jti` (revocation is enabled on
 * the app client, as Amplify checks). Both are attempted; the first failure is rethrown after.
 */
export async function revokeSession(
  client: Pick<CognitoClient, 'globalSignOut' | 'revokeToken'>,
  input: { global: boolean; session: Session },
): Promise<void> {
  const { session } = input;
  let failure: unknown;
  if (input.global) {
    await client
      .globalSignOut({ AccessToken: session.tokens.accessToken })
      .catch((e: unknown) => (failure ??= e));
  }
  const refreshToken = session.tokens.refreshToken;
  if (refreshToken !== undefined && typeof session.accessClaims.origin_jti === 'string') {
    await client.revokeToken({ Token: refreshToken }).catch((e: unknown) => (failure ??= e));
  }
  if (failure !== undefined) throw failure;
}
