import { useAuth } from '../../hooks/useAuth.js';
import { NewPasswordForm } from './NewPasswordForm.js';

/** Props of {@link NewPassword}. */
export interface NewPasswordProps {
  className?: string;
}

/**
 * The NEW_PASSWORD_REQUIRED step of sign-in (a user created by an administrator signs in with a
 * temporary password). Renders nothing when that challenge is not pending.
 */
export function NewPassword({ className }: NewPasswordProps) {
  const auth = useAuth();
  const challenge = auth.state.status === 'challenge' ? auth.state.challenge : null;
  if (challenge?.name !== 'NEW_PASSWORD_REQUIRED') return null;
  return (
    <NewPasswordForm
      className={className}
      requiredAttributes={challenge.requiredAttributes}
      userAttributes={challenge.userAttributes}
      onSubmit={({ newPassword, attributes }) =>
        auth.answerChallenge({ name: 'NEW_PASSWORD_REQUIRED', newPassword, attributes })
      }
    />
  );
}
