/**
 * Byte and text encodings used by the SRP exchange. Runtime-neutral: `TextEncoder`, `btoa` and
 * `atob` exist in browsers, workers and Node ≥ 16, and are only touched inside functions.
 */
import { srpError } from './errors.js';

const HEX_DIGITS = /^[0-9a-fA-F]+$/;

/** Whether `text` is a non-empty run of hex digits (any case, any length). */
export function isHex(text: string): boolean {
  return HEX_DIGITS.test(text);
}

/**
 * Cognito's hex encoding of a non-negative integer: lowercase hex, a leading `0` when the
 * length is odd, then `00` when the first digit is 8–f (so the value reads as positive in
 * two's complement, like Java's `BigInteger.toByteArray`). Every integer that SRP hashes is
 * hashed as the bytes of this string.
 *
 * @example
 * padHex(200n); // '00c8'
 * padHex(5n);   // '05'
 */
export function padHex(n: bigint): string {
  if (n < 0n) throw srpError('padHex is defined for non-negative integers only');
  let hex = n.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  // A first digit of 8–f means the top bit is set.
  if (hex.charCodeAt(0) >= 0x38 /* '8' */) hex = `00${hex}`;
  return hex;
}

/** Bytes of an even-length hex string. */
export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 === 1 || (hex.length > 0 && !isHex(hex))) {
    throw srpError('expected an even-length hex string');
  }
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  }
  return bytes;
}

const HEX_OF_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lowercase hex of `bytes`, two digits per byte. */
export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += HEX_OF_BYTE[byte];
  return hex;
}

/** The bytes of `padHex(n)`: the byte string SRP hashes for the integer `n`. */
export function paddedBytes(n: bigint): Uint8Array {
  return hexToBytes(padHex(n));
}

/** UTF-8 bytes of `text`. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Standard base64 (alphabet `+/`, `=` padding) of `bytes`. */
export function bytesToBase64(bytes: Uint8Array): string {
  // Chunked so large inputs do not overflow the argument list of String.fromCharCode.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Bytes of a base64 string. Accepts the standard and the URL-safe alphabet (`-_`), with or
 * without `=` padding, as Amplify does for SECRET_BLOCK.
 */
export function base64ToBytes(text: string): Uint8Array {
  let normal = text.replace(/-/g, '+').replace(/_/g, '/');
  if (!normal.includes('=')) normal += '='.repeat((4 - (normal.length % 4)) % 4);
  if (normal.length % 4 !== 0 || !BASE64.test(normal)) throw srpError('expected base64 text');
  const binary = atob(normal);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** One array holding `parts` one after another. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
