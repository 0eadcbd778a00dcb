/**
 * @cognito-kit/core — the public API. Everything exported here is deliberate; internal modules
 * stay unexported.
 */
export * from './errors/index.js';
