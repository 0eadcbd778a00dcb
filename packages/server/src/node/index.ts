/**
 * @cognito-kit/server/node — Node-only helpers: the verifier with node:crypto signatures and the
 * Express / Connect / node:http middleware `requireCognitoAuth`.
 */
export { createCognitoJwtVerifier } from './verifier.js';
export { nodeSignatures } from './signatures.js';
export { requireCognitoAuth, type AuthenticatedRequest } from './require-cognito-auth.js';
export type { CognitoAuthContext, CognitoAuthOptions } from '../guards/authenticate.js';
export { toNodeHandler } from './to-node-handler.js';
