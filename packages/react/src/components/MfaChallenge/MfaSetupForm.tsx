import { useState } from 'react';
import { useMessages } from '../../messages/MessagesProvider.js';
import { ChoiceGroup, Field, FieldError, Input, Label, fieldText } from '../../parts/index.js';
import { FormScreen } from '../form-screen.js';

/** The methods that can be set up during sign-in (SMS cannot). */
export type MfaSetupMethod = 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

/** What {@link MfaSetupForm} submits. */
export type MfaSetupChoice =
  | { readonly setup: 'SOFTWARE_TOKEN_MFA' }
  | { readonly setup: 'EMAIL_OTP'; readonly email: string };

/** Props of {@link MfaSetupForm}. */
export interface MfaSetupFormProps {
  /** MFA_SETUP `MFAS_CAN_SETUP`. */
  options: readonly MfaSetupMethod[];
  onSubmit: (choice: MfaSetupChoice) => unknown;
  error?: unknown;
  className?: string;
}

/** The first MFA_SETUP step: choose an authenticator app or e-mail (with the address). */
export function MfaSetupForm({ options, onSubmit, error, className }: MfaSetupFormProps) {
  const m = useMessages();
  const [method, setMethod] = useState<string | undefined>(options[0]);
  return (
    <FormScreen
      title={m.mfa.setupTitle}
      submitLabel={m.actions.continue}
      className={className}
      error={error}
      onSubmit={(data) =>
        method === 'EMAIL_OTP'
          ? onSubmit({ setup: 'EMAIL_OTP', email: fieldText(data, 'email') })
          : onSubmit({ setup: 'SOFTWARE_TOKEN_MFA' })
      }
    >
      <ChoiceGroup
        name="setup"
        legend={m.mfa.setupDescription}
        options={options.map((o) => ({ value: o, label: m.mfa.method(o) }))}
        onValueChange={setMethod}
      />
      {method === 'EMAIL_OTP' ? (
        <Field name="email">
          <Label>{m.fields.email}</Label>
          <Input type="email" autoComplete="email" required />
          <FieldError />
        </Field>
      ) : null}
    </FormScreen>
  );
}
