import { FieldError } from '../parts/Field.js';
import { useFieldContext } from '../parts/form-context.js';
import { useMessages } from '../messages/MessagesProvider.js';
import { checkPassword, type PasswordPolicy, type PasswordRule } from '@cognito-kit/core';
import type { Messages } from '../messages/types.js';

/** How `rule` reads in the list ("at least 10 characters", "a number"). */
function ruleText(m: Messages, rule: PasswordRule, policy: PasswordPolicy): string {
  return rule === 'minimumLength'
    ? m.passwordRules.minimumLength(policy.minimumLength ?? 0)
    : m.passwordRules[rule];
}

/**
 * The rules of the password policy under a new-password field, each marked met or missing as the
 * user types (`data-state` on each item). It is the field's description (the input points at it),
 * so screen readers read the rules with the field and after a refusal; it is not a live region,
 * since announcing every keystroke would drown the typing.
 */
export function PasswordRuleList({
  policy,
  password,
}: {
  policy: PasswordPolicy;
  password: string;
}) {
  const field = useFieldContext('PasswordRuleList');
  const m = useMessages();
  const rules = checkPassword(password, policy);
  if (rules.length === 0) return null;
  return (
    <div id={field.descriptionId} className="ck-rules">
      <p className="ck-description">{m.passwordRules.title}:</p>
      <ul>
        {rules.map(({ rule, met }) => (
          <li key={rule} data-state={met ? 'met' : 'unmet'}>
            {ruleText(m, rule, policy)}
            <span className="ck-visually-hidden">
              {' '}
              ({met ? m.passwordRules.met : m.passwordRules.unmet})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The error of a new-password field: when the password breaks rules of the policy, it names them
 * ("Your password needs: a number, a symbol, such as ! or %"), so the refusal says what to fix
 * without reading the list; any other problem (an empty field) as `FieldError` words it.
 */
export function PasswordFieldError({
  policy,
  password,
}: {
  policy: PasswordPolicy | undefined;
  password: string;
}) {
  const field = useFieldContext('PasswordFieldError');
  const m = useMessages();
  if (field.problem !== 'passwordRules' || !policy) return <FieldError />;
  const missing = checkPassword(password, policy).filter((r) => !r.met);
  // Fixed since the refusal: the list shows every rule met; the field is checked again on submit.
  if (missing.length === 0) return <FieldError />;
  return (
    <p className="ck-field-error" id={field.errorId}>
      {m.passwordRules.title}: {missing.map((r) => ruleText(m, r.rule, policy)).join(', ')}
    </p>
  );
}
