import { useState } from 'react';
import { useSignUp } from '../../hooks/useSignUp.js';
import { ConfirmSignUp } from '../ConfirmSignUp/ConfirmSignUp.js';
import type { CodeDelivery } from '../delivery.js';
import { SignUpForm } from './SignUpForm.js';

/** Props of {@link SignUp}. */
export interface SignUpProps {
  /** Attributes to ask for (all required); default `['email']`. */
  attributes?: readonly string[];
  /** Shows "Back to sign in" links. */
  onSignIn?: () => void;
  /** Called once the account exists and is confirmed. */
  onConfirmed?: (username: string) => void;
  /** Sign in straight after confirmation where the pool allows it (see `ConfirmSignUp`). */
  autoSignIn?: boolean;
  /** Called when `autoSignIn` signed the new user in. */
  onSignedIn?: (username: string) => void;
  className?: string;
}

/**
 * Sign-up, then confirmation with the code Cognito sent (skipped when the pool confirms at once).
 *
 * @example
 * <SignUp attributes={['email', 'given_name']} onConfirmed={() => go('/sign-in')} />
 */
export function SignUp(props: SignUpProps) {
  const signUp = useSignUp();
  const [pending, setPending] = useState<{ username: string; delivery?: CodeDelivery } | null>(
    null,
  );
  if (pending) {
    return (
      <ConfirmSignUp
        className={props.className}
        username={pending.username}
        delivery={pending.delivery}
        onSignIn={props.onSignIn}
        onConfirmed={props.onConfirmed}
        autoSignIn={props.autoSignIn}
        onSignedIn={props.onSignedIn}
      />
    );
  }
  return (
    <SignUpForm
      className={props.className}
      attributes={props.attributes}
      onSignIn={props.onSignIn}
      onSubmit={async ({ username, password, attributes }) => {
        const result = await signUp.signUp({ username, password, attributes });
        if (result.userConfirmed) props.onConfirmed?.(username);
        else setPending({ username, delivery: result.codeDelivery });
      }}
    />
  );
}
