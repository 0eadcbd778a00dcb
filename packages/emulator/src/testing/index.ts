/**
 * @cognito-kit/emulator/testing — helpers for tests that talk to the emulator (Node only): a
 * software WebAuthn authenticator with real keys and signatures.
 */
export { createSoftwareAuthenticator, strangerKey } from './software-authenticator.js';
export type {
  AssertionOverrides,
  AuthenticationResponseJSON,
  CreationOptionsJSON,
  RegistrationResponseJSON,
  RequestOptionsJSON,
  ResponseOverrides,
  SoftwareAuthenticator,
  SoftwareAuthenticatorOptions,
  SoftwareCredential,
} from './software-authenticator.js';
