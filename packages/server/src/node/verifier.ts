import {
  createCognitoJwtVerifier as createWithBackend,
  type ClaimsFor,
  type CognitoJwtVerifier,
  type CognitoJwtVerifierOptions,
  type CognitoTokenUse,
  type JwksOptions,
} from '../verify/verifier.js';
import { nodeSignatures } from './signatures.js';

/**
 * `createCognitoJwtVerifier` of the main entry with node:crypto checking signatures
 * synchronously, as aws-jwt-verify does (same rules, same errors; on a quiet machine a
 * synchronous RS256 check is faster than WebCrypto's thread-pool round trip).
 *
 * @example
 * import { createCognitoJwtVerifier } from '@cognito-kit/server/node';
 * const verifier = createCognitoJwtVerifier({ userPoolId, clientId, tokenUse: 'access' });
 */
export function createCognitoJwtVerifier<U extends CognitoTokenUse | null>(
  options: CognitoJwtVerifierOptions<U> | readonly CognitoJwtVerifierOptions<U>[],
  jwksOptions: JwksOptions = {},
): CognitoJwtVerifier<ClaimsFor<U>> {
  return createWithBackend(options, { signatures: nodeSignatures, ...jwksOptions });
}
