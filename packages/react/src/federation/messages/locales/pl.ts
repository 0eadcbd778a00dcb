import type { FederationMessages } from '../types.js';

/** Redirect sign-in texts, pl. */
export const federationPl: FederationMessages = {
  locale: 'pl',
  continueWith: (provider) => `Kontynuuj z ${provider}`,
  divider: 'lub',
  providers: 'Inne sposoby logowania',
  finishing: 'Kończenie logowania…',
  redirectRefused:
    'Nie udało się dokończyć logowania: link jest nieprawidłowy, został już użyty lub otwarto go w innej karcie. Zacznij od nowa.',
  providerRefused:
    'Logowanie zostało anulowane lub odrzucone. Spróbuj ponownie lub wybierz inny sposób logowania.',
};
