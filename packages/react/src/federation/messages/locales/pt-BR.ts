import type { FederationMessages } from '../types.js';

/** Redirect sign-in texts, pt-BR. */
export const federationPtBR: FederationMessages = {
  locale: 'pt-BR',
  continueWith: (provider) => `Continuar com ${provider}`,
  divider: 'ou',
  providers: 'Outras formas de entrar',
  finishing: 'Concluindo o login…',
  redirectRefused:
    'Não foi possível concluir o login: o link não é válido, já foi usado ou foi aberto em outra aba. Comece de novo.',
  providerRefused:
    'O login foi cancelado ou recusado. Tente de novo ou escolha outra forma de entrar.',
};
