/**
 * The changes a user record goes through, each written once with all its side effects, so no
 * handler restates them (and none forgets one): handlers decide *whether* a change is allowed,
 * these functions make it.
 */
import { serviceError } from '../protocol/errors.js';
import { own } from './records.js';
import type { PoolState, UserState, UserStatus, VerifiableAttribute } from './state.js';

/** No failed sign-ins counted, no lockout running. */
export function clearedLockout(): UserState['lockout'] {
  return { failures: 0, lastFailureAt: 0, lockedUntil: 0 };
}

/** Records a write to the user (Cognito's `UserLastModifiedDate`). */
export function touchUser(user: UserState, now: number): void {
  user.lastModifiedAt = now;
}

/**
 * Sets a user's password, on every path that does so (ChangePassword, ConfirmForgotPassword,
 * the NEW_PASSWORD_REQUIRED answer, AdminSetUserPassword, AdminCreateUser and its RESEND): a new
 * password ends any temporary sign-in lockout, since the failures counted were against the old
 * one. `status` is the user's status afterwards, when the path changes it.
 */
export function setPassword(
  user: UserState,
  password: string,
  now: number,
  status?: UserStatus,
): void {
  user.password = password;
  user.passwordSetAt = now;
  user.lockout = clearedLockout();
  if (status !== undefined) user.status = status;
  touchUser(user, now);
}

/** Changes the user's status (confirmation, reset required, …). */
export function setUserStatus(user: UserState, status: UserStatus, now: number): void {
  user.status = status;
  touchUser(user, now);
}

/** Confirms a signed-up user: CONFIRMED, and the sign-up code is spent. */
export function confirmUser(user: UserState, now: number): void {
  delete user.codes['signUp'];
  setUserStatus(user, 'CONFIRMED', now);
}

/** Enables or disables the user (AdminEnableUser / AdminDisableUser). */
export function setUserEnabled(user: UserState, enabled: boolean, now: number): void {
  user.enabled = enabled;
  touchUser(user, now);
}

/** Writes attribute values as given (validation is the caller's). */
export function writeAttributes(
  user: UserState,
  values: Readonly<Record<string, string>>,
  now: number,
): void {
  for (const [name, value] of Object.entries(values)) user.attributes[name] = value;
  touchUser(user, now);
}

/**
 * Deletes attributes. Deleting an e-mail address or phone number also drops its `_verified`
 * flag and any code sent to verify it: neither means anything without the address.
 */
export function deleteAttributes(user: UserState, names: readonly string[], now: number): void {
  for (const name of names) {
    delete user.attributes[name];
    if (name === 'email' || name === 'phone_number') {
      delete user.attributes[`${name}_verified`];
      delete user.codes[`attribute:${name}`];
    }
  }
  touchUser(user, now);
}

/**
 * Marks `attribute` verified on `user`, first making sure no other user holds the same value as
 * a verified alias / sign-in attribute: AliasExistsException unless `force`, in which case the
 * other user's copy stops being verified (Cognito's ForceAliasCreation).
 */
export function markVerified(
  pool: PoolState,
  user: UserState,
  attribute: VerifiableAttribute,
  force = false,
): void {
  const value = own(user.attributes, attribute);
  const isAlias =
    pool.aliasAttributes.includes(attribute) || pool.usernameAttributes.includes(attribute);
  if (value !== undefined && isAlias) {
    const same = (v: string | undefined) =>
      v !== undefined &&
      (attribute === 'email' ? v.toLowerCase() === value.toLowerCase() : v === value);
    for (const other of Object.values(pool.users)) {
      if (other === user || own(other.attributes, `${attribute}_verified`) !== 'true') continue;
      if (!same(own(other.attributes, attribute))) continue;
      if (!force) {
        throw serviceError(
          'AliasExistsException',
          `An account with the ${attribute === 'email' ? 'email' : 'phone number'} already exists.`,
        );
      }
      other.attributes[`${attribute}_verified`] = 'false';
    }
  }
  user.attributes[`${attribute}_verified`] = 'true';
}

/** A TOTP code was accepted at `step`: that code (and older ones) cannot be used again. */
export function recordTotpStep(user: UserState, step: number): void {
  user.mfa.totpLastUsedStep = step;
}

/** AssociateSoftwareToken (signed in): a secret that waits for VerifySoftwareToken. */
export function setPendingTotpSecret(user: UserState, secret: string): void {
  user.mfa.pendingTotpSecret = secret;
}

/**
 * VerifySoftwareToken proved the pending secret with a code at `step`: the secret becomes the
 * user's (turning TOTP MFA on is SetUserMFAPreference's job).
 */
export function registerTotpSecret(
  user: UserState,
  secret: string,
  step: number,
  now: number,
): void {
  user.mfa.totpSecret = secret;
  user.mfa.pendingTotpSecret = null;
  recordTotpStep(user, step);
  touchUser(user, now);
}

/**
 * MFA_SETUP finished with `factor` (TOTP with the secret verified during setup, or e-mail): the
 * factor is on, and preferred unless the user already prefers another.
 */
export function enableMfaFromSetup(
  user: UserState,
  factor: { kind: 'SOFTWARE_TOKEN_MFA'; totpSecret: string } | { kind: 'EMAIL_OTP' },
  now: number,
): void {
  if (factor.kind === 'SOFTWARE_TOKEN_MFA') {
    user.mfa.totpSecret = factor.totpSecret;
    user.mfa.totpEnabled = true;
  } else user.mfa.emailEnabled = true;
  preferMfaIfNone(user, factor.kind);
  touchUser(user, now);
}

/** Makes `factor` the preferred MFA method unless the user already prefers one. */
export function preferMfaIfNone(user: UserState, factor: 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP'): void {
  user.mfa.preferred ??= factor;
}

/**
 * Adds the user to a group (what `cognito:groups` in their next tokens lists); a member already
 * stays once. Membership does not count as a write to the user: whether Cognito moves
 * `UserLastModifiedDate` for it is unverified, and the emulator leaves it alone.
 */
export function joinGroup(user: UserState, groupName: string): void {
  if (!user.groups.includes(groupName)) user.groups.push(groupName);
}

/** Removes the user from a group (after AdminRemoveUserFromGroup or DeleteGroup). */
export function leaveGroup(user: UserState, groupName: string): void {
  user.groups = user.groups.filter((g) => g !== groupName);
}
