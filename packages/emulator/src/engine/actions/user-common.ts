/**
 * Pieces shared by the user-side actions: resolving the app client of an unauthenticated call
 * (with its SecretHash), the attribute schema and write permissions, where codes go, and the
 * simulated answers PreventUserExistenceErrors calls for.
 */
import { own } from '../records.js';
import { checkSecretHash } from '../auth/secret-hash.js';
import { deliveryDetails, type CodeDeliveryDetails } from '../codes.js';
import type { EngineContext } from '../context.js';
import { serviceError, userNotFound } from '../errors.js';
import type { ClientState, PoolState, UserState, VerifiableAttribute } from '../state.js';
import { STANDARD_ATTRIBUTE_NAMES } from '../standard-attributes.js';
import { findUserByLogin, requireClient } from '../users.js';
import { rules, str, type AttributeInput } from '../validate.js';

/** An app client and its pool, as named by a request's `ClientId`. */
export interface ClientCall {
  pool: PoolState;
  client: ClientState;
}

/**
 * Input readers of the members that open every unauthenticated user call (SignUp,
 * ForgotPassword, …): the app client, its SecretHash and the Username it is computed over.
 */
export const clientIdentity = {
  ClientId: str({ required: true, ...rules.clientId }),
  SecretHash: str(rules.secretHash),
  Username: str({ required: true, ...rules.username }),
};

/** The members {@link clientIdentity} reads. */
export interface ClientIdentity {
  ClientId: string;
  SecretHash?: string | undefined;
  Username: string;
}

/**
 * Resolves the request's `ClientId` and checks the `SecretHash` a confidential client must send
 * (computed over the `Username` member as sent).
 */
export async function resolveClientCall(
  ctx: EngineContext,
  req: ClientIdentity,
): Promise<ClientCall> {
  const { pool, client } = requireClient(ctx, req.ClientId);
  await checkSecretHash(client, req.SecretHash, [req.Username]);
  return { pool, client };
}

/**
 * The user `login` names (username, sign-in attribute or verified alias), or — when the user
 * does not exist — UserNotFoundException for LEGACY clients and `undefined` for clients with
 * PreventUserExistenceErrors ENABLED, which must then answer as if the user existed.
 */
export function findUserOrHide(
  pool: PoolState,
  client: ClientState,
  login: string,
): UserState | undefined {
  const user = findUserByLogin(pool, login);
  if (user) return user;
  if (client.preventUserExistenceErrors === 'LEGACY') throw userNotFound();
  return undefined;
}

/**
 * Delivery details for a user that does not exist (PreventUserExistenceErrors): shaped like a
 * real answer and stable for the same username, so repeated calls cannot tell the cases apart.
 */
export function simulatedDelivery(pool: PoolState, login: string): CodeDeliveryDetails {
  if (login.includes('@')) return deliveryDetails('email', login);
  const smsOnly =
    pool.autoVerifiedAttributes.length > 0 && !pool.autoVerifiedAttributes.includes('email');
  if (smsOnly || /^\+\d+$/.test(login)) {
    const digits = String(stableHash(login) % 10000).padStart(4, '0');
    return deliveryDetails('phone_number', `+1555555${digits}`);
  }
  return deliveryDetails('email', `${login}@${login.charAt(login.length - 1) || 'x'}.com`);
}

function stableHash(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
  }
  return hash;
}

/**
 * Where a sign-up confirmation code goes: the auto-verified attribute the user has a value for,
 * the phone first (Cognito sends by SMS when both are auto-verified).
 */
export function signUpCodeTarget(
  pool: PoolState,
  user: UserState,
): VerifiableAttribute | undefined {
  const order: VerifiableAttribute[] = ['phone_number', 'email'];
  return order.find(
    (name) => pool.autoVerifiedAttributes.includes(name) && own(user.attributes, name),
  );
}

/** Where a password-reset code goes: a verified phone, else a verified e-mail address. */
export function recoveryTarget(user: UserState): VerifiableAttribute | undefined {
  const order: VerifiableAttribute[] = ['phone_number', 'email'];
  return order.find(
    (name) => own(user.attributes, name) && own(user.attributes, `${name}_verified`) === 'true',
  );
}

/** True for a standard attribute or a custom attribute the pool declares. */
export function isSchemaAttribute(pool: PoolState, name: string): boolean {
  if (STANDARD_ATTRIBUTE_NAMES.has(name)) return true;
  return (
    name.startsWith('custom:') && pool.customAttributes.some((a) => `custom:${a.name}` === name)
  );
}

/** True when `name` is an immutable custom attribute. */
export function isImmutableAttribute(pool: PoolState, name: string): boolean {
  return pool.customAttributes.some((a) => `custom:${a.name}` === name && !a.mutable);
}

/**
 * Checks attributes a user writes through an app client (SignUp, UpdateUserAttributes): known
 * to the schema, writable by the client (`sub` never; `*_verified` only when the client lists
 * them), and well-formed e-mail / phone values.
 */
export function checkWritableAttributes(
  pool: PoolState,
  client: ClientState | undefined,
  attributes: readonly AttributeInput[],
): void {
  for (const { Name, Value } of attributes) {
    if (!isSchemaAttribute(pool, Name)) {
      throw serviceError(
        'InvalidParameterException',
        `Attributes did not conform to the schema: ${Name}: Attribute does not exist in the schema.`,
      );
    }
    const listed = client?.writeAttributes;
    const writable =
      Name !== 'sub' && (listed ? listed.includes(Name) : !Name.endsWith('_verified'));
    if (!writable) {
      throw serviceError(
        'NotAuthorizedException',
        'A client attempted to write unauthorized attribute',
      );
    }
    if (Name === 'email' && !/^[^@\s]+@[^@\s]+$/.test(Value)) {
      throw serviceError('InvalidParameterException', 'Invalid email address format.');
    }
    if (Name === 'phone_number' && !/^\+[0-9]{4,15}$/.test(Value)) {
      throw serviceError('InvalidParameterException', 'Invalid phone number format.');
    }
  }
}

/** The user's attributes the client may read (`sub` always), as `[{Name, Value}]`. */
export function readableAttributes(
  user: UserState,
  client: ClientState | undefined,
): { Name: string; Value: string }[] {
  const readable = client?.readAttributes;
  return Object.entries(user.attributes)
    .filter(([name]) => name === 'sub' || !readable || readable.includes(name))
    .sort(([a], [b]) => (a === 'sub' ? -1 : b === 'sub' ? 1 : a.localeCompare(b)))
    .map(([Name, Value]) => ({ Name, Value }));
}

/**
 * Marks `attribute` verified on `user`, first making sure no other user holds the same value as
 * a verified alias / sign-in attribute: AliasExistsException unless `force`, in which case the
 * other user's copy stops being verified (Cognito's ForceAliasCreation).
 */
export function markVerified(
  pool: PoolState,
  user: UserState,
  attribute: VerifiableAttribute,
  force = false,
): void {
  const value = own(user.attributes, attribute);
  const isAlias =
    pool.aliasAttributes.includes(attribute) || pool.usernameAttributes.includes(attribute);
  if (value !== undefined && isAlias) {
    const same = (v: string | undefined) =>
      v !== undefined &&
      (attribute === 'email' ? v.toLowerCase() === value.toLowerCase() : v === value);
    for (const other of Object.values(pool.users)) {
      if (other === user || own(other.attributes, `${attribute}_verified`) !== 'true') continue;
      if (!same(own(other.attributes, attribute))) continue;
      if (!force) {
        throw serviceError(
          'AliasExistsException',
          `An account with the ${attribute === 'email' ? 'email' : 'phone number'} already exists.`,
        );
      }
      other.attributes[`${attribute}_verified`] = 'false';
    }
  }
  user.attributes[`${attribute}_verified`] = 'true';
}
