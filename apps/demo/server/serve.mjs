/**
 * Serves the built demo (dist/), its runtime configuration (/config.json) and the protected API
 * (/api/*) from one 127.0.0.1 origin, so the app needs no CORS for its own API.
 *
 * As a script: `node server/serve.mjs` with COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID and either
 * COGNITO_ENDPOINT (emulator) or COGNITO_REGION (AWS); PORT (default 5173).
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApi } from './api.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * Starts the demo server.
 * @param {{ distDir: string, port?: number, host?: string,
 *   cognito: import('./api.mjs').CognitoTarget & { tokenRefreshMargin?: number } }} options
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startDemoServer(options) {
  const host = options.host ?? '127.0.0.1';
  const root = resolve(options.distDir);
  const api = createApi(options.cognito);
  const config = JSON.stringify(options.cognito);

  async function handle(request) {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/api/')) return api(request);
    if (url.pathname === '/config.json') {
      return new Response(config, {
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      });
    }
    const path = normalize(join(root, decodeURIComponent(url.pathname)));
    const file = path.startsWith(root) && extname(path) ? path : join(root, 'index.html');
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  }

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === 'string') headers.set(k, v);
      const body = chunks.length && req.method !== 'GET' ? Buffer.concat(chunks) : undefined;
      handle(new Request(`http://${host}${req.url}`, { method: req.method, headers, body }))
        .catch(() => new Response('server error', { status: 500 }))
        .then(async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        });
    });
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
    },
  });
  console.log(`demo: ${server.url}`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
