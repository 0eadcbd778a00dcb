import { isRecord } from '../cognito/guards.js';
import { protocolError, type CognitoError } from '../errors/index.js';
import type { PasskeyAssertionJSON, PasskeyRequestOptionsJSON } from '../webauthn/types.js';

/** An MFA method the user may pick in SELECT_MFA_TYPE. */
export type MfaType = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

/** An MFA method the user may set up inside sign-in (MFA_SETUP). SMS cannot be set up there. */
export type MfaSetupType = 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

/**
 * A first factor of choice-based sign-in (`USER_AUTH`). `PASSWORD` stands for Cognito's
 * `PASSWORD` and `PASSWORD_SRP` alike: the library answers with SRP whenever Cognito offers it,
 * so the password never leaves the browser.
 */
export type FirstFactor = 'PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

/** The first factors in the order sign-in screens offer them (passkey first). */
export const FIRST_FACTORS: readonly FirstFactor[] = [
  'WEB_AUTHN',
  'EMAIL_OTP',
  'SMS_OTP',
  'PASSWORD',
];

/** A TOTP secret associated during MFA_SETUP, ready to be shown as text and as a QR code. */
export interface TotpSetupDetails {
  /** Base32 secret without padding, as Cognito returns it. */
  readonly secretCode: string;
  /** `otpauth://totp/<issuer>:<account>?secret=…&issuer=…` for authenticator apps. */
  readonly uri: string;
}

/**
 * A challenge the user has to answer, keyed by Cognito's own challenge name, with the data the UI
 * needs. PASSWORD_VERIFIER and the device challenges never appear here: they are answered
 * automatically.
 */
export type Challenge =
  | {
      readonly name: 'NEW_PASSWORD_REQUIRED';
      /** Attribute names (without the `userAttributes.` prefix) that must be given. */
      readonly requiredAttributes: readonly string[];
      /** The user's current attributes, as Cognito reported them. */
      readonly userAttributes: Readonly<Record<string, string>>;
    }
  | { readonly name: 'SMS_MFA'; readonly destination: string; readonly medium: 'SMS' | 'EMAIL' }
  | { readonly name: 'EMAIL_OTP'; readonly destination: string; readonly medium: 'SMS' | 'EMAIL' }
  | { readonly name: 'SOFTWARE_TOKEN_MFA' }
  | { readonly name: 'SELECT_MFA_TYPE'; readonly options: readonly MfaType[] }
  | {
      readonly name: 'MFA_SETUP';
      readonly options: readonly MfaSetupType[];
      /** Present once a TOTP secret has been associated: the UI shows it and asks for a code. */
      readonly totp?: TotpSetupDetails;
    }
  | { readonly name: 'CUSTOM_CHALLENGE'; readonly parameters: Readonly<Record<string, string>> }
  /** Choice-based sign-in: which first factor to use (Cognito's `AvailableChallenges`). */
  | { readonly name: 'SELECT_CHALLENGE'; readonly options: readonly FirstFactor[] }
  /** A one-time code sent by SMS as the first factor (e-mail codes are `EMAIL_OTP`). */
  | { readonly name: 'SMS_OTP'; readonly destination: string; readonly medium: 'SMS' | 'EMAIL' }
  /** Sign in with a passkey: the options the authenticator signs (`CREDENTIAL_REQUEST_OPTIONS`). */
  | { readonly name: 'WEB_AUTHN'; readonly requestOptions: PasskeyRequestOptionsJSON };

/** The challenge names a user answers. */
export type ChallengeName = Challenge['name'];

/**
 * What the user answers, one variant per challenge. `name` must equal the pending challenge's.
 *
 * MFA_SETUP takes three forms: pick TOTP (the secret is then associated and shown), pick e-mail
 * (with the address), or the first TOTP code from the authenticator app.
 */
export type ChallengeAnswer =
  | {
      readonly name: 'NEW_PASSWORD_REQUIRED';
      readonly newPassword: string;
      /** Required (and other writable) attributes, names without the `userAttributes.` prefix. */
      readonly attributes?: Readonly<Record<string, string>>;
    }
  | { readonly name: 'SMS_MFA'; readonly code: string }
  | { readonly name: 'EMAIL_OTP'; readonly code: string }
  | { readonly name: 'SOFTWARE_TOKEN_MFA'; readonly code: string }
  | { readonly name: 'SELECT_MFA_TYPE'; readonly mfa: MfaType }
  | { readonly name: 'MFA_SETUP'; readonly setup: 'SOFTWARE_TOKEN_MFA' }
  | { readonly name: 'MFA_SETUP'; readonly setup: 'EMAIL_OTP'; readonly email: string }
  | { readonly name: 'MFA_SETUP'; readonly totpCode: string; readonly friendlyDeviceName?: string }
  | { readonly name: 'CUSTOM_CHALLENGE'; readonly answer: string }
  | { readonly name: 'SELECT_CHALLENGE'; readonly factor: 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN' }
  /** The password is held by the runner for this sign-in only, never stored or shown. */
  | { readonly name: 'SELECT_CHALLENGE'; readonly factor: 'PASSWORD'; readonly password: string }
  | { readonly name: 'SMS_OTP'; readonly code: string }
  /**
   * Without `credential` the auth object asks its passkey authenticator (the browser's
   * `navigator.credentials` by default); with one, that assertion is sent as it is.
   */
  | { readonly name: 'WEB_AUTHN'; readonly credential?: PasskeyAssertionJSON };

const ATTRIBUTE_PREFIX = 'userAttributes.';
const MFA_TYPES: readonly MfaType[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'];
const MFA_SETUP_TYPES: readonly MfaSetupType[] = ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'];

/** Challenge names answered by the machine itself, never shown to the user. */
export const AUTOMATIC_CHALLENGES = [
  'PASSWORD_VERIFIER',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
] as const;

/**
 * Turns Cognito's `ChallengeName` + `ChallengeParameters` into a {@link Challenge}. Parameters are
 * untrusted input: anything missing or malformed gives a `ProtocolError` (returned, not thrown),
 * and so does a challenge name this library cannot answer.
 */
export function parseChallenge(
  name: string,
  parameters: Readonly<Record<string, unknown>> | undefined,
): Challenge | CognitoError {
  const params = parameters ?? {};
  switch (name) {
    case 'NEW_PASSWORD_REQUIRED': {
      const required = parseJson(params['requiredAttributes']);
      const current = parseJson(params['userAttributes']);
      if (!Array.isArray(required) || !required.every((n) => typeof n === 'string')) {
        return bad(name, 'requiredAttributes');
      }
      if (!isRecord(current)) return bad(name, 'userAttributes');
      return {
        name,
        requiredAttributes: required.map((n: string) =>
          n.startsWith(ATTRIBUTE_PREFIX) ? n.slice(ATTRIBUTE_PREFIX.length) : n,
        ),
        userAttributes: stringValues(current),
      };
    }
    case 'SMS_MFA':
    case 'SMS_OTP':
    case 'EMAIL_OTP': {
      const destination = params['CODE_DELIVERY_DESTINATION'];
      if (typeof destination !== 'string') return bad(name, 'CODE_DELIVERY_DESTINATION');
      const medium = params['CODE_DELIVERY_DELIVERY_MEDIUM'];
      // The medium is implied by the challenge; take Cognito's word only when it is a known one.
      const fallback = name === 'EMAIL_OTP' ? 'EMAIL' : 'SMS';
      return {
        name,
        destination,
        medium: medium === 'SMS' || medium === 'EMAIL' ? medium : fallback,
      };
    }
    case 'SOFTWARE_TOKEN_MFA':
      return { name };
    case 'SELECT_MFA_TYPE': {
      const options = parseNameList(params['MFAS_CAN_CHOOSE'], MFA_TYPES);
      return options ? { name, options } : bad(name, 'MFAS_CAN_CHOOSE');
    }
    case 'MFA_SETUP': {
      // The API reference documents MFA_CAN_SETUP; real answers use MFAS_CAN_SETUP.
      const raw = params['MFAS_CAN_SETUP'] ?? params['MFA_CAN_SETUP'];
      const options = parseNameList(raw, MFA_SETUP_TYPES);
      return options ? { name, options } : bad(name, 'MFAS_CAN_SETUP');
    }
    case 'CUSTOM_CHALLENGE':
      return { name, parameters: stringValues(params) };
    case 'WEB_AUTHN': {
      const options = parseJson(params['CREDENTIAL_REQUEST_OPTIONS']);
      if (!isRecord(options) || typeof options['challenge'] !== 'string') {
        return bad(name, 'CREDENTIAL_REQUEST_OPTIONS');
      }
      return { name, requestOptions: options as unknown as PasskeyRequestOptionsJSON };
    }
    default:
      return protocolError(`Cognito asked for a challenge this library cannot answer: ${name}`);
  }
}

/**
 * The SELECT_CHALLENGE step from Cognito's `AvailableChallenges`: the first factors this
 * library can answer, in {@link FIRST_FACTORS} order. None usable is a `ProtocolError`.
 */
export function parseSelectChallenge(
  available: readonly string[] | undefined,
): Challenge | CognitoError {
  const names = new Set(available ?? []);
  const options = FIRST_FACTORS.filter((factor) =>
    factor === 'PASSWORD' ? names.has('PASSWORD') || names.has('PASSWORD_SRP') : names.has(factor),
  );
  if (options.length === 0) return bad('SELECT_CHALLENGE', 'AvailableChallenges');
  return { name: 'SELECT_CHALLENGE', options };
}

/**
 * The `otpauth://` URI authenticator apps read from a QR code (Google Authenticator key-URI
 * format: issuer both as label prefix and as parameter).
 */
export function totpUri(issuer: string, account: string, secretCode: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = `secret=${encodeURIComponent(secretCode)}&issuer=${encodeURIComponent(issuer)}`;
  return `otpauth://totp/${label}?${query}`;
}

/** `userAttributes.<name>` keys for a NEW_PASSWORD_REQUIRED answer. */
export function prefixedAttributes(
  attributes: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes ?? {})) out[ATTRIBUTE_PREFIX + key] = value;
  return out;
}

function bad(challenge: string, parameter: string): CognitoError {
  return protocolError(`${challenge} challenge has a missing or malformed ${parameter}`);
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** Keeps scalar values as strings; nested values cannot be attribute values and are dropped. */
function stringValues(record: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string') out[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') out[key] = String(value);
  }
  return out;
}

/**
 * Parses a JSON array of names and keeps the ones this library can act on (SMS cannot be set up
 * inside sign-in; newer names may appear). Nothing usable means nothing can be done: undefined.
 */
function parseNameList<T extends string>(raw: unknown, known: readonly T[]): T[] | undefined {
  const list = parseJson(raw);
  if (!Array.isArray(list) || !list.every((n) => typeof n === 'string')) return undefined;
  const usable = (list as string[]).filter((n): n is T => known.includes(n as T));
  return usable.length > 0 ? usable : undefined;
}
