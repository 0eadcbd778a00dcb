import { useState } from 'react';
import type { MfaMethodName } from '../../messages/types.js';
import { useMessages } from '../../messages/MessagesProvider.js';
import { joinTokens } from '../../parts/merge-props.js';
import {
  ChoiceGroup,
  Form,
  FormError,
  StatusMessage,
  SubmitButton,
  fieldText,
} from '../../parts/index.js';

/** Props of {@link MfaPreferenceForm}. */
export interface MfaPreferenceFormProps {
  /** Methods the user can use (TOTP only once an authenticator is verified). */
  available: readonly MfaMethodName[];
  /** The current preferred method, `null` when MFA is off. */
  preferred: MfaMethodName | null;
  /** Saves the choice; `null` turns MFA off. */
  onSubmit: (preferred: MfaMethodName | null) => unknown;
  className?: string;
}

const OFF = 'OFF';

/**
 * Choose the preferred second step (or none). With no method available and MFA off there is
 * nothing to choose, so it says how to get one instead of offering a lone "Off".
 */
export function MfaPreferenceForm({
  available,
  preferred,
  onSubmit,
  className,
}: MfaPreferenceFormProps) {
  const m = useMessages();
  const [saved, setSaved] = useState(false);
  if (available.length === 0 && preferred === null) {
    return (
      <p className={joinTokens('ck-description', className)}>{m.security.mfaNothingToChoose}</p>
    );
  }
  return (
    <Form
      aria-label={m.security.mfaTitle}
      autoFocus={false}
      className={className}
      onSubmit={async (data) => {
        const value = fieldText(data, 'preferred');
        setSaved(false);
        await onSubmit(available.find((a) => a === value) ?? null);
        setSaved(true);
      }}
    >
      <ChoiceGroup
        name="preferred"
        legend={m.security.mfaPreferred}
        defaultValue={preferred ?? OFF}
        options={[
          { value: OFF, label: m.security.mfaNone },
          ...available.map((a) => ({ value: a, label: m.mfa.method(a) })),
        ]}
      />
      <FormError />
      <SubmitButton>{m.actions.save}</SubmitButton>
      <StatusMessage>{saved ? m.security.mfaSaved : null}</StatusMessage>
    </Form>
  );
}
