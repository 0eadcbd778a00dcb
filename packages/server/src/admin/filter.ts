/**
 * A typed builder for ListUsers' `Filter`: `<attribute> = "<value>"` (exact) or
 * `<attribute> ^= "<value>"` (prefix), one attribute per filter. Inside the quotes a `"` and a
 * `\` are escaped with `\` (the documented `\"`; the backslash so a value ending in `\` cannot
 * swallow the closing quote). Source: botocore service-2.json `ListUsersRequest.Filter` and the
 * Cognito developer guide "Managing and searching for user accounts".
 */
import { invalidInput } from '../low-level.js';

/** The attributes Cognito lets ListUsers search (custom attributes are not searchable). */
export const FILTERABLE_ATTRIBUTES = [
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  /** The user's status (`CONFIRMED`, `FORCE_CHANGE_PASSWORD`, …). */
  'cognito:user_status',
  /** Enabled or disabled: `Enabled` / `Disabled`. */
  'status',
  'sub',
] as const;

export type FilterableAttribute = (typeof FILTERABLE_ATTRIBUTES)[number];

/** A filter made by {@link userFilter}; `text` is what is sent. */
export interface UserFilter {
  readonly attribute: FilterableAttribute;
  readonly operator: '=' | '^=';
  readonly value: string;
  readonly text: string;
}

const MAX_FILTER_LENGTH = 256;

function build(attribute: FilterableAttribute, operator: '=' | '^=', value: string): UserFilter {
  if (!(FILTERABLE_ATTRIBUTES as readonly string[]).includes(attribute)) {
    throw invalidInput(
      `ListUsers cannot filter on "${String(attribute)}"; searchable: ${FILTERABLE_ATTRIBUTES.join(', ')}.`,
    );
  }
  if (typeof value !== 'string') throw invalidInput('A filter value must be a string.');
  const text = `${attribute} ${operator} "${value.replace(/["\\]/g, '\\$&')}"`;
  if (text.length > MAX_FILTER_LENGTH) {
    throw invalidInput(`A ListUsers filter may be at most ${MAX_FILTER_LENGTH} characters.`);
  }
  return { attribute, operator, value, text };
}

/**
 * @example
 * await admin.users.list({ filter: userFilter.startsWith('email', 'alice@') });
 * await admin.users.list({ filter: userFilter.equals('cognito:user_status', 'FORCE_CHANGE_PASSWORD') });
 */
export const userFilter = {
  /** `attribute = "value"`: exact match. */
  equals: (attribute: FilterableAttribute, value: string): UserFilter =>
    build(attribute, '=', value),
  /** `attribute ^= "value"`: prefix match. */
  startsWith: (attribute: FilterableAttribute, value: string): UserFilter =>
    build(attribute, '^=', value),
};
