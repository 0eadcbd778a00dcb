/**
 * Whether a JWK may verify a token's signature with the header's `alg` (aws-jwt-verify
 * `src/jwk.ts` + `src/jwt-verifier.ts`): `kty` RSA (`n`, `e`), EC (`crv`, `x`, `y`) or OKP
 * (`crv`, `x`); `use`, when present, `sig`; the JWK's `alg`, when present, equal to the header's;
 * the header's `alg` one of RS256/384/512, ES256/384/512, EdDSA (so `none`, HS*, PS* fail).
 */
import type { JWK } from 'jose';
import { reject } from './errors.js';

export const SUPPORTED_ALGORITHMS: ReadonlySet<string> = new Set([
  'RS256',
  'RS384',
  'RS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
]);

const REQUIRED_MEMBERS: Record<string, readonly (keyof JWK)[]> = {
  RSA: ['n', 'e'],
  EC: ['crv', 'x', 'y'],
  OKP: ['crv', 'x'],
};

/** @throws TokenRejectedError `algorithm` */
export function checkJwkForAlg(jwk: JWK, alg: unknown): string {
  if (typeof alg !== 'string')
    throw reject('algorithm', 'The token names no signature algorithm (alg).');
  if (!SUPPORTED_ALGORITHMS.has(alg)) {
    throw reject(
      'algorithm',
      `The token's algorithm is not supported (${SUPPORTED_ALGORITHMS.size} asymmetric ones are).`,
    );
  }
  const required = REQUIRED_MEMBERS[jwk.kty ?? ''];
  if (!required) throw reject('algorithm', 'The key for the token has an unsupported kty.');
  for (const member of required) {
    if (typeof jwk[member] !== 'string')
      throw reject('algorithm', `The key for the token lacks "${member}".`);
  }
  if (jwk.use !== undefined && jwk.use !== 'sig') {
    throw reject('algorithm', 'The key for the token is not a signing key (use).');
  }
  if (jwk.alg !== undefined && jwk.alg !== alg) {
    throw reject('algorithm', "The token's algorithm is not its key's.");
  }
  return alg;
}
