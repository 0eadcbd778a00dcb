/**
 * The claim both PASSWORD_VERIFIER and DEVICE_PASSWORD_VERIFIER answers carry: the session key
 * from SRP, then an HMAC over realm ‖ identity ‖ SECRET_BLOCK ‖ TIMESTAMP.
 */
import { invalidInput } from '../errors/index.js';
import { hexToBigInt, mod } from './bigint.js';
import { base64ToBytes, bytesToBase64, concatBytes, utf8 } from './encoding.js';
import type { SrpEphemeral } from './ephemeral.js';
import { srpError } from './errors.js';
import { SRP_N } from './group.js';
import { hmacSha256 } from './hash.js';
import { computeS, computeU, computeX, deriveSessionKey } from './steps.js';
import { formatCognitoTimestamp } from './timestamp.js';

/** PASSWORD_CLAIM_SIGNATURE and the TIMESTAMP it signs. */
export interface PasswordClaim {
  /** PASSWORD_CLAIM_SIGNATURE: standard base64 with padding. */
  signature: string;
  /** TIMESTAMP, exactly as signed. */
  timestamp: string;
}

/** What a claim is computed from, after the user/device names are mapped onto SRP roles. */
export interface ClaimInput {
  /** poolName for users, DeviceGroupKey for devices. */
  readonly realm: string;
  /** USER_ID_FOR_SRP for users, DeviceKey for devices. */
  readonly identity: string;
  /** The password or the device password. */
  readonly secret: string;
  readonly salt: string;
  readonly srpB: string;
  readonly secretBlock: string;
  readonly now?: Date | undefined;
}

function checkEphemeral(e: SrpEphemeral): void {
  if (typeof e !== 'object' || e === null || typeof e.a !== 'bigint' || typeof e.A !== 'bigint') {
    throw invalidInput('ephemeral must come from createSrpEphemeral');
  }
  if (e.a <= 0n) throw srpError('private value a must be positive');
  if (e.A <= 0n || e.A >= SRP_N || mod(e.A, SRP_N) === 0n) {
    throw srpError('public value A is out of range');
  }
}

/**
 * Computes the claim signature for an SRP challenge. Everything from the server is validated
 * before any math: SALT and SRP_B must be hex, SECRET_BLOCK base64, B mod N ≠ 0, u ≠ 0.
 */
export async function computeClaim(e: SrpEphemeral, input: ClaimInput): Promise<PasswordClaim> {
  checkEphemeral(e);
  // Plain-JS callers may hand over a challenge parameter that was missing.
  for (const [what, value] of [
    ['SALT', input.salt],
    ['SRP_B', input.srpB],
    ['SECRET_BLOCK', input.secretBlock],
  ] as const) {
    if (typeof value !== 'string') throw srpError(`${what} is missing`);
  }
  const salt = hexToBigInt(input.salt, 'SALT');
  const B = hexToBigInt(input.srpB, 'SRP_B');
  if (mod(B, SRP_N) === 0n) throw srpError('server value B is 0 mod N');
  const secretBlock = base64ToBytes(input.secretBlock);
  if (secretBlock.length === 0) throw srpError('SECRET_BLOCK is empty');
  const timestamp = formatCognitoTimestamp(input.now ?? new Date());

  // Independent hashes: let WebCrypto work on both at once.
  const [u, x] = await Promise.all([
    computeU(e.A, B),
    computeX(salt, input.realm, input.identity, input.secret),
  ]);
  if (u === 0n) throw srpError('scrambling parameter u is 0');
  const S = computeS({ a: e.a, B, u, x });
  const key = await deriveSessionKey(S, u);

  const message = concatBytes(
    utf8(input.realm),
    utf8(input.identity),
    secretBlock,
    utf8(timestamp),
  );
  return { signature: bytesToBase64(await hmacSha256(key, message)), timestamp };
}
