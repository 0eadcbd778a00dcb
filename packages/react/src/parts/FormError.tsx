import type { ComponentPropsWithoutRef } from 'react';
import { cx } from './cx.js';
import { useFormContext } from './form-context.js';
import { errorText } from '../messages/error-keys.js';
import { useMessages } from '../messages/MessagesProvider.js';

/**
 * The form's error, mapped through the messages by its code. The live region is always in the DOM
 * (only its text changes), so screen readers announce each new error.
 */
export function FormError({ className, ...rest }: ComponentPropsWithoutRef<'div'>) {
  const { error, formErrorId } = useFormContext();
  const messages = useMessages();
  const text = error ? errorText(messages, error) : '';
  return (
    <div
      role="alert"
      {...rest}
      id={formErrorId}
      className={cx('ck-form-error', className)}
      data-state={text ? 'visible' : 'hidden'}
    >
      {text}
    </div>
  );
}

/** A polite live region for good news ("Your code is on its way"); empty renders nothing visible. */
export function StatusMessage({ className, children, ...rest }: ComponentPropsWithoutRef<'div'>) {
  return (
    <div role="status" {...rest} className={cx('ck-status', className)}>
      {children}
    </div>
  );
}
