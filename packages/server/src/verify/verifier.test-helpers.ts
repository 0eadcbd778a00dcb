/**
 * Test keys and tokens for the verifier table: key pairs of every supported algorithm, a JWKS
 * served by an in-process fetch that counts its requests, and a signer of arbitrary headers and
 * payloads (tampering included).
 */
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';

export const POOL = 'eu-west-2_VerifyTest1';
export const ISSUER = `https://cognito-idp.eu-west-2.amazonaws.com/${POOL}`;
export const JWKS_URI = `${ISSUER}/.well-known/jwks.json`;
export const CLIENT = 'client-one';
/** Fixed clock: epoch ms with a fractional second, so grace boundaries are exact. */
export const NOW_MS = 1_700_000_000_500;
export const NOW = 1_700_000_000;

export interface TestKey {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

export async function testKey(
  kid: string,
  alg = 'RS256',
  options: { crv?: string } = {},
): Promise<TestKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(options.crv && { crv: options.crv }),
  });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, jwk };
}

export function accessClaims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sub: '0c5d7a3e-1111-4222-8333-444455556666',
    iss: ISSUER,
    client_id: CLIENT,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: NOW - 60,
    iat: NOW - 60,
    exp: NOW + 3600,
    username: 'alice',
    ...extra,
  };
}

export function idClaims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { client_id: _c, scope: _s, username: _u, ...rest } = accessClaims();
  return { ...rest, aud: CLIENT, token_use: 'id', 'cognito:username': 'alice', ...extra };
}

/** Signs `claims` with `key`; `header` overrides the protected header. */
export async function sign(
  key: TestKey,
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, ...header } as { alg: string })
    .sign(key.privateKey);
}

/** A fetch serving a changeable JWKS at {@link JWKS_URI}, counting requests. */
export function jwksServer(keys: JWK[]) {
  const server = {
    keys,
    requests: 0,
    status: 200,
    fail: false,
    fetch: (async (input: RequestInfo | URL) => {
      server.requests++;
      if (server.fail) throw new TypeError('fetch failed');
      if (String(input) !== JWKS_URI) return new Response('not found', { status: 404 });
      return Response.json({ keys: server.keys }, { status: server.status });
    }) as typeof fetch,
  };
  return server;
}

/** base64url of a JSON value (to build malformed tokens by hand). */
export const part = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
