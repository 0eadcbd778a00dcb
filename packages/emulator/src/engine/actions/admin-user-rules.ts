/**
 * Rules admin user actions share: resolving the target user, the password policy, attribute
 * schema and mutability checks, alias uniqueness, temporary passwords.
 */
import { own } from '../records.js';
import type { EngineContext } from '../context.js';
import { serviceError, userNotFound } from '../errors.js';
import { assertPasswordConforms } from '../password-policy.js';
import type { PoolState, UserState } from '../state.js';
import { findUserByLogin } from '../users.js';
import type { AttributeInput } from '../validate.js';
import { STANDARD_ATTRIBUTE_NAMES } from '../standard-attributes.js';

/** The user named by an admin `Username` (username, sign-in attribute, alias or sub). */
export function requireAdminUser(pool: PoolState, login: string): UserState {
  const user =
    findUserByLogin(pool, login) ?? Object.values(pool.users).find((u) => u.sub === login);
  if (!user) throw userNotFound();
  return user;
}

/** Throws InvalidPasswordException when `password` breaks the pool's policy. */
export function checkPasswordPolicy(pool: PoolState, password: string): void {
  assertPasswordConforms(pool.passwordPolicy, password);
}

/**
 * Checks attribute names against the pool schema and mutability, as AdminCreateUser and
 * AdminUpdateUserAttributes do. `creating` allows setting immutable custom attributes.
 */
export function checkAttributes(
  pool: PoolState,
  attributes: readonly AttributeInput[],
  creating: boolean,
): void {
  for (const { Name } of attributes) {
    if (Name === 'sub')
      throw serviceError(
        'InvalidParameterException',
        'Cannot modify the non-mutable attribute sub',
      );
    if (Name.startsWith('custom:')) {
      const definition = pool.customAttributes.find((a) => `custom:${a.name}` === Name);
      if (!definition) {
        throw serviceError(
          'InvalidParameterException',
          `Attributes did not conform to the schema: ${Name}: Attribute does not exist in the schema.`,
        );
      }
      if (!creating && !definition.mutable) {
        throw serviceError(
          'InvalidParameterException',
          `Cannot modify an already provided immutable attribute: ${Name}`,
        );
      }
    } else if (!STANDARD_ATTRIBUTE_NAMES.has(Name)) {
      throw serviceError(
        'InvalidParameterException',
        `Attributes did not conform to the schema: ${Name}: Attribute does not exist in the schema.`,
      );
    }
  }
}

/**
 * Refuses a second user holding the same value of an alias attribute, unless `force`
 * (ForceAliasCreation) moves the alias to the new owner by un-verifying it on the old one.
 */
export function claimAliases(pool: PoolState, owner: UserState, force: boolean): void {
  for (const name of pool.aliasAttributes) {
    const value = own(owner.attributes, name);
    if (value === undefined) continue;
    const verifiedKey = `${name}_verified`;
    const ownerCounts =
      name === 'preferred_username' || own(owner.attributes, verifiedKey) === 'true';
    if (!ownerCounts) continue;
    const other = Object.values(pool.users).find(
      (u) =>
        u !== owner &&
        own(u.attributes, name)?.toLowerCase() === value.toLowerCase() &&
        (name === 'preferred_username' || own(u.attributes, verifiedKey) === 'true'),
    );
    if (!other) continue;
    if (!force)
      throw serviceError(
        'AliasExistsException',
        `An account with the given ${name} already exists.`,
      );
    other.attributes[verifiedKey] = 'false';
  }
}

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '^$*.[]{}()?!@#%&/,><:;|_~=+-';

/** A temporary password that satisfies any policy Cognito allows (length ≥ the minimum, all classes). */
export function generateTemporaryPassword(ctx: EngineContext, pool: PoolState): string {
  const pick = (alphabet: string, byte: number) => alphabet[byte % alphabet.length] ?? '';
  const length = Math.max(12, pool.passwordPolicy.minimumLength);
  const bytes = ctx.random(length);
  const classes = [UPPER, LOWER, DIGITS, SYMBOLS];
  let out = '';
  bytes.forEach((byte, i) => {
    out += pick(classes[i % classes.length] ?? LOWER, byte);
  });
  return out;
}

/**
 * Writes attributes. On update, a changed e-mail or phone number becomes unverified unless the
 * same call sets its `_verified` flag; on creation the flags stay as given.
 */
export function setAttributes(
  user: UserState,
  attributes: readonly AttributeInput[],
  creating: boolean,
): void {
  const given = new Set(attributes.map((a) => a.Name));
  for (const { Name, Value } of attributes) {
    const before = own(user.attributes, Name);
    user.attributes[Name] = Value;
    const verifiable = Name === 'email' || Name === 'phone_number';
    if (!creating && verifiable && before !== Value && !given.has(`${Name}_verified`)) {
      user.attributes[`${Name}_verified`] = 'false';
    }
  }
}
