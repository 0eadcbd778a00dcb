/**
 * SRP's modular exponentiation through OpenSSL (`node:crypto`), ~10× faster than BigInt.
 *
 * OpenSSL offers no public "modexp", but finite-field Diffie–Hellman is exactly that: over a
 * DH object for Cognito's group (prime N, generator 2), `setPrivateKey(e)` then
 * `computeSecret(base)` yields base^e mod N. OpenSSL guards what it takes for a DH public value,
 * so the inputs it refuses are answered here without it (they have closed forms):
 *
 * - a base ≡ 0, 1 or N−1 (mod N) — "Supplied key is too small / too large";
 * - an exponent of 0 — "Invalid key type" (an empty private key).
 *
 * `computeSecret` pads its answer to the size of N (older Node versions did not); reading it
 * as an unsigned big-endian number makes either form right. An exponent larger than N is taken
 * as is (OpenSSL does not reduce the private key), which the tests check against BigInt.
 */
import { createDiffieHellman } from 'node:crypto';
import { modPow, N, type ModularExponentiation } from '../engine/mod-exp.js';

/**
 * The answer for the inputs OpenSSL refuses (see the module comment), with `base` already
 * reduced mod N; `undefined` when OpenSSL is to compute it.
 */
function closedFormPower(base: bigint, exponent: bigint): bigint | undefined {
  if (exponent === 0n) return 1n;
  if (base === 0n || base === 1n) return base;
  if (base === N - 1n) return exponent % 2n === 0n ? 1n : N - 1n;
  return undefined;
}

function toBytes(n: bigint): Buffer {
  const hex = n.toString(16);
  return Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex');
}

/**
 * Modular exponentiation on the calling thread through OpenSSL: reduces the base, answers the
 * inputs OpenSSL refuses by their closed forms, and falls back to BigInt should OpenSSL refuse
 * anything else, so a sign-in never fails for how its numbers were computed.
 *
 * @example
 * const emulator = createEmulator(seed, { modularExponentiation: createOpenSslModExp() });
 */
export function createOpenSslModExp(): ModularExponentiation {
  // One DH object for the process's lifetime: building one re-validates the group.
  const group = createDiffieHellman(toBytes(N), Buffer.from([2]));
  const power = async (base: bigint, exponent: bigint): Promise<bigint> => {
    if (exponent < 0n) {
      throw new RangeError('modular exponentiation needs a non-negative exponent');
    }
    const reduced = ((base % N) + N) % N;
    const closed = closedFormPower(reduced, exponent);
    if (closed !== undefined) return closed;
    try {
      group.setPrivateKey(toBytes(exponent));
      const secret = group.computeSecret(toBytes(reduced));
      return secret.length === 0 ? 0n : BigInt(`0x${secret.toString('hex')}`);
    } catch {
      return modPow(reduced, exponent, N);
    }
  };
  return { name: 'OpenSSL', power };
}
