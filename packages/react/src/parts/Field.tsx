import { useId, type ComponentPropsWithoutRef } from 'react';
import { cx } from './cx.js';
import { FieldContext, useFieldContext, useFormContext } from './form-context.js';
import { useMessages } from '../messages/MessagesProvider.js';

/** Props of {@link Field}. */
export interface FieldProps extends ComponentPropsWithoutRef<'div'> {
  /** The form field name; the input inside takes it. */
  name: string;
  /** Whether a {@link FieldDescription} is inside (so the input points at it). */
  described?: boolean;
  /**
   * Marks the field invalid because of the form's server error, e.g. `isCodeError` for a code field
   * after a wrong code; the input then points at the form error with `aria-describedby`.
   */
  invalid?: boolean | ((formError: unknown) => boolean);
}

/**
 * Groups a label, an input, a description and an error, and wires their ids together.
 * Shows `data-invalid` when the field failed validation.
 *
 * @example
 * <Field name="username"><Label>Username</Label><Input autoComplete="username" required /><FieldError /></Field>
 */
export function Field({
  name,
  described = false,
  invalid = false,
  className,
  ...rest
}: FieldProps) {
  const id = useId();
  const { fieldProblems, error } = useFormContext();
  const problem = fieldProblems[name];
  const serverInvalid = typeof invalid === 'function' ? Boolean(error) && invalid(error) : invalid;
  const isInvalid = problem !== undefined || serverInvalid;
  return (
    <FieldContext.Provider
      value={{
        name,
        id: `${id}-input`,
        errorId: `${id}-error`,
        descriptionId: `${id}-description`,
        hasDescription: described,
        problem,
        invalid: serverInvalid,
      }}
    >
      <div {...rest} className={cx('ck-field', className)} data-invalid={isInvalid || undefined} />
    </FieldContext.Provider>
  );
}

/** The `<label>` of the enclosing {@link Field}. */
export function Label({ className, ...rest }: ComponentPropsWithoutRef<'label'>) {
  const field = useFieldContext('Label');
  return <label {...rest} htmlFor={field.id} className={cx('ck-label', className)} />;
}

/** Help text of the enclosing {@link Field}; set `described` on the field when you use it. */
export function FieldDescription({ className, ...rest }: ComponentPropsWithoutRef<'p'>) {
  const field = useFieldContext('FieldDescription');
  return <p {...rest} id={field.descriptionId} className={cx('ck-description', className)} />;
}

/** The validation message of the enclosing {@link Field}; renders nothing while the field is valid. */
export function FieldError({ className, ...rest }: ComponentPropsWithoutRef<'p'>) {
  const field = useFieldContext('FieldError');
  const messages = useMessages();
  if (!field.problem) return null;
  return (
    <p {...rest} id={field.errorId} className={cx('ck-field-error', className)}>
      {messages.validation[field.problem]}
    </p>
  );
}
