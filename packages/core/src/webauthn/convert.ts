import { toBase64url, fromBase64url } from './base64url.js';
import type {
  PasskeyAssertionJSON,
  PasskeyCreationOptionsJSON,
  PasskeyDescriptorJSON,
  PasskeyRegistrationJSON,
  PasskeyRequestOptionsJSON,
} from './types.js';

/*
 * JSON ⇄ WebAuthn conversions for browsers without `PublicKeyCredential.parse*OptionsFromJSON`
 * and `toJSON` (Safari before 18.4, Firefox before 119, older Chromium). Only the members
 * Cognito sends and reads are converted; the browser ignores the rest.
 */

function descriptors(
  list: readonly PasskeyDescriptorJSON[] | undefined,
): PublicKeyCredentialDescriptor[] | undefined {
  return list?.map((d) => ({
    id: fromBase64url(d.id),
    type: d.type,
    ...(d.transports ? { transports: [...d.transports] as AuthenticatorTransport[] } : {}),
  }));
}

/** `navigator.credentials.get` options from Cognito's CREDENTIAL_REQUEST_OPTIONS. */
export function requestOptionsFromJSON(
  json: PasskeyRequestOptionsJSON,
): PublicKeyCredentialRequestOptions {
  const allow = descriptors(json.allowCredentials);
  return {
    challenge: fromBase64url(json.challenge),
    ...(json.rpId !== undefined ? { rpId: json.rpId } : {}),
    ...(json.timeout !== undefined ? { timeout: json.timeout } : {}),
    ...(allow ? { allowCredentials: allow } : {}),
    ...(json.userVerification ? { userVerification: json.userVerification } : {}),
  };
}

/** `navigator.credentials.create` options from StartWebAuthnRegistration's answer. */
export function creationOptionsFromJSON(
  json: PasskeyCreationOptionsJSON,
): PublicKeyCredentialCreationOptions {
  const exclude = descriptors(json.excludeCredentials);
  return {
    rp: { ...json.rp },
    user: { ...json.user, id: fromBase64url(json.user.id) },
    challenge: fromBase64url(json.challenge),
    pubKeyCredParams: json.pubKeyCredParams.map((p) => ({ ...p })),
    ...(json.timeout !== undefined ? { timeout: json.timeout } : {}),
    ...(exclude ? { excludeCredentials: exclude } : {}),
    ...(json.authenticatorSelection
      ? {
          authenticatorSelection: {
            ...json.authenticatorSelection,
          } as AuthenticatorSelectionCriteria,
        }
      : {}),
    ...(json.attestation
      ? { attestation: json.attestation as AttestationConveyancePreference }
      : {}),
  };
}

/** The parts of a `PublicKeyCredential` the conversions read (a structural type, so tests can build one). */
export interface CredentialLike {
  readonly id: string;
  readonly rawId: ArrayBuffer;
  readonly type: string;
  readonly authenticatorAttachment?: string | null;
  getClientExtensionResults(): AuthenticationExtensionsClientOutputs;
}

/** The assertion of `navigator.credentials.get` as Cognito's `CREDENTIAL` JSON. */
export function assertionToJSON(
  credential: CredentialLike & { readonly response: AuthenticatorAssertionResponse },
): PasskeyAssertionJSON {
  const r = credential.response;
  return credentialToJSON(credential, {
    clientDataJSON: toBase64url(r.clientDataJSON),
    authenticatorData: toBase64url(r.authenticatorData),
    signature: toBase64url(r.signature),
    ...(r.userHandle ? { userHandle: toBase64url(r.userHandle) } : {}),
  });
}

/** The result of `navigator.credentials.create` as CompleteWebAuthnRegistration's `Credential`. */
export function registrationToJSON(
  credential: CredentialLike & { readonly response: AuthenticatorAttestationResponse },
): PasskeyRegistrationJSON {
  const r = credential.response;
  // Level 2 getters, missing in old browsers: the server can read them from the attestation.
  const transports = typeof r.getTransports === 'function' ? r.getTransports() : undefined;
  const algorithm =
    typeof r.getPublicKeyAlgorithm === 'function' ? r.getPublicKeyAlgorithm() : undefined;
  const authData = typeof r.getAuthenticatorData === 'function' ? r.getAuthenticatorData() : null;
  const publicKey = typeof r.getPublicKey === 'function' ? r.getPublicKey() : null;
  return credentialToJSON(credential, {
    clientDataJSON: toBase64url(r.clientDataJSON),
    attestationObject: toBase64url(r.attestationObject),
    ...(transports ? { transports } : {}),
    ...(algorithm !== undefined ? { publicKeyAlgorithm: algorithm } : {}),
    ...(authData ? { authenticatorData: toBase64url(authData) } : {}),
    ...(publicKey ? { publicKey: toBase64url(publicKey) } : {}),
  });
}

/** The members every credential JSON shares, around its ceremony's `response`. */
function credentialToJSON<R>(
  credential: CredentialLike,
  response: R,
): {
  readonly id: string;
  readonly rawId: string;
  readonly type: 'public-key';
  readonly response: R;
  readonly clientExtensionResults: Readonly<Record<string, unknown>>;
  readonly authenticatorAttachment?: string;
} {
  return {
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    type: 'public-key',
    response,
    clientExtensionResults: { ...credential.getClientExtensionResults() },
    ...(credential.authenticatorAttachment
      ? { authenticatorAttachment: credential.authenticatorAttachment }
      : {}),
  };
}
