import type { ReactNode } from 'react';
import { useAuth } from '../../hooks/useAuth.js';
import { ScreenFooter } from '../../parts/index.js';
import { ChallengeStep } from '../SignIn/ChallengeStep.js';
import { ChallengeOptionsProvider, type ChallengeOptions } from '../SignIn/sign-in-options.js';

/** Props of {@link MfaChallenge}. */
export interface MfaChallengeProps extends ChallengeOptions {
  /** Shown at the end of each step (e.g. a "Back to sign in" link). */
  footer?: ReactNode;
}

/**
 * The pending MFA step of sign-in (code by SMS, e-mail or app; method choice; MFA setup; custom
 * challenge). Renders nothing when no such challenge is pending; use it to lay out your own
 * sign-in page instead of `<SignIn>`.
 */
export function MfaChallenge({ footer, ...options }: MfaChallengeProps) {
  const auth = useAuth();
  const challenge = auth.state.status === 'challenge' ? auth.state.challenge : null;
  if (!challenge || challenge.name === 'NEW_PASSWORD_REQUIRED') return null;
  return (
    <ChallengeOptionsProvider value={options}>
      <ScreenFooter content={footer}>
        <ChallengeStep challenge={challenge} onAnswer={auth.answerChallenge} />
      </ScreenFooter>
    </ChallengeOptionsProvider>
  );
}
