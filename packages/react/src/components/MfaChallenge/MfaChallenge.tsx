import { useAuth } from '../../hooks/useAuth.js';
import { ChallengeStep, type ChallengeStepProps } from './ChallengeStep.js';

/** Props of {@link MfaChallenge}. */
export type MfaChallengeProps = Pick<
  ChallengeStepProps,
  'describeCustomChallenge' | 'isCustomAnswerRefused' | 'children'
>;

/**
 * The pending MFA step of sign-in (code by SMS, e-mail or app; method choice; MFA setup; custom
 * challenge). Renders nothing when no such challenge is pending; use it to lay out your own
 * sign-in page instead of `<SignIn>`.
 */
export function MfaChallenge(props: MfaChallengeProps) {
  const auth = useAuth();
  const challenge = auth.state.status === 'challenge' ? auth.state.challenge : null;
  if (!challenge || challenge.name === 'NEW_PASSWORD_REQUIRED') return null;
  return <ChallengeStep challenge={challenge} onAnswer={auth.answerChallenge} {...props} />;
}
