import type { FederationMessages } from '../types.js';

/** Redirect sign-in texts, it. */
export const federationIt: FederationMessages = {
  locale: 'it',
  continueWith: (provider) => `Continua con ${provider}`,
  divider: 'oppure',
  providers: 'Altri modi per accedere',
  finishing: 'Completamento dell’accesso…',
  redirectRefused:
    'Impossibile completare l’accesso: il link non è valido, è già stato usato o è stato aperto in un’altra scheda. Ricomincia.',
  providerRefused:
    'L’accesso è stato annullato o rifiutato. Riprova o scegli un altro modo per accedere.',
};
