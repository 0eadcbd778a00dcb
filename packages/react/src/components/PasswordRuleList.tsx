import { useFieldContext } from '../parts/form-context.js';
import { useMessages } from '../messages/MessagesProvider.js';
import { checkPassword, type PasswordPolicy } from './password-policy.js';

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
            {rule === 'minimumLength'
              ? m.passwordRules.minimumLength(policy.minimumLength ?? 0)
              : m.passwordRules[rule]}
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
