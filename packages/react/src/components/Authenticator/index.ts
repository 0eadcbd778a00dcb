export {
  Authenticator,
  type AuthenticatorProps,
  type AuthenticatorScreen,
  type AuthenticatorSignInOptions,
} from './Authenticator.js';
