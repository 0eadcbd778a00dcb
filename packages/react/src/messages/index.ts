export type {
  Messages,
  ErrorMessageKey,
  DeliveryMedium,
  MfaMethodName,
  PasswordRule,
} from './types.js';
export { refusedPasswordRule } from './password-refusal.js';
export { en } from './en.js';
export { de } from './de.js';
export { errorMessageKey, errorText } from './error-keys.js';
export { AnswerNotAcceptedError } from './local-errors.js';
export {
  MessagesProvider,
  useMessages,
  mergeMessages,
  type MessagesProviderProps,
  type MessagesOverride,
} from './MessagesProvider.js';
