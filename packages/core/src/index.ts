/**
 * @cognito-kit/core — the public API. Each module's `index.ts` chooses what it exports; this
 * file only gathers them. Start with `createCognitoAuth`.
 */
export * from './errors/index.js';
export * from './auth/index.js';
export * from './machine/index.js';
export * from './session/index.js';
export * from './account/index.js';
export * from './cognito/index.js';
export * from './srp/index.js';
export * from './http/index.js';
