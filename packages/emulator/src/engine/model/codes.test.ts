import { describe, expect, it } from 'vitest';
import {
  admitCodeRequest,
  checkCode,
  CODE_LIFETIME_MS,
  deliveryDetails,
  generateNumericCode,
  issueCode,
  maskEmail,
  maskPhoneNumber,
  MAX_FAILED_CODE_ATTEMPTS,
} from './codes.js';

const HOUR = 3_600_000;

function bytes(...values: number[]) {
  let i = 0;
  return (size: number) =>
    Uint8Array.from({ length: size }, () => values[i++ % values.length] ?? 0);
}

describe('generateNumericCode', () => {
  it('maps bytes to digits and skips the biased top of the byte range', () => {
    // 250..255 would favour 0..5; they are dropped.
    expect(generateNumericCode(bytes(255, 13, 250, 7, 249, 100, 1, 2, 3))).toBe('379012');
  });

  it('always yields six decimal digits', () => {
    const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
    for (let i = 0; i < 50; i += 1) expect(generateNumericCode(random)).toMatch(/^\d{6}$/);
  });
});

describe('issueCode / checkCode', () => {
  const random = bytes(1, 2, 3, 4, 5, 6);

  it('issues codes with the documented lifetimes', () => {
    expect(issueCode(random, 1000, 'signUp').expiresAt).toBe(1000 + 24 * HOUR);
    expect(issueCode(random, 1000, 'attribute', 'email')).toMatchObject({
      attributeName: 'email',
      expiresAt: 1000 + 24 * HOUR,
    });
    expect(issueCode(random, 1000, 'forgotPassword').expiresAt).toBe(1000 + HOUR);
    expect(CODE_LIFETIME_MS.forgotPassword).toBe(HOUR);
  });

  it('accepts the right code before expiry and refuses it after', () => {
    const record = issueCode(random, 0, 'forgotPassword');
    expect(record.code).toBe('123456');
    expect(checkCode(record, '123456', HOUR - 1)).toBe('ok');
    expect(checkCode(record, '123456', HOUR)).toBe('expired');
    expect(checkCode(undefined, '123456', 0)).toBe('missing');
  });

  it('counts wrong codes and burns the code after the limit', () => {
    const record = issueCode(random, 0, 'signUp');
    for (let i = 0; i < MAX_FAILED_CODE_ATTEMPTS; i += 1) {
      expect(checkCode(record, '000000', 1)).toBe('mismatch');
    }
    expect(record.failedAttempts).toBe(MAX_FAILED_CODE_ATTEMPTS);
    expect(checkCode(record, record.code, 1)).toBe('limitExceeded');
  });

  it('does not accept a prefix or a longer code', () => {
    const record = issueCode(random, 0, 'signUp');
    expect(checkCode(record, '12345', 1)).toBe('mismatch');
    expect(checkCode(record, '1234567', 1)).toBe('mismatch');
  });
});

describe('admitCodeRequest', () => {
  it('allows five requests per rolling hour', () => {
    let history: number[] | undefined = [];
    for (let i = 0; i < 5; i += 1) {
      history = admitCodeRequest(history, i * 1000);
      expect(history).toHaveLength(i + 1);
    }
    expect(admitCodeRequest(history, 5000)).toBeUndefined();
    // An hour after the first request one slot is free again.
    expect(admitCodeRequest(history, HOUR)).toEqual([1000, 2000, 3000, 4000, HOUR]);
  });
});

describe('masking', () => {
  it('keeps the plus and the last four digits of a phone number', () => {
    expect(maskPhoneNumber('+12065551234')).toBe('+*******1234');
    expect(maskPhoneNumber('+447700900123')).toBe('+********0123');
    expect(maskPhoneNumber('123')).toBe('123');
  });

  it('hides all but the first letters of an e-mail address', () => {
    expect(maskEmail('alice@example.com')).toBe('a***@e***.com');
    expect(maskEmail('b@mail.example.co.uk')).toBe('b***@m***.uk');
    expect(maskEmail('nobody')).toBe('***');
  });

  it('builds CodeDeliveryDetails with the medium of the attribute', () => {
    expect(deliveryDetails('phone_number', '+12065551234')).toEqual({
      Destination: '+*******1234',
      DeliveryMedium: 'SMS',
      AttributeName: 'phone_number',
    });
    expect(deliveryDetails('email', 'alice@example.com').DeliveryMedium).toBe('EMAIL');
  });
});
