/**
 * Serves the built demo (dist/), its runtime configuration (/config.json) and the protected API
 * (/api/*) from one 127.0.0.1 origin, so the app needs no CORS for its own API.
 *
 * Whatever a client sends — any method, any body, any path — gets an HTTP answer; nothing a
 * request carries can stop the process (`scripts/start.sh` stops everything when it exits).
 *
 * As a script: `node server/serve.mjs` with COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID and either
 * COGNITO_ENDPOINT (emulator) or COGNITO_REGION (AWS); PORT (default 5173).
 */
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApi } from './api.mjs';
import { serveStatic } from './static-files.mjs';

/** Largest request body accepted, bytes; the API takes small JSON, so 1 MiB is ample. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Methods the API may answer; anything else (TRACE, CONNECT, made-up verbs) gets 405. */
const API_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Static files and /config.json are read-only. */
const READ_METHODS = new Set(['GET', 'HEAD']);

const text = (status, body, headers = {}) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain', ...headers } });

const methodNotAllowed = (allowed) =>
  text(405, 'method not allowed', { allow: [...allowed].join(', ') });

/**
 * Reads a request body up to `limit` bytes. Resolves `{ tooLarge: true }` as soon as the body
 * (declared or received) exceeds it, without buffering the rest.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<{ tooLarge: false, body: Buffer } | { tooLarge: true }>}
 */
function readBody(req, limit) {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ tooLarge: true });
  return new Promise((done, fail) => {
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        done({ tooLarge: true });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => done({ tooLarge: false, body: Buffer.concat(chunks) }));
    req.once('error', fail);
  });
}

/**
 * Starts the demo server.
 * @param {{ distDir: string, port?: number, host?: string, maxBodyBytes?: number,
 *   cognito: import('./api.mjs').CognitoTarget & { tokenRefreshMargin?: number } }} options
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startDemoServer(options) {
  const host = options.host ?? '127.0.0.1';
  const root = resolve(options.distDir);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const api = createApi(options.cognito);
  const config = JSON.stringify(options.cognito);

  /** The answer to one request whose body (within the cap) has been read. */
  async function route(method, target, headers, body) {
    let url;
    try {
      url = new URL(`http://${host}${target}`);
    } catch {
      return text(400, 'bad request target');
    }
    const isApi = url.pathname.startsWith('/api/');
    const allowed = isApi ? API_METHODS : READ_METHODS;
    if (!allowed.has(method)) return methodNotAllowed(allowed);
    // Fetch's Request refuses a GET/HEAD body; say so instead of throwing.
    if (body.length > 0 && READ_METHODS.has(method)) return text(400, `${method} with a body`);
    if (isApi) {
      let request;
      try {
        request = new Request(url, { method, headers, ...(body.length > 0 ? { body } : {}) });
      } catch {
        return text(400, 'bad request');
      }
      return api(request);
    }
    if (url.pathname === '/config.json') {
      return new Response(config, {
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      });
    }
    return serveStatic(root, url.pathname);
  }

  async function answer(req) {
    const read = await readBody(req, maxBodyBytes);
    if (read.tooLarge) return text(413, 'request body too large', { connection: 'close' });
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      // Node joins repeated headers into one string except set-cookie (an array).
      if (typeof value === 'string') headers.set(name, value);
    }
    return route(req.method ?? 'GET', req.url ?? '/', headers, read.body);
  }

  const server = createServer((req, res) => {
    answer(req)
      .catch(() => text(500, 'server error'))
      .then(async (response) => {
        const body = req.method === 'HEAD' ? undefined : Buffer.from(await response.arrayBuffer());
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(body);
        // A refused body may still be arriving: stop reading it (the socket closes after the
        // answer, as the `connection: close` header announced).
        if (!req.complete) req.resume();
      })
      .catch(() => res.destroy());
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, ok);
  });
  const { port } = server.address();
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const env = process.env;
  const missing = ['COGNITO_USER_POOL_ID', 'COGNITO_CLIENT_ID'].filter((k) => !env[k]);
  if (missing.length) {
    console.error(`Set ${missing.join(' and ')} (see apps/demo/README.md).`);
    process.exit(1);
  }
  const server = await startDemoServer({
    distDir: fileURLToPath(new URL('../dist', import.meta.url)),
    port: Number(env.PORT ?? 5173),
    cognito: {
      userPoolId: env.COGNITO_USER_POOL_ID,
      clientId: env.COGNITO_CLIENT_ID,
      ...(env.COGNITO_ENDPOINT ? { endpoint: env.COGNITO_ENDPOINT } : {}),
      ...(env.COGNITO_REGION ? { region: env.COGNITO_REGION } : {}),
      // USER_AUTH: choice-based sign-in (passkeys, e-mail codes) for pools that allow it.
      ...(env.COGNITO_AUTH_FLOW === 'USER_AUTH' ? { authFlow: 'USER_AUTH' } : {}),
      // Redirect sign-in (the emulator's OAuth endpoints share its URL).
      ...(env.COGNITO_OAUTH_DOMAIN ? { oauthDomain: env.COGNITO_OAUTH_DOMAIN } : {}),
      ...(env.COGNITO_IDENTITY_PROVIDERS
        ? { identityProviders: JSON.parse(env.COGNITO_IDENTITY_PROVIDERS) }
        : {}),
    },
  });
  console.log(`demo: ${server.url}`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
