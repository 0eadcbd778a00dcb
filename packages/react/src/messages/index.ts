export type {
  Messages,
  ErrorMessageKey,
  DeliveryMedium,
  MfaMethodName,
  FirstFactorName,
  PasswordRule,
} from './types.js';
export { en } from './en.js';
export { de } from './de.js';
export { es } from './locales/es.js';
export { fr } from './locales/fr.js';
export { it } from './locales/it.js';
export { ptBR } from './locales/pt-BR.js';
export { nl } from './locales/nl.js';
export { sv } from './locales/sv.js';
export { pl } from './locales/pl.js';
export { ja } from './locales/ja.js';
export { zhCN } from './locales/zh-CN.js';
export { ko } from './locales/ko.js';
export { ar } from './locales/ar.js';
export { pickMessages } from './pick-messages.js';
export { errorMessageKey, errorText, type ErrorScreen } from './error-keys.js';
export { AnswerNotAcceptedError } from './local-errors.js';
export {
  MessagesProvider,
  useMessages,
  mergeMessages,
  type MessagesProviderProps,
  type MessagesOverride,
} from './MessagesProvider.js';
