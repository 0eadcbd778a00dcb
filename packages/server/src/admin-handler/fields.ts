/**
 * Readers of the request body's members. The body is untrusted JSON: each reader checks the
 * type and hands the value to the admin API's own guards (`admin/input.ts`, `admin/filter.ts`),
 * so the handler accepts exactly what the admin client would and nothing is validated twice
 * in two ways. Failures are `InvalidInput` (→ 400 `invalid_input` naming the field).
 */
import type { AdminSearchField, AdminStatusFilter } from '@cognito-kit/core';
import { invalidInput } from '../low-level.js';
import { userFilter, type UserFilter } from '../admin/filter.js';
import {
  pageSize,
  requireAttributeNames,
  requireGroupName,
  requireText,
  requireUsername,
} from '../admin/input.js';
import type { JsonBody } from './body.js';

export const username = (body: JsonBody): string => requireUsername(body['username']);
export const group = (body: JsonBody): string => requireGroupName(body['group']);

export function optionalString(body: JsonBody, key: string, max: number): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidInput(`"${key}" must be a string.`);
  if (value.length > max) throw invalidInput(`"${key}" may be at most ${max} characters.`);
  return value;
}

export function requireBoolean(body: JsonBody, key: string): boolean {
  const value = body[key];
  if (typeof value !== 'boolean') throw invalidInput(`"${key}" must be true or false.`);
  return value;
}

export function optionalPrecedence(body: JsonBody): number | undefined {
  const value = body['precedence'];
  if (value === undefined) return undefined;
  // Cognito: PrecedenceType is an integer from 0 to 2^31 − 1.
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 2 ** 31 - 1) {
    throw invalidInput('"precedence" must be an integer from 0 to 2147483647.');
  }
  return value;
}

/** Page size 1–60 (default `fallback`) and the previous page's token. */
export function paging(body: JsonBody, fallback: number): { limit: number; nextToken?: string } {
  const raw = body['pageSize'];
  if (raw !== undefined && typeof raw !== 'number')
    throw invalidInput('"pageSize" must be a number.');
  const limit = pageSize(raw ?? fallback, 1) ?? fallback;
  const nextToken = optionalString(body, 'nextToken', 4096);
  return nextToken === undefined || nextToken === '' ? { limit } : { limit, nextToken };
}

/** `{ name: value }` with valid attribute names and string values (at most 50 of them). */
export function attributes(
  body: JsonBody,
  key: string,
  required: boolean,
): Record<string, string> | undefined {
  const value = body[key];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidInput(`"${key}" must be an object of attribute names to strings.`);
  }
  const entries = Object.entries(value);
  if (entries.length > 50) throw invalidInput(`"${key}" may hold at most 50 attributes.`);
  requireAttributeNames(entries.map(([name]) => name));
  const out: Record<string, string> = {};
  for (const [name, v] of entries) {
    // AttributeValueType is at most 2048 characters.
    if (typeof v !== 'string' || v.length > 2048) {
      throw invalidInput(`Attribute "${name}" must be a string of at most 2048 characters.`);
    }
    out[name] = v;
  }
  return out;
}

export const SEARCH_FIELDS: readonly AdminSearchField[] = [
  'username',
  'email',
  'phone_number',
  'name',
];

const STATUS_FILTERS: readonly AdminStatusFilter[] = [
  'enabled',
  'disabled',
  'UNCONFIRMED',
  'CONFIRMED',
  'ARCHIVED',
  'COMPROMISED',
  'UNKNOWN',
  'RESET_REQUIRED',
  'FORCE_CHANGE_PASSWORD',
  'EXTERNAL_PROVIDER',
];

export function search(body: JsonBody): UserFilter | undefined {
  const value = body['search'];
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidInput('"search" must be { by, prefix }.');
  }
  const { by, prefix } = value as Record<string, unknown>;
  if (!SEARCH_FIELDS.includes(by as AdminSearchField)) {
    throw invalidInput(`"search.by" must be one of ${SEARCH_FIELDS.join(', ')}.`);
  }
  if (typeof prefix !== 'string') throw invalidInput('"search.prefix" must be a string.');
  if (prefix.trim() === '') return undefined;
  return userFilter.startsWith(by as AdminSearchField, prefix.trim());
}

export function status(body: JsonBody): AdminStatusFilter | undefined {
  const value = body['status'];
  if (value === undefined) return undefined;
  if (!STATUS_FILTERS.includes(value as AdminStatusFilter)) {
    throw invalidInput(`"status" must be one of ${STATUS_FILTERS.join(', ')}.`);
  }
  return value as AdminStatusFilter;
}

/** The status filter as ListUsers' own filter (used when there is no search). */
export function statusFilter(value: AdminStatusFilter): UserFilter {
  if (value === 'enabled') return userFilter.equals('status', 'Enabled');
  if (value === 'disabled') return userFilter.equals('status', 'Disabled');
  return userFilter.equals('cognito:user_status', value);
}

export const temporaryPassword = (body: JsonBody): string | undefined =>
  body['temporaryPassword'] === undefined
    ? undefined
    : requireText(optionalString(body, 'temporaryPassword', 256), 'The temporary password');
