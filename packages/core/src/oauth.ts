/**
 * @cognito-kit/core/oauth — sign-in through Cognito's OAuth 2.0 endpoints: the hosted
 * (managed-login) page and identity providers ("Continue with Google"), code flow with PKCE.
 * A separate entry so an app that never redirects pays nothing for it; the tokens it obtains
 * enter the same session as a password sign-in's.
 */
export {
  createRedirectSignIn,
  DEFAULT_OAUTH_SCOPES,
  fromOAuthError,
  isRedirectCallback,
  oauthEndpoints,
  type OAuthEndpoints,
  type RedirectCallbackResult,
  type RedirectSignIn,
  type RedirectSignInConfig,
  type RedirectSignOutOptions,
  type SignInWithRedirectOptions,
} from './oauth/index.js';
