import { isCognitoError } from '@cognito-kit/core';
import type { PasswordRule } from './types.js';

/**
 * Cognito's InvalidPasswordException texts name the one rule a password broke, after the prefix
 * "Password did not conform with policy: " (as the Cognito API returns them for SignUp,
 * ChangePassword, ConfirmForgotPassword and RespondToAuthChallenge; the emulator words them the
 * same). The phrase tells which rule; no other field of the error does.
 */
const RULE_PHRASES: ReadonlyArray<readonly [string, PasswordRule]> = [
  ['not long enough', 'minimumLength'],
  ['lowercase characters', 'requireLowercase'],
  ['uppercase characters', 'requireUppercase'],
  ['numeric characters', 'requireNumbers'],
  ['symbol characters', 'requireSymbols'],
];

/**
 * The password rule a refusal names, or `undefined` when `error` is not such a refusal (or
 * Cognito worded it in a way we do not know, e.g. a reused password under a history policy).
 *
 * @example
 * refusedPasswordRule(new CognitoError({ code: 'InvalidPasswordException',
 *   message: 'Password did not conform with policy: Password must have numeric characters' }));
 * // 'requireNumbers'
 */
export function refusedPasswordRule(error: unknown): PasswordRule | undefined {
  if (!isCognitoError(error, 'InvalidPasswordException')) return undefined;
  const text = error.message.toLowerCase();
  return RULE_PHRASES.find(([phrase]) => text.includes(phrase))?.[1];
}
