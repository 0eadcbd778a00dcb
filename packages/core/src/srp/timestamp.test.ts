import { describe, expect, it } from 'vitest';
import { isCognitoError } from '../errors/index.js';
import { formatCognitoTimestamp } from './timestamp.js';

describe('formatCognitoTimestamp', () => {
  it.each([
    [0, 'Thu Jan 1 00:00:00 UTC 1970'],
    [1700000000, 'Tue Nov 14 22:13:20 UTC 2023'],
    [1709251199, 'Thu Feb 29 23:59:59 UTC 2024'],
    [1709611506, 'Tue Mar 5 04:05:06 UTC 2024'],
    [4102444799, 'Thu Dec 31 23:59:59 UTC 2099'],
    [1757041200, 'Fri Sep 5 03:00:00 UTC 2025'],
  ])('epoch %i → %s', (seconds, text) => {
    expect(formatCognitoTimestamp(new Date(seconds * 1000))).toBe(text);
  });

  it('ignores milliseconds', () => {
    expect(formatCognitoTimestamp(new Date(1700000000999))).toBe('Tue Nov 14 22:13:20 UTC 2023');
  });

  it('refuses invalid dates and years that are not four digits', () => {
    for (const d of [new Date(Number.NaN), new Date(Date.UTC(10000, 0, 1)), new Date(-1e14)]) {
      let error: unknown;
      try {
        formatCognitoTimestamp(d);
      } catch (e) {
        error = e;
      }
      expect(isCognitoError(error, 'InvalidInput')).toBe(true);
    }
  });
});
