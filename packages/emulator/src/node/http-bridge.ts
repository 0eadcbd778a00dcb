/**
 * Conversion between Node's `http` messages and the Fetch API `Request` / `Response` the engine
 * speaks.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest body read into memory; more is drained and dropped (the engine refuses it anyway). */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** Builds a Fetch `Request` from a Node request, with `origin` as scheme + host fallback. */
export async function toFetchRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const base = req.headers.host ? `http://${req.headers.host}` : origin;
  const url = new URL(req.url ?? '/', base);
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (size < MAX_BUFFERED_BYTES) chunks.push(chunk);
    size += chunk.length;
  }
  return new Request(url, { method, headers, body: Buffer.concat(chunks) });
}

/** Writes a Fetch `Response` to a Node response. */
export async function sendFetchResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, { ...headers, 'content-length': String(body.length) });
  res.end(body);
}
