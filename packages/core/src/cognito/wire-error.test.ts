import { describe, expect, it } from 'vitest';
import { isCognitoError } from '../errors/index.js';
import { errorFromAnswer, readRequestId, readWireError, sanitizeErrorName } from './wire-error.js';

describe('sanitizeErrorName', () => {
  it.each([
    ['NotAuthorizedException', 'NotAuthorizedException'],
    ['ExpiredCodeException:', 'ExpiredCodeException'],
    ['NotAuthorizedException:http://internal.amazon.com/coral/', 'NotAuthorizedException'],
    ['com.amazonaws.cognito#NotAuthorizedException', 'NotAuthorizedException'],
    ['aws.protocoltests#UserNotFoundException:http://x', 'UserNotFoundException'],
    ['TooManyRequestsException,Other', 'TooManyRequestsException'],
    ['  CodeMismatchException ', 'CodeMismatchException'],
  ])('%s → %s', (raw, expected) => {
    expect(sanitizeErrorName(raw)).toBe(expected);
  });
});

describe('readWireError', () => {
  it('prefers the x-amzn-ErrorType header over the body', () => {
    const headers = new Headers({ 'x-amzn-ErrorType': 'ExpiredCodeException:' });
    const parts = readWireError(headers, { __type: 'CodeMismatchException', message: 'm' });
    expect(parts).toEqual({ name: 'ExpiredCodeException', message: 'm' });
  });

  it('prefers body code over __type', () => {
    const parts = readWireError(new Headers(), { code: 'UserNotFoundException', __type: 'Other' });
    expect(parts.name).toBe('UserNotFoundException');
  });

  it('reads __type and the capitalised Message of framework errors', () => {
    const parts = readWireError(new Headers(), {
      __type: 'SerializationException',
      Message: 'Expected map or null',
    });
    expect(parts).toEqual({ name: 'SerializationException', message: 'Expected map or null' });
  });

  it('falls back to the x-amzn-ErrorMessage header for the text', () => {
    const headers = new Headers({ 'x-amzn-ErrorMessage': 'from header' });
    expect(readWireError(headers, undefined)).toEqual({ name: undefined, message: 'from header' });
  });

  it('ignores non-string members and non-object bodies', () => {
    expect(readWireError(new Headers(), { __type: 42, message: {} })).toEqual({
      name: undefined,
      message: undefined,
    });
    expect(readWireError(new Headers(), 'text')).toEqual({ name: undefined, message: undefined });
  });
});

describe('readRequestId', () => {
  it.each(['x-amzn-RequestId', 'x-amzn-request-id', 'x-amz-request-id'])('reads %s', (header) => {
    expect(readRequestId(new Headers({ [header]: 'abc-123' }))).toBe('abc-123');
  });
  it('is undefined without any', () => {
    expect(readRequestId(new Headers())).toBeUndefined();
  });
});

describe('errorFromAnswer', () => {
  it('keeps known Cognito names as the code', () => {
    const error = errorFromAnswer('InitiateAuth', 400, new Headers({ 'x-amzn-RequestId': 'r1' }), {
      __type: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect(isCognitoError(error, 'NotAuthorizedException')).toBe(true);
    expect(error).toMatchObject({
      message: 'Incorrect username or password.',
      status: 400,
      requestId: 'r1',
      action: 'InitiateAuth',
      retryable: false,
    });
  });

  it('maps unknown names to UnknownServiceException and keeps the raw name', () => {
    const error = errorFromAnswer('GetUser', 400, new Headers(), {
      __type: 'brand.new#ShinyException',
    });
    expect(error.code).toBe('UnknownServiceException');
    expect(error.serviceType).toBe('ShinyException');
    expect(error.retryable).toBe(false);
  });

  it('marks throttling and server failures without a known name retryable', () => {
    expect(
      errorFromAnswer('GetUser', 400, new Headers(), { __type: 'ThrottlingException' }).retryable,
    ).toBe(true);
    const html = errorFromAnswer('GetUser', 502, new Headers(), undefined);
    expect(html.code).toBe('UnknownServiceException');
    expect(html.serviceType).toBeUndefined();
    expect(html.message).toContain('502');
    expect(html.retryable).toBe(true);
  });

  it('uses the name as message when the answer has no text', () => {
    expect(
      errorFromAnswer('GetUser', 500, new Headers(), { __type: 'InternalErrorException' }).message,
    ).toBe('InternalErrorException');
  });
});

describe('errorFromAnswer with empty texts', () => {
  it('falls back to the name when the message is empty', () => {
    expect(
      errorFromAnswer('SignUp', 400, new Headers(), {
        __type: 'UnknownOperationException',
        message: '',
      }).message,
    ).toBe('UnknownOperationException');
  });
});
