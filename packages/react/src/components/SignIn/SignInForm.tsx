import { useMessages } from '../../messages/MessagesProvider.js';
import {
  Checkbox,
  Field,
  FieldError,
  Form,
  FormError,
  Input,
  Label,
  LinkButton,
  Links,
  PasswordInput,
  Screen,
  SubmitButton,
  fieldText,
} from '../../parts/index.js';

/** What {@link SignInForm} submits. */
export interface SignInFormValues {
  username: string;
  password: string;
  rememberDevice: boolean;
}

/** Props of {@link SignInForm}. */
export interface SignInFormProps {
  onSubmit: (values: SignInFormValues) => unknown;
  /** An error from outside the form's own submit (e.g. the auth state's last error). */
  error?: unknown;
  defaultUsername?: string;
  /** Show the "Remember this device" checkbox. */
  showRememberDevice?: boolean;
  /** Shows a "Forgot your password?" link when given. */
  onForgotPassword?: () => void;
  /** Shows a "Create an account" link when given. */
  onSignUp?: () => void;
  className?: string;
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
    <Screen title={m.signIn.title} className={props.className}>
      <Form
        aria-label={m.signIn.title}
        error={props.error}
        onSubmit={(data) =>
          props.onSubmit({
            username: fieldText(data, 'username'),
            password: fieldText(data, 'password', { trim: false }),
            rememberDevice: data.get('rememberDevice') === 'on',
          })
        }
      >
        <Field name="username">
          <Label>{m.fields.username}</Label>
          <Input
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            defaultValue={props.defaultUsername}
          />
          <FieldError />
        </Field>
        <Field name="password">
          <Label>{m.fields.password}</Label>
          <PasswordInput autoComplete="current-password" required />
          <FieldError />
        </Field>
        {props.showRememberDevice !== false ? (
          <Field name="rememberDevice">
            <Checkbox />
            <Label>{m.signIn.rememberDevice}</Label>
          </Field>
        ) : null}
        <FormError />
        <SubmitButton>{m.actions.signIn}</SubmitButton>
      </Form>
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
    </Screen>
  );
}
