/**
 * SHA-256, HMAC-SHA256 and HKDF through WebCrypto (`globalThis.crypto.subtle`, looked up at
 * call time so importing this module is safe during server-side rendering).
 */
import { srpError } from './errors.js';

function subtle(): SubtleCrypto {
  const api = globalThis.crypto?.subtle;
  if (api === undefined) {
    throw srpError('WebCrypto (crypto.subtle) is not available; SRP needs a secure context');
  }
  return api;
}

// TS 5.9's DOM types want ArrayBuffer-backed views; every array here is.
type Bytes = Uint8Array<ArrayBuffer>;
const own = (bytes: Uint8Array): Bytes => bytes as Bytes;

/** SHA-256 digest of `data` (32 bytes). */
export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', own(data)));
}

/** HMAC-SHA256 of `message` under `key` (32 bytes). */
export async function hmacSha256(key: Uint8Array, message: Uint8Array): Promise<Uint8Array> {
  const api = subtle();
  const cryptoKey = await api.importKey('raw', own(key), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return new Uint8Array(await api.sign('HMAC', cryptoKey, own(message)));
}

/**
 * HKDF-SHA256 (RFC 5869) of `ikm` with `salt` and `info`, `length` bytes long. WebCrypto adds
 * the block counter byte itself.
 */
export async function hkdfSha256(
  ikm: Uint8Array,
  salt: Uint8Array,
  info: Uint8Array,
  length: number,
): Promise<Uint8Array> {
  const api = subtle();
  const key = await api.importKey('raw', own(ikm), 'HKDF', false, ['deriveBits']);
  const bits = await api.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: own(salt), info: own(info) },
    key,
    length * 8,
  );
  return new Uint8Array(bits);
}
