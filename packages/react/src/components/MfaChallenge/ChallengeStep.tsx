import type { Challenge, ChallengeAnswer } from '@cognito-kit/core';
import type { ReactNode } from 'react';
import { NewPasswordForm } from '../NewPassword/NewPasswordForm.js';
import { TotpSetupView } from '../TotpSetup/TotpSetupView.js';
import { CustomChallengeForm } from './CustomChallengeForm.js';
import { MfaCodeForm } from './MfaCodeForm.js';
import { MfaSetupForm } from './MfaSetupForm.js';
import { SelectMfaForm } from './SelectMfaForm.js';

/** Props of {@link ChallengeStep}. */
export interface ChallengeStepProps {
  challenge: Challenge;
  onAnswer: (answer: ChallengeAnswer) => unknown;
  /** The refusal of the previous answer, if any. */
  error?: unknown;
  /** Text for CUSTOM_CHALLENGE parameters (see {@link CustomChallengeForm}). */
  describeCustomChallenge?: (parameters: Readonly<Record<string, string>>) => string | undefined;
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
  children,
}: ChallengeStepProps) {
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
          key={challenge.name}
          parameters={challenge.parameters}
          describe={describeCustomChallenge}
          error={error}
          onSubmit={(answer) => onAnswer({ name: challenge.name, answer })}
        />
      );
    default:
      challenge satisfies never;
      return null;
  }
}
