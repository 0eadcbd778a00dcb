import { describe, expect, it } from 'vitest';
import { buildTotpUri } from './mfa.js';

describe('buildTotpUri', () => {
  it('builds the otpauth URI with issuer label and parameter', () => {
    expect(buildTotpUri({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'Acme', accountName: 'alice' })).toBe(
      'otpauth://totp/Acme:alice?secret=JBSWY3DPEHPK3PXP&issuer=Acme',
    );
  });

  it('percent-encodes label parts and the issuer, and drops base32 padding', () => {
    const uri = buildTotpUri({
      secret: 'JBSWY3DPEHPK3PXP==',
      issuer: 'Acme & Co',
      accountName: 'a@b.c',
    });
    expect(uri).toBe(
      'otpauth://totp/Acme%20%26%20Co:a%40b.c?secret=JBSWY3DPEHPK3PXP&issuer=Acme%20%26%20Co',
    );
    const parsed = new URL(uri);
    expect(parsed.searchParams.get('issuer')).toBe('Acme & Co');
    expect(decodeURIComponent(parsed.pathname)).toBe('/Acme & Co:a@b.c');
  });

  it.each([
    { secret: 'not base32!', issuer: 'A', accountName: 'b' },
    { secret: 'JBSWY3DP', issuer: 'A:B', accountName: 'b' },
    { secret: 'JBSWY3DP', issuer: 'A', accountName: '' },
  ])('rejects %j', (input) => {
    expect(() => buildTotpUri(input)).toThrow();
  });
});
