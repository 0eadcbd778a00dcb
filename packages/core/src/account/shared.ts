import { invalidInput } from '../errors/index.js';
import type { AttributeType, CodeDeliveryDetailsType } from '../cognito/types.js';

/**
 * Where account functions get a current access token from. The session provides one
 * (`session.getAccessToken`); a plain `async () => token` works for scripts.
 */
export type AccessTokenSource = () => Promise<string>;

/** Where Cognito sent a code. `destination` is masked by Cognito (`a***@e***`, `+*******1234`). */
export interface CodeDelivery {
  destination: string | undefined;
  deliveryMedium: 'SMS' | 'EMAIL' | undefined;
  attributeName: string | undefined;
}

/** User attributes by name, standard (`email`) and custom (`custom:plan`) alike. */
export type UserAttributes = Readonly<Record<string, string>>;

/** Trigger metadata passed through to Lambda (`ClientMetadata`). */
export type ClientMetadata = Readonly<Record<string, string>>;

/** Converts a wire CodeDeliveryDetails to {@link CodeDelivery}. */
export function toCodeDelivery(details: CodeDeliveryDetailsType): CodeDelivery {
  return {
    destination: details.Destination,
    deliveryMedium: details.DeliveryMedium,
    attributeName: details.AttributeName,
  };
}

/** Converts a name → value record to the wire's `[{Name, Value}]` list. */
export function toAttributeList(attributes: UserAttributes, what = 'attribute'): AttributeType[] {
  return Object.entries(attributes).map(([Name, Value]) => {
    requireAttributeName(Name, what);
    if (typeof Value !== 'string')
      throw invalidInput(`The ${what} "${Name}" must have a string value.`);
    return { Name, Value };
  });
}

/** Converts the wire's `[{Name, Value}]` list to a record; attributes without a value are left out. */
export function fromAttributeList(
  list: readonly AttributeType[] | undefined,
): Record<string, string> {
  const record: Record<string, string> = {};
  for (const { Name, Value } of list ?? []) if (Value !== undefined) record[Name] = Value;
  return record;
}

/** Reads a token from the source and checks it is a non-empty string. */
export async function readAccessToken(source: AccessTokenSource): Promise<string> {
  if (typeof source !== 'function')
    throw invalidInput('An access token source function is required.');
  const token = await source();
  if (typeof token !== 'string' || token === '')
    throw invalidInput('The access token source gave no token.');
  return token;
}

// --- caller input checks (messages name the field, never echo secrets) -----------------------

/** Username, alias or e-mail the user signs in with: non-empty, at most 128 characters. */
export function requireUsername(username: unknown): string {
  if (typeof username !== 'string' || username.trim() === '')
    throw invalidInput('The username is empty.');
  if (username.length > 128) throw invalidInput('The username is longer than 128 characters.');
  return username;
}

/** A password: non-empty, no whitespace-only, at most 256 characters. */
export function requirePassword(password: unknown, field = 'password'): string {
  if (typeof password !== 'string' || password === '') throw invalidInput(`The ${field} is empty.`);
  if (password.length > 256) throw invalidInput(`The ${field} is longer than 256 characters.`);
  return password;
}

/**
 * A confirmation / verification code as Cognito sends them: digits only (surrounding spaces,
 * as pasted from messages, are dropped).
 */
export function requireDigitsCode(code: unknown, field = 'code'): string {
  const trimmed = typeof code === 'string' ? code.trim() : '';
  if (trimmed === '') throw invalidInput(`The ${field} is empty.`);
  if (!/^\d{1,2048}$/.test(trimmed)) throw invalidInput(`The ${field} must contain digits only.`);
  return trimmed;
}

/** A TOTP code from an authenticator app: exactly six digits (spaces dropped). */
export function requireTotpCode(code: unknown): string {
  const compact = typeof code === 'string' ? code.replace(/\s+/g, '') : '';
  if (!/^\d{6}$/.test(compact)) throw invalidInput('The authenticator code must be 6 digits.');
  return compact;
}

/** An attribute name: 1–32 characters (`custom:` included), no whitespace. */
export function requireAttributeName(name: unknown, what = 'attribute'): string {
  if (typeof name !== 'string' || name === '') throw invalidInput(`An ${what} name is empty.`);
  if (name.length > 32 || /\s/.test(name))
    throw invalidInput(`The ${what} name "${String(name).slice(0, 40)}" is not valid.`);
  return name;
}

/** A device key: non-empty and shaped like Cognito's `<region>_<uuid>`. */
export function requireDeviceKey(deviceKey: unknown): string {
  if (typeof deviceKey !== 'string' || deviceKey === '')
    throw invalidInput('The device key is empty.');
  if (deviceKey.length > 55 || !/^[\w-]+_[0-9a-f-]+$/.test(deviceKey)) {
    throw invalidInput('The device key is not a Cognito device key.');
  }
  return deviceKey;
}

/** Copies optional trigger metadata, leaving the member out when absent. */
export function metadataMember(
  metadata: ClientMetadata | undefined,
): { ClientMetadata: Record<string, string> } | Record<string, never> {
  if (metadata === undefined) return {};
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value !== 'string') throw invalidInput(`Client metadata "${key}" must be a string.`);
  }
  return { ClientMetadata: { ...metadata } };
}
