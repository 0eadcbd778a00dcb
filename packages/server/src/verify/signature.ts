/**
 * How a signature is checked once the JWK and algorithm passed the rules: a backend imports a
 * JWK once (the JWKS cache keeps the result per kid and algorithm) and verifies
 * `base64url(header).base64url(payload)` against the decoded signature. The default uses
 * WebCrypto with keys imported by jose (every runtime); `@cognito-kit/server/node` plugs in
 * node:crypto's synchronous `verify`, which is what makes aws-jwt-verify fast on Node.
 */
import { importJWK, type JWK } from 'jose';

export interface SignatureBackend<Key = unknown> {
  importKey(jwk: JWK, alg: string): Key | Promise<Key>;
  verify(
    alg: string,
    key: Key,
    data: Uint8Array,
    signature: Uint8Array,
  ): boolean | Promise<boolean>;
}

const HASHES: Record<string, string> = {
  RS256: 'SHA-256',
  RS384: 'SHA-384',
  RS512: 'SHA-512',
  ES256: 'SHA-256',
  ES384: 'SHA-384',
  ES512: 'SHA-512',
};

/** WebCrypto parameters of a JWS algorithm (JWS ECDSA signatures are raw r‖s, as WebCrypto wants). */
function webCryptoParams(alg: string, key: CryptoKey): AlgorithmIdentifier | EcdsaParams {
  if (alg.startsWith('RS')) return { name: 'RSASSA-PKCS1-v1_5' };
  if (alg.startsWith('ES')) return { name: 'ECDSA', hash: HASHES[alg] ?? 'SHA-256' };
  return { name: key.algorithm.name }; // EdDSA: Ed25519 or Ed448, from the imported key
}

export const webCryptoSignatures: SignatureBackend<CryptoKey> = {
  async importKey(jwk, alg) {
    const key = await importJWK(jwk, alg);
    if (key instanceof Uint8Array) throw new TypeError('not an asymmetric key');
    return key;
  },
  verify: (alg, key, data, signature) =>
    crypto.subtle.verify(
      webCryptoParams(alg, key),
      key,
      signature as BufferSource,
      data as BufferSource,
    ),
};

/** The hash node:crypto's `verify` takes for `alg` (null for EdDSA). */
export const nodeHashOf = (alg: string): string | null =>
  alg === 'EdDSA' ? null : (HASHES[alg] ?? 'SHA-256').replace('-', '').toLowerCase();
