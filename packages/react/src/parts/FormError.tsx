import type { ComponentPropsWithRef } from 'react';
import { useFormContext } from './form-context.js';
import { mergeProps } from './merge-props.js';
import { errorText } from '../messages/error-keys.js';
import { useMessages } from '../messages/MessagesProvider.js';

/**
 * The form's error, mapped through the messages by its code. The live region is always in the DOM
 * (only its text changes), so screen readers announce each new error. Its `id` is the form's
 * (invalid fields point at it).
 */
export function FormError(props: Omit<ComponentPropsWithRef<'div'>, 'id' | 'children'>) {
  const { error, formErrorId } = useFormContext();
  const messages = useMessages();
  const text = error ? errorText(messages, error) : '';
  return (
    <div
      {...mergeProps(
        {
          role: 'alert',
          className: 'ck-form-error',
          'data-state': text ? 'visible' : 'hidden',
        },
        props,
      )}
      id={formErrorId}
    >
      {text}
    </div>
  );
}

/** A polite live region for good news ("Your code is on its way"); empty renders nothing visible. */
export function StatusMessage(props: ComponentPropsWithRef<'div'>) {
  return <div {...mergeProps({ role: 'status', className: 'ck-status' }, props)} />;
}
