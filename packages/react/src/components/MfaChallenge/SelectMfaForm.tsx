import type { MfaMethodName } from '../../messages/types.js';
import { useMessages } from '../../messages/MessagesProvider.js';
import { ChoiceGroup, fieldText } from '../../parts/index.js';
import { FormScreen } from '../form-screen.js';

/** Props of {@link SelectMfaForm}. */
export interface SelectMfaFormProps {
  /** The methods Cognito offers (SELECT_MFA_TYPE `MFAS_CAN_CHOOSE`). */
  options: readonly MfaMethodName[];
  onSubmit: (method: MfaMethodName) => unknown;
  error?: unknown;
  className?: string;
}

/** The SELECT_MFA_TYPE step: the user picks how to receive the sign-in code. */
export function SelectMfaForm({ options, onSubmit, error, className }: SelectMfaFormProps) {
  const m = useMessages();
  return (
    <FormScreen
      title={m.mfa.selectTitle}
      submitLabel={m.actions.continue}
      className={className}
      error={error}
      onSubmit={(data) => {
        const chosen = options.find((o) => o === fieldText(data, 'mfa'));
        return chosen ? onSubmit(chosen) : undefined;
      }}
    >
      <ChoiceGroup
        name="mfa"
        legend={m.mfa.selectDescription}
        options={options.map((o) => ({ value: o, label: m.mfa.method(o) }))}
      />
    </FormScreen>
  );
}
