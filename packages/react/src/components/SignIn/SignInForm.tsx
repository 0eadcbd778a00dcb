import type { ReactNode } from 'react';
import { useMessages } from '../../messages/MessagesProvider.js';
import {
  Checkbox,
  Field,
  Label,
  LinkButton,
  Links,
  StatusMessage,
  fieldText,
} from '../../parts/index.js';
import { PasswordField, UsernameField } from '../fields.js';
import { FormScreen } from '../form-screen.js';

/** What {@link SignInForm} submits. */
export interface SignInFormValues {
  username: string;
  /** Empty when the form is `passwordless`. */
  password: string;
  rememberDevice: boolean;
}

/** Props of {@link SignInForm}. */
export interface SignInFormProps {
  onSubmit: (values: SignInFormValues) => unknown;
  /** An error from outside the form's own submit (e.g. the auth state's last error). */
  error?: unknown;
  defaultUsername?: string | undefined;
  /** Asks for the username only (passwordless custom authentication). */
  passwordless?: boolean | undefined;
  /** Show the "Remember this device" checkbox (only where the pool tracks devices). Default false. */
  showRememberDevice?: boolean | undefined;
  /** Good news above the fields (e.g. "Your account is confirmed"), announced politely. */
  notice?: ReactNode;
  /** Shows a "Forgot your password?" link when given. */
  onForgotPassword?: (() => void) | undefined;
  /** Shows a "Create an account" link when given. */
  onSignUp?: (() => void) | undefined;
  /** Other ways to sign in, under the form (e.g. `IdentityProviderButtons`). */
  providers?: ReactNode;
  className?: string | undefined;
}

/**
 * The username + password step of sign-in, as a composition of parts.
 *
 * @example
 * <SignInForm onSubmit={({ username, password }) => auth.signIn({ username, password })} />
 */
export function SignInForm(props: SignInFormProps) {
  const m = useMessages();
  return (
    <FormScreen
      title={m.signIn.title}
      submitLabel={m.actions.signIn}
      className={props.className}
      error={props.error}
      // A passwordless sign-in that ends refused was never about a password.
      errorScreen={props.passwordless ? 'passwordless' : 'signIn'}
      onSubmit={(data) =>
        props.onSubmit({
          username: fieldText(data, 'username'),
          password: props.passwordless ? '' : fieldText(data, 'password', { trim: false }),
          rememberDevice: data.get('rememberDevice') === 'on',
        })
      }
      after={
        <>
          {props.providers}
          {props.onForgotPassword || props.onSignUp ? (
            <Links>
              {props.onForgotPassword ? (
                <LinkButton onClick={props.onForgotPassword}>{m.actions.forgotPassword}</LinkButton>
              ) : null}
              {props.onSignUp ? (
                <LinkButton onClick={props.onSignUp}>{m.actions.createAccount}</LinkButton>
              ) : null}
            </Links>
          ) : null}
        </>
      }
    >
      {props.notice ? <StatusMessage>{props.notice}</StatusMessage> : null}
      <UsernameField defaultValue={props.defaultUsername} />
      {props.passwordless ? null : (
        <PasswordField name="password" label={m.fields.password} autoComplete="current-password" />
      )}
      {props.showRememberDevice ? (
        <Field name="rememberDevice">
          <Checkbox />
          <Label>{m.signIn.rememberDevice}</Label>
        </Field>
      ) : null}
    </FormScreen>
  );
}
