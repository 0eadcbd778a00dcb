import { useState } from 'react';
import { usePasswordReset } from '../../hooks/usePasswordReset.js';
import { useMessages } from '../../messages/MessagesProvider.js';
import { SuccessScreen } from '../form-screen.js';
import type { CodeDelivery } from '../delivery.js';
import { ConfirmResetForm, RequestResetForm } from './ForgotPasswordForms.js';

/** Props of {@link ForgotPassword}. */
export interface ForgotPasswordProps {
  defaultUsername?: string;
  onSignIn?: () => void;
  /** Called after the reset; without it a success message is shown. */
  onReset?: (username: string) => void;
  className?: string;
}

type Step =
  | { readonly name: 'request' }
  | {
      readonly name: 'confirm';
      readonly username: string;
      readonly delivery: CodeDelivery | undefined;
    }
  | { readonly name: 'done' };

/** Password reset: ask for a code, then set a new password with it. */
export function ForgotPassword(props: ForgotPasswordProps) {
  const reset = usePasswordReset();
  const m = useMessages();
  const [step, setStep] = useState<Step>({ name: 'request' });
  switch (step.name) {
    case 'request':
      return (
        <RequestResetForm
          className={props.className}
          defaultUsername={props.defaultUsername}
          onSignIn={props.onSignIn}
          onSubmit={async (username) => {
            const delivery = await reset.request(username);
            setStep({ name: 'confirm', username, delivery });
          }}
        />
      );
    case 'confirm':
      return (
        <ConfirmResetForm
          className={props.className}
          delivery={step.delivery}
          onSignIn={props.onSignIn}
          onResend={() => reset.request(step.username)}
          onSubmit={async ({ code, newPassword }) => {
            await reset.confirm({ username: step.username, code, newPassword });
            if (props.onReset) props.onReset(step.username);
            else setStep({ name: 'done' });
          }}
        />
      );
    case 'done':
      return (
        <SuccessScreen
          title={m.forgotPassword.title}
          text={m.forgotPassword.success}
          onSignIn={props.onSignIn}
          className={props.className}
        />
      );
    default:
      step satisfies never;
      return null;
  }
}
