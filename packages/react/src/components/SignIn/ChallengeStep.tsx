import type { Challenge, ChallengeAnswer } from '@cognito-kit/core';
import { useState } from 'react';
import { AnswerNotAcceptedError } from '../../messages/local-errors.js';
import { CustomChallengeForm } from '../MfaChallenge/CustomChallengeForm.js';
import { nextCustomChallenge } from '../MfaChallenge/custom-answer.js';
import { MfaCodeForm } from '../MfaChallenge/MfaCodeForm.js';
import { MfaSetupForm } from '../MfaChallenge/MfaSetupForm.js';
import { SelectMfaForm } from '../MfaChallenge/SelectMfaForm.js';
import { NewPasswordForm } from '../NewPassword/NewPasswordForm.js';
import { TotpSetupView } from '../TotpSetup/TotpSetupView.js';
import { OtpCodeStep } from './OtpCodeStep.js';
import { PasskeyStep } from './PasskeyStep.js';
import { SelectChallengeStep } from './SelectChallengeStep.js';
import { useChallengeOptions } from './sign-in-options.js';

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
  /** Open the passkey prompt as soon as a WEB_AUTHN step shows (the user just chose it). */
  autoStartPasskey?: boolean;
}

/**
 * The form for any sign-in challenge, chosen by Cognito's challenge name. Each step is keyed by
 * its name, so a new step is a new form and focus moves to its first field. How custom challenges
 * read comes from the enclosing `SignIn` or `MfaChallenge` (context); what goes under each step
 * comes from the enclosing `ScreenFooter`, which every step's `Screen` renders, so no step needs
 * to be handed it.
 */
export function ChallengeStep({
  challenge,
  onAnswer,
  error,
  autoStartPasskey = false,
}: ChallengeStepProps) {
  const { describeCustomChallenge, isCustomAnswerRefused } = useChallengeOptions();
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
        />
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
        />
      );
    case 'SELECT_MFA_TYPE':
      return (
        <SelectMfaForm
          key={challenge.name}
          options={challenge.options}
          error={error}
          onSubmit={(mfa) => onAnswer({ name: challenge.name, mfa })}
        />
      );
    case 'MFA_SETUP':
      return challenge.totp ? (
        <TotpSetupView
          key="MFA_SETUP:totp"
          secretCode={challenge.totp.secretCode}
          uri={challenge.totp.uri}
          error={error}
          onVerify={(totpCode) => onAnswer({ name: challenge.name, totpCode })}
        />
      ) : (
        <MfaSetupForm
          key={challenge.name}
          options={challenge.options}
          error={error}
          onSubmit={(choice) => onAnswer({ name: challenge.name, ...choice })}
        />
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
        />
      );
    case 'SELECT_CHALLENGE':
      return (
        <SelectChallengeStep
          key={challenge.name}
          options={challenge.options}
          error={error}
          onSelect={(factor) => onAnswer({ name: challenge.name, factor })}
          onPassword={(password) =>
            onAnswer({ name: challenge.name, factor: 'PASSWORD', password })
          }
        />
      );
    case 'SMS_OTP':
      return (
        <OtpCodeStep
          key={challenge.name}
          destination={challenge.destination}
          medium={challenge.medium}
          error={error}
          onSubmit={(code) => onAnswer({ name: challenge.name, code })}
        />
      );
    case 'WEB_AUTHN':
      return (
        <PasskeyStep
          key={challenge.name}
          autoStart={autoStartPasskey}
          error={error}
          onUsePasskey={() => onAnswer({ name: challenge.name })}
        />
      );
    default:
      challenge satisfies never;
      return null;
  }
}
