import type { MfaMethodName } from '../../messages/types.js';
import { useMessages } from '../../messages/MessagesProvider.js';
import {
  ChoiceGroup,
  Form,
  FormError,
  Screen,
  SubmitButton,
  fieldText,
} from '../../parts/index.js';

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
    <Screen title={m.mfa.selectTitle} className={className}>
      <Form
        aria-label={m.mfa.selectTitle}
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
        <FormError />
        <SubmitButton>{m.actions.continue}</SubmitButton>
      </Form>
    </Screen>
  );
}
