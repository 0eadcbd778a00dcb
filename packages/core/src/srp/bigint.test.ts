import { describe, expect, it } from 'vitest';
import { isCognitoError } from '../errors/index.js';
import { bytesToBigInt, hexToBigInt, mod, modPow, modPow2 } from './bigint.js';
import { SRP_N } from './group.js';

/** Plain right-to-left square-and-multiply: slow but obviously right. */
function referencePow(base: bigint, exp: bigint, m: bigint): bigint {
  let result = 1n % m;
  let b = ((base % m) + m) % m;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % m;
    b = (b * b) % m;
  }
  return result;
}

/** Deterministic pseudo-random bigints (xorshift), so failures reproduce. */
function* numbers(seed: number, count: number, bits: number): Generator<bigint> {
  let s = seed >>> 0 || 1;
  for (let i = 0; i < count; i++) {
    let n = 0n;
    for (let b = 0; b < bits; b += 32) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      n = (n << 32n) | BigInt(s >>> 0);
    }
    yield n >> BigInt((32 - (bits % 32)) % 32);
  }
}

describe('modPow', () => {
  it('matches square-and-multiply for small and SRP-sized operands', () => {
    expect(modPow(4n, 13n, 497n)).toBe(445n);
    const bases = [...numbers(7, 6, 3072)];
    const exps = [...numbers(11, 6, 1100)];
    for (let i = 0; i < bases.length; i++) {
      expect(modPow(bases[i]!, exps[i]!, SRP_N)).toBe(referencePow(bases[i]!, exps[i]!, SRP_N));
    }
  });

  it('handles every window width and exponents with long zero runs', () => {
    const m = (1n << 127n) - 1n;
    for (const bits of [1, 2, 8, 24, 25, 80, 81, 240, 241, 672, 673, 1500]) {
      for (const e of numbers(bits, 2, bits)) {
        expect(modPow(3n, e, m)).toBe(referencePow(3n, e, m));
      }
    }
    const sparse = (1n << 900n) | (1n << 3n) | 1n;
    expect(modPow(12345n, sparse, SRP_N)).toBe(referencePow(12345n, sparse, SRP_N));
  });

  it('handles edge cases', () => {
    expect(modPow(5n, 0n, 7n)).toBe(1n);
    expect(modPow(5n, 3n, 1n)).toBe(0n);
    expect(modPow(-2n, 3n, 7n)).toBe(6n); // (-8) mod 7
    expect(modPow(0n, 5n, 7n)).toBe(0n);
    expect(() => modPow(2n, -1n, 7n)).toThrow();
    expect(() => modPow(2n, 1n, 0n)).toThrow();
  });
});

describe('modPow2', () => {
  it('equals modPow with base 2', () => {
    for (const e of numbers(3, 5, 1024)) expect(modPow2(e, SRP_N)).toBe(modPow(2n, e, SRP_N));
    for (const e of [0n, 1n, 2n, 3071n, 3072n, 3073n]) {
      expect(modPow2(e, SRP_N)).toBe(referencePow(2n, e, SRP_N));
    }
  });
});

describe('parsing', () => {
  it('reads hex of any case and odd length', () => {
    expect(hexToBigInt('5')).toBe(5n);
    expect(hexToBigInt('05')).toBe(5n);
    expect(hexToBigInt('aBc')).toBe(0xabcn);
  });

  it.each(['', '0x12', '-1', 'g', '12 ', '1_000'])('refuses %j with SrpError', (text) => {
    let error: unknown;
    try {
      hexToBigInt(text, 'SALT');
    } catch (e) {
      error = e;
    }
    expect(isCognitoError(error, 'SrpError')).toBe(true);
    expect((error as Error).message).toBe('SALT is not hex');
  });

  it('reads bytes big-endian and reduces negatives into range', () => {
    expect(bytesToBigInt(Uint8Array.of(0, 1, 0))).toBe(256n);
    expect(bytesToBigInt(new Uint8Array())).toBe(0n);
    expect(mod(-1n, 7n)).toBe(6n);
    expect(mod(-14n, 7n)).toBe(0n);
  });
});
