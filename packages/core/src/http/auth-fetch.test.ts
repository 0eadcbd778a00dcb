/// <reference types="node" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ky, { HTTPError } from 'ky';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAuthFetch } from './auth-fetch.js';
import { createAuthKyHooks } from './ky-hooks.js';

/*
 * A tiny resource server (not Cognito) on 127.0.0.1: it accepts exactly one token, the
 * "current" one, and echoes the request body back so replays can be checked.
 */

let server: Server;
let base: string;
let acceptedToken = 'token-1';
const seen: Array<{ authorization: string | undefined; body: string; path: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ authorization: req.headers.authorization, body, path: req.url ?? '' });
      if (req.headers.authorization !== `Bearer ${acceptedToken}`) {
        res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' }).end('no');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`ok:${body}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A session stand-in that hands out `token-N` and counts forced refreshes. */
function fakeSession(initial: string) {
  const state = { token: initial, forced: 0, failRefresh: false };
  return {
    state,
    getAccessToken: async (options?: { forceRefresh?: boolean }): Promise<string> => {
      if (options?.forceRefresh) {
        if (state.failRefresh) throw new Error('refresh token revoked');
        state.forced += 1;
        state.token = `token-${Number(state.token.split('-')[1]) + 1}`;
      }
      return state.token;
    },
  };
}

beforeEach(() => {
  seen.length = 0;
  acceptedToken = 'token-1';
});

describe('createAuthFetch', () => {
  it('attaches the bearer token', async () => {
    const session = fakeSession('token-1');
    const authFetch = createAuthFetch(session);
    const res = await authFetch(`${base}/me`, { headers: { authorization: 'Basic stale' } });
    expect(await res.text()).toBe('ok:');
    expect(seen).toEqual([{ authorization: 'Bearer token-1', body: '', path: '/me' }]);
    expect(session.state.forced).toBe(0);
  });

  it('on 401 refreshes once and replays the request with its body', async () => {
    acceptedToken = 'token-2';
    const session = fakeSession('token-1');
    const authFetch = createAuthFetch(session);
    const res = await authFetch(`${base}/orders`, { method: 'POST', body: '{"n":1}' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok:{"n":1}');
    expect(seen.map((s) => [s.authorization, s.body])).toEqual([
      ['Bearer token-1', '{"n":1}'],
      ['Bearer token-2', '{"n":1}'],
    ]);
    expect(session.state.forced).toBe(1);
  });

  it('replays a Request object body', async () => {
    acceptedToken = 'token-2';
    const authFetch = createAuthFetch(fakeSession('token-1'));
    const res = await authFetch(new Request(`${base}/r`, { method: 'PUT', body: 'payload' }));
    expect(await res.text()).toBe('ok:payload');
    expect(seen.map((s) => s.body)).toEqual(['payload', 'payload']);
  });

  it('retries only once and then returns the 401', async () => {
    acceptedToken = 'never';
    const session = fakeSession('token-1');
    const res = await createAuthFetch(session)(`${base}/x`);
    expect(res.status).toBe(401);
    expect(seen).toHaveLength(2);
    expect(session.state.forced).toBe(1);
  });

  it('uses a token another request already refreshed instead of forcing a refresh', async () => {
    acceptedToken = 'token-5';
    const session = fakeSession('token-1');
    const authFetch = createAuthFetch({
      getAccessToken: async (options) => {
        const token = await session.getAccessToken(options);
        // Someone else refreshed while our first request was in flight.
        session.state.token = 'token-5';
        return token;
      },
    });
    const res = await authFetch(`${base}/x`);
    expect(res.status).toBe(200);
    expect(session.state.forced).toBe(0);
  });

  it('does not replay a stream body but still refreshes the token', async () => {
    acceptedToken = 'token-2';
    const session = fakeSession('token-1');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('streamed'));
        controller.close();
      },
    });
    const res = await createAuthFetch(session)(`${base}/upload`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(401);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.body).toBe('streamed');
    expect(session.state.forced).toBe(1);
  });

  it('returns the 401 when the session cannot refresh', async () => {
    acceptedToken = 'token-2';
    const session = fakeSession('token-1');
    session.state.failRefresh = true;
    const res = await createAuthFetch(session)(`${base}/x`);
    expect(res.status).toBe(401);
    expect(seen).toHaveLength(1);
  });

  it('leaves requests shouldAuthorize rejects untouched', async () => {
    const authFetch = createAuthFetch({
      ...fakeSession('token-1'),
      shouldAuthorize: (request) => new URL(request.url).pathname.startsWith('/api/'),
    });
    const res = await authFetch(`${base}/public`);
    expect(res.status).toBe(401);
    expect(seen[0]?.authorization).toBeUndefined();
  });
});

describe('createAuthKyHooks', () => {
  it('attaches the token and replays a JSON POST once after a 401', async () => {
    acceptedToken = 'token-2';
    const session = fakeSession('token-1');
    const api = ky.create({ prefixUrl: base, retry: 0, hooks: createAuthKyHooks(session) });
    const text = await api.post('items', { json: { a: 1 } }).text();
    expect(text).toBe('ok:{"a":1}');
    expect(seen.map((s) => [s.authorization, s.body])).toEqual([
      ['Bearer token-1', '{"a":1}'],
      ['Bearer token-2', '{"a":1}'],
    ]);
    expect(session.state.forced).toBe(1);
  });

  it('lets ky throw HTTPError when the retry is refused too', async () => {
    acceptedToken = 'never';
    const session = fakeSession('token-1');
    const api = ky.create({ prefixUrl: base, retry: 0, hooks: createAuthKyHooks(session) });
    await expect(api.get('x').text()).rejects.toBeInstanceOf(HTTPError);
    expect(seen).toHaveLength(2);
    expect(session.state.forced).toBe(1);
  });

  it('does nothing extra when the first answer is fine', async () => {
    const session = fakeSession('token-1');
    const api = ky.create({ prefixUrl: base, hooks: createAuthKyHooks(session) });
    expect(await api.get('fine').text()).toBe('ok:');
    expect(seen).toHaveLength(1);
    expect(session.state.forced).toBe(0);
  });
});
