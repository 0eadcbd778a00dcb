import { useMessages } from '../../messages/MessagesProvider.js';
import {
  ActionButton,
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
import { deliveryText, type CodeDelivery } from '../delivery.js';
import { CodeField } from '../MfaChallenge/MfaCodeForm.js';

/** Props of {@link RequestResetForm}. */
export interface RequestResetFormProps {
  onSubmit: (username: string) => unknown;
  defaultUsername?: string;
  onSignIn?: () => void;
  className?: string;
}

/** First step of a password reset: which account (Cognito then sends a code). */
export function RequestResetForm(props: RequestResetFormProps) {
  const m = useMessages();
  return (
    <Screen
      title={m.forgotPassword.title}
      description={m.forgotPassword.description}
      className={props.className}
    >
      <Form
        aria-label={m.forgotPassword.title}
        onSubmit={(data) => props.onSubmit(fieldText(data, 'username'))}
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
        <FormError />
        <SubmitButton>{m.actions.sendCode}</SubmitButton>
      </Form>
      {props.onSignIn ? (
        <Links>
          <LinkButton onClick={props.onSignIn}>{m.actions.backToSignIn}</LinkButton>
        </Links>
      ) : null}
    </Screen>
  );
}

/** Props of {@link ConfirmResetForm}. */
export interface ConfirmResetFormProps {
  delivery?: CodeDelivery;
  onSubmit: (values: { code: string; newPassword: string }) => unknown;
  /** Shows a "Send a new code" button when given. */
  onResend?: () => unknown;
  onSignIn?: () => void;
  className?: string;
}

/** Second step of a password reset: the code and the new password. */
export function ConfirmResetForm(props: ConfirmResetFormProps) {
  const m = useMessages();
  const description = deliveryText(m, props.delivery);
  return (
    <Screen
      title={m.forgotPassword.confirmTitle}
      description={description}
      className={props.className}
    >
      <Form
        aria-label={m.forgotPassword.confirmTitle}
        onSubmit={(data) =>
          props.onSubmit({
            code: fieldText(data, 'code'),
            newPassword: fieldText(data, 'newPassword', { trim: false }),
          })
        }
      >
        <CodeField />
        <Field name="newPassword">
          <Label>{m.fields.newPassword}</Label>
          <PasswordInput autoComplete="new-password" required />
          <FieldError />
        </Field>
        <FormError />
        <SubmitButton>{m.actions.resetPassword}</SubmitButton>
      </Form>
      <Links>
        {props.onResend ? (
          <ActionButton
            variant="link"
            action={props.onResend}
            successText={m.confirmSignUp.codeResent}
          >
            {m.actions.resendCode}
          </ActionButton>
        ) : null}
        {props.onSignIn ? (
          <LinkButton onClick={props.onSignIn}>{m.actions.backToSignIn}</LinkButton>
        ) : null}
      </Links>
    </Screen>
  );
}
