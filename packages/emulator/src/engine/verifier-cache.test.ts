import { describe, expect, it } from 'vitest';
import { N, computeVerifier, computeX, g, modPow, poolRealm } from './srp.js';
import { VerifierCache } from './verifier-cache.js';

/** A real g^x mod N that counts how often it runs. */
function countingPower(): { power: (x: bigint) => bigint; calls: () => number } {
  let calls = 0;
  return {
    power: (x) => {
      calls += 1;
      return modPow(g, x, N);
    },
    calls: () => calls,
  };
}

const realm = poolRealm('us-east-1_CachePool1');
const salt = 0x0123456789abcdef0123456789abcdefn;

describe('VerifierCache', () => {
  it('computes a verifier once per x and returns the same value afterwards', async () => {
    const counter = countingPower();
    const cache = new VerifierCache(8, counter.power);
    const x = await computeX(salt, realm, 'alice', 'Passw0rd!');
    const first = cache.get(x);
    const second = cache.get(x);
    expect(first).toBe(modPow(g, x, N));
    expect(second).toBe(first);
    expect(counter.calls()).toBe(1);
    expect(cache.size).toBe(1);
  });

  it('misses after a password change, a new salt or in another pool, so no stale verifier is used', async () => {
    const counter = countingPower();
    const cache = new VerifierCache(8, counter.power);
    const before = cache.get(await computeX(salt, realm, 'alice', 'Passw0rd!'));
    const xs = [
      await computeX(salt, realm, 'alice', 'N3w-Passw0rd!'),
      await computeX(salt + 1n, realm, 'alice', 'Passw0rd!'),
      await computeX(salt, poolRealm('us-east-1_Other'), 'alice', 'Passw0rd!'),
    ];
    for (const x of xs) {
      const v = cache.get(x);
      expect(v).toBe(modPow(g, x, N));
      expect(v).not.toBe(before);
    }
    expect(counter.calls()).toBe(4);
  });

  it('keeps at most maxEntries, dropping the least recently used', () => {
    const counter = countingPower();
    const cache = new VerifierCache(2, counter.power);
    cache.get(11n);
    cache.get(12n);
    cache.get(11n); // 12 is now the least recently used
    cache.get(13n);
    expect(cache.size).toBe(2);
    expect(counter.calls()).toBe(3);
    cache.get(11n);
    expect(counter.calls()).toBe(3);
    cache.get(12n);
    expect(counter.calls()).toBe(4);
  });

  it('refuses a size below one', () => {
    expect(() => new VerifierCache(0, (x) => x)).toThrow(RangeError);
  });
});

describe('computeVerifier (cached)', () => {
  it('returns the verifier of the current password after a change', async () => {
    const old = await computeVerifier(salt, realm, 'bob', 'Old-Passw0rd!');
    const changed = await computeVerifier(salt, realm, 'bob', 'N3w-Passw0rd!');
    expect(changed).toBe(modPow(g, await computeX(salt, realm, 'bob', 'N3w-Passw0rd!'), N));
    expect(changed).not.toBe(old);
    expect(await computeVerifier(salt, realm, 'bob', 'Old-Passw0rd!')).toBe(old);
  });
});
