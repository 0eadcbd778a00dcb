/// <reference types="node" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ky, { HTTPError } from 'ky';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
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
    const authFetch = createAuthFetch({ ...session, origins: [base] });
    const res = await authFetch(`${base}/me`, { headers: { authorization: 'Basic stale' } });
    expect(await res.text()).toBe('ok:');
    expect(seen).toEqual([{ authorization: 'Bearer token-1', body: '', path: '/me' }]);
    expect(session.state.forced).toBe(0);
  });

  it('on 401 refreshes once and replays the request with its body', async () => {
    acceptedToken = 'token-2';
    const session = fakeSession('token-1');
    const authFetch = createAuthFetch({ ...session, origins: [base] });
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
    const authFetch = createAuthFetch({ ...fakeSession('token-1'), origins: [base] });
    const res = await authFetch(new Request(`${base}/r`, { method: 'PUT', body: 'payload' }));
    expect(await res.text()).toBe('ok:payload');
    expect(seen.map((s) => s.body)).toEqual(['payload', 'payload']);
  });

  it('retries only once and then returns the 401', async () => {
    acceptedToken = 'never';
    const session = fakeSession('token-1');
    const res = await createAuthFetch({ ...session, origins: [base] })(`${base}/x`);
    expect(res.status).toBe(401);
    expect(seen).toHaveLength(2);
    expect(session.state.forced).toBe(1);
  });

  it('uses a token another request already refreshed instead of forcing a refresh', async () => {
    acceptedToken = 'token-5';
    const session = fakeSession('token-1');
    const authFetch = createAuthFetch({
      origins: [base],
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
    const res = await createAuthFetch({ ...session, origins: [base] })(`${base}/upload`, {
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
    const res = await createAuthFetch({ ...session, origins: [base] })(`${base}/x`);
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
    const api = ky.create({
      prefixUrl: base,
      retry: 0,
      hooks: createAuthKyHooks({ ...session, origins: [base] }),
    });
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
    const api = ky.create({
      prefixUrl: base,
      retry: 0,
      hooks: createAuthKyHooks({ ...session, origins: [base] }),
    });
    await expect(api.get('x').text()).rejects.toBeInstanceOf(HTTPError);
    expect(seen).toHaveLength(2);
    expect(session.state.forced).toBe(1);
  });

  it('does nothing extra when the first answer is fine', async () => {
    const session = fakeSession('token-1');
    const api = ky.create({
      prefixUrl: base,
      hooks: createAuthKyHooks({ ...session, origins: [base] }),
    });
    expect(await api.get('fine').text()).toBe('ok:');
    expect(seen).toHaveLength(1);
    expect(session.state.forced).toBe(0);
  });
});

/*
 * Who gets the token: a second server on another port is a third party (another origin). It
 * records every request; it must never see the session's token unless allowed.
 */
describe('who gets the token', () => {
  let third: Server;
  let thirdBase: string;
  const thirdSeen: Array<Record<string, string | string[] | undefined>> = [];
  beforeAll(async () => {
    third = createServer((req, res) => {
      thirdSeen.push(req.headers);
      // /partner and /track refuse (401), to show what a 401 does or does not trigger.
      const refuses = /^\/(partner|track)/.test(req.url ?? '');
      res.writeHead(refuses ? 401 : 200).end(refuses ? 'no' : 'ok');
    });
    await new Promise<void>((resolve) => third.listen(0, '127.0.0.1', resolve));
    thirdBase = `http://127.0.0.1:${(third.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => third.close(() => resolve()));
  });
  beforeEach(() => {
    thirdSeen.length = 0;
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  const sawToken = () =>
    thirdSeen.some((h) => JSON.stringify(h).includes('token-') || h.authorization !== undefined);

  it('in a browser: the page origin gets the token, a third-party URL never does', async () => {
    vi.stubGlobal('location', { origin: base });
    const session = fakeSession('token-1');
    const authFetch = createAuthFetch(session);
    expect((await authFetch(`${base}/me`)).status).toBe(200);
    expect(seen[0]?.authorization).toBe('Bearer token-1');
    const res = await authFetch(`${thirdBase}/track`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(401);
    // Untouched: no token, and its 401 is no reason to refresh or replay.
    expect(thirdSeen).toHaveLength(1);
    expect(sawToken()).toBe(false);
    expect(session.state.forced).toBe(0);
  });

  it('without a page origin (Node) only listed origins get it: none by default', async () => {
    const authFetch = createAuthFetch(fakeSession('token-1'));
    await authFetch(`${base}/me`);
    await authFetch(`${thirdBase}/x`);
    expect(seen[0]?.authorization).toBeUndefined();
    expect(sawToken()).toBe(false);
  });

  it('lists origins as strings or RegExps tested against the origin', async () => {
    const port = new URL(thirdBase).port;
    const byString = createAuthFetch({ ...fakeSession('token-1'), origins: `${thirdBase}/` });
    await byString(`${thirdBase}/a`);
    const byPattern = createAuthFetch({
      ...fakeSession('token-1'),
      origins: [new RegExp(`^http://127\\.0\\.0\\.1:${port}$`, 'g')],
    });
    await byPattern(`${thirdBase}/b`);
    await byPattern(`${thirdBase}/c`); // a g flag must not make the second test fail
    expect(thirdSeen.map((h) => h.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-1',
    ]);
    // A pattern that would match the whole URL but not the origin does not let it through.
    const loose = createAuthFetch({ ...fakeSession('token-1'), origins: [/\/b$/] });
    await loose(`${thirdBase}/b`);
    expect(thirdSeen[3]?.authorization).toBeUndefined();
  });

  it('refuses malformed origins entries at creation', () => {
    const session = fakeSession('token-1');
    for (const origins of [
      'https://api.example.com/v1',
      'api.example.com',
      'https://u:p@a.example',
    ]) {
      expect(() => createAuthFetch({ ...session, origins })).toThrow(/origin/);
    }
  });

  it('shouldAuthorize still decides alone', async () => {
    vi.stubGlobal('location', { origin: base });
    const authFetch = createAuthFetch({
      ...fakeSession('token-1'),
      shouldAuthorize: (request) => request.url.startsWith(thirdBase),
    });
    await authFetch(`${base}/me`);
    await authFetch(`${thirdBase}/partner`);
    expect(seen[0]?.authorization).toBeUndefined();
    expect(thirdSeen[0]?.authorization).toBe('Bearer token-1');
  });

  it('ky hooks: a third-party URL never sees the header, the page origin does', async () => {
    vi.stubGlobal('location', { origin: base });
    const session = fakeSession('token-1');
    const api = ky.create({ retry: 0, throwHttpErrors: false, hooks: createAuthKyHooks(session) });
    await api.get(`${base}/me`).text();
    await api.post(`${thirdBase}/collect`, { json: { a: 1 } }).text();
    expect(seen[0]?.authorization).toBe('Bearer token-1');
    expect(thirdSeen).toHaveLength(1);
    expect(sawToken()).toBe(false);
    expect(session.state.forced).toBe(0);
  });

  it('sends the ID token in another header and scheme when asked (server-to-server style)', async () => {
    let idToken = 'id-1';
    const forced: boolean[] = [];
    const authFetch = createAuthFetch({
      getAccessToken: async () => 'access-never-sent',
      getIdToken: async (options) => {
        forced.push(Boolean(options?.forceRefresh));
        if (options?.forceRefresh) idToken = 'id-2';
        return idToken;
      },
      token: 'id',
      header: 'X-Id-Token',
      scheme: '',
      origins: [thirdBase],
    });
    expect((await authFetch(`${thirdBase}/partner`)).status).toBe(401);
    // The 401 made it fetch a fresh ID token and replay once, in the same header.
    expect(thirdSeen.map((h) => [h['x-id-token'], h.authorization])).toEqual([
      ['id-1', undefined],
      ['id-2', undefined],
    ]);
    expect(forced).toEqual([false, false, true]);
    expect(() =>
      createAuthFetch({ getAccessToken: async () => 'a', token: 'id', origins: [thirdBase] }),
    ).toThrow(/getIdToken/);
    expect(() =>
      createAuthFetch({ getAccessToken: async () => 'a', header: 'bad header', origins: [] }),
    ).toThrow(/header/);
  });
});
