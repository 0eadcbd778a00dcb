/** TEMPORARY stand-in for `@cognito-kit/react`'s public index (see vite.config.ts). */
export { CognitoProvider, useAuth, useCognitoAuth } from './provider.js';
export { Authenticator } from '../../../../packages/react/src/components/Authenticator/index.js';
export { SecuritySettings } from '../../../../packages/react/src/components/SecuritySettings/index.js';
export { MessagesProvider } from '../../../../packages/react/src/messages/index.js';
