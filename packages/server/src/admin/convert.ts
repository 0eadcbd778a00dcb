/**
 * Wire shapes ↔ the plain objects of the admin API: attributes as `{ name: value }`, dates as
 * `Date`. Answers are untrusted input; a member of the wrong type is a `ProtocolError`.
 */
import type { AdminUserStatus } from '@cognito-kit/core';
import { protocolError } from '../low-level.js';
import type { WireAttribute, WireGetUser, WireMfaOption, WireUser } from './wire-types.js';

/** Attribute values in: booleans (`email_verified: true`) become Cognito's `"true"`/`"false"`. */
export type AttributesInput = Readonly<Record<string, string | boolean>>;

/**
 * A user's status, as Cognito names it (`UserStatusType`, plus `EXTERNAL_PROVIDER`): the one
 * union the admin handler's contract in core already defines.
 */
export type UserStatus = AdminUserStatus;

/** A user as lists and AdminCreateUser return them. */
export interface AdminUser {
  readonly username: string;
  /** `{ email: 'a@example.com', email_verified: 'true', 'custom:plan': 'pro', sub: '…' }`. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly enabled: boolean;
  readonly status: UserStatus;
  readonly createdAt: Date | undefined;
  readonly lastModifiedAt: Date | undefined;
  /** Legacy SMS MFA options (`MFAOptions`). */
  readonly mfaOptions: readonly { deliveryMedium?: string; attributeName?: string }[];
}

/** AdminGetUser adds the MFA settings. */
export interface AdminUserDetails extends AdminUser {
  /** `SOFTWARE_TOKEN_MFA`, `SMS_MFA`, `EMAIL_OTP`, … when the user prefers one. */
  readonly preferredMfa: string | undefined;
  /** The MFA methods the user has enabled. */
  readonly mfaMethods: readonly string[];
}

export function toWireAttributes(attributes: AttributesInput): WireAttribute[] {
  return Object.entries(attributes).map(([Name, value]) => ({
    Name,
    Value: typeof value === 'boolean' ? String(value) : value,
  }));
}

export function fromWireAttributes(
  list: readonly WireAttribute[] | undefined,
  where: string,
): Record<string, string> {
  if (list === undefined) return {};
  if (!Array.isArray(list)) throw protocolError(`${where} is not a list of attributes.`);
  const out: Record<string, string> = {};
  for (const item of list) {
    if (typeof item?.Name !== 'string') throw protocolError(`${where} has an unnamed attribute.`);
    out[item.Name] = typeof item.Value === 'string' ? item.Value : '';
  }
  return out;
}

/** Epoch seconds (possibly fractional) → Date. */
export function toDate(seconds: unknown, where: string): Date | undefined {
  if (seconds === undefined || seconds === null) return undefined;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
    throw protocolError(`${where} is not a date (epoch seconds).`);
  }
  return new Date(Math.round(seconds * 1000));
}

export function requireString(value: unknown, where: string): string {
  if (typeof value !== 'string') throw protocolError(`${where} is missing.`);
  return value;
}

function mfaOptions(list: readonly WireMfaOption[] | undefined) {
  return (list ?? []).map((o) => ({
    ...(o.DeliveryMedium !== undefined && { deliveryMedium: o.DeliveryMedium }),
    ...(o.AttributeName !== undefined && { attributeName: o.AttributeName }),
  }));
}

function baseUser(
  wire: WireUser | WireGetUser,
  attributes: readonly WireAttribute[] | undefined,
  where: string,
): AdminUser {
  return {
    username: requireString(wire.Username, `${where}.Username`),
    attributes: fromWireAttributes(attributes, `${where} attributes`),
    enabled: wire.Enabled !== false,
    status: (wire.UserStatus ?? 'UNKNOWN') as UserStatus,
    createdAt: toDate(wire.UserCreateDate, `${where}.UserCreateDate`),
    lastModifiedAt: toDate(wire.UserLastModifiedDate, `${where}.UserLastModifiedDate`),
    mfaOptions: mfaOptions(wire.MFAOptions),
  };
}

/** `UserType` → {@link AdminUser}. */
export function fromWireUser(wire: WireUser | undefined, where: string): AdminUser {
  if (typeof wire !== 'object' || wire === null) throw protocolError(`${where} is missing.`);
  return baseUser(wire, wire.Attributes, where);
}

/** AdminGetUser's answer (attributes under `UserAttributes`) → {@link AdminUserDetails}. */
export function fromWireGetUser(wire: WireGetUser): AdminUserDetails {
  return {
    ...baseUser(wire, wire.UserAttributes, 'AdminGetUser'),
    preferredMfa: wire.PreferredMfaSetting,
    mfaMethods: wire.UserMFASettingList ?? [],
  };
}
