/**
 * Pieces shared by the user-side actions: resolving the app client of an unauthenticated call
 * (with its SecretHash), the attribute schema and write permissions, where codes go, and the
 * simulated answers PreventUserExistenceErrors calls for.
 */
import { own } from '../model/records.js';
import { checkSecretHash } from '../auth/secret-hash.js';
import type { EngineContext } from '../context.js';
import { serviceError, userNotFound } from '../protocol/errors.js';
import type { ClientState, PoolState, UserState, VerifiableAttribute } from '../model/state.js';
import { STANDARD_ATTRIBUTE_NAMES } from '../model/standard-attributes.js';
import { findUserByLogin, requireClient } from '../model/users.js';
import { rules, str, type AttributeInput } from '../protocol/validate.js';

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
