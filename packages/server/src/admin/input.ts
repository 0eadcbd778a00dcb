/**
 * Checks of caller input that Cognito would refuse anyway, done before anything is sent so the
 * caller gets a clear `InvalidInput` (the patterns are the service model's).
 */
import { invalidInput } from '../low-level.js';

// Username / GroupName: 1–128 letters, marks, symbols, numbers, punctuation; no whitespace.
const NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;
// AttributeNameType: 1–32 of the same classes.
const ATTRIBUTE_NAME = NAME;

export function requireName(value: unknown, what: string, max = 128): string {
  if (typeof value !== 'string' || value === '') throw invalidInput(`${what} must not be empty.`);
  if (value.length > max) throw invalidInput(`${what} may be at most ${max} characters.`);
  if (!NAME.test(value)) {
    throw invalidInput(`${what} may not contain whitespace or control characters.`);
  }
  return value;
}

export const requireUsername = (value: unknown) => requireName(value, 'The username');
export const requireGroupName = (value: unknown) => requireName(value, 'The group name');

export function requireAttributeNames(names: readonly string[]): void {
  for (const name of names) {
    if (typeof name !== 'string' || name === '' || name.length > 32 || !ATTRIBUTE_NAME.test(name)) {
      throw invalidInput(`"${String(name)}" is not a valid attribute name.`);
    }
  }
}

export function requireText(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw invalidInput(`${what} must not be empty.`);
  return value;
}

export function pageSize(limit: number | undefined, min: number): number | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isInteger(limit) || limit < min || limit > 60) {
    throw invalidInput(`The page size (limit) must be an integer from ${min} to 60.`);
  }
  return limit;
}
