import { useMessages } from '../../messages/MessagesProvider.js';
import {
  CodeInput,
  Field,
  FieldDescription,
  FieldError,
  Label,
  fieldText,
} from '../../parts/index.js';
import { isCodeError } from '../code-errors.js';
import { FormScreen } from '../form-screen.js';

/** Where the code of an MFA step comes from. */
export type MfaCodeSource =
  | { readonly name: 'SOFTWARE_TOKEN_MFA' }
  | {
      readonly name: 'SMS_MFA' | 'EMAIL_OTP';
      readonly destination: string;
      readonly medium: 'SMS' | 'EMAIL';
    };

/** Props of {@link MfaCodeForm}. */
export interface MfaCodeFormProps {
  challenge: MfaCodeSource;
  onSubmit: (code: string) => unknown;
  error?: unknown;
  className?: string;
}

/** The SMS, e-mail or authenticator-app code step of sign-in. */
export function MfaCodeForm({ challenge, onSubmit, error, className }: MfaCodeFormProps) {
  const m = useMessages();
  const description =
    challenge.name === 'SOFTWARE_TOKEN_MFA'
      ? m.mfa.totpDescription
      : m.mfa.codeSent(challenge.medium, challenge.destination);
  return (
    <FormScreen
      title={m.mfa.title}
      description={description}
      submitLabel={m.actions.verify}
      className={className}
      error={error}
      // NotAuthorizedException during a challenge: its session ended (too slow, or too many tries).
      errorScreen="challenge"
      onSubmit={(data) => onSubmit(fieldText(data, 'code'))}
    >
      <CodeField />
    </FormScreen>
  );
}

/** The one-time code field, marked invalid when the form's error is about the code. */
export function CodeField({ name = 'code', description }: { name?: string; description?: string }) {
  const m = useMessages();
  return (
    <Field name={name} invalid={isCodeError} described={description !== undefined}>
      <Label>{m.fields.code}</Label>
      {description !== undefined ? <FieldDescription>{description}</FieldDescription> : null}
      <CodeInput />
      <FieldError />
    </Field>
  );
}
