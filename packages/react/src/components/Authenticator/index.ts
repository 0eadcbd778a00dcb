export {
  Authenticator,
  type AuthenticatorProps,
  type AuthenticatorScreen,
} from './Authenticator.js';
