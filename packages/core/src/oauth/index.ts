/** Redirect sign-in (Cognito's OAuth 2.0 endpoints): the pieces behind `@cognito-kit/core/oauth`. */
export {
  createRedirectSignIn,
  DEFAULT_OAUTH_SCOPES,
  type RedirectCallbackResult,
  type RedirectSignIn,
  type RedirectSignInConfig,
  type RedirectSignOutOptions,
  type SignInWithRedirectOptions,
} from './redirect-sign-in.js';
export { authorizeUrl, logoutUrl, type AuthorizeRequest } from './authorize-url.js';
export { isRedirectCallback, readCallback, type CallbackReading } from './callback.js';
export { oauthEndpoints, type OAuthEndpoints } from './endpoints.js';
export { fromOAuthError, oauthRefusal } from './errors.js';
export {
  isPendingRedirectExpired,
  parsePendingRedirect,
  pendingRedirectKey,
  serializePendingRedirect,
  PENDING_REDIRECT_TTL_MS,
  type PendingRedirect,
} from './pending.js';
