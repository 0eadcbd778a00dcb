/**
 * ListUsers, with its `Filter` expressions: `attribute = "value"` (exact) and
 * `attribute ^= "value"` (prefix), on the attributes Cognito allows searching.
 */
import { own } from '../records.js';
import type { EngineContext } from '../context.js';
import { serviceError } from '../errors.js';
import type { UserState } from '../state.js';
import { requirePool } from '../users.js';
import { readInput, str, stringList } from '../validate.js';
import { limitField, paginate, sortedBy, tokenField, userPoolIdField } from './admin-common.js';
import { userType } from './admin-shapes.js';

/** Attributes ListUsers may filter on (Cognito's documented list). */
export const SEARCHABLE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
]);

/** A parsed filter. */
export interface UserFilter {
  readonly attribute: string;
  readonly operator: '=' | '^=';
  readonly value: string;
}

const FILTER = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/;

/**
 * Parses a ListUsers filter; an empty filter means "no filter".
 *
 * @throws ServiceError InvalidParameterException for anything else
 * @example
 * parseUserFilter('email ^= "alice"'); // { attribute: 'email', operator: '^=', value: 'alice' }
 */
export function parseUserFilter(text: string | undefined): UserFilter | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const match = FILTER.exec(text);
  if (!match) throw serviceError('InvalidParameterException', 'Error while parsing filter.');
  const [, attribute = '', operator = '=', quoted = ''] = match;
  if (!SEARCHABLE_ATTRIBUTES.has(attribute)) {
    throw serviceError('InvalidParameterException', `Invalid search attribute: ${attribute}`);
  }
  return {
    attribute,
    operator: operator as UserFilter['operator'],
    value: quoted.replace(/\\(.)/g, '$1'),
  };
}

function valueOf(user: UserState, attribute: string): string | undefined {
  switch (attribute) {
    case 'username':
      return user.username;
    case 'cognito:user_status':
      return user.status;
    case 'status':
      return user.enabled ? 'Enabled' : 'Disabled';
    default:
      return own(user.attributes, attribute);
  }
}

/**
 * Whether `user` passes `filter`. Username and e-mail compare case-insensitively (Cognito
 * treats them so in case-insensitive pools); other attributes compare exactly.
 */
export function matchesUserFilter(
  user: UserState,
  filter: UserFilter,
  caseSensitive: boolean,
): boolean {
  const raw = valueOf(user, filter.attribute);
  if (raw === undefined) return false;
  const fold = (s: string) =>
    !caseSensitive && (filter.attribute === 'username' || filter.attribute === 'email')
      ? s.toLowerCase()
      : s;
  const actual = fold(raw);
  const wanted = fold(filter.value);
  return filter.operator === '=' ? actual === wanted : actual.startsWith(wanted);
}

/** The ListUsers action: filtered, sorted by username, paged. */
export async function listUsers(ctx: EngineContext, raw: Record<string, unknown>) {
  const input = readInput(raw, {
    UserPoolId: userPoolIdField(),
    AttributesToGet: stringList(),
    Limit: limitField(0),
    PaginationToken: tokenField(),
    Filter: str({ max: 256 }),
  });
  const pool = requirePool(ctx, input.UserPoolId);
  const filter = parseUserFilter(input.Filter);
  const users = sortedBy(Object.values(pool.users), (u) => u.username).filter(
    (u) => filter === undefined || matchesUserFilter(u, filter, pool.usernameCaseSensitive),
  );
  // Limit 0 is accepted by the model; Cognito then uses its default page size of 60.
  const limit = input.Limit || 60;
  const page = paginate(
    users,
    (u) => u.username,
    `users:${pool.id}:${input.Filter ?? ''}`,
    limit,
    input.PaginationToken,
  );
  return {
    Users: page.items.map((u) => userType(u, input.AttributesToGet)),
    ...(page.next && { PaginationToken: page.next }),
  };
}
