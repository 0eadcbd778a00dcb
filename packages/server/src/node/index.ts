/**
 * @cognito-kit/server/node — Node-only helpers: the verifier with node:crypto signatures and the
 * Express / Connect / node:http middleware `requireCognitoAuth`.
 */
export { createCognitoJwtVerifier } from './verifier.js';
export { nodeSignatures } from './signatures.js';
