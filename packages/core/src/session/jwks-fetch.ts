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
  const tooLarge = () => unusable(`the answer is larger than ${maxBytes} bytes`);
  // A missing or malformed content-length reads as 0 or NaN: the stream count decides then.
  if (Number(response.headers.get('content-length')) > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (let chunk; reader && !(chunk = await reader.read()).done;) {
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text + decoder.decode();
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
