import { useState, type ComponentPropsWithRef } from 'react';
import { useMessages } from '../messages/MessagesProvider.js';
import { useFieldContext, useFormContext } from './form-context.js';
import { mergeProps } from './merge-props.js';

/** Props of {@link Input}; `name` and `id` come from the enclosing {@link Field}. */
export type InputProps = Omit<ComponentPropsWithRef<'input'>, 'name' | 'id'>;

/**
 * @internal The ARIA wiring every text-like input of a field shares. `name` and `id` are the
 * field's (labels and messages point at them); a caller's `aria-describedby` is added to ours.
 */
function useInputProps(part: string, className: string, caller: InputProps) {
  const field = useFieldContext(part);
  const form = useFormContext();
  const computed = {
    className,
    'aria-invalid': field.problem !== undefined || field.invalid || undefined,
    'aria-describedby': [
      field.hasDescription ? field.descriptionId : null,
      field.problem ? field.errorId : null,
      field.invalid && !field.problem && form.error ? form.formErrorId : null,
    ]
      .filter(Boolean)
      .join(' '),
  };
  return { ...mergeProps(computed, caller), name: field.name, id: field.id };
}

/**
 * A text input bound to its {@link Field}: `aria-invalid` and `aria-describedby` follow the
 * field's validation and description. `type="email"` and `type="tel"` are checked before the form
 * sends (an e-mail address; a phone number in Cognito's `+<country><number>` format).
 */
export function Input(props: InputProps) {
  return <input type="text" {...useInputProps('Input', 'ck-input', props)} />;
}

/** Props of {@link PasswordInput}. */
export interface PasswordInputProps extends Omit<InputProps, 'type' | 'autoComplete'> {
  /** `current-password` to sign in, `new-password` when choosing one (lets managers generate it). */
  autoComplete: 'current-password' | 'new-password';
  /**
   * Adds a show / hide toggle after the input: a toggle button named by
   * `messages.actions.showPassword` whose `aria-pressed` says whether the password shows, so its
   * name stays the same and screen readers announce the state. Default false.
   */
  revealable?: boolean | undefined;
}

/**
 * A password input; the `autocomplete` token is required because password managers depend on it.
 * With `revealable`, wrapped in `<span class="ck-password">` with its show / hide toggle.
 */
export function PasswordInput({ revealable = false, ...props }: PasswordInputProps) {
  const m = useMessages();
  const [shown, setShown] = useState(false);
  const inputProps = useInputProps('PasswordInput', 'ck-input', props);
  // The marker tells the form's checks to keep the value untrimmed while it shows as text.
  const input = <input {...inputProps} type={shown ? 'text' : 'password'} data-ck-password="" />;
  if (!revealable) return input;
  return (
    <span className="ck-password">
      {input}
      <button
        type="button"
        className="ck-toggle"
        aria-pressed={shown}
        aria-controls={inputProps.id}
        onClick={() => setShown((s) => !s)}
      >
        <span className="ck-visually-hidden">{m.actions.showPassword}</span>
      </button>
    </span>
  );
}

/**
 * A 6-digit one-time code input (`autocomplete="one-time-code"`, numeric keyboard). The form checks
 * the format before submitting.
 */
export function CodeInput(props: InputProps) {
  const merged = useInputProps('CodeInput', 'ck-input ck-code', {
    type: 'text',
    inputMode: 'numeric',
    autoComplete: 'one-time-code',
    maxLength: 6,
    required: true,
    ...props,
  });
  // The marker the form's format check looks for.
  return <input {...merged} data-ck-code="" />;
}

/** A checkbox bound to its {@link Field}; put the {@link Label} after it. */
export function Checkbox(props: Omit<InputProps, 'type'>) {
  const field = useFieldContext('Checkbox');
  return (
    <input
      {...mergeProps({ className: 'ck-checkbox' }, props)}
      type="checkbox"
      name={field.name}
      id={field.id}
    />
  );
}
