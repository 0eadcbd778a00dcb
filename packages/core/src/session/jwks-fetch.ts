import { protocolError } from '../errors/index.js';
import type { FetchLike } from './verify.js';

/** Bounds of a fetched key set (JWKS). */
export interface JwksLimits {
  /** Largest body read, bytes (default 65 536). */
  maxBytes: number;
  /** Most keys accepted (default 16). */
  maxKeys: number;
}

/**
 * A Cognito pool publishes two RSA keys (about 1 KB of JSON); these bounds leave room for key
 * rotation and other issuers while refusing a key endpoint that answers megabytes.
 */
export const DEFAULT_JWKS_LIMITS: JwksLimits = { maxBytes: 64 * 1024, maxKeys: 16 };

const unusable = (why: string) =>
  protocolError(`The signing keys (JWKS) of the user pool are unusable: ${why}.`);

/** The body as text, read no further than `maxBytes` (a larger one throws ProtocolError). */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw unusable(`the answer is larger than ${maxBytes} bytes`);
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw unusable(`the answer is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * Wraps the JWKS fetch so an oversized answer, or one with more than `maxKeys` keys, fails
 * with `ProtocolError` before jose parses or caches anything. Other answers are handed on as
 * they came (a non-200 or a non-JWKS body is jose's to refuse).
 */
export function boundedJwksFetch(fetchImpl: FetchLike, limits: JwksLimits): FetchLike {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (response.status !== 200) return response;
    const text = await readCapped(response, limits.maxBytes);
    let keyCount = 0;
    try {
      const parsed: unknown = JSON.parse(text);
      const keys = (parsed as { keys?: unknown } | null)?.keys;
      keyCount = Array.isArray(keys) ? keys.length : 0;
    } catch {
      // Not JSON: jose reports it.
    }
    if (keyCount > limits.maxKeys) {
      throw unusable(`it has ${keyCount} keys, more than ${limits.maxKeys}`);
    }
    return new Response(text, { status: 200, headers: response.headers });
  };
}
