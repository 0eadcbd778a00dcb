import type { FederationMessages } from './types.js';

/** Redirect sign-in texts, en. */
export const federationEn: FederationMessages = {
  locale: 'en',
  continueWith: (provider) => `Continue with ${provider}`,
  divider: 'or',
  providers: 'Other ways to sign in',
  finishing: 'Finishing sign-in…',
  redirectRefused:
    'This sign-in could not be finished: the link is not valid, was already used, or was opened in another tab. Start again.',
  providerRefused:
    'The sign-in was cancelled or refused. Try again or choose another way to sign in.',
};
