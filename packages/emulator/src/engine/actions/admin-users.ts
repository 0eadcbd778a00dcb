/**
 * Admin user management: AdminCreateUser, AdminGetUser, ListUsers, AdminUpdateUserAttributes,
 * AdminDeleteUserAttributes, AdminDeleteUser, AdminEnableUser, AdminDisableUser,
 * AdminResetUserPassword, AdminSetUserPassword, AdminConfirmSignUp, AdminUserGlobalSignOut.
 */
import { own } from '../records.js';
import { sendAttributeCode, sendPasswordResetCode } from '../code-purposes.js';
import type { ActionMap } from '../action.js';
import type { EngineContext } from '../context.js';
import { serviceError, userNotFound } from '../errors.js';
import type { UserState } from '../state.js';
import { assertDeletable, assertRequiredAttributes } from '../required-attributes.js';
import { revokeAllForUser } from '../tokens.js';
import { findUserByLogin, newUser, putUser, requirePool } from '../users.js';
import {
  attributeList,
  bool,
  oneOf,
  readInput,
  rules,
  str,
  stringList,
  stringMap,
} from '../validate.js';
import { userPoolIdField, usernameField } from './admin-common.js';
import { listUsers } from './admin-list-users.js';
import { userMfaMembers, userType } from './admin-shapes.js';
import { sendInvitation } from './admin-invitation.js';
import {
  checkAttributes,
  checkPasswordPolicy,
  claimAliases,
  generateTemporaryPassword,
  requireAdminUser,
  setAttributes,
} from './admin-user-rules.js';

async function adminCreateUser(ctx: EngineContext, raw: Record<string, unknown>) {
  const input = readInput(raw, {
    UserPoolId: userPoolIdField(),
    Username: usernameField(),
    UserAttributes: attributeList(),
    ValidationData: attributeList(),
    TemporaryPassword: str({ ...rules.password }),
    ForceAliasCreation: bool(),
    MessageAction: oneOf(['RESEND', 'SUPPRESS']),
    DesiredDeliveryMediums: stringList(),
    ClientMetadata: stringMap(),
  });
  const pool = requirePool(ctx, input.UserPoolId);
  const mediums = input.DesiredDeliveryMediums;
  if (mediums?.some((m) => m !== 'SMS' && m !== 'EMAIL')) {
    throw serviceError(
      'InvalidParameterException',
      "Value at 'desiredDeliveryMediums' failed to satisfy constraint: Member must satisfy enum value set: [SMS, EMAIL]",
    );
  }
  if (input.TemporaryPassword !== undefined) checkPasswordPolicy(pool, input.TemporaryPassword);
  const existing = findUserByLogin(pool, input.Username);
  const now = ctx.clock.now();

  if (input.MessageAction === 'RESEND') {
    if (!existing) throw userNotFound();
    if (existing.status !== 'FORCE_CHANGE_PASSWORD') {
      throw serviceError(
        'UnsupportedUserStateException',
        `Resend not possible. ${existing.username} status is not FORCE_CHANGE_PASSWORD.`,
      );
    }
    existing.password = input.TemporaryPassword ?? generateTemporaryPassword(ctx, pool);
    existing.passwordSetAt = now;
    existing.lastModifiedAt = now;
    sendInvitation(ctx, pool, existing, existing.password, mediums);
    ctx.changed();
    return { User: userType(existing) };
  }
  if (existing) throw serviceError('UsernameExistsException', 'User account already exists');

  if (pool.usernameAttributes.length > 0) {
    const isEmail = /^[^@\s]+@[^@\s]+$/.test(input.Username);
    const isPhone = /^\+\d{4,15}$/.test(input.Username);
    const allowed =
      (isEmail && pool.usernameAttributes.includes('email')) ||
      (isPhone && pool.usernameAttributes.includes('phone_number'));
    if (!allowed) {
      const what = pool.usernameAttributes
        .map((a) => (a === 'email' ? 'an email' : 'a phone number'))
        .join(' or ');
      throw serviceError('InvalidParameterException', `Username should be ${what}.`);
    }
  }
  const attributes = input.UserAttributes ?? [];
  checkAttributes(pool, attributes, true);
  const password = input.TemporaryPassword ?? generateTemporaryPassword(ctx, pool);
  const user = newUser(ctx, pool, {
    username: input.Username,
    password,
    status: 'FORCE_CHANGE_PASSWORD',
  });
  setAttributes(user, attributes, true);
  assertRequiredAttributes(pool, user.attributes);
  claimAliases(pool, user, input.ForceAliasCreation ?? false);
  putUser(pool, user);
  if (input.MessageAction !== 'SUPPRESS') sendInvitation(ctx, pool, user, password, mediums);
  ctx.changed();
  return { User: userType(user) };
}

/** Reads `{UserPoolId, Username}` and resolves the pool and user. */
function target(ctx: EngineContext, raw: Record<string, unknown>) {
  const input = readInput(raw, { UserPoolId: userPoolIdField(), Username: usernameField() });
  const pool = requirePool(ctx, input.UserPoolId);
  return { pool, user: requireAdminUser(pool, input.Username) };
}

function touch(ctx: EngineContext, user: UserState): Record<string, never> {
  user.lastModifiedAt = ctx.clock.now();
  ctx.changed();
  return {};
}

/** Admin user-management actions. */
export const userAdminActions: ActionMap = {
  AdminCreateUser: adminCreateUser,
  ListUsers: listUsers,

  async AdminGetUser(ctx, raw) {
    const { user } = target(ctx, raw);
    return {
      Username: user.username,
      UserAttributes: userType(user)['Attributes'],
      UserCreateDate: Math.floor(user.createdAt / 1000),
      UserLastModifiedDate: Math.floor(user.lastModifiedAt / 1000),
      Enabled: user.enabled,
      UserStatus: user.status,
      ...userMfaMembers(user),
    };
  },

  async AdminUpdateUserAttributes(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      Username: usernameField(),
      UserAttributes: attributeList({ required: true }),
      ClientMetadata: stringMap(),
    });
    const pool = requirePool(ctx, input.UserPoolId);
    const user = requireAdminUser(pool, input.Username);
    const attributes = input.UserAttributes ?? [];
    checkAttributes(pool, attributes, false);
    const before: Record<string, string | undefined> = {
      email: own(user.attributes, 'email'),
      phone_number: own(user.attributes, 'phone_number'),
    };
    setAttributes(user, attributes, false);
    claimAliases(pool, user, false);
    touch(ctx, user);
    // A changed, auto-verified e-mail / phone number gets a code for VerifyUserAttribute.
    for (const name of pool.autoVerifiedAttributes) {
      const value = own(user.attributes, name);
      const verified = own(user.attributes, `${name}_verified`) === 'true';
      if (value !== undefined && value !== before[name] && !verified) {
        sendAttributeCode(ctx, pool, user, name);
      }
    }
    return {};
  },

  async AdminDeleteUserAttributes(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      Username: usernameField(),
      UserAttributeNames: stringList({ required: true }),
    });
    const pool = requirePool(ctx, input.UserPoolId);
    const user = requireAdminUser(pool, input.Username);
    const names = input.UserAttributeNames ?? [];
    checkAttributes(
      pool,
      names.map((Name) => ({ Name, Value: '' })),
      false,
    );
    assertDeletable(pool, user.attributes, names);
    for (const name of names) delete user.attributes[name];
    return touch(ctx, user);
  },

  async AdminDeleteUser(ctx, raw) {
    const { pool, user } = target(ctx, raw);
    revokeAllForUser(ctx, pool, user.username);
    delete pool.users[Object.keys(pool.users).find((k) => pool.users[k] === user) ?? user.username];
    for (const [key, record] of Object.entries(pool.refreshTokens)) {
      if (record.username === user.username) delete pool.refreshTokens[key];
    }
    ctx.changed();
    return {};
  },

  async AdminEnableUser(ctx, raw) {
    const { user } = target(ctx, raw);
    user.enabled = true;
    return touch(ctx, user);
  },

  async AdminDisableUser(ctx, raw) {
    const { pool, user } = target(ctx, raw);
    user.enabled = false;
    // Cognito signs a disabled user out everywhere.
    revokeAllForUser(ctx, pool, user.username);
    return touch(ctx, user);
  },

  async AdminSetUserPassword(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      Username: usernameField(),
      Password: str({ required: true, ...rules.password }),
      Permanent: bool(),
    });
    const pool = requirePool(ctx, input.UserPoolId);
    const user = requireAdminUser(pool, input.Username);
    checkPasswordPolicy(pool, input.Password);
    user.password = input.Password;
    user.passwordSetAt = ctx.clock.now();
    user.status = input.Permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
    user.lockout = { failures: 0, lastFailureAt: 0, lockedUntil: 0 };
    return touch(ctx, user);
  },

  async AdminResetUserPassword(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      Username: usernameField(),
      ClientMetadata: stringMap(),
    });
    const pool = requirePool(ctx, input.UserPoolId);
    const user = requireAdminUser(pool, input.Username);
    const email =
      own(user.attributes, 'email_verified') === 'true' ? own(user.attributes, 'email') : undefined;
    const phone =
      own(user.attributes, 'phone_number_verified') === 'true'
        ? own(user.attributes, 'phone_number')
        : undefined;
    if (email === undefined && phone === undefined) {
      throw serviceError(
        'InvalidParameterException',
        'Cannot reset password for the user as there is no registered/verified email or phone_number',
      );
    }
    // The code ConfirmForgotPassword checks, sent the way ForgotPassword sends it (SMS first).
    sendPasswordResetCode(ctx, pool, user, phone !== undefined ? 'phone_number' : 'email');
    if (user.status !== 'UNCONFIRMED') user.status = 'RESET_REQUIRED';
    revokeAllForUser(ctx, pool, user.username);
    return touch(ctx, user);
  },

  async AdminConfirmSignUp(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      Username: usernameField(),
      ClientMetadata: stringMap(),
    });
    const pool = requirePool(ctx, input.UserPoolId);
    const user = requireAdminUser(pool, input.Username);
    if (user.status !== 'UNCONFIRMED') {
      throw serviceError(
        'NotAuthorizedException',
        `User cannot be confirmed. Current status is ${user.status}`,
      );
    }
    user.status = 'CONFIRMED';
    delete user.codes['signUp'];
    return touch(ctx, user);
  },

  async AdminUserGlobalSignOut(ctx, raw) {
    const { pool, user } = target(ctx, raw);
    revokeAllForUser(ctx, pool, user.username);
    ctx.changed();
    return {};
  },
};
