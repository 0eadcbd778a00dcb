/**
 * @cognito-kit/core/webauthn — passkeys in the browser: feature detection, the WebAuthn
 * ceremonies for Cognito's JSON options, and their typed errors. `createCognitoAuth` loads this
 * module on first use (a lazy chunk), so apps without passkeys never download it.
 */
export { browserPasskeys, createPasskey, getPasskeyAssertion, toPasskeyError } from './browser.js';
export { isPasskeySupported } from './support.js';
export {
  assertionToJSON,
  creationOptionsFromJSON,
  registrationToJSON,
  requestOptionsFromJSON,
  type CredentialLike,
} from './convert.js';
export { fromBase64url, toBase64url } from './base64url.js';
export type {
  PasskeyAssertionJSON,
  PasskeyAuthenticator,
  PasskeyCreationOptionsJSON,
  PasskeyDescriptorJSON,
  PasskeyRegistrationJSON,
  PasskeyRequestOptionsJSON,
} from './types.js';
