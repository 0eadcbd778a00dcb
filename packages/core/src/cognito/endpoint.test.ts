import { describe, expect, it } from 'vitest';
import { isCognitoError } from '../errors/index.js';
import { regionFromUserPoolId, resolveEndpoint } from './endpoint.js';

describe('resolveEndpoint', () => {
  it('builds the regional URL from a region or a pool id', () => {
    expect(resolveEndpoint({ region: 'eu-west-2' })).toBe(
      'https://cognito-idp.eu-west-2.amazonaws.com/',
    );
    expect(resolveEndpoint({ userPoolId: 'us-gov-west-1_AbC123' })).toBe(
      'https://cognito-idp.us-gov-west-1.amazonaws.com/',
    );
  });

  it('keeps an explicit endpoint, adding the root path', () => {
    expect(resolveEndpoint({ endpoint: 'http://127.0.0.1:9229' })).toBe('http://127.0.0.1:9229/');
    expect(resolveEndpoint({ endpoint: 'https://proxy.example/cognito/' })).toBe(
      'https://proxy.example/cognito/',
    );
  });

  it.each([
    { endpoint: 'not a url' },
    { endpoint: 'ftp://x/' },
    { region: 'EU WEST' },
    { userPoolId: 'nopool' },
  ])('rejects %j', (target) => {
    expect(() => resolveEndpoint(target)).toThrowError(
      expect.objectContaining({ code: 'InvalidInput' }) as Error,
    );
  });
});

describe('regionFromUserPoolId', () => {
  it('takes the part before the underscore', () => {
    expect(regionFromUserPoolId('eu-west-2_Zx9Yw8')).toBe('eu-west-2');
  });
  it('throws InvalidInput without one', () => {
    try {
      regionFromUserPoolId('_Zx9Yw8');
      expect.unreachable();
    } catch (e) {
      expect(isCognitoError(e, 'InvalidInput')).toBe(true);
    }
  });
});
