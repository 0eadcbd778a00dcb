import type { ComponentPropsWithRef, ReactNode } from 'react';
import { useFormContext } from './form-context.js';
import { mergeProps } from './merge-props.js';
import { errorText } from '../messages/error-keys.js';
import { useMessages } from '../messages/MessagesProvider.js';

/** Props of {@link FormError}. */
export interface FormErrorProps extends Omit<ComponentPropsWithRef<'div'>, 'id' | 'children'> {
  /** A short heading above the error's text (e.g. "Sign-in failed"); none by default. */
  heading?: ReactNode;
}

/**
 * The form's error, mapped through the messages by its code and worded for the form's screen
 * (`Form`'s `errorScreen`), shown as a tinted callout (`ck-callout`, `data-tone="danger"`). The
 * live region is always in the DOM (only its text changes), so screen readers announce each new
 * error. Its `id` is the form's (invalid fields point at it).
 */
export function FormError({ heading, ...props }: FormErrorProps) {
  const { error, formErrorId, errorScreen } = useFormContext();
  const messages = useMessages();
  const text = error ? errorText(messages, error, errorScreen) : '';
  return (
    <div
      {...mergeProps(
        {
          role: 'alert',
          className: 'ck-form-error ck-callout',
          'data-tone': 'danger',
          'data-state': text ? 'visible' : 'hidden',
        },
        props,
      )}
      id={formErrorId}
    >
      {text && heading ? <strong className="ck-callout-title">{heading}</strong> : null}
      {text}
    </div>
  );
}

/** Props of {@link StatusMessage}. */
export interface StatusMessageProps extends ComponentPropsWithRef<'div'> {
  /** A short heading above the text (e.g. "Account confirmed"); shown only with text. */
  heading?: ReactNode;
}

/**
 * A polite live region for good news ("Your code is on its way"), shown as a tinted callout
 * (`ck-callout`, `data-tone="success"`); empty renders nothing visible.
 */
export function StatusMessage({ heading, children, ...props }: StatusMessageProps) {
  return (
    <div
      {...mergeProps(
        { role: 'status', className: 'ck-status ck-callout', 'data-tone': 'success' },
        props,
      )}
    >
      {children && heading ? <strong className="ck-callout-title">{heading}</strong> : null}
      {children}
    </div>
  );
}
