import type { AdminErrorCode } from '@cognito-kit/core';
import { AdminApiError } from '../api.js';
import type { AdminErrorKey } from './types.js';

const KEYS: Partial<Record<AdminErrorCode | 'network', AdminErrorKey>> = {
  forbidden: 'forbidden',
  self_protection: 'selfProtection',
  user_not_found: 'userNotFound',
  group_not_found: 'groupNotFound',
  user_exists: 'userExists',
  alias_exists: 'userExists',
  group_exists: 'groupExists',
  invalid_input: 'invalidInput',
  invalid_parameter: 'invalidInput',
  invalid_password: 'invalidPassword',
  not_allowed: 'notAllowed',
  throttled: 'throttled',
  network: 'network',
};

/** The text key for anything an admin call threw. */
export function adminErrorKey(error: unknown): AdminErrorKey {
  return error instanceof AdminApiError ? (KEYS[error.code] ?? 'unexpected') : 'unexpected';
}
