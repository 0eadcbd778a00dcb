import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { SignatureBackend } from '../verify/signature.js';
import { nodeHashOf } from '../verify/signature.js';

/**
 * node:crypto's synchronous `verify` with `KeyObject`s built from the JWK: no thread-pool hop
 * per verification (WebCrypto's `subtle.verify` has one), the approach aws-jwt-verify takes.
 */
export const nodeSignatures: SignatureBackend<KeyObject> = {
  importKey: (jwk) => createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }),
  verify: (alg, key, data, signature) =>
    verify(nodeHashOf(alg), data, { key, dsaEncoding: 'ieee-p1363' }, signature),
};
