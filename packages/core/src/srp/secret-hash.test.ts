import { describe, expect, it } from 'vitest';
import { isCognitoError } from '../errors/index.js';
import { computeSecretHash } from './secret-hash.js';

describe('computeSecretHash', () => {
  it.each([
    [
      'alice',
      '1example23456789',
      'abcdef0123456789abcdef0123456789abcdef0123456789ab',
      '5BrpF5En3P7D76YT/4Hbbqs7KK251F83AqqsSassLvY=',
    ],
    [
      '4f8b2c1e-9d7a-4e3b-8a6c-1f2e3d4c5b6a',
      '7abcdefghijklmnopqrstuvwx',
      's3cr3t',
      'a1N8dPny1EuuI3kGGYrDn/rsTHeuToQJ83LPCqpZyIg=',
    ],
  ])('(%s, %s) → known answer', async (username, clientId, secret, expected) => {
    expect(await computeSecretHash(username, clientId, secret)).toBe(expected);
  });

  it('depends on every input', async () => {
    const base = await computeSecretHash('alice', 'client', 'secret');
    expect(await computeSecretHash('alicf', 'client', 'secret')).not.toBe(base);
    expect(await computeSecretHash('alice', 'clienu', 'secret')).not.toBe(base);
    expect(await computeSecretHash('alice', 'client', 'secreu')).not.toBe(base);
  });

  it('refuses empty inputs with InvalidInput', async () => {
    for (const args of [
      ['', 'c', 's'],
      ['u', '', 's'],
      ['u', 'c', ''],
    ] as const) {
      const error: unknown = await computeSecretHash(args[0], args[1], args[2]).catch(
        (e: unknown) => e,
      );
      expect(isCognitoError(error, 'InvalidInput')).toBe(true);
    }
  });
});
