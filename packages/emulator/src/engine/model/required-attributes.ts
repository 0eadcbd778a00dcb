/**
 * Required standard attributes of a pool (Cognito schema `Required: true`): SignUp and
 * AdminCreateUser refuse users without them, and NEW_PASSWORD_REQUIRED asks for the ones a user
 * still lacks.
 */
import { serviceError } from '../protocol/errors.js';
import { STANDARD_ATTRIBUTES } from './standard-attributes.js';
import type { PoolState } from './state.js';

/**
 * Standard attributes a pool may require: all but `sub`, which is always set, and the
 * `*_verified` flags, which Cognito sets itself.
 */
export const REQUIRABLE_ATTRIBUTES: readonly string[] = STANDARD_ATTRIBUTES.filter(
  (name) => name !== 'sub' && !name.endsWith('_verified'),
);

/** The pool's required attributes (absent in snapshots from before the setting: none). */
export function requiredAttributesOf(pool: Pick<PoolState, 'requiredAttributes'>): string[] {
  return pool.requiredAttributes ?? [];
}

/** Required attributes without a (non-empty) value in `attributes`, in the pool's order. */
export function missingRequiredAttributes(
  pool: Pick<PoolState, 'requiredAttributes'>,
  attributes: Readonly<Record<string, string | undefined>>,
): string[] {
  return requiredAttributesOf(pool).filter((name) => !attributes[name]);
}

/**
 * SignUp / AdminCreateUser: InvalidParameterException naming every missing required attribute,
 * one per line (`Attributes did not conform to the schema: name: The attribute is required`).
 */
export function assertRequiredAttributes(
  pool: Pick<PoolState, 'requiredAttributes'>,
  attributes: Readonly<Record<string, string | undefined>>,
): void {
  refuseWithout(missingRequiredAttributes(pool, attributes));
}

/**
 * DeleteUserAttributes / AdminDeleteUserAttributes: a required attribute the user has cannot be
 * deleted, refused like a user created without it (Cognito's exact text here is unverified).
 * One a seeded user already lacks does not stand in the way of deleting others.
 */
export function assertDeletable(
  pool: Pick<PoolState, 'requiredAttributes'>,
  attributes: Readonly<Record<string, string | undefined>>,
  names: readonly string[],
): void {
  refuseWithout(
    requiredAttributesOf(pool).filter((name) => names.includes(name) && attributes[name]),
  );
}

function refuseWithout(required: readonly string[]): void {
  if (required.length === 0) return;
  throw serviceError(
    'InvalidParameterException',
    `Attributes did not conform to the schema: ${required
      .map((name) => `${name}: The attribute is required`)
      .join('\n')}`,
  );
}
