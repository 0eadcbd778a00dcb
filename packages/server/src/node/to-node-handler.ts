import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/** A Node request as Express / Connect may leave it: `body` already parsed by `express.json()`. */
type NodeRequest = IncomingMessage & { body?: unknown; originalUrl?: string };

function toRequest(req: NodeRequest): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  // Express rewrites `url` under a mounted router; the full path is in `originalUrl`.
  const url = new URL(
    req.originalUrl ?? req.url ?? '/',
    `http://${req.headers.host ?? 'localhost'}`,
  );
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  if (req.body !== undefined && req.readableEnded) {
    // A body parser consumed the stream; send its result on as JSON (the handler re-checks size).
    headers.delete('content-length');
    const text = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    return new Request(url, { method, headers, body: text });
  }
  // Streamed, not buffered: the fetch handler counts the bytes and stops reading at its limit.
  const body = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
  return new Request(url, { method, headers, body, duplex: 'half' } as RequestInit);
}

/**
 * Runs a fetch-standard handler (such as `createAdminHandler`'s) as a Node `http` / Express /
 * Connect handler. The request body is streamed to the handler; if a body parser already read it
 * (`express.json()`), its parsed value is forwarded as JSON.
 *
 * @example
 * app.use('/api/admin', toNodeHandler(createAdminHandler({ admin, verifier, basePath: '/api/admin' })));
 */
export function toNodeHandler(
  handler: (request: Request) => Promise<Response>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const response = await handler(toRequest(req as NodeRequest));
    const body = Buffer.from(await response.arrayBuffer());
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    res.writeHead(response.status, { ...headers, 'content-length': String(body.length) });
    res.end(body);
    // Whatever the handler did not read (an oversized body) is drained, so the socket is reusable.
    if (!req.readableEnded) req.resume();
  };
}
