import { useMessages } from '../../messages/MessagesProvider.js';
import { Field, FieldError, Input, Label, fieldText } from '../../parts/index.js';
import { FormScreen } from '../form-screen.js';

/** Props of {@link CustomChallengeForm}. */
export interface CustomChallengeFormProps {
  /** What the CreateAuthChallenge trigger exposed (public challenge parameters). */
  parameters: Readonly<Record<string, string>>;
  onSubmit: (answer: string) => unknown;
  error?: unknown;
  /**
   * Text to show above the answer field, from the trigger's parameters. Apps define their own
   * parameters, so by default nothing is shown: pass e.g. `(p) => p.question`.
   */
  describe?: (parameters: Readonly<Record<string, string>>) => string | undefined;
  className?: string;
}

/** A CUSTOM_CHALLENGE step (may repeat): one answer field. */
export function CustomChallengeForm(props: CustomChallengeFormProps) {
  const m = useMessages();
  return (
    <FormScreen
      title={m.mfa.customTitle}
      description={props.describe?.(props.parameters)}
      submitLabel={m.actions.continue}
      className={props.className}
      error={props.error}
      onSubmit={(data) => props.onSubmit(fieldText(data, 'answer'))}
    >
      <Field name="answer">
        <Label>{m.fields.answer}</Label>
        <Input autoComplete="off" required />
        <FieldError />
      </Field>
    </FormScreen>
  );
}
