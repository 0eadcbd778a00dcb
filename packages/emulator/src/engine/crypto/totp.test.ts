import { describe, expect, it } from 'vitest';
import { generateTotpSecret, isValidTotpSecret, totpCodeAt, totpStep, verifyTotp } from './totp.js';

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890"; the published codes are 8 digits,
// Cognito uses the last 6.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS: Array<[number, string]> = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
];

function counterRandom(seed: number) {
  let next = seed;
  return (size: number) => Uint8Array.from({ length: size }, () => (next++ * 37) & 0xff);
}

describe('totp', () => {
  it.each(RFC_VECTORS)('matches RFC 6238 at t=%i', (seconds, code) => {
    expect(totpCodeAt(RFC_SECRET, seconds * 1000)).toBe(code);
    expect(verifyTotp({ secret: RFC_SECRET, code, nowMs: seconds * 1000 })).toEqual({
      ok: true,
      step: totpStep(seconds * 1000),
    });
  });

  it('generates unpadded base32 secrets of 32 characters from the given randomness', () => {
    const secret = generateTotpSecret(counterRandom(1));
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(isValidTotpSecret(secret)).toBe(true);
    expect(generateTotpSecret(counterRandom(1))).toBe(secret);
    expect(generateTotpSecret(counterRandom(2))).not.toBe(secret);
  });

  it('rejects malformed secrets and codes', () => {
    expect(isValidTotpSecret('SHORT')).toBe(false);
    expect(isValidTotpSecret('GEZDGNBVGY3TQOJQ====')).toBe(false);
    expect(verifyTotp({ secret: RFC_SECRET, code: '12345', nowMs: 0 })).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(verifyTotp({ secret: RFC_SECRET, code: '12a456', nowMs: 0 })).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('accepts one step of drift either way but not two', () => {
    const now = 1_700_000_000_000;
    const code = totpCodeAt(RFC_SECRET, now);
    expect(verifyTotp({ secret: RFC_SECRET, code, nowMs: now + 30_000 }).ok).toBe(true);
    expect(verifyTotp({ secret: RFC_SECRET, code, nowMs: now - 30_000 }).ok).toBe(true);
    expect(verifyTotp({ secret: RFC_SECRET, code, nowMs: now + 60_000 })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses a step that was already used', () => {
    const now = 1_700_000_000_000;
    const code = totpCodeAt(RFC_SECRET, now);
    const first = verifyTotp({ secret: RFC_SECRET, code, nowMs: now });
    expect(first.ok).toBe(true);
    const step = first.ok ? first.step : -1;
    expect(verifyTotp({ secret: RFC_SECRET, code, nowMs: now, lastUsedStep: step })).toEqual({
      ok: false,
      reason: 'replayed',
    });
    // The next step's code is still fine.
    const later = totpCodeAt(RFC_SECRET, now + 30_000);
    expect(
      verifyTotp({ secret: RFC_SECRET, code: later, nowMs: now + 30_000, lastUsedStep: step }),
    ).toEqual({ ok: true, step: step + 1 });
  });
});
