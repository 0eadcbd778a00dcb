import { CognitoError, isCognitoError } from '../errors/index.js';
import {
  assertionToJSON,
  creationOptionsFromJSON,
  registrationToJSON,
  requestOptionsFromJSON,
} from './convert.js';
import { isPasskeySupported } from './support.js';
import type {
  PasskeyAssertionJSON,
  PasskeyAuthenticator,
  PasskeyCreationOptionsJSON,
  PasskeyRegistrationJSON,
  PasskeyRequestOptionsJSON,
} from './types.js';

/** `PublicKeyCredential` with the Level 3 JSON helpers, which not every browser has yet. */
interface PublicKeyCredentialStatics {
  parseRequestOptionsFromJSON?: (json: unknown) => PublicKeyCredentialRequestOptions;
  parseCreationOptionsFromJSON?: (json: unknown) => PublicKeyCredentialCreationOptions;
}

function credentialClass(): (PublicKeyCredentialStatics & object) | undefined {
  const global = globalThis as { PublicKeyCredential?: PublicKeyCredentialStatics & object };
  return typeof global.PublicKeyCredential === 'function' ? global.PublicKeyCredential : undefined;
}

function passkeyError(
  code: 'PasskeyCancelled' | 'PasskeyUnavailable' | 'PasskeyFailed',
  message: string,
  cause?: unknown,
): CognitoError {
  return new CognitoError({ code, message, cause });
}

/**
 * The browser's WebAuthn failures as typed errors. `NotAllowedError` is what browsers raise for
 * a dismissed prompt and a timeout alike (they do not tell them apart on purpose), so both are
 * `PasskeyCancelled`.
 */
export function toPasskeyError(error: unknown): CognitoError {
  if (isCognitoError(error)) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'AbortError':
      return passkeyError('PasskeyCancelled', 'The passkey prompt was cancelled.', error);
    case 'NotSupportedError':
    case 'SecurityError':
      return passkeyError('PasskeyUnavailable', 'Passkeys are not available here.', error);
    default:
      return passkeyError('PasskeyFailed', 'The passkey could not be used.', error);
  }
}

/** The browser's own `PublicKeyCredential.toJSON()` (Level 3) when it has one. */
function viaToJSON<T>(credential: object): T | undefined {
  const toJSON = (credential as { toJSON?: () => unknown }).toJSON;
  return typeof toJSON === 'function' ? (toJSON.call(credential) as T) : undefined;
}

function requireSupport(): void {
  if (!isPasskeySupported()) {
    throw passkeyError('PasskeyUnavailable', 'This browser cannot use passkeys.');
  }
}

/**
 * Signs a WEB_AUTHN challenge with one of the user's passkeys: Cognito's request options in,
 * the assertion JSON for `CREDENTIAL` out. Rejects with `PasskeyCancelled` when the user
 * dismisses the prompt.
 */
export async function getPasskeyAssertion(
  options: PasskeyRequestOptionsJSON,
  signal?: AbortSignal,
): Promise<PasskeyAssertionJSON> {
  requireSupport();
  try {
    const parse = credentialClass()?.parseRequestOptionsFromJSON;
    const publicKey = parse
      ? parse.call(credentialClass(), options)
      : requestOptionsFromJSON(options);
    const credential = (await navigator.credentials.get({
      publicKey,
      ...(signal ? { signal } : {}),
    })) as (PublicKeyCredential & { response: AuthenticatorAssertionResponse }) | null;
    if (!credential) throw passkeyError('PasskeyCancelled', 'No passkey was chosen.');
    return viaToJSON<PasskeyAssertionJSON>(credential) ?? assertionToJSON(credential);
  } catch (error) {
    throw toPasskeyError(error);
  }
}

/**
 * Creates a passkey from StartWebAuthnRegistration's options; the JSON for
 * CompleteWebAuthnRegistration comes back.
 */
export async function createPasskey(
  options: PasskeyCreationOptionsJSON,
  signal?: AbortSignal,
): Promise<PasskeyRegistrationJSON> {
  requireSupport();
  try {
    const parse = credentialClass()?.parseCreationOptionsFromJSON;
    const publicKey = parse
      ? parse.call(credentialClass(), options)
      : creationOptionsFromJSON(options);
    const credential = (await navigator.credentials.create({
      publicKey,
      ...(signal ? { signal } : {}),
    })) as (PublicKeyCredential & { response: AuthenticatorAttestationResponse }) | null;
    if (!credential) throw passkeyError('PasskeyCancelled', 'No passkey was created.');
    return viaToJSON<PasskeyRegistrationJSON>(credential) ?? registrationToJSON(credential);
  } catch (error) {
    throw toPasskeyError(error);
  }
}

/** The browser as a {@link PasskeyAuthenticator} (what `createCognitoAuth` loads by default). */
export const browserPasskeys: PasskeyAuthenticator = {
  get: (options) => getPasskeyAssertion(options),
  create: (options) => createPasskey(options),
};
