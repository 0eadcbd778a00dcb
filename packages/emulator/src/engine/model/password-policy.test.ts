import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PASSWORD_RULES,
  type PasswordPolicyRules,
  findPasswordViolation,
  passwordViolationMessage,
  assertPasswordConforms,
} from './password-policy.js';

const LAX: PasswordPolicyRules = {
  MinimumLength: 6,
  RequireUppercase: false,
  RequireLowercase: false,
  RequireNumbers: false,
  RequireSymbols: false,
};
const POOL_DEFAULT = {
  minimumLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
  temporaryPasswordValidityDays: 7,
};

describe('password policy', () => {
  it.each([
    ['Sh0rt!', 'length'],
    ['PASSWORD1!', 'lowercase'],
    ['password1!', 'uppercase'],
    ['Password!!', 'numbers'],
    ['Password12', 'symbols'],
  ] as const)('%s breaks %s under the default policy', (password, rule) => {
    expect(findPasswordViolation(password, DEFAULT_PASSWORD_RULES)).toBe(rule);
  });

  it('accepts a conforming password', () => {
    expect(findPasswordViolation('Passw0rd!', DEFAULT_PASSWORD_RULES)).toBeUndefined();
    expect(findPasswordViolation('abcdef', LAX)).toBeUndefined();
    expect(findPasswordViolation('abcde', LAX)).toBe('length');
  });

  it('counts every documented symbol, and an inner space, but not an outer space', () => {
    for (const symbol of '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-') {
      expect(findPasswordViolation(`Passw0rd${symbol}`, DEFAULT_PASSWORD_RULES)).toBeUndefined();
    }
    expect(findPasswordViolation('Pass w0rd', DEFAULT_PASSWORD_RULES)).toBeUndefined();
    expect(findPasswordViolation('Passw0rd ', DEFAULT_PASSWORD_RULES)).toBe('symbols');
    expect(findPasswordViolation('Passw0rd§', DEFAULT_PASSWORD_RULES)).toBe('symbols');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(findPasswordViolation('😀😀😀😀😀', LAX)).toBe('length');
  });

  it('throws InvalidPasswordException for a broken rule', () => {
    expect(() => assertPasswordConforms(POOL_DEFAULT, 'password1!')).toThrow(
      expect.objectContaining({
        type: 'InvalidPasswordException',
        message: 'Password did not conform with policy: Password must have uppercase characters',
      }),
    );
    expect(() => assertPasswordConforms(POOL_DEFAULT, 'Passw0rd!')).not.toThrow();
  });

  it('words failures as Cognito does', () => {
    expect(passwordViolationMessage('numbers')).toBe(
      'Password did not conform with policy: Password must have numeric characters',
    );
    expect(passwordViolationMessage('length')).toBe(
      'Password did not conform with policy: Password not long enough',
    );
  });
});
