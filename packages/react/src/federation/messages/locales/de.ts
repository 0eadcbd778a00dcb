import type { FederationMessages } from '../types.js';

/** Redirect sign-in texts, de. */
export const federationDe: FederationMessages = {
  locale: 'de',
  continueWith: (provider) => `Weiter mit ${provider}`,
  divider: 'oder',
  providers: 'Andere Anmeldemöglichkeiten',
  finishing: 'Anmeldung wird abgeschlossen…',
  redirectRefused:
    'Die Anmeldung konnte nicht abgeschlossen werden: Der Link ist ungültig, wurde schon verwendet oder in einem anderen Tab geöffnet. Beginnen Sie von vorn.',
  providerRefused:
    'Die Anmeldung wurde abgebrochen oder abgelehnt. Versuchen Sie es erneut oder wählen Sie einen anderen Weg.',
};
