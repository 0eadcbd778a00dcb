/**
 * A software WebAuthn authenticator for Node tests: real P-256 key pairs (node:crypto), `none`
 * attestation for registrations and ES256-signed assertions, serialised exactly as a browser's
 * `PublicKeyCredential.toJSON()` would (RegistrationResponseJSON / AuthenticationResponseJSON,
 * binary members base64url). Nothing is stubbed: the emulator verifies these responses with
 * `@simplewebauthn/server` like any browser's. The CBOR of the attestation object and the COSE
 * key is written with that library's own encoder.
 *
 * Every call takes overrides that break one rule at a time (origin, RP id, challenge, user
 * verification, counter, signing key), so tests can prove each check refuses bad input.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;
/** COSE: kty EC2 (2), alg ES256 (-7), crv P-256 (1). */
const COSE_KTY_EC2 = 2;
const COSE_ALG_ES256 = -7;
const COSE_CRV_P256 = 1;

/** Creation options as StartWebAuthnRegistration returns them (the members used here). */
export interface CreationOptionsJSON {
  challenge: string;
  rp: { id?: string; name?: string };
  user: { id: string; name?: string; displayName?: string };
  [member: string]: unknown;
}

/** Request options as the WEB_AUTHN challenge's CREDENTIAL_REQUEST_OPTIONS holds them. */
export interface RequestOptionsJSON {
  challenge: string;
  rpId?: string;
  allowCredentials?: { id: string; type?: string }[];
  [member: string]: unknown;
}

/** A browser's RegistrationResponseJSON. */
export interface RegistrationResponseJSON {
  id: string;
  rawId: string;
  type: 'public-key';
  response: {
    clientDataJSON: string;
    attestationObject: string;
    authenticatorData: string;
    transports: string[];
    publicKeyAlgorithm: number;
  };
  clientExtensionResults: Record<string, never>;
  authenticatorAttachment: 'platform' | 'cross-platform';
}

/** A browser's AuthenticationResponseJSON. */
export interface AuthenticationResponseJSON {
  id: string;
  rawId: string;
  type: 'public-key';
  response: {
    clientDataJSON: string;
    authenticatorData: string;
    signature: string;
    userHandle?: string;
  };
  clientExtensionResults: Record<string, never>;
  authenticatorAttachment: 'platform' | 'cross-platform';
}

/** A passkey the authenticator holds. */
export interface SoftwareCredential {
  /** base64url credential id. */
  readonly id: string;
  readonly rpId: string;
  /** base64url user handle (`user.id` of the creation options). */
  readonly userHandle: string;
  readonly privateKey: KeyObject;
  /** Signature counter of the next assertion minus one. */
  signCount: number;
}

/** Ways to make one response wrong (or unusual), each defaulting to the correct value. */
export interface ResponseOverrides {
  /** `clientDataJSON.origin` (default: the authenticator's origin). */
  origin?: string;
  /** RP id hashed into authenticatorData (default: the options' RP id). */
  rpId?: string;
  /** `clientDataJSON.challenge` (default: the options' challenge). */
  challenge?: string;
  /** `clientDataJSON.type` (default `webauthn.create` / `webauthn.get`). */
  type?: string;
  /** Whether the UV flag is set (default: the authenticator's `userVerification`). */
  userVerified?: boolean;
}

/** Extra overrides of an assertion. */
export interface AssertionOverrides extends ResponseOverrides {
  /** Credential to answer with (default: the first allowed one the authenticator holds). */
  credentialId?: string;
  /** Counter to report (default: the stored one plus one, or 0 with `counter: 'zero'`). */
  signCount?: number;
  /** Key to sign with (default: the credential's own) — another key forges the assertion. */
  signWith?: KeyObject;
}

/** Options of {@link createSoftwareAuthenticator}. */
export interface SoftwareAuthenticatorOptions {
  /** Origin of the page that calls `navigator.credentials`, e.g. `http://localhost:5173`. */
  origin: string;
  /** Whether the authenticator verifies the user (sets the UV flag); default true. */
  userVerification?: boolean;
  /** `increment` (default) or `zero` for authenticators that keep no signature counter. */
  counter?: 'increment' | 'zero';
  /** `authenticatorAttachment` reported; default `platform`. */
  attachment?: 'platform' | 'cross-platform';
}

/** The authenticator {@link createSoftwareAuthenticator} returns. */
export interface SoftwareAuthenticator {
  /** Creates a passkey for the creation options (as `navigator.credentials.create` would). */
  createCredential(
    options: CreationOptionsJSON,
    overrides?: ResponseOverrides,
  ): RegistrationResponseJSON;
  /**
   * Signs the request options (object or the JSON text of CREDENTIAL_REQUEST_OPTIONS) with a
   * held passkey (as `navigator.credentials.get` would).
   */
  getAssertion(
    options: RequestOptionsJSON | string,
    overrides?: AssertionOverrides,
  ): AuthenticationResponseJSON;
  /** The passkeys created so far. */
  readonly credentials: readonly SoftwareCredential[];
}

function sha256(data: Uint8Array | string): Buffer {
  return createHash('sha256').update(data).digest();
}

function b64url(bytes: Uint8Array): string {
  return isoBase64URL.fromBuffer(Uint8Array.from(bytes));
}

function flags(userVerified: boolean, attested: boolean): number {
  return FLAG_UP | (userVerified ? FLAG_UV : 0) | (attested ? FLAG_AT : 0);
}

function counterBytes(count: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(count >>> 0);
  return out;
}

function clientData(type: string, challenge: string, origin: string): string {
  return JSON.stringify({ type, challenge, origin, crossOrigin: false });
}

/** The COSE_Key of an EC P-256 public key, CBOR-encoded. */
function coseKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  const x = isoBase64URL.toBuffer(jwk.x ?? '');
  const y = isoBase64URL.toBuffer(jwk.y ?? '');
  return isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, COSE_KTY_EC2],
      [3, COSE_ALG_ES256],
      [-1, COSE_CRV_P256],
      [-2, x],
      [-3, y],
    ]),
  );
}

/**
 * A software authenticator bound to one page origin.
 *
 * @example
 * const authenticator = createSoftwareAuthenticator({ origin: 'http://localhost:5173' });
 * const { CredentialCreationOptions } = await startWebAuthnRegistration(accessToken);
 * await completeWebAuthnRegistration(accessToken,
 *   authenticator.createCredential(CredentialCreationOptions));
 * const credential = JSON.stringify(
 *   authenticator.getAssertion(challengeParameters.CREDENTIAL_REQUEST_OPTIONS));
 */
export function createSoftwareAuthenticator(
  options: SoftwareAuthenticatorOptions,
): SoftwareAuthenticator {
  const credentials: SoftwareCredential[] = [];
  const attachment = options.attachment ?? 'platform';
  const verifies = options.userVerification ?? true;

  return {
    credentials,

    createCredential(creation, overrides = {}) {
      const rpId = creation.rp.id ?? new URL(options.origin).hostname;
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const idBytes = randomBytes(32);
      const id = b64url(idBytes);
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(idBytes.length);
      const authData = Buffer.concat([
        sha256(overrides.rpId ?? rpId),
        Buffer.from([flags(overrides.userVerified ?? verifies, true)]),
        counterBytes(0),
        Buffer.alloc(16), // AAGUID: zeros, as software and privacy-preserving authenticators send
        idLength,
        idBytes,
        coseKey(publicKey),
      ]);
      const attestationObject = isoCBOR.encode(
        new Map<string, string | Uint8Array | Map<string, string>>([
          ['fmt', 'none'],
          ['attStmt', new Map<string, string>()],
          ['authData', Uint8Array.from(authData)],
        ]),
      );
      credentials.push({ id, rpId, userHandle: creation.user.id, privateKey, signCount: 0 });
      const data = clientData(
        overrides.type ?? 'webauthn.create',
        overrides.challenge ?? creation.challenge,
        overrides.origin ?? options.origin,
      );
      return {
        id,
        rawId: id,
        type: 'public-key',
        response: {
          clientDataJSON: isoBase64URL.fromUTF8String(data),
          attestationObject: b64url(attestationObject),
          authenticatorData: b64url(authData),
          transports: ['internal'],
          publicKeyAlgorithm: COSE_ALG_ES256,
        },
        clientExtensionResults: {},
        authenticatorAttachment: attachment,
      };
    },

    getAssertion(input, overrides = {}) {
      const request = (typeof input === 'string' ? JSON.parse(input) : input) as RequestOptionsJSON;
      const rpId = request.rpId ?? new URL(options.origin).hostname;
      const allowed = (request.allowCredentials ?? []).map((c) => c.id);
      const wanted = overrides.credentialId;
      const credential = credentials.find((c) =>
        wanted !== undefined
          ? c.id === wanted
          : c.rpId === rpId && (allowed.length === 0 || allowed.includes(c.id)),
      );
      if (!credential) throw new Error('The software authenticator holds no matching passkey.');
      const signCount =
        overrides.signCount ?? (options.counter === 'zero' ? 0 : credential.signCount + 1);
      credential.signCount = signCount;
      const authData = Buffer.concat([
        sha256(overrides.rpId ?? rpId),
        Buffer.from([flags(overrides.userVerified ?? verifies, false)]),
        counterBytes(signCount),
      ]);
      const data = clientData(
        overrides.type ?? 'webauthn.get',
        overrides.challenge ?? request.challenge,
        overrides.origin ?? options.origin,
      );
      // ES256 signatures in WebAuthn are DER-encoded (node:crypto's default for EC keys).
      const signature = sign(
        'sha256',
        Buffer.concat([authData, sha256(data)]),
        overrides.signWith ?? credential.privateKey,
      );
      return {
        id: credential.id,
        rawId: credential.id,
        type: 'public-key',
        response: {
          clientDataJSON: isoBase64URL.fromUTF8String(data),
          authenticatorData: b64url(authData),
          signature: b64url(signature),
          userHandle: credential.userHandle,
        },
        clientExtensionResults: {},
        authenticatorAttachment: attachment,
      };
    },
  };
}

/** A fresh P-256 private key that belongs to no passkey (to forge assertions in tests). */
export function strangerKey(): KeyObject {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
}
