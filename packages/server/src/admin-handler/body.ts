/**
 * Reads a request body as one JSON object, never more than `maxBytes` of it: the declared
 * length is checked first, then the stream is counted as it arrives (a client can lie about
 * or omit `content-length`), so an oversized body is refused without being buffered.
 */
import { refuse } from './refusal.js';

export type JsonBody = Record<string, unknown>;

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw refuse(400, 'body_too_large', `The body may be at most ${maxBytes} bytes.`);
  }
  if (request.body === null) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw refuse(400, 'body_too_large', `The body may be at most ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The body as a JSON object; an empty body is `{}`. */
export async function readJsonObject(request: Request, maxBytes: number): Promise<JsonBody> {
  const bytes = await readLimited(request, maxBytes);
  if (bytes.byteLength === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw refuse(400, 'malformed_body', 'The body is not JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw refuse(400, 'malformed_body', 'The body must be a JSON object.');
  }
  return value as JsonBody;
}
