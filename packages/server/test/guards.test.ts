/**
 * The request guards with emulator-issued tokens: the fetch-handler wrapper called directly, and
 * the Node middleware behind a real node:http server on 127.0.0.1:0.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCognitoJwtVerifier, withCognitoAuth, type TokenRule } from '../src/index.js';
import {
  createCognitoJwtVerifier as createNodeVerifier,
  requireCognitoAuth,
  type AuthenticatedRequest,
} from '../src/node/index.js';
import { isTokenRejected } from '../src/index.js';
import { ADMIN_CLIENT, PASSWORD, POOL, useEmulator } from './harness.js';

const h = useEmulator();
let accessToken = '';
let idToken = '';

beforeAll(async () => {
  const step = await h.admin.signIn({
    clientId: ADMIN_CLIENT,
    username: 'seeded',
    password: PASSWORD,
  });
  if (step.status !== 'signedIn') throw new Error('expected tokens');
  ({ accessToken, idToken } = step.tokens);
});

const verifierOptions = () => ({
  userPoolId: POOL,
  endpoint: h.server.url,
  clientId: ADMIN_CLIENT,
  tokenUse: 'access' as const,
});

describe('withCognitoAuth (fetch handlers)', () => {
  const rejected: TokenRule[] = [];
  const handler = () =>
    withCognitoAuth((_request: Request, { claims }) => Response.json({ hello: claims.username }), {
      verifier: createCognitoJwtVerifier(verifierOptions()),
      onRejected: (e) => {
        if (isTokenRejected(e)) rejected.push(e.rule);
      },
    });
  const call = (authorization?: string) =>
    handler()(
      new Request('http://api.local/hello', authorization ? { headers: { authorization } } : {}),
    );

  it('passes the verified claims to the handler', async () => {
    const response = await call(`Bearer ${accessToken}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ hello: 'seeded' });
  });

  it('no credentials → 401 with a bare Bearer challenge (RFC 6750 §3.1)', async () => {
    const response = await call();
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="api"');
  });

  it('another scheme → 400 invalid_request', async () => {
    const response = await call('Basic dXNlcjpwYXNz');
    expect(response.status).toBe(400);
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer realm="api", error="invalid_request"',
    );
  });

  it('an invalid token → 401 invalid_token, the reason only in onRejected', async () => {
    rejected.length = 0;
    for (const token of ['abc.def.ghi', idToken, accessToken.slice(0, -3) + 'AAA']) {
      const response = await call(`Bearer ${token}`);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe(
        'Bearer realm="api", error="invalid_token"',
      );
      expect(await response.json()).toEqual({ error: 'invalid_token' });
    }
    expect(rejected).toEqual(['malformed', 'token-use', 'signature']);
  });

  it('a missing group → 403 insufficient_scope', async () => {
    const guarded = withCognitoAuth(() => new Response('secret'), {
      verifier: createCognitoJwtVerifier(verifierOptions()),
      rules: { groups: 'admins' },
      realm: 'orders',
    });
    const response = await guarded(
      new Request('http://api.local/', { headers: { authorization: `Bearer ${accessToken}` } }),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer realm="orders", error="insufficient_scope"',
    );
    expect(await response.json()).toEqual({ error: 'insufficient_scope' });
  });

  it('keys unavailable → 503 without a challenge', async () => {
    const guarded = withCognitoAuth(() => new Response('ok'), {
      verifier: createCognitoJwtVerifier({
        ...verifierOptions(),
        jwksUri: 'http://127.0.0.1:9/jwks.json',
      }),
    });
    const response = await guarded(
      new Request('http://api.local/', { headers: { authorization: `Bearer ${accessToken}` } }),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('www-authenticate')).toBeNull();
  });
});

describe('requireCognitoAuth (Node / Express / Connect)', () => {
  let server: Server | undefined;
  let url = '';
  beforeAll(async () => {
    const guard = requireCognitoAuth({
      verifier: createNodeVerifier(verifierOptions()),
      rules: { scopes: 'aws.cognito.signin.user.admin' },
    });
    const admins = requireCognitoAuth({
      verifier: createNodeVerifier({ ...verifierOptions(), groups: 'admins' }),
    });
    server = createServer((req, res) => {
      const next = () => {
        const { claims } = (req as AuthenticatedRequest<{ username: string }>).auth;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ hello: claims.username }));
      };
      void (req.url === '/admin' ? admins : guard)(req, res, next);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server!.close(() => resolve())));

  it('lets a valid token through with req.auth set', async () => {
    const response = await fetch(`${url}/hello`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ hello: 'seeded' });
  });

  it('answers 401 / 403 with the RFC 6750 challenge and no reason', async () => {
    const missing = await fetch(`${url}/hello`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="api"');
    const invalid = await fetch(`${url}/hello`, {
      headers: { authorization: 'Bearer not.a.token' },
    });
    expect(invalid.status).toBe(401);
    expect(invalid.headers.get('www-authenticate')).toBe(
      'Bearer realm="api", error="invalid_token"',
    );
    expect(await invalid.json()).toEqual({ error: 'invalid_token' });
    const forbidden = await fetch(`${url}/admin`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('www-authenticate')).toBe(
      'Bearer realm="api", error="insufficient_scope"',
    );
  });
});
