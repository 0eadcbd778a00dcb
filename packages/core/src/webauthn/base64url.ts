import { invalidInput } from '../errors/index.js';

/** base64url without padding, as WebAuthn's JSON forms write binary values. */
export function toBase64url(data: ArrayBuffer | Uint8Array): string {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Bytes of base64url text (padding tolerated); `InvalidInput` for anything else. */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const bare = text.replace(/=+$/, '');
  if (!BASE64URL.test(bare) || bare.length % 4 === 1) {
    throw invalidInput('A passkey option is not base64url text.');
  }
  const binary = atob(bare.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
