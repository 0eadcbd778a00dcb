/**
 * An admin must not lock themselves out by accident: disable or delete their own user, leave
 * the admin group, or delete it while in it. The target is resolved through AdminGetUser and
 * compared by username *and* `sub`, because Cognito accepts an alias (e.g. the e-mail) where a
 * username is expected — comparing the request's text alone would let `alice@example.com`
 * disable `alice`.
 */
import type { AccessTokenClaims } from '@cognito-kit/core';
import { isCognitoError } from '../low-level.js';
import type { CognitoAdmin } from '../admin/create-admin.js';
import type { AdminTarget, SelfRisk } from './actions.js';

async function isCaller(admin: CognitoAdmin, claims: AccessTokenClaims, username: string) {
  if (username === claims.username) return true;
  try {
    const user = await admin.users.get(username);
    return user.username === claims.username || user.attributes['sub'] === claims.sub;
  } catch (error) {
    // Nobody by that name: the action itself will answer user_not_found.
    if (isCognitoError(error, 'UserNotFoundException')) return false;
    throw error;
  }
}

/** Whether the action would take the caller's own access away. */
export async function locksCallerOut(
  risk: SelfRisk,
  target: AdminTarget,
  context: { admin: CognitoAdmin; claims: AccessTokenClaims; adminGroup: string },
): Promise<boolean> {
  const { admin, claims, adminGroup } = context;
  switch (risk) {
    case 'user':
      return target.username !== undefined && isCaller(admin, claims, target.username);
    case 'membership':
      return (
        target.group === adminGroup &&
        target.username !== undefined &&
        isCaller(admin, claims, target.username)
      );
    case 'group':
      return target.group === adminGroup && (claims['cognito:groups'] ?? []).includes(adminGroup);
  }
}
