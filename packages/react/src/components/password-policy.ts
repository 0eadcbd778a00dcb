import type { PasswordRule } from '../messages/types.js';

/**
 * A user pool's password rules, as Cognito's `PasswordPolicyType` (DescribeUserPool,
 * `Policies.PasswordPolicy`) names them, in camelCase. Cognito does not tell browser clients its
 * policy, so the app passes it (see `PasswordSettings`); omitted rules are not checked.
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
