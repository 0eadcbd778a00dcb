/**
 * Native-BigInt helpers for SRP: parsing and modular exponentiation. Exponentiation is the hot
 * path of a sign-in (three 3072-bit exponentiations), so it uses a sliding window rather than
 * plain square-and-multiply.
 */
import { bytesToHex, isHex } from './encoding.js';
import { srpError } from './errors.js';

/**
 * The non-negative integer written in hex (any case, odd length allowed, no `0x`).
 * Throws `SrpError` for anything else; `what` names the value in the message.
 */
export function hexToBigInt(hex: string, what = 'value'): bigint {
  if (!isHex(hex)) throw srpError(`${what} is not hex`);
  return BigInt(`0x${hex}`);
}

/** The unsigned big-endian integer of `bytes` (0 for no bytes). */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytesToHex(bytes)}`);
}

/** `n mod m` in [0, m), also for negative `n` (BigInt `%` keeps the dividend's sign). */
export function mod(n: bigint, m: bigint): bigint {
  const r = n % m;
  return r < 0n ? r + m : r;
}

/** Window width for an exponent of `bits` bits: wider windows pay off for longer exponents. */
function windowWidth(bits: number): number {
  if (bits <= 24) return 1;
  if (bits <= 80) return 3;
  if (bits <= 240) return 4;
  if (bits <= 672) return 5;
  return 6;
}

/**
 * `base^exp mod m` by left-to-right sliding-window exponentiation (odd powers table of
 * 2^(w-1) entries). `exp` must be ≥ 0 and `m` > 0.
 *
 * @example
 * modPow(4n, 13n, 497n); // 445n
 */
export function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  if (m <= 0n) throw srpError('modulus must be positive');
  if (exp < 0n) throw srpError('exponent must be non-negative');
  if (m === 1n) return 0n;
  const b = mod(base, m);
  if (exp === 0n) return 1n;
  const bits = exp.toString(2);
  const w = windowWidth(bits.length);

  // odd[i] = b^(2i+1)
  const odd: bigint[] = [b];
  if (w > 1) {
    const b2 = (b * b) % m;
    for (let i = 1; i < 1 << (w - 1); i++) odd.push((odd[i - 1]! * b2) % m);
  }

  let result = 1n;
  let started = false;
  let i = 0;
  while (i < bits.length) {
    if (bits[i] === '0') {
      if (started) result = (result * result) % m;
      i++;
      continue;
    }
    // Longest window [i, j) of at most w bits that ends in a 1.
    let j = Math.min(i + w, bits.length);
    while (bits[j - 1] === '0') j--;
    const digit = Number.parseInt(bits.slice(i, j), 2);
    if (started) {
      for (let s = i; s < j; s++) result = (result * result) % m;
      result = (result * odd[(digit - 1) >> 1]!) % m;
    } else {
      result = odd[(digit - 1) >> 1]!;
      started = true;
    }
    i = j;
  }
  return result;
}

/**
 * `2^exp mod m` by squaring and doubling: multiplying by the base 2 is a one-bit shift and at
 * most one subtraction, so only the squarings cost a full modular multiplication.
 */
export function modPow2(exp: bigint, m: bigint): bigint {
  if (m <= 2n) throw srpError('modulus must be greater than 2');
  if (exp < 0n) throw srpError('exponent must be non-negative');
  const bits = exp.toString(2);
  let result = 1n;
  for (let i = 0; i < bits.length; i++) {
    result = (result * result) % m;
    if (bits[i] === '1') {
      result <<= 1n;
      if (result >= m) result -= m;
    }
  }
  return result;
}
