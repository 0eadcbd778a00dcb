import type { FederationMessages } from '../types.js';

/** Redirect sign-in texts, sv. */
export const federationSv: FederationMessages = {
  locale: 'sv',
  continueWith: (provider) => `Fortsätt med ${provider}`,
  divider: 'eller',
  providers: 'Andra sätt att logga in',
  finishing: 'Slutför inloggningen…',
  redirectRefused:
    'Inloggningen kunde inte slutföras: länken är ogiltig, redan använd eller öppnad i en annan flik. Börja om.',
  providerRefused:
    'Inloggningen avbröts eller nekades. Försök igen eller välj ett annat sätt att logga in.',
};
