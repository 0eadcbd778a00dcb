#!/usr/bin/env node
/**
 * Serves the built Next.js app (`next build` first) on 127.0.0.1:$PORT — 0 picks a free port —
 * and prints `next-demo on <url>` once it answers. Used by scripts/start.sh and the e2e
 * scenarios; `next start` would do too, but cannot take port 0.
 *
 * Environment: COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_ENDPOINT (the emulator),
 * COOKIE_SECURE=false for plain HTTP on a host other than localhost.
 */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import next from 'next';

/** Starts the app; resolves with its URL and a close function. */
export async function startNextDemo({ port = 0, host = '127.0.0.1' } = {}) {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const app = next({ dev: false, dir, hostname: host, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((request, response) => void handle(request, response));
  await new Promise((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  return {
    url,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.close?.();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startNextDemo({ port: Number(process.env.PORT ?? 3000) });
  console.log(`next-demo on ${url}`);
}
