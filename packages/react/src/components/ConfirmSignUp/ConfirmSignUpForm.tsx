import { useMessages } from '../../messages/MessagesProvider.js';
import { Links, fieldText } from '../../parts/index.js';
import { deliveryText, type CodeDelivery } from '../delivery.js';
import { BackToSignInLink, ResendCodeLink, UsernameField } from '../fields.js';
import { FormScreen } from '../form-screen.js';
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
    <FormScreen
      title={m.confirmSignUp.title}
      description={description}
      submitLabel={m.actions.verify}
      className={props.className}
      errorScreen="confirmSignUp"
      onSubmit={(data) =>
        props.onSubmit({
          username: known ?? fieldText(data, 'username'),
          code: fieldText(data, 'code'),
        })
      }
      after={
        <Links>
          {props.onResend && known !== undefined ? (
            <ResendCodeLink action={() => props.onResend?.(known)} />
          ) : null}
          <BackToSignInLink onClick={props.onSignIn} />
        </Links>
      }
    >
      {known === undefined ? <UsernameField /> : null}
      <CodeField />
    </FormScreen>
  );
}
