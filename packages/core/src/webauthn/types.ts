/**
 * The JSON forms of WebAuthn options and credentials as Cognito sends and expects them
 * (WebAuthn Level 3 `*JSON` dictionaries): every binary value is base64url text without padding.
 * Pure types, shared by the auth machine (which only carries them) and the browser module.
 */

/** A credential the authenticator may use or must not re-register. */
export interface PasskeyDescriptorJSON {
  /** Credential id, base64url. */
  readonly id: string;
  readonly type: 'public-key';
  readonly transports?: readonly string[] | undefined;
}

/** `CREDENTIAL_REQUEST_OPTIONS` of a WEB_AUTHN challenge (`PublicKeyCredentialRequestOptionsJSON`). */
export interface PasskeyRequestOptionsJSON {
  /** base64url. */
  readonly challenge: string;
  readonly rpId?: string | undefined;
  /** Milliseconds. */
  readonly timeout?: number | undefined;
  readonly allowCredentials?: readonly PasskeyDescriptorJSON[] | undefined;
  readonly userVerification?: 'required' | 'preferred' | 'discouraged' | undefined;
}

/** StartWebAuthnRegistration's `CredentialCreationOptions` (`PublicKeyCredentialCreationOptionsJSON`). */
export interface PasskeyCreationOptionsJSON {
  readonly rp: { readonly id?: string | undefined; readonly name: string };
  /** `id` is base64url (Cognito: the user's `sub` as UTF-8). */
  readonly user: { readonly id: string; readonly name: string; readonly displayName: string };
  /** base64url. */
  readonly challenge: string;
  readonly pubKeyCredParams: readonly { readonly type: 'public-key'; readonly alg: number }[];
  readonly timeout?: number | undefined;
  readonly excludeCredentials?: readonly PasskeyDescriptorJSON[] | undefined;
  readonly authenticatorSelection?:
    | {
        readonly authenticatorAttachment?: string | undefined;
        readonly residentKey?: string | undefined;
        readonly requireResidentKey?: boolean | undefined;
        readonly userVerification?: string | undefined;
      }
    | undefined;
  readonly attestation?: string | undefined;
}

/** The `CREDENTIAL` answer of a WEB_AUTHN challenge (`AuthenticationResponseJSON`). */
export interface PasskeyAssertionJSON {
  readonly id: string;
  readonly rawId: string;
  readonly type: 'public-key';
  readonly response: {
    readonly clientDataJSON: string;
    readonly authenticatorData: string;
    readonly signature: string;
    readonly userHandle?: string | undefined;
  };
  readonly clientExtensionResults: Readonly<Record<string, unknown>>;
  readonly authenticatorAttachment?: string | undefined;
}

/** CompleteWebAuthnRegistration's `Credential` (`RegistrationResponseJSON`). */
export interface PasskeyRegistrationJSON {
  readonly id: string;
  readonly rawId: string;
  readonly type: 'public-key';
  readonly response: {
    readonly clientDataJSON: string;
    readonly attestationObject: string;
    readonly transports?: readonly string[] | undefined;
    readonly publicKeyAlgorithm?: number | undefined;
    readonly authenticatorData?: string | undefined;
    readonly publicKey?: string | undefined;
  };
  readonly clientExtensionResults: Readonly<Record<string, unknown>>;
  readonly authenticatorAttachment?: string | undefined;
}

/**
 * What performs the WebAuthn ceremonies: the browser's `navigator.credentials` by default
 * (`@cognito-kit/core/webauthn`, loaded on first use), or a software authenticator in tests.
 * Both reject with a `CognitoError` (`PasskeyCancelled`, `PasskeyUnavailable`, `PasskeyFailed`).
 */
export interface PasskeyAuthenticator {
  /** Signs the challenge with one of the user's passkeys. */
  get(options: PasskeyRequestOptionsJSON): Promise<PasskeyAssertionJSON>;
  /** Creates a passkey. */
  create(options: PasskeyCreationOptionsJSON): Promise<PasskeyRegistrationJSON>;
}
