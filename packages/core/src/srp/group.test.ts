import { describe, expect, it } from 'vitest';
import { bytesToBigInt } from './bigint.js';
import { concatBytes, padHex, paddedBytes } from './encoding.js';
import { SRP_G, SRP_K, SRP_N } from './group.js';
import { sha256 } from './hash.js';

describe('SRP group', () => {
  it('is the RFC 5054 3072-bit prime with g = 2', () => {
    const hex = SRP_N.toString(16);
    expect(hex).toHaveLength(768);
    expect(hex.startsWith('ffffffffffffffffc90fdaa22168c234')).toBe(true);
    expect(hex.endsWith('a93ad2caffffffffffffffff')).toBe(true);
    expect(SRP_G).toBe(2n);
    expect(padHex(SRP_G)).toBe('02');
  });

  it('has k = H(padHex(N) ‖ padHex(g))', async () => {
    const k = bytesToBigInt(await sha256(concatBytes(paddedBytes(SRP_N), paddedBytes(SRP_G))));
    expect(k).toBe(SRP_K);
    expect(k.toString(16)).toBe('538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6');
  });
});
