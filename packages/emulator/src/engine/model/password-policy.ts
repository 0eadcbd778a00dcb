/**
 * A user pool's password policy (`PasswordPolicyType`) and the check every password-setting
 * action runs: SignUp, ChangePassword, ConfirmForgotPassword, NEW_PASSWORD_REQUIRED and the admin
 * setters. Failures carry InvalidPasswordException texts as clients see them from Cognito.
 */
import { serviceError, type ServiceError } from '../protocol/errors.js';
import type { PasswordPolicy } from './state.js';

/**
 * The rules of a policy under Cognito's own member names (`PasswordPolicyType`); the engine state
 * keeps the same values in camelCase ({@link policyRules} converts).
 */
export interface PasswordPolicyRules {
  readonly MinimumLength: number;
  readonly RequireUppercase: boolean;
  readonly RequireLowercase: boolean;
  readonly RequireNumbers: boolean;
  readonly RequireSymbols: boolean;
}

/** Cognito's default rules for new pools: 8 characters, upper, lower, number and symbol. */
export const DEFAULT_PASSWORD_RULES: PasswordPolicyRules = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
};

/** The rules of a pool's stored policy. */
export function policyRules(policy: PasswordPolicy): PasswordPolicyRules {
  return {
    MinimumLength: policy.minimumLength,
    RequireUppercase: policy.requireUppercase,
    RequireLowercase: policy.requireLowercase,
    RequireNumbers: policy.requireNumbers,
    RequireSymbols: policy.requireSymbols,
  };
}

/**
 * Characters that count as symbols, from the Cognito developer guide's password policy page:
 * `^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ \` = + -` and a space that is neither
 * leading nor trailing.
 */
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-');

/** Prefix of every policy failure message. */
export const POLICY_MESSAGE_PREFIX = 'Password did not conform with policy: ';

/** The rule a password broke, in the order they are checked. */
export type PasswordRule = 'length' | 'lowercase' | 'uppercase' | 'numbers' | 'symbols';

const RULE_TEXT: Readonly<Record<PasswordRule, string>> = {
  length: 'Password not long enough',
  lowercase: 'Password must have lowercase characters',
  uppercase: 'Password must have uppercase characters',
  numbers: 'Password must have numeric characters',
  symbols: 'Password must have symbol characters',
};

/**
 * Returns the first rule `password` breaks under `policy`, or `undefined` when it conforms.
 * Cognito reports one violation at a time.
 *
 * @example
 * findPasswordViolation('password', DEFAULT_PASSWORD_RULES); // 'uppercase'
 */
export function findPasswordViolation(
  password: string,
  policy: PasswordPolicyRules,
): PasswordRule | undefined {
  // Count code points, not UTF-16 units, so an emoji is one character.
  if ([...password].length < policy.MinimumLength) return 'length';
  if (policy.RequireLowercase && !/[a-z]/.test(password)) return 'lowercase';
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) return 'uppercase';
  if (policy.RequireNumbers && !/[0-9]/.test(password)) return 'numbers';
  if (policy.RequireSymbols && !hasSymbol(password)) return 'symbols';
  return undefined;
}

/**
 * The InvalidPasswordException message for a broken rule, e.g.
 * `Password did not conform with policy: Password must have numeric characters`.
 */
export function passwordViolationMessage(rule: PasswordRule): string {
  return POLICY_MESSAGE_PREFIX + RULE_TEXT[rule];
}

/**
 * Throws InvalidPasswordException when `password` breaks the pool's stored policy.
 *
 * @example
 * assertPasswordConforms(pool.passwordPolicy, input.Password);
 */
export function assertPasswordConforms(policy: PasswordPolicy, password: string): void {
  const rule = findPasswordViolation(password, policyRules(policy));
  if (rule !== undefined) throw invalidPassword(rule);
}

/** InvalidPasswordException for a broken rule. */
export function invalidPassword(rule: PasswordRule): ServiceError {
  return serviceError('InvalidPasswordException', passwordViolationMessage(rule));
}

function hasSymbol(password: string): boolean {
  const chars = [...password];
  return chars.some(
    (char, index) => SYMBOLS.has(char) || (char === ' ' && index > 0 && index < chars.length - 1),
  );
}
