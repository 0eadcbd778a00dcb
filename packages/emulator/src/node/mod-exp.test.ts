import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { N, bigIntModExp, modPow, type ModularExponentiation } from '../engine/mod-exp.js';
import { createOpenSslModExp } from './openssl-mod-exp.js';

const random = (bytes: number): bigint => BigInt(`0x${randomBytes(bytes).toString('hex')}`);

// OpenSSL refuses some of these as DH public values or private keys (0, 1, N − 1, N, an empty
// key); the port must still answer them all exactly as BigInt does.
const edgeBases = [0n, 1n, 2n, 3n, N - 2n, N - 1n, N, N + 1n, N + 2n, -1n, -5n, 2n * N + 7n];
const edgeExponents = [0n, 1n, 2n, 3n, 255n, N - 1n, N, N + 1n, random(32), random(400)];

describe.each<ModularExponentiation>([createOpenSslModExp()])('$name', (modExp) => {
  it('agrees with BigInt on random 3072-bit bases and SRP-sized exponents', async () => {
    const cases = Array.from({ length: 12 }, () => [random(384), random(32)] as const);
    const got = await Promise.all(cases.map(([base, exponent]) => modExp.power(base, exponent)));
    got.forEach((value, i) => {
      const [base, exponent] = cases[i]!;
      expect(value).toBe(modPow(base, exponent, N));
    });
  });

  it('agrees with BigInt on every edge base and exponent', async () => {
    for (const base of edgeBases) {
      for (const exponent of edgeExponents) {
        // Full-size exponents are slow in BigInt: only with the bases that take a shortcut.
        const reduced = ((base % N) + N) % N;
        if (exponent > 1n << 256n && ![0n, 1n, N - 1n].includes(reduced)) continue;
        expect(await modExp.power(base, exponent), `${base}^${exponent}`).toBe(
          modPow(base, exponent, N),
        );
      }
    }
  });

  it('agrees with the BigInt port on a full-size exponent', async () => {
    const base = random(384);
    const exponent = random(400);
    expect(await modExp.power(base, exponent)).toBe(await bigIntModExp.power(base, exponent));
  });

  it('refuses a negative exponent', async () => {
    await expect(modExp.power(5n, -1n)).rejects.toThrow(RangeError);
  });
});
