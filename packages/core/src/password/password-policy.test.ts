import { describe, expect, it } from 'vitest';
import { CognitoError } from '../errors/index.js';
import {
  checkPassword,
  passwordPolicyOf,
  policyRules,
  refusedPasswordRule,
} from './password-policy.js';

const COGNITO_DEFAULT = {
  minimumLength: 8,
  requireLowercase: true,
  requireUppercase: true,
  requireNumbers: true,
  requireSymbols: true,
};

const unmet = (password: string, policy = COGNITO_DEFAULT) =>
  checkPassword(password, policy)
    .filter((r) => !r.met)
    .map((r) => r.rule);

describe('checkPassword', () => {
  it.each([
    [
      '',
      ['minimumLength', 'requireLowercase', 'requireUppercase', 'requireNumbers', 'requireSymbols'],
    ],
    ['password', ['requireUppercase', 'requireNumbers', 'requireSymbols']],
    ['Passw0rd', ['requireSymbols']],
    ['Passw0rd!', []],
    // A space counts as a symbol only inside the password, as Cognito counts it.
    ['Pass w0rd', []],
    [' Passw0rd', ['requireSymbols']],
    ['Passw0rd ', ['requireSymbols']],
    // Cognito's case rules count Basic Latin letters (A-Z, a-z) only.
    ['ÄÖÜäöü1!xx', ['requireUppercase']],
    // Seven emoji and a letter are eight characters (code points), not fifteen UTF-16 units.
    ['😀😀😀😀😀😀😀a', ['requireUppercase', 'requireNumbers', 'requireSymbols']],
  ])('%j breaks %j', (password, broken) => {
    expect(unmet(password)).toEqual(broken);
  });

  it('checks only the rules a policy sets', () => {
    expect(policyRules({ minimumLength: 12 })).toEqual(['minimumLength']);
    expect(unmet('short', { minimumLength: 12 } as typeof COGNITO_DEFAULT)).toEqual([
      'minimumLength',
    ]);
    expect(checkPassword('anything', {})).toEqual([]);
  });
});

describe('refusedPasswordRule', () => {
  const refusal = (message: string) =>
    new CognitoError({ code: 'InvalidPasswordException', message });
  it.each([
    ['Password did not conform with policy: Password not long enough', 'minimumLength'],
    [
      'Password did not conform with policy: Password must have lowercase characters',
      'requireLowercase',
    ],
    [
      'Password did not conform with policy: Password must have uppercase characters',
      'requireUppercase',
    ],
    [
      'Password did not conform with policy: Password must have numeric characters',
      'requireNumbers',
    ],
    [
      'Password did not conform with policy: Password must have symbol characters',
      'requireSymbols',
    ],
    ['Password has previously been used', undefined],
  ])('%s → %s', (message, rule) => {
    expect(refusedPasswordRule(refusal(message))).toBe(rule);
  });

  it('reads only InvalidPasswordException', () => {
    const other = new CognitoError({
      code: 'InvalidParameterException',
      message: 'Password must have uppercase characters',
    });
    expect(refusedPasswordRule(other)).toBeUndefined();
    expect(refusedPasswordRule(new Error('Password not long enough'))).toBeUndefined();
  });
});

describe('passwordPolicyOf', () => {
  it('accepts what Cognito accepts and refuses a minimum length outside 6 to 99', () => {
    expect(passwordPolicyOf(undefined)).toBeUndefined();
    expect(passwordPolicyOf(COGNITO_DEFAULT)).toBe(COGNITO_DEFAULT);
    for (const minimumLength of [5, 100, 8.5, Number.NaN]) {
      expect(() => passwordPolicyOf({ minimumLength })).toThrow(
        expect.objectContaining({ code: 'InvalidInput' }),
      );
    }
  });
});
