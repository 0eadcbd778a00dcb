/**
 * WebAuthn verification for passkeys (COGNITO-PASSWORDLESS-OAUTH §3, §6): the options the
 * emulator sends, and real checks of what comes back, done by `@simplewebauthn/server` (CBOR,
 * COSE keys, signatures and counters are never parsed by hand here). The few checks made before
 * the library's are there to answer Cognito's specific exceptions: a wrong origin
 * (WebAuthnOriginNotAllowedException), another relying party (WebAuthnRelyingPartyMismatchException)
 * and an unknown challenge (WebAuthnChallengeNotFoundException).
 */
import {
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import {
  decodeAttestationObject,
  decodeClientDataJSON,
  isoBase64URL,
  isoUint8Array,
  parseAuthenticatorData,
  toHash,
  type ClientDataJSON,
} from '@simplewebauthn/server/helpers';
import { serviceError } from '../protocol/errors.js';
import type { WebAuthnCredentialState } from '../model/state.js';

/** ES256 and RS256, the algorithms Cognito's creation options list (reported fixture). */
export const SUPPORTED_ALGORITHMS = [-7, -257] as const;

/** True when a page at `origin` may use passkeys of relying party `rpId` (WebAuthn §5.1.3). */
export function originAllowedFor(origin: string, rpId: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  const host = url.hostname;
  const sameSite = host === rpId || host.endsWith(`.${rpId}`);
  // Browsers treat http://localhost as a secure context; anything else must be https.
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && host === 'localhost');
  return sameSite && secure;
}

function invalidCredential(detail: string): Error {
  return serviceError('InvalidParameterException', `Invalid WebAuthn credential: ${detail}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireBase64Url(record: Record<string, unknown>, key: string, where: string): string {
  const value = record[key];
  if (typeof value !== 'string' || value === '' || !isoBase64URL.isBase64URL(value)) {
    throw invalidCredential(`${where}${key} must be a base64url string`);
  }
  return value;
}

function readClientData(encoded: string): ClientDataJSON {
  try {
    const data = decodeClientDataJSON(encoded);
    if (typeof data.type !== 'string' || typeof data.origin !== 'string') throw new Error();
    return data;
  } catch {
    throw invalidCredential('clientDataJSON is not valid JSON client data');
  }
}

/** A RegistrationResponseJSON read from the `Credential` document, or InvalidParameterException. */
export function readRegistrationResponse(value: unknown): RegistrationResponseJSON {
  if (!isRecord(value) || !isRecord(value['response'])) {
    throw invalidCredential('expected a RegistrationResponseJSON object');
  }
  requireBase64Url(value, 'id', '');
  requireBase64Url(value, 'rawId', '');
  requireBase64Url(value['response'], 'clientDataJSON', 'response.');
  requireBase64Url(value['response'], 'attestationObject', 'response.');
  if (value['type'] !== 'public-key') throw invalidCredential('type must be "public-key"');
  return value as unknown as RegistrationResponseJSON;
}

/** An AuthenticationResponseJSON read from the `CREDENTIAL` text, or NotAuthorizedException. */
export function readAuthenticationResponse(text: string): AuthenticationResponseJSON {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw serviceError('NotAuthorizedException', 'CREDENTIAL is not valid JSON.');
  }
  if (!isRecord(value) || !isRecord(value['response'])) {
    throw serviceError(
      'NotAuthorizedException',
      'CREDENTIAL is not an AuthenticationResponseJSON.',
    );
  }
  for (const [record, key] of [
    [value, 'id'],
    [value['response'], 'clientDataJSON'],
    [value['response'], 'authenticatorData'],
    [value['response'], 'signature'],
  ] as const) {
    const field = record[key];
    if (typeof field !== 'string' || !isoBase64URL.isBase64URL(field)) {
      throw serviceError('NotAuthorizedException', `CREDENTIAL is missing ${key}.`);
    }
  }
  return value as unknown as AuthenticationResponseJSON;
}

/** What a verified registration yields, to be stored as a {@link WebAuthnCredentialState}. */
export interface VerifiedRegistration {
  credentialId: string;
  publicKey: string;
  signCount: number;
  transports: string[];
  authenticatorAttachment?: string;
}

/** Input of {@link verifyRegistration}. */
export interface RegistrationCheck {
  response: RegistrationResponseJSON;
  challenge: string;
  rpId: string;
  userVerification: 'required' | 'preferred';
}

/**
 * Verifies a passkey registration: `webauthn.create` client data with the issued challenge, an
 * origin allowed for the relying party, authenticator data for that relying party (RP id hash),
 * user presence (and verification when required), and a valid attestation (`none` or any format
 * the library verifies).
 */
export async function verifyRegistration(check: RegistrationCheck): Promise<VerifiedRegistration> {
  const { response, rpId } = check;
  const clientData = readClientData(response.response.clientDataJSON);
  if (clientData.type !== 'webauthn.create') {
    throw invalidCredential(`clientDataJSON.type must be webauthn.create`);
  }
  if (clientData.challenge !== check.challenge) {
    throw serviceError(
      'WebAuthnChallengeNotFoundException',
      'The credential answers no registration challenge of this user.',
    );
  }
  if (!originAllowedFor(clientData.origin, rpId)) {
    throw serviceError(
      'WebAuthnOriginNotAllowedException',
      `Origin ${clientData.origin} is not allowed for relying party ${rpId}.`,
    );
  }
  let rpIdHash: Uint8Array;
  try {
    const attestation = decodeAttestationObject(
      isoBase64URL.toBuffer(response.response.attestationObject),
    );
    rpIdHash = parseAuthenticatorData(attestation.get('authData')).rpIdHash;
  } catch {
    throw invalidCredential('attestationObject cannot be decoded');
  }
  if (
    !isoUint8Array.areEqual(
      Uint8Array.from(rpIdHash),
      await toHash(isoUint8Array.fromUTF8String(rpId)),
    )
  ) {
    throw serviceError(
      'WebAuthnRelyingPartyMismatchException',
      `The credential was not created for relying party ${rpId}.`,
    );
  }
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: check.challenge,
      expectedOrigin: clientData.origin,
      expectedRPID: rpId,
      requireUserVerification: check.userVerification === 'required',
      supportedAlgorithmIDs: [...SUPPORTED_ALGORITHMS],
    });
  } catch (error) {
    throw serviceError(
      'WebAuthnCredentialNotSupportedException',
      `The credential could not be verified: ${(error as Error).message}`,
    );
  }
  if (!verified.verified) {
    throw serviceError('WebAuthnCredentialNotSupportedException', 'The credential is not valid.');
  }
  const { credential } = verified.registrationInfo;
  const transports = Array.isArray(response.response.transports)
    ? response.response.transports.filter((t): t is string => typeof t === 'string')
    : [];
  const attachment = response.authenticatorAttachment;
  return {
    credentialId: credential.id,
    publicKey: isoBase64URL.fromBuffer(credential.publicKey),
    signCount: credential.counter,
    transports,
    ...(typeof attachment === 'string' && { authenticatorAttachment: attachment }),
  };
}

/** Input of {@link verifyAssertion}. */
export interface AssertionCheck {
  response: AuthenticationResponseJSON;
  challenge: string;
  rpId: string;
  userVerification: 'required' | 'preferred';
  credential: WebAuthnCredentialState;
}

/**
 * Verifies a passkey assertion with the stored public key: `webauthn.get` client data with the
 * issued challenge, an allowed origin, the RP id hash, user presence (verification when the
 * pool requires it), the signature over authenticatorData ‖ SHA-256(clientDataJSON), and a
 * signature counter that moved forward (unless the authenticator keeps none: both 0). Returns
 * the new counter; any failure is NotAuthorizedException (RespondToAuthChallenge declares no
 * WebAuthn-specific error).
 */
export async function verifyAssertion(check: AssertionCheck): Promise<number> {
  const refuse = (why: string) =>
    serviceError('NotAuthorizedException', `Passkey sign-in failed: ${why}`);
  const clientData = readClientData(check.response.response.clientDataJSON);
  if (!originAllowedFor(clientData.origin, check.rpId)) {
    throw refuse(`origin ${clientData.origin} is not allowed for ${check.rpId}.`);
  }
  try {
    const result = await verifyAuthenticationResponse({
      response: check.response,
      expectedChallenge: check.challenge,
      expectedOrigin: clientData.origin,
      expectedRPID: check.rpId,
      credential: {
        id: check.credential.credentialId,
        publicKey: isoBase64URL.toBuffer(check.credential.publicKey),
        counter: check.credential.signCount,
        transports: check.credential.transports as never,
      },
      requireUserVerification: check.userVerification === 'required',
    });
    if (!result.verified) throw new Error('the signature does not match the stored public key.');
    return result.authenticationInfo.newCounter;
  } catch (error) {
    throw refuse((error as Error).message);
  }
}
