// The redirect sign-in part of the public API; `../index.ts` re-exports it whole.
export { useRedirectSignIn, type IdentityProviderChoice } from './context.js';
export {
  IdentityProviderButtons,
  type IdentityProviderButtonsProps,
} from './IdentityProviderButtons.js';
export { OAuthCallback, type OAuthCallbackProps } from './OAuthCallback.js';
export {
  RedirectSignInProvider,
  type RedirectSignInProviderProps,
} from './RedirectSignInProvider.js';
export {
  federationAr,
  federationDe,
  federationEn,
  federationEs,
  federationFr,
  federationIt,
  federationJa,
  federationKo,
  federationNl,
  federationPl,
  federationPtBR,
  federationSv,
  federationZhCN,
  type FederationMessages,
} from './messages/index.js';
