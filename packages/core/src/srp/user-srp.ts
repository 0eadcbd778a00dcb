import { invalidInput } from '../errors/index.js';
import { computeClaim, type PasswordClaim } from './claim.js';
import type { SrpEphemeral } from './ephemeral.js';

/** The PASSWORD_VERIFIER challenge plus what the client knows. */
export interface PasswordClaimInput {
  /** The user pool id; poolName = the part after the first `_`. */
  userPoolId: string;
  /** USER_ID_FOR_SRP from the challenge (the internal username, never an alias). */
  userIdForSrp: string;
  password: string;
  /** SALT (hex). */
  salt: string;
  /** SRP_B (hex). */
  srpB: string;
  /** SECRET_BLOCK (base64; URL-safe accepted too). */
  secretBlock: string;
  /** For TIMESTAMP; default `new Date()`. */
  now?: Date;
}

/** Throws `InvalidInput` unless `value` is a non-empty string (plain-JS callers included). */
export function requireText(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string' || value === '') throw invalidInput(`${what} is empty`);
}

/** poolName: the user pool id after the first `_` (`us-east-1_AbCdEf` → `AbCdEf`). */
export function poolNameOf(userPoolId: string): string {
  const cut = userPoolId.indexOf('_');
  if (cut < 1 || cut === userPoolId.length - 1) {
    throw invalidInput('user pool id must look like <region>_<name>');
  }
  return userPoolId.slice(cut + 1);
}

/**
 * PASSWORD_CLAIM_SIGNATURE and TIMESTAMP for a PASSWORD_VERIFIER answer. Throws `SrpError` for
 * challenge values the protocol forbids and `InvalidInput` for unusable caller input.
 *
 * @example
 * const claim = await computePasswordClaim(ephemeral, {
 *   userPoolId, userIdForSrp: p.USER_ID_FOR_SRP, password,
 *   salt: p.SALT, srpB: p.SRP_B, secretBlock: p.SECRET_BLOCK,
 * });
 */
export async function computePasswordClaim(
  e: SrpEphemeral,
  input: PasswordClaimInput,
): Promise<PasswordClaim> {
  requireText(input.userPoolId, 'user pool id');
  requireText(input.userIdForSrp, 'USER_ID_FOR_SRP');
  requireText(input.password, 'password');
  const realm = poolNameOf(input.userPoolId);
  return computeClaim(e, {
    realm,
    identity: input.userIdForSrp,
    secret: input.password,
    salt: input.salt,
    srpB: input.srpB,
    secretBlock: input.secretBlock,
    now: input.now,
  });
}
