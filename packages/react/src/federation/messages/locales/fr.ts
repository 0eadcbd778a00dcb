import type { FederationMessages } from '../types.js';

/** Redirect sign-in texts, fr. */
export const federationFr: FederationMessages = {
  locale: 'fr',
  continueWith: (provider) => `Continuer avec ${provider}`,
  divider: 'ou',
  providers: 'Autres moyens de se connecter',
  finishing: 'Finalisation de la connexion…',
  redirectRefused:
    "Impossible de finaliser la connexion : le lien n'est pas valide, a déjà été utilisé ou a été ouvert dans un autre onglet. Recommencez.",
  providerRefused:
    'La connexion a été annulée ou refusée. Réessayez ou choisissez un autre moyen de vous connecter.',
};
