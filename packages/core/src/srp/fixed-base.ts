/**
 * g^e mod N for the fixed generator g = 2, the cost of A = g^a and of g^x in every sign-in.
 *
 * Fixed-base windowing (Yao's method): with the table T[i] = g^(2^(W·i)) mod N and the base-2^W
 * digits d_i of e, g^e = ∏ T[i]^(d_i), which is evaluated as ∏_{j=1}^{2^W−1} (∏_{d_i ≥ j} T[i])
 * with about (bits/W + 2^W) multiplications instead of one squaring per bit. The table is built
 * on first use (the same squarings a plain exponentiation would do) and kept for the life of the
 * module, so the device SRP that follows a sign-in, the device verifier and later sign-ins pay
 * a quarter of the cost. About 80 KB for 1024-bit exponents.
 */
import { modPow2 } from './bigint.js';
import { SRP_N } from './group.js';

/** Digit width in bits; 5 minimises multiplications for 256–1024-bit exponents. */
const W = 5;
const DIGIT_MASK = (1n << BigInt(W)) - 1n;
/** Longest exponent served from the table (a is 1024 bits, x 256); longer ones use modPow2. */
const MAX_TABLE_BITS = 1088;

/** T[i] = 2^(2^(W·i)) mod N, grown on demand. */
const table: bigint[] = [];

function ensureTable(entries: number): void {
  if (table.length === 0) table.push(2n);
  while (table.length < entries) {
    let t = table[table.length - 1]!;
    for (let s = 0; s < W; s++) t = (t * t) % SRP_N;
    table.push(t);
  }
}

/** g^exp mod N. */
export function powG(exp: bigint): bigint {
  if (exp < 0n) return modPow2(exp, SRP_N); // throws the usual SrpError
  const bits = exp.toString(2).length;
  if (bits > MAX_TABLE_BITS) return modPow2(exp, SRP_N);

  const digits: number[] = [];
  for (let e = exp; e > 0n; e >>= BigInt(W)) digits.push(Number(e & DIGIT_MASK));
  ensureTable(digits.length);

  let result = 1n;
  let run = 1n;
  for (let j = Number(DIGIT_MASK); j >= 1; j--) {
    for (let i = 0; i < digits.length; i++) {
      if (digits[i] === j) run = run === 1n ? table[i]! : (run * table[i]!) % SRP_N;
    }
    if (run !== 1n) result = result === 1n ? run : (result * run) % SRP_N;
  }
  return result;
}
