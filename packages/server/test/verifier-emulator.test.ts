/**
 * The verifier on real Cognito-shaped tokens: issued by the emulator (admin sign-in over HTTP),
 * keys from its JWKS endpoint; group claims follow membership changes.
 */
import { describe, expect, it } from 'vitest';
import { createCognitoJwtVerifier, isTokenRejected } from '../src/index.js';
import { ADMIN_CLIENT, PASSWORD, POOL, SRP_CLIENT, useEmulator } from './harness.js';

const h = useEmulator();

async function tokens(username = 'seeded') {
  const step = await h.admin.signIn({ clientId: ADMIN_CLIENT, username, password: PASSWORD });
  if (step.status !== 'signedIn') throw new Error('expected tokens');
  return step.tokens;
}

describe('verifier against the emulator', () => {
  it('verifies access and ID tokens, fetching the pool’s JWKS from the endpoint', async () => {
    const { accessToken, idToken } = await tokens();
    const access = createCognitoJwtVerifier({
      userPoolId: POOL,
      endpoint: h.server.url,
      clientId: ADMIN_CLIENT,
      tokenUse: 'access',
    });
    const claims = await access.verify(accessToken);
    expect(claims).toMatchObject({
      username: 'seeded',
      client_id: ADMIN_CLIENT,
      token_use: 'access',
    });
    const id = createCognitoJwtVerifier({
      userPoolId: POOL,
      endpoint: h.server.url,
      clientId: ADMIN_CLIENT,
      tokenUse: 'id',
    });
    expect((await id.verify(idToken)).email).toBe('seeded@example.com');
    expect(
      isTokenRejected(await access.verify(idToken).catch((e: unknown) => e), 'token-use'),
    ).toBe(true);
    const otherClient = createCognitoJwtVerifier({
      userPoolId: POOL,
      endpoint: h.server.url,
      clientId: SRP_CLIENT,
      tokenUse: 'access',
    });
    expect(
      isTokenRejected(await otherClient.verify(accessToken).catch((e: unknown) => e), 'client-id'),
    ).toBe(true);
  });

  it('requires a group the user gets by the next sign-in', async () => {
    const verifier = createCognitoJwtVerifier({
      userPoolId: POOL,
      endpoint: h.server.url,
      clientId: ADMIN_CLIENT,
      tokenUse: 'access',
      groups: 'admins',
    });
    const before = await tokens();
    expect(
      isTokenRejected(await verifier.verify(before.accessToken).catch((e: unknown) => e), 'groups'),
    ).toBe(true);
    await h.admin.groups.create('admins');
    await h.admin.groups.addUser('admins', 'seeded');
    const after = await tokens();
    expect((await verifier.verify(after.accessToken))['cognito:groups']).toEqual(['admins']);
  });

  it('the emulator clock moving past exp makes the token expired', async () => {
    const { accessToken } = await tokens();
    const verifier = createCognitoJwtVerifier(
      { userPoolId: POOL, endpoint: h.server.url, clientId: ADMIN_CLIENT, tokenUse: 'access' },
      { now: () => Date.now() + 3601 * 1000 },
    );
    expect(
      isTokenRejected(await verifier.verify(accessToken).catch((e: unknown) => e), 'expired'),
    ).toBe(true);
  });
});
