export {
  RedirectSignInContext,
  useRedirectSignIn,
  type IdentityProviderChoice,
  type RedirectSignInContextValue,
} from './context.js';
export {
  IdentityProviderButtons,
  type IdentityProviderButtonsProps,
} from './IdentityProviderButtons.js';
export { OAuthCallback, type OAuthCallbackProps } from './OAuthCallback.js';
export {
  RedirectSignInProvider,
  type RedirectSignInProviderProps,
} from './RedirectSignInProvider.js';
