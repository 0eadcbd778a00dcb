import { invalidInput, isCognitoError } from '../errors/index.js';

/** A rule of a user pool's password policy (Cognito's `PasswordPolicyType` members). */
export type PasswordRule =
  'minimumLength' | 'requireLowercase' | 'requireUppercase' | 'requireNumbers' | 'requireSymbols';

/**
 * A user pool's password rules, as Cognito's `PasswordPolicyType` (DescribeUserPool,
 * `Policies.PasswordPolicy`) names them, in camelCase. Cognito does not tell browser clients its
 * policy, so the app passes it (`createCognitoAuth({ passwordPolicy })`); omitted rules are not
 * checked.
 */
export interface PasswordPolicy {
  readonly minimumLength?: number | undefined;
  readonly requireLowercase?: boolean | undefined;
  readonly requireUppercase?: boolean | undefined;
  readonly requireNumbers?: boolean | undefined;
  readonly requireSymbols?: boolean | undefined;
}

/**
 * What Cognito counts as a symbol (developer guide, "Adding user pool password requirements"):
 * `^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ \` = + -`, and a space that is neither
 * the first nor the last character.
 */
const SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-';

function hasSymbol(password: string): boolean {
  const chars = Array.from(password);
  return chars.some((c, i) => SYMBOLS.includes(c) || (c === ' ' && i > 0 && i < chars.length - 1));
}

/** Whether `password` meets `rule` of `policy`. Letters and digits are ASCII, as Cognito's are. */
function meets(rule: PasswordRule, password: string, policy: PasswordPolicy): boolean {
  switch (rule) {
    case 'minimumLength':
      // Code points, so an emoji counts once.
      return Array.from(password).length >= (policy.minimumLength ?? 0);
    case 'requireLowercase':
      return /[a-z]/.test(password);
    case 'requireUppercase':
      return /[A-Z]/.test(password);
    case 'requireNumbers':
      return /[0-9]/.test(password);
    case 'requireSymbols':
      return hasSymbol(password);
    default:
      rule satisfies never;
      return true;
  }
}

/**
 * `config.passwordPolicy`, checked: Cognito accepts a `MinimumLength` from 6 to 99
 * (`PasswordPolicyType` in the API reference), so anything else is a typo that would list a rule
 * no password can meet, or none. Throws `InvalidInput`.
 */
export function passwordPolicyOf(policy: PasswordPolicy | undefined): PasswordPolicy | undefined {
  if (policy === undefined) return undefined;
  const length = policy.minimumLength;
  if (length !== undefined && !(Number.isInteger(length) && length >= 6 && length <= 99)) {
    throw invalidInput('passwordPolicy.minimumLength must be a whole number from 6 to 99.');
  }
  return policy;
}

/** The rules `policy` sets, in the order they are shown. */
export function policyRules(policy: PasswordPolicy): PasswordRule[] {
  const rules: PasswordRule[] = [];
  if (policy.minimumLength) rules.push('minimumLength');
  if (policy.requireLowercase) rules.push('requireLowercase');
  if (policy.requireUppercase) rules.push('requireUppercase');
  if (policy.requireNumbers) rules.push('requireNumbers');
  if (policy.requireSymbols) rules.push('requireSymbols');
  return rules;
}

/**
 * Each rule of `policy` with whether `password` meets it.
 *
 * @example
 * checkPassword('abc', { minimumLength: 8, requireNumbers: true });
 * // [{ rule: 'minimumLength', met: false }, { rule: 'requireNumbers', met: false }]
 */
export function checkPassword(
  password: string,
  policy: PasswordPolicy,
): Array<{ rule: PasswordRule; met: boolean }> {
  return policyRules(policy).map((rule) => ({ rule, met: meets(rule, password, policy) }));
}

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
