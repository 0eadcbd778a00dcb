import type { FieldCheck, FieldProblem } from './form-context.js';

/**
 * WHATWG HTML's "valid e-mail address" (what `<input type=email>` accepts), so our message
 * appears exactly where a browser's own check would have refused the value.
 */
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/**
 * E.164, the only phone format Cognito accepts for `phone_number` ("+" and the country code,
 * digits only, at most 15; Cognito developer guide, "Configuring phone numbers"): checked here so
 * the user learns the format before Cognito refuses it with InvalidParameterException.
 */
const PHONE = /^\+[1-9]\d{1,14}$/;

/** The built-in check of an input, from what its markup says it holds. */
function builtInProblem(el: HTMLInputElement, value: string): FieldProblem | undefined {
  if (el.required && value === '') return 'required';
  if (value === '') return undefined;
  if (el.dataset['ckCode'] !== undefined && !/^\d{6}$/.test(value)) return 'codeFormat';
  if (el.type === 'email' && !EMAIL.test(value)) return 'emailFormat';
  if (el.type === 'tel' && !PHONE.test(value)) return 'phoneFormat';
  return undefined;
}

/**
 * What the browser would check (required, e-mail and phone formats) plus the 6-digit code format
 * and the fields' own `check`s, reported through our own accessible messages. The form's checks
 * see passwords untrimmed, as they are sent.
 */
export function findProblems(
  form: HTMLFormElement,
  checks: ReadonlyMap<string, FieldCheck>,
): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  const data = new FormData(form);
  for (const el of Array.from(form.querySelectorAll<HTMLInputElement>('input[name]'))) {
    if (el.disabled || el.type === 'checkbox' || el.type === 'radio') continue;
    const trimmed = el.value.trim();
    const password = el.type === 'password' || el.dataset['ckPassword'] !== undefined;
    const value = password ? el.value : trimmed;
    const problem = builtInProblem(el, trimmed) ?? checks.get(el.name)?.(value, data);
    if (problem !== undefined) problems[el.name] = problem;
  }
  return problems;
}

/**
 * A check that the field repeats field `other` (a confirm-password field).
 *
 * @example
 * <Field name="confirmPassword" check={matchesField('password')}>…</Field>
 */
export function matchesField(other: string): FieldCheck {
  return (value, data) => (value === data.get(other) ? undefined : 'passwordMismatch');
}
