import { describe, expect, it } from 'vitest';
import { CognitoError, isCognitoError } from './cognito-error.js';
import { isCognitoExceptionCode } from './codes.js';

describe('CognitoError', () => {
  it('carries the protocol fields and a default retryability from its code', () => {
    const e = new CognitoError({
      code: 'TooManyRequestsException',
      message: 'slow down',
      status: 400,
      requestId: 'r1',
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('CognitoError');
    expect(e.retryable).toBe(true);
    expect(e.requestId).toBe('r1');
    expect(new CognitoError({ code: 'NotAuthorizedException', message: 'no' }).retryable).toBe(
      false,
    );
  });

  it('is recognised by brand, with or without a code filter', () => {
    const e = new CognitoError({ code: 'CodeMismatchException', message: 'bad code' });
    expect(isCognitoError(e)).toBe(true);
    expect(isCognitoError(e, 'CodeMismatchException', 'ExpiredCodeException')).toBe(true);
    expect(isCognitoError(e, 'NotAuthorizedException')).toBe(false);
    expect(isCognitoError(new Error('plain'))).toBe(false);
    expect(isCognitoError(null)).toBe(false);
    // A copy from another bundle has the same registered brand.
    const foreign = Object.assign(new Error('x'), {
      code: 'NetworkError',
      [Symbol.for('cognito-kit.CognitoError')]: true,
    });
    expect(isCognitoError(foreign, 'NetworkError')).toBe(true);
  });

  it('knows Cognito exception names', () => {
    expect(isCognitoExceptionCode('UserNotFoundException')).toBe(true);
    expect(isCognitoExceptionCode('Whatever')).toBe(false);
  });
});
