import type { CognitoClient } from '../cognito/index.js';
import type { Session } from '../session/index.js';

/**
 * Tells Cognito a session ends. GlobalSignOut first when `global` (it needs a still-valid
 * access token), then RevokeToken when the tokens carry `origin_jti` (revocation is enabled on
 * the app client, as Amplify checks). Both are attempted; the first failure is rethrown after.
 */
export async function revokeSession(
  client: CognitoClient,
  input: { global: boolean; session: Session },
): Promise<void> {
  const { tokens, accessClaims } = input.session;
  // Loaded at sign-out: the initial bundle carries only what signing in and staying signed in need.
  const { globalSignOut, revokeToken } = await import('../account/sign-out.js');
  let failure: unknown;
  if (input.global) {
    await globalSignOut(client, () => Promise.resolve(tokens.accessToken)).catch(
      (e: unknown) => (failure ??= e),
    );
  }
  if (tokens.refreshToken !== undefined && typeof accessClaims.origin_jti === 'string') {
    await revokeToken(client, tokens.refreshToken).catch((e: unknown) => (failure ??= e));
  }
  if (failure !== undefined) throw failure;
}
