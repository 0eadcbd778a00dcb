import type { ReactNode } from 'react';
import type { ErrorScreen } from '../messages/error-keys.js';
import { useMessages } from '../messages/MessagesProvider.js';
import { Form, FormError, Screen, StatusMessage, SubmitButton } from '../parts/index.js';

/** Props of {@link FormScreen}. */
export interface FormScreenProps {
  /** The heading, also the form's accessible name. */
  title: string;
  description?: ReactNode;
  /** An error from outside the form's own submit (e.g. the auth state's last error). */
  error?: unknown;
  onSubmit: (data: FormData) => unknown;
  /** Text of the submit button. */
  submitLabel: string;
  /** The fields. */
  children?: ReactNode;
  /** Shown under the form (links to other screens). */
  after?: ReactNode;
  className?: string;
  /** The screen whose wording the form's errors take (see `ErrorScreen`). */
  errorScreen?: ErrorScreen | undefined;
}

/**
 * The frame every single-form step shares: a {@link Screen} holding one {@link Form} named after
 * the title, its fields, the form error and the submit button, then whatever goes under the form.
 * Internal: apps compose the exported parts themselves.
 */
export function FormScreen(props: FormScreenProps) {
  return (
    <Screen title={props.title} description={props.description} className={props.className}>
      <Form
        aria-label={props.title}
        error={props.error}
        errorScreen={props.errorScreen}
        onSubmit={props.onSubmit}
      >
        {props.children}
        <FormError />
        <SubmitButton>{props.submitLabel}</SubmitButton>
      </Form>
      {props.after}
    </Screen>
  );
}

/** Props of {@link SuccessScreen}. */
export interface SuccessScreenProps {
  title: string;
  /** What succeeded, announced as a status. */
  text: string;
  /** Shows a "Sign in" link when given. */
  onSignIn?: (() => void) | undefined;
  className?: string | undefined;
}

/**
 * The last step of a flow that ends signed out: the outcome and the one way on, a primary "Sign in"
 * button. The form that had focus is gone, so focus moves to the title, from where the outcome and
 * then the button are read.
 */
export function SuccessScreen(props: SuccessScreenProps) {
  const m = useMessages();
  return (
    <Screen title={props.title} className={props.className} data-state="success" focusTitle>
      <StatusMessage>{props.text}</StatusMessage>
      {props.onSignIn ? (
        <button type="button" className="ck-button" onClick={props.onSignIn}>
          {m.actions.signIn}
        </button>
      ) : null}
    </Screen>
  );
}
