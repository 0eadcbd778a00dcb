import { useMessages } from '../../messages/MessagesProvider.js';
import { fieldText } from '../../parts/index.js';
import { FormScreen } from '../form-screen.js';
import { CodeField } from '../MfaChallenge/MfaCodeForm.js';

/** Props of {@link OtpCodeStep}. */
export interface OtpCodeStepProps {
  /** Where the code went (masked by Cognito) and how. */
  destination: string;
  medium: 'SMS' | 'EMAIL';
  onSubmit: (code: string) => unknown;
  error?: unknown;
  className?: string;
}

/**
 * A one-time code as the first factor (SMS_OTP; EMAIL_OTP shares the MFA code step): the field
 * has `autocomplete="one-time-code"`, so phones offer the code from the message.
 */
export function OtpCodeStep(props: OtpCodeStepProps) {
  const m = useMessages();
  return (
    <FormScreen
      title={props.medium === 'SMS' ? m.passwordless.smsCodeTitle : m.passwordless.emailCodeTitle}
      description={m.mfa.codeSent(props.medium, props.destination)}
      submitLabel={m.actions.signIn}
      className={props.className}
      error={props.error}
      onSubmit={(data) => props.onSubmit(fieldText(data, 'code'))}
    >
      <CodeField />
    </FormScreen>
  );
}
