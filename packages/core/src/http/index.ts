export { createAuthFetch, type AuthFetchOptions } from './auth-fetch.js';
export { createAuthKyHooks, type AuthKyHooks, type AuthKyHooksOptions } from './ky-hooks.js';
export type { BearerTokenSource } from './token-source.js';
