import type { FederationMessages } from '../types.js';

/** Redirect sign-in texts, es. */
export const federationEs: FederationMessages = {
  locale: 'es',
  continueWith: (provider) => `Continuar con ${provider}`,
  divider: 'o',
  providers: 'Otras formas de iniciar sesión',
  finishing: 'Terminando el inicio de sesión…',
  redirectRefused:
    'No se pudo terminar el inicio de sesión: el enlace no es válido, ya se usó o se abrió en otra pestaña. Empieza de nuevo.',
  providerRefused:
    'El inicio de sesión se canceló o fue rechazado. Inténtalo de nuevo o elige otra forma de iniciar sesión.',
};
