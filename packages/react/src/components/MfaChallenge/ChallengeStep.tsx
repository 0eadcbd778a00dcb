import type { Challenge, ChallengeAnswer } from '@cognito-kit/core';
import { useState, type ReactNode } from 'react';
import { AnswerNotAcceptedError } from '../../messages/local-errors.js';
import { NewPasswordForm } from '../NewPassword/NewPasswordForm.js';
import { TotpSetupView } from '../TotpSetup/TotpSetupView.js';
import { CustomChallengeForm } from './CustomChallengeForm.js';
import {
  nextCustomChallenge,
  sameCustomChallenge,
  type CustomAnswerRefusedTest,
} from './custom-answer.js';
import { MfaCodeForm } from './MfaCodeForm.js';
import { MfaSetupForm } from './MfaSetupForm.js';
import { SelectMfaForm } from './SelectMfaForm.js';

/** Props of {@link ChallengeStep}. */
export interface ChallengeStepProps {
  challenge: Challenge;
  /**
   * Sends the answer. Return the auth state it resolves with (as `answerChallenge` does), so a
   * custom challenge asked again after its answer shows as "not accepted".
   */
  onAnswer: (answer: ChallengeAnswer) => unknown;
  /** The refusal of the previous answer, if any. */
  error?: unknown;
  /** Text for CUSTOM_CHALLENGE parameters (see {@link CustomChallengeForm}). */
  describeCustomChallenge?: (parameters: Readonly<Record<string, string>>) => string | undefined;
  /**
   * Whether the CUSTOM_CHALLENGE that came back after an answer means the answer was refused
   * (Cognito sends no error then). Default: the same public parameters again
   * ({@link sameCustomChallenge}); a refusal keeps the form and shows
   * `messages.errors.answerNotAccepted`, anything else is the next question on a fresh form.
   */
  isCustomAnswerRefused?: CustomAnswerRefusedTest;
  /** Content under each step (e.g. a "Back to sign in" link). */
  children?: ReactNode;
}

/**
 * The form for any sign-in challenge, chosen by Cognito's challenge name. Each step is keyed by
 * its name, so a new step is a new form and focus moves to its first field.
 */
export function ChallengeStep({
  challenge,
  onAnswer,
  error,
  describeCustomChallenge,
  isCustomAnswerRefused = sameCustomChallenge,
  children,
}: ChallengeStepProps) {
  // Counts the custom questions asked in a row, so each new one gets a fresh form (empty field,
  // focus on it) while a refused answer keeps its form to show the refusal.
  const [customRound, setCustomRound] = useState(0);
  switch (challenge.name) {
    case 'NEW_PASSWORD_REQUIRED':
      return (
        <NewPasswordForm
          key={challenge.name}
          requiredAttributes={challenge.requiredAttributes}
          userAttributes={challenge.userAttributes}
          error={error}
          onSubmit={({ newPassword, attributes }) =>
            onAnswer({ name: challenge.name, newPassword, attributes })
          }
        >
          {children}
        </NewPasswordForm>
      );
    case 'SMS_MFA':
    case 'EMAIL_OTP':
    case 'SOFTWARE_TOKEN_MFA':
      return (
        <MfaCodeForm
          key={challenge.name}
          challenge={challenge}
          error={error}
          onSubmit={(code) => onAnswer({ name: challenge.name, code })}
        >
          {children}
        </MfaCodeForm>
      );
    case 'SELECT_MFA_TYPE':
      return (
        <SelectMfaForm
          key={challenge.name}
          options={challenge.options}
          error={error}
          onSubmit={(mfa) => onAnswer({ name: challenge.name, mfa })}
        >
          {children}
        </SelectMfaForm>
      );
    case 'MFA_SETUP':
      return challenge.totp ? (
        <TotpSetupView
          key="MFA_SETUP:totp"
          secretCode={challenge.totp.secretCode}
          uri={challenge.totp.uri}
          error={error}
          onVerify={(totpCode) => onAnswer({ name: challenge.name, totpCode })}
        >
          {children}
        </TotpSetupView>
      ) : (
        <MfaSetupForm
          key={challenge.name}
          options={challenge.options}
          error={error}
          onSubmit={(choice) => onAnswer({ name: challenge.name, ...choice })}
        >
          {children}
        </MfaSetupForm>
      );
    case 'CUSTOM_CHALLENGE':
      return (
        <CustomChallengeForm
          key={`${challenge.name}:${customRound}`}
          parameters={challenge.parameters}
          describe={describeCustomChallenge}
          error={error}
          onSubmit={async (answer) => {
            const next = nextCustomChallenge(await onAnswer({ name: challenge.name, answer }));
            if (!next) return;
            if (isCustomAnswerRefused(challenge.parameters, next)) {
              throw new AnswerNotAcceptedError();
            }
            setCustomRound((round) => round + 1);
          }}
        >
          {children}
        </CustomChallengeForm>
      );
    default:
      challenge satisfies never;
      return null;
  }
}
