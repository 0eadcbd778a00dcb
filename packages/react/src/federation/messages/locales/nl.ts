import type { FederationMessages } from '../types.js';

/** Redirect sign-in texts, nl. */
export const federationNl: FederationMessages = {
  locale: 'nl',
  continueWith: (provider) => `Doorgaan met ${provider}`,
  divider: 'of',
  providers: 'Andere manieren om in te loggen',
  finishing: 'Inloggen wordt afgerond…',
  redirectRefused:
    'Het inloggen kon niet worden afgerond: de link is ongeldig, al gebruikt of in een ander tabblad geopend. Begin opnieuw.',
  providerRefused:
    'Het inloggen is geannuleerd of geweigerd. Probeer het opnieuw of kies een andere manier om in te loggen.',
};
