/**
 * The little of JWS that Cognito tokens need: a compact token's parts, and its RS256 signature
 * checked with WebCrypto (present in browsers, workers and Node ≥ 20). Cognito signs ID and
 * access tokens with RS256 only (COGNITO-PROTOCOL §5), so this is all the library verifies; a
 * general JOSE library would ship every other algorithm and key type to every app.
 */

/** Thrown for a token that is not a well-formed compact JWS; the message names the flaw only. */
export class MalformedJwsError extends Error {
  override name = 'MalformedJwsError';
}

/** Decodes base64url (no padding) to bytes; throws {@link MalformedJwsError} for other text. */
export function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw new MalformedJwsError('not base64url');
  }
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function jsonObject(part: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(base64UrlBytes(part)));
  } catch {
    throw new MalformedJwsError('a part is not base64url-encoded JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedJwsError('a part is not a JSON object');
  }
  return value as Record<string, unknown>;
}

/** The payload of a compact JWS, decoded WITHOUT verifying anything. */
export function decodeJwsPayload(token: string): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new MalformedJwsError('a JWT has three parts');
  return jsonObject(parts[1] ?? '');
}

/** A compact JWS split into what verification needs. */
export interface CompactJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** The signed bytes: `<header>.<payload>` as ASCII. */
  signingInput: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
}

/** Splits and decodes a compact JWS (`header.payload.signature`); verifies nothing. */
export function parseCompactJws(token: string): CompactJws {
  const parts = token.split('.');
  if (parts.length !== 3) throw new MalformedJwsError('a JWT has three parts');
  const [header = '', payload = '', signature = ''] = parts;
  return {
    header: jsonObject(header),
    payload: jsonObject(payload),
    signingInput: new TextEncoder().encode(`${header}.${payload}`),
    signature: base64UrlBytes(signature),
  };
}

/** The public RSA key of a JWKS entry (`n`, `e`), as a WebCrypto RS256 verification key. */
export async function importRs256Key(jwk: { n: string; e: string }): Promise<CryptoKey> {
  // Shorter moduli are breakable; the JOSE spec and Cognito use 2048 bits or more.
  if (base64UrlBytes(jwk.n).length < 256) throw new MalformedJwsError('the RSA key is too short');
  return crypto.subtle.importKey(
    'jwk',
    { kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RS256', ext: true },
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['verify'],
  );
}

/** Whether `jws` carries a valid RS256 signature by `key`. */
export function verifyRs256(key: CryptoKey, jws: CompactJws): Promise<boolean> {
  return crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, jws.signature, jws.signingInput);
}
