import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCognitoError } from '../errors/index.js';

describe('runtime neutrality', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('imports without WebCrypto and fails with SrpError only when SRP is used', async () => {
    vi.stubGlobal('crypto', undefined);
    vi.resetModules();
    const srp = await import('./index.js');
    expect(srp.formatCognitoTimestamp(new Date(0))).toBe('Thu Jan 1 00:00:00 UTC 1970');
    let error: unknown;
    try {
      srp.createSrpEphemeral();
    } catch (e) {
      error = e;
    }
    expect(isCognitoError(error, 'SrpError')).toBe(true);
    const hashError: unknown = await srp.computeSecretHash('u', 'c', 's').catch((e: unknown) => e);
    expect(isCognitoError(hashError, 'SrpError')).toBe(true);
  });
});
