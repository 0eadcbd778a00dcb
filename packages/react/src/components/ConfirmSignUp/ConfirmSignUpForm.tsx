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
  Screen,
  SubmitButton,
  fieldText,
} from '../../parts/index.js';
import { deliveryText, type CodeDelivery } from '../delivery.js';
import { CodeField } from '../MfaChallenge/MfaCodeForm.js';

/** Props of {@link ConfirmSignUpForm}. */
export interface ConfirmSignUpFormProps {
  /** The account to confirm; when absent the form asks for it. */
  username?: string;
  /** Where the code went, to tell the user. */
  delivery?: CodeDelivery;
  onSubmit: (values: { username: string; code: string }) => unknown;
  /** Shows a "Send a new code" button when given. */
  onResend?: (username: string) => unknown;
  onSignIn?: () => void;
  className?: string;
}

/** Confirms a new account with the code Cognito sent. */
export function ConfirmSignUpForm(props: ConfirmSignUpFormProps) {
  const m = useMessages();
  const description = deliveryText(m, props.delivery, m.confirmSignUp.description);
  const known = props.username;
  return (
    <Screen title={m.confirmSignUp.title} description={description} className={props.className}>
      <Form
        aria-label={m.confirmSignUp.title}
        onSubmit={(data) =>
          props.onSubmit({
            username: known ?? fieldText(data, 'username'),
            code: fieldText(data, 'code'),
          })
        }
      >
        {known === undefined ? (
          <Field name="username">
            <Label>{m.fields.username}</Label>
            <Input autoComplete="username" autoCapitalize="none" spellCheck={false} required />
            <FieldError />
          </Field>
        ) : null}
        <CodeField />
        <FormError />
        <SubmitButton>{m.actions.verify}</SubmitButton>
      </Form>
      <Links>
        {props.onResend && known !== undefined ? (
          <ActionButton
            variant="link"
            action={() => props.onResend?.(known)}
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
