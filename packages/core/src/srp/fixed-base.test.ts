import { describe, expect, it } from 'vitest';
import { modPow2 } from './bigint.js';
import { powG } from './fixed-base.js';
import { SRP_N } from './group.js';

describe('powG (fixed-base table for g = 2)', () => {
  it('agrees with plain square-and-double for short, long and sparse exponents', () => {
    const exps = [
      0n,
      1n,
      2n,
      31n,
      32n,
      0xffffffffn,
      (1n << 255n) - 1n, // x-sized, every digit 31
      0x7fdd985c6c30b915de25220ec1ee7dded571292f50ab97035ac3dcee2ec639a6n,
      (1n << 1023n) | 1n, // a-sized, sparse
      BigInt(`0x${'9c'.repeat(128)}`), // a-sized, dense
      (1n << 1087n) + 12345n, // longest served from the table
      (1n << 1088n) + 12345n, // just past it: falls back
      SRP_N - 1n, // g^(N−1) = 1 (Fermat)
    ];
    for (const e of exps) expect(powG(e), e.toString(16)).toBe(modPow2(e, SRP_N));
    expect(powG(SRP_N - 1n)).toBe(1n);
  });

  it('gives the same answers after the table has grown (order of use does not matter)', () => {
    const e = 0x1234567890abcdefn;
    const before = powG(e);
    powG(BigInt(`0x${'f1'.repeat(128)}`));
    expect(powG(e)).toBe(before);
    expect(before).toBe(modPow2(e, SRP_N));
  });
});
