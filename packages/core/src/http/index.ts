export { createAuthFetch, type AuthFetchOptions } from './auth-fetch.js';
export { createAuthKyHooks, type AuthKyHooks, type AuthKyHooksOptions } from './ky-hooks.js';
export type { AuthHeaderOptions, BearerTokenSource } from './token-source.js';
export type { AuthorizeOptions, OriginRule } from './authorize-policy.js';
