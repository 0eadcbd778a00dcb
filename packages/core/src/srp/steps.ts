/**
 * The SRP-6a step functions exactly as Cognito computes them (COGNITO-PROTOCOL.md §2.3).
 * Exported for known-answer tests and advanced use; apps call the claim functions instead.
 */
import { bytesToBigInt, mod, modPow } from './bigint.js';
import { concatBytes, paddedBytes, utf8 } from './encoding.js';
import { srpError } from './errors.js';
import { powG } from './fixed-base.js';
import { SRP_K, SRP_N } from './group.js';
import { hkdfSha256, sha256 } from './hash.js';

const DERIVED_KEY_INFO = 'Caldera Derived Key';

/** u = H(padHex(A) ‖ padHex(B)). */
export async function computeU(A: bigint, B: bigint): Promise<bigint> {
  return bytesToBigInt(await sha256(concatBytes(paddedBytes(A), paddedBytes(B))));
}

/**
 * x = H(padHex(salt) ‖ H(UTF-8(poolName ‖ userId ‖ ":" ‖ password))). For devices, poolName is
 * the DeviceGroupKey, userId the DeviceKey and password the device password.
 */
export async function computeX(
  salt: bigint,
  poolName: string,
  userId: string,
  password: string,
): Promise<bigint> {
  const inner = await sha256(utf8(`${poolName}${userId}:${password}`));
  return bytesToBigInt(await sha256(concatBytes(paddedBytes(salt), inner)));
}

/** The verifier v = g^x mod N that the server keeps for a password (or a device). */
export function computeVerifier(x: bigint): bigint {
  return powG(x);
}

/** Inputs of {@link computeS}: the client's private value, the server's B, and u and x. */
export interface SharedSecretInput {
  readonly a: bigint;
  readonly B: bigint;
  readonly u: bigint;
  readonly x: bigint;
}

/**
 * The client's premaster secret S = (B − k·g^x)^(a + u·x) mod N. B − k·g^x is usually negative,
 * so it is reduced into [0, N) first. Throws `SrpError` when B mod N = 0 or u = 0.
 */
export function computeS({ a, B, u, x }: SharedSecretInput): bigint {
  if (mod(B, SRP_N) === 0n) throw srpError('server value B is 0 mod N');
  if (u === 0n) throw srpError('scrambling parameter u is 0');
  const base = mod(B - SRP_K * computeVerifier(x), SRP_N);
  return modPow(base, a + u * x, SRP_N);
}

/**
 * The 16-byte session key: HKDF-SHA256 with IKM = padHex(S), salt = padHex(u) and info
 * `Caldera Derived Key`.
 */
export async function deriveSessionKey(S: bigint, u: bigint): Promise<Uint8Array> {
  return hkdfSha256(paddedBytes(S), paddedBytes(u), utf8(DERIVED_KEY_INFO), 16);
}
