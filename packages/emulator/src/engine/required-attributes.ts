/**
 * Required standard attributes of a pool (Cognito schema `Required: true`): SignUp and
 * AdminCreateUser refuse users without them, and NEW_PASSWORD_REQUIRED asks for the ones a user
 * still lacks.
 */
import { serviceError } from './errors.js';
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
  const missing = missingRequiredAttributes(pool, attributes);
  if (missing.length === 0) return;
  throw serviceError(
    'InvalidParameterException',
    `Attributes did not conform to the schema: ${missing
      .map((name) => `${name}: The attribute is required`)
      .join('\n')}`,
  );
}
