// Signs the seeded user in with @cognito-kit/core as installed from its tarball, and verifies the
// access token with @cognito-kit/server: the check both smoke tests share.
import { readFileSync } from 'node:fs';
import { createCognitoAuth } from '@cognito-kit/core';
import { createCognitoJwtVerifier } from '@cognito-kit/server';

export const seed = JSON.parse(readFileSync(new URL('./seed.json', import.meta.url), 'utf8'));
const pool = seed.pools[0];
export const userPoolId = pool.id;
export const clientId = pool.clients[0].id;
export const user = pool.users[0];

/** SRP sign-in against `endpoint`; returns the verified access-token claims. */
export async function signInSeededUser(endpoint) {
  const auth = createCognitoAuth({ userPoolId, clientId, endpoint });
  try {
    await auth.start();
    const state = await auth.signIn({ username: user.username, password: user.password });
    if (state.status !== 'signedIn') {
      throw new Error(`sign-in ended in state "${state.status}", expected "signedIn"`);
    }
    const token = await auth.getAccessToken();
    if (typeof token !== 'string') throw new Error('signed in, but getAccessToken() gave no token');
    const verifier = createCognitoJwtVerifier({
      userPoolId,
      clientId,
      tokenUse: 'access',
      endpoint,
    });
    const claims = await verifier.verify(token);
    if (claims.username !== user.username) {
      throw new Error(`the access token names "${claims.username}", expected "${user.username}"`);
    }
    await auth.signOut();
    return claims;
  } finally {
    auth.dispose();
  }
}
