import { useMessages } from '../../messages/MessagesProvider.js';
import { Links, fieldText } from '../../parts/index.js';
import { deliveryText, type CodeDelivery } from '../delivery.js';
import { BackToSignInLink, NewPasswordField, ResendCodeLink, UsernameField } from '../fields.js';
import { FormScreen } from '../form-screen.js';
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
    <FormScreen
      title={m.forgotPassword.title}
      description={m.forgotPassword.description}
      submitLabel={m.actions.sendCode}
      className={props.className}
      onSubmit={(data) => props.onSubmit(fieldText(data, 'username'))}
      after={
        props.onSignIn ? (
          <Links>
            <BackToSignInLink onClick={props.onSignIn} />
          </Links>
        ) : null
      }
    >
      <UsernameField defaultValue={props.defaultUsername} />
    </FormScreen>
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
    <FormScreen
      title={m.forgotPassword.confirmTitle}
      description={description}
      submitLabel={m.actions.resetPassword}
      className={props.className}
      onSubmit={(data) =>
        props.onSubmit({
          code: fieldText(data, 'code'),
          newPassword: fieldText(data, 'newPassword', { trim: false }),
        })
      }
      after={
        <Links>
          {props.onResend ? <ResendCodeLink action={props.onResend} /> : null}
          <BackToSignInLink onClick={props.onSignIn} />
        </Links>
      }
    >
      <CodeField />
      <NewPasswordField />
    </FormScreen>
  );
}
