import { describe, expect, it } from 'vitest';
import { bigIntModExp } from './mod-exp.js';
import { N, computeVerifier, computeX, g, modPow, poolRealm } from './srp.js';
import { VerifierCache } from './verifier-cache.js';

/** A real g^x mod N that counts how often it runs. */
function countingPower(): { power: (x: bigint) => Promise<bigint>; calls: () => number } {
  let calls = 0;
  return {
    power: (x) => {
      calls += 1;
      return Promise.resolve(modPow(g, x, N));
    },
    calls: () => calls,
  };
}

const realm = poolRealm('us-east-1_CachePool1');
const salt = 0x0123456789abcdef0123456789abcdefn;

describe('VerifierCache', () => {
  it('computes a verifier once per x and returns the same value afterwards', async () => {
    const counter = countingPower();
    const cache = new VerifierCache(8);
    const x = await computeX(salt, realm, 'alice', 'Passw0rd!');
    const first = await cache.get(x, counter.power);
    const second = await cache.get(x, counter.power);
    expect(first).toBe(modPow(g, x, N));
    expect(second).toBe(first);
    expect(counter.calls()).toBe(1);
    expect(cache.size).toBe(1);
  });

  it('misses after a password change, a new salt or in another pool, so no stale verifier is used', async () => {
    const counter = countingPower();
    const cache = new VerifierCache(8);
    const before = await cache.get(
      await computeX(salt, realm, 'alice', 'Passw0rd!'),
      counter.power,
    );
    const xs = [
      await computeX(salt, realm, 'alice', 'N3w-Passw0rd!'),
      await computeX(salt + 1n, realm, 'alice', 'Passw0rd!'),
      await computeX(salt, poolRealm('us-east-1_Other'), 'alice', 'Passw0rd!'),
    ];
    for (const x of xs) {
      const v = await cache.get(x, counter.power);
      expect(v).toBe(modPow(g, x, N));
      expect(v).not.toBe(before);
    }
    expect(counter.calls()).toBe(4);
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const counter = countingPower();
    const cache = new VerifierCache(2);
    await cache.get(11n, counter.power);
    await cache.get(12n, counter.power);
    await cache.get(11n, counter.power); // 12 is now the least recently used
    await cache.get(13n, counter.power);
    expect(cache.size).toBe(2);
    expect(counter.calls()).toBe(3);
    await cache.get(11n, counter.power);
    expect(counter.calls()).toBe(3);
    await cache.get(12n, counter.power);
    expect(counter.calls()).toBe(4);
  });

  it('remembers nothing when the power fails', async () => {
    const cache = new VerifierCache(2);
    await expect(cache.get(5n, () => Promise.reject(new Error('worker died')))).rejects.toThrow();
    expect(cache.size).toBe(0);
  });

  it('refuses a size below one', () => {
    expect(() => new VerifierCache(0)).toThrow(RangeError);
  });
});

describe('computeVerifier (cached)', () => {
  it('returns the verifier of the current password after a change', async () => {
    const verifier = (password: string) =>
      computeVerifier(bigIntModExp, salt, realm, 'bob', password);
    const old = await verifier('Old-Passw0rd!');
    const changed = await verifier('N3w-Passw0rd!');
    expect(changed).toBe(modPow(g, await computeX(salt, realm, 'bob', 'N3w-Passw0rd!'), N));
    expect(changed).not.toBe(old);
    expect(await verifier('Old-Passw0rd!')).toBe(old);
  });
});
