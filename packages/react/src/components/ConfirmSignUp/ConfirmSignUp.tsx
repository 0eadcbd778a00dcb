import { useState } from 'react';
import { useSignUp } from '../../hooks/useSignUp.js';
import { useMessages } from '../../messages/MessagesProvider.js';
import { SuccessScreen } from '../form-screen.js';
import type { CodeDelivery } from '../delivery.js';
import { ConfirmSignUpForm } from './ConfirmSignUpForm.js';

/** Props of {@link ConfirmSignUp}. */
export interface ConfirmSignUpProps {
  /** The account to confirm; asked for when absent. */
  username?: string;
  delivery?: CodeDelivery;
  onSignIn?: () => void;
  /** Called after confirmation; without it a success message is shown. */
  onConfirmed?: (username: string) => void;
  /**
   * Sign the user in straight after confirming, where the pool allows it (`USER_AUTH`; the
   * auth state becomes `signedIn`, so a surrounding `Authenticator` or route shows the app).
   * Without a session from Cognito it falls back to `onConfirmed` / the success message.
   */
  autoSignIn?: boolean;
  /** Called when `autoSignIn` signed the user in. */
  onSignedIn?: (username: string) => void;
  className?: string;
}

/** Confirms an account with its code; offers a new code. */
export function ConfirmSignUp(props: ConfirmSignUpProps) {
  const signUp = useSignUp();
  const m = useMessages();
  const [confirmed, setConfirmed] = useState(false);
  if (confirmed) {
    return (
      <SuccessScreen
        title={m.confirmSignUp.title}
        text={m.confirmSignUp.success}
        onSignIn={props.onSignIn}
        className={props.className}
      />
    );
  }
  return (
    <ConfirmSignUpForm
      className={props.className}
      username={props.username}
      delivery={props.delivery}
      onSignIn={props.onSignIn}
      onResend={(username) => signUp.resendCode(username)}
      onSubmit={async ({ username, code }) => {
        const state = await signUp.confirm({ username, code, autoSignIn: props.autoSignIn });
        if (state?.status === 'signedIn') return props.onSignedIn?.(username);
        if (props.onConfirmed) props.onConfirmed(username);
        else setConfirmed(true);
      }}
    />
  );
}
