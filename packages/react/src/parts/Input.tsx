import type { ComponentPropsWithoutRef } from 'react';
import { cx } from './cx.js';
import { useFieldContext, useFormContext } from './form-context.js';

/** Props of {@link Input}; `name` and `id` come from the enclosing {@link Field}. */
export type InputProps = Omit<ComponentPropsWithoutRef<'input'>, 'name' | 'id'>;

/** @internal The ARIA wiring every text-like input of a field shares. */
function useInputAria(part: string) {
  const field = useFieldContext(part);
  const form = useFormContext();
  const describedBy = [
    field.hasDescription ? field.descriptionId : null,
    field.problem ? field.errorId : null,
    field.invalid && !field.problem && form.error ? form.formErrorId : null,
  ].filter(Boolean);
  return {
    name: field.name,
    id: field.id,
    'aria-invalid': field.problem !== undefined || field.invalid || undefined,
    'aria-describedby': describedBy.length > 0 ? describedBy.join(' ') : undefined,
  };
}

/**
 * A text input bound to its {@link Field}: `aria-invalid` and `aria-describedby` follow the
 * field's validation and description.
 */
export function Input({ className, ...rest }: InputProps) {
  const aria = useInputAria('Input');
  return <input type="text" {...rest} {...aria} className={cx('ck-input', className)} />;
}

/** Props of {@link PasswordInput}. */
export interface PasswordInputProps extends Omit<InputProps, 'type' | 'autoComplete'> {
  /** `current-password` to sign in, `new-password` when choosing one (lets managers generate it). */
  autoComplete: 'current-password' | 'new-password';
}

/** A password input; the `autocomplete` token is required because password managers depend on it. */
export function PasswordInput({ className, ...rest }: PasswordInputProps) {
  const aria = useInputAria('PasswordInput');
  return <input {...rest} type="password" {...aria} className={cx('ck-input', className)} />;
}

/**
 * A 6-digit one-time code input (`autocomplete="one-time-code"`, numeric keyboard). The form checks
 * the format before submitting.
 */
export function CodeInput({ className, ...rest }: InputProps) {
  const aria = useInputAria('CodeInput');
  return (
    <input
      type="text"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      required
      {...rest}
      {...aria}
      data-ck-code=""
      className={cx('ck-input ck-code', className)}
    />
  );
}

/** A checkbox bound to its {@link Field}; put the {@link Label} after it. */
export function Checkbox({ className, ...rest }: Omit<InputProps, 'type'>) {
  const field = useFieldContext('Checkbox');
  return (
    <input
      {...rest}
      type="checkbox"
      name={field.name}
      id={field.id}
      className={cx('ck-checkbox', className)}
    />
  );
}
