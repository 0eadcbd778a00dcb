import { useEffect, useId, type ComponentPropsWithRef } from 'react';
import { FieldContext, useFieldContext, useFormContext, type FieldCheck } from './form-context.js';
import { mergeProps } from './merge-props.js';
import { useMessages } from '../messages/MessagesProvider.js';

/** Props of {@link Field}. */
export interface FieldProps extends ComponentPropsWithRef<'div'> {
  /** The form field name; the input inside takes it. */
  name: string;
  /** Whether a {@link FieldDescription} is inside (so the input points at it). */
  described?: boolean;
  /**
   * Marks the field invalid because of the form's server error, e.g. `isCodeError` for a code field
   * after a wrong code; the input then points at the form error with `aria-describedby`.
   */
  invalid?: boolean | ((formError: unknown) => boolean);
  /** A check of the value before the form sends (beyond required and the input type's format). */
  check?: FieldCheck | undefined;
}

/**
 * Groups a label, an input, a description and an error, and wires their ids together.
 * Shows `data-invalid` when the field failed validation.
 *
 * @example
 * <Field name="username"><Label>Username</Label><Input autoComplete="username" required /><FieldError /></Field>
 */
export function Field({ name, described = false, invalid = false, check, ...rest }: FieldProps) {
  const id = useId();
  const { fieldProblems, error, registerCheck } = useFormContext();
  useEffect(() => (check ? registerCheck(name, check) : undefined), [name, check, registerCheck]);
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
      <div
        {...mergeProps({ className: 'ck-field', 'data-invalid': isInvalid || undefined }, rest)}
      />
    </FieldContext.Provider>
  );
}

/** The `<label>` of the enclosing {@link Field}. */
export function Label(props: ComponentPropsWithRef<'label'>) {
  const field = useFieldContext('Label');
  return <label {...mergeProps({ htmlFor: field.id, className: 'ck-label' }, props)} />;
}

/**
 * Help text of the enclosing {@link Field}; set `described` on the field when you use it. Its `id`
 * is the field's (the input points at it).
 */
export function FieldDescription(props: Omit<ComponentPropsWithRef<'p'>, 'id'>) {
  const field = useFieldContext('FieldDescription');
  return <p {...mergeProps({ className: 'ck-description' }, props)} id={field.descriptionId} />;
}

/**
 * The validation message of the enclosing {@link Field}; renders nothing while the field is
 * valid. Its `id` is the field's (the input points at it).
 */
export function FieldError(props: Omit<ComponentPropsWithRef<'p'>, 'id' | 'children'>) {
  const field = useFieldContext('FieldError');
  const messages = useMessages();
  if (!field.problem) return null;
  return (
    <p {...mergeProps({ className: 'ck-field-error' }, props)} id={field.errorId}>
      {messages.validation[field.problem]}
    </p>
  );
}
