/**
 * Every refusal the admin handler sends: a status and a typed code (the contract's
 * `AdminErrorCode`), plus a message only where the words are the handler's own. Cognito's
 * refusals are mapped to codes here, so no service message and no stack reaches the browser.
 */
import type { AdminErrorBody, AdminErrorCode } from '@cognito-kit/core';
import { isCognitoError } from '../low-level.js';

/** A refusal on its way out; thrown inside the handler, answered at its edge. */
export class AdminRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: AdminErrorCode,
    readonly detail?: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail ?? code);
    this.name = 'AdminRefusal';
  }
}

export const refuse = (status: number, code: AdminErrorCode, detail?: string) =>
  new AdminRefusal(status, code, detail);

/** Cognito exception name → what the browser sees. Anything unlisted is `upstream_error` (502). */
const COGNITO_REFUSALS: Readonly<Record<string, readonly [number, AdminErrorCode]>> = {
  UserNotFoundException: [404, 'user_not_found'],
  ResourceNotFoundException: [404, 'group_not_found'],
  UsernameExistsException: [409, 'user_exists'],
  GroupExistsException: [409, 'group_exists'],
  AliasExistsException: [409, 'alias_exists'],
  InvalidPasswordException: [400, 'invalid_password'],
  InvalidParameterException: [400, 'invalid_parameter'],
  NotAuthorizedException: [409, 'not_allowed'],
  UnsupportedUserStateException: [409, 'not_allowed'],
  TooManyRequestsException: [429, 'throttled'],
  LimitExceededException: [429, 'throttled'],
};

/** Turns anything thrown while serving into a refusal. */
export function refusalOf(error: unknown): AdminRefusal {
  if (error instanceof AdminRefusal) return error;
  if (isCognitoError(error)) {
    // Input our own guards refused before anything was sent: their message names the field.
    if (error.code === 'InvalidInput') return refuse(400, 'invalid_input', error.message);
    const known = COGNITO_REFUSALS[error.code];
    if (known) return refuse(known[0], known[1]);
  }
  return refuse(502, 'upstream_error');
}

export function refusalResponse(refusal: AdminRefusal): Response {
  const body: AdminErrorBody = {
    error: refusal.code,
    ...(refusal.detail !== undefined && { message: refusal.detail }),
  };
  return Response.json(body, {
    status: refusal.status,
    headers: { 'cache-control': 'no-store', ...refusal.headers },
  });
}
