/**
 * The demo server under hostile input: any method, any body, any path gets an HTTP answer and
 * the process keeps serving; bodies are capped; no file outside the build folder is served.
 * The server runs on 127.0.0.1, port 0; requests go through node:http, which sends methods,
 * bodies and paths exactly as written (fetch would refuse or normalise them).
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES, startDemoServer } from './serve.mjs';

const SECRET = 'the sibling folder secret';
let dir;
let server;

/** One request as written; resolves with the status and body (never rejects on HTTP errors). */
function send(base, path, { method = 'GET', headers = {}, body, chunks } = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method, headers }, (res) => {
      const parts = [];
      res.on('data', (c) => parts.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, body: Buffer.concat(parts).toString('utf8'), res }),
      );
    });
    req.on('error', reject);
    if (chunks) {
      // Stream chunks until the server answers (it must not wait for the whole body).
      let sent = 0;
      const pump = () => {
        while (sent < chunks.count && !req.destroyed) {
          sent += 1;
          if (!req.write(chunks.chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      req.on('response', () => (sent = chunks.count));
      pump();
      return;
    }
    req.end(body);
  });
}

/** Writes raw bytes (for what even node:http will not send, like a HEAD body); the status line. */
function sendRaw(base, bytes) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer.split('\r\n')[0]));
  });
}

const alive = async () => expect((await send(server.url, '/config.json')).status).toBe(200);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-serve-'));
  await mkdir(join(dir, 'dist', 'assets'), { recursive: true });
  await mkdir(join(dir, 'dist-private'));
  await writeFile(join(dir, 'dist', 'index.html'), '<!doctype html><title>demo</title>');
  await writeFile(join(dir, 'dist', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'dist-private', 'secret.txt'), SECRET);
  await writeFile(join(dir, 'secret.txt'), SECRET);
  server = await startDemoServer({
    distDir: join(dir, 'dist'),
    // Never reached: requests without a valid token are refused before any Cognito call.
    cognito: { userPoolId: 'us-east-1_Demo1', clientId: 'demo', endpoint: 'http://127.0.0.1:9' },
  });
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('methods and bodies', () => {
  it('answers TRACE with 405 and keeps serving', async () => {
    const res = await send(server.url, '/', { method: 'TRACE' });
    expect(res.status).toBe(405);
    expect(res.res.headers.allow).toBe('GET, HEAD');
    await alive();
  });

  it('answers HEAD and GET with a body with 400 and keeps serving', async () => {
    for (const framing of ['Content-Length: 3', 'Transfer-Encoding: chunked']) {
      const body = framing.startsWith('Content') ? 'abc' : '3\r\nabc\r\n0\r\n\r\n';
      const head = `HEAD / HTTP/1.1\r\nHost: x\r\n${framing}\r\nConnection: close\r\n\r\n${body}`;
      expect(await sendRaw(server.url, head)).toBe('HTTP/1.1 400 Bad Request');
    }
    const get = await send(server.url, '/api/hello', { method: 'GET', body: '{"a":1}' });
    expect(get.status).toBe(400);
    await alive();
  });

  it('answers methods a route does not take with 405', async () => {
    expect((await send(server.url, '/assets/app.js', { method: 'DELETE' })).status).toBe(405);
    expect((await send(server.url, '/config.json', { method: 'POST', body: '{}' })).status).toBe(
      405,
    );
    const propfind = await send(server.url, '/api/hello', { method: 'PROPFIND' });
    expect(propfind.status).toBe(405);
    expect(propfind.res.headers.allow).toContain('POST');
    await alive();
  });

  it('still hands ordinary API requests to the API', async () => {
    const res = await send(server.url, '/api/hello', { method: 'POST', body: '{"a":1}' });
    expect(res.status).toBe(401);
    // The API's guard answers a missing token with RFC 6750's challenge and no further reason.
    expect(res.res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(JSON.parse(res.body)).toEqual({ error: 'unauthorized' });
  });

  it('refuses a declared body over the cap with 413 before reading it', async () => {
    const res = await send(server.url, '/api/hello', {
      method: 'POST',
      headers: { 'content-length': String(DEFAULT_MAX_BODY_BYTES + 1) },
    });
    expect(res.status).toBe(413);
    await alive();
  });

  it('refuses a streamed body with 413 once it passes the cap, without buffering the rest', async () => {
    const res = await send(server.url, '/api/hello', {
      method: 'POST',
      // 64 MiB offered in 64 KiB chunks; the server stops after the first MiB.
      chunks: { chunk: Buffer.alloc(64 * 1024, 97), count: 1024 },
    }).catch((error) => ({ status: 'reset', error }));
    // The server answers 413 and closes; a client still writing may see the reset first.
    expect([413, 'reset']).toContain(res.status);
    await alive();
  });
});

describe('static files', () => {
  it('serves files of the build folder and index.html for app routes', async () => {
    expect((await send(server.url, '/assets/app.js')).body).toBe('console.log(1)');
    expect((await send(server.url, '/profile')).body).toContain('<title>demo</title>');
  });

  it.each([
    '/..%2fdist-private%2fsecret.txt',
    '/%2e%2e%2fdist-private%2fsecret.txt',
    '/assets/..%2f..%2fdist-private%2fsecret.txt',
    '/..%2fsecret.txt',
    '/..%252fdist-private%252fsecret.txt',
    '/%252e%252e%252fdist-private%252fsecret.txt',
    '/..%5cdist-private%5csecret.txt',
    '/..\\dist-private\\secret.txt',
    '/%2e%2e%5c..%5csecret.txt',
    '/secret.txt%00.js',
    '/%E0%A4%A.txt',
  ])('never serves a file outside the folder: %s', async (path) => {
    const res = await send(server.url, path);
    expect(res.body).not.toContain(SECRET);
    expect([400, 404]).toContain(res.status);
  });
});
