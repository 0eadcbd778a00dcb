import { AnswerNotAcceptedError } from '../../messages/local-errors.js';
import { useMessages } from '../../messages/MessagesProvider.js';
import { Field, FieldError, Input, Label, fieldText } from '../../parts/index.js';
import { deliveryText, type CodeDelivery } from '../delivery.js';
import { FormScreen } from '../form-screen.js';

/** Props of {@link CustomChallengeForm}. */
export interface CustomChallengeFormProps {
  /** What the CreateAuthChallenge trigger exposed (public challenge parameters). */
  parameters: Readonly<Record<string, string>>;
  onSubmit: (answer: string) => unknown;
  error?: unknown;
  /**
   * Text to show above the answer field, from the trigger's parameters. Apps define their own
   * parameters, so pass e.g. `(p) => p.question`. Without it (or when it returns `undefined`)
   * the form says where a code was sent if the parameters name it the way Cognito's code
   * challenges do (`CODE_DELIVERY_DELIVERY_MEDIUM` and `CODE_DELIVERY_DESTINATION`), else nothing.
   */
  describe?: (parameters: Readonly<Record<string, string>>) => string | undefined;
  className?: string;
}

/** Where the trigger says it sent a code, when it uses Cognito's code-delivery parameter names. */
function codeDeliveryOf(parameters: Readonly<Record<string, string>>): CodeDelivery | undefined {
  const medium = parameters['CODE_DELIVERY_DELIVERY_MEDIUM'];
  const destination = parameters['CODE_DELIVERY_DESTINATION'];
  if ((medium !== 'EMAIL' && medium !== 'SMS') || !destination) return undefined;
  return { deliveryMedium: medium, destination };
}

const isRefusal = (error: unknown) => error instanceof AnswerNotAcceptedError;

/**
 * A CUSTOM_CHALLENGE step (may repeat): one answer field, marked invalid when the answer was not
 * accepted.
 *
 * @example
 * <CustomChallengeForm parameters={challenge.parameters} describe={(p) => p.question} onSubmit={answer} />
 */
export function CustomChallengeForm(props: CustomChallengeFormProps) {
  const m = useMessages();
  const delivery = codeDeliveryOf(props.parameters);
  return (
    <FormScreen
      title={m.mfa.customTitle}
      description={props.describe?.(props.parameters) ?? deliveryText(m, delivery)}
      submitLabel={m.actions.continue}
      className={props.className}
      error={props.error}
      onSubmit={(data) => props.onSubmit(fieldText(data, 'answer'))}
    >
      <Field name="answer" invalid={isRefusal}>
        <Label>{m.fields.answer}</Label>
        {/* A sent code is a one-time code browsers can fill in; a question's answer is not. */}
        <Input autoComplete={delivery ? 'one-time-code' : 'off'} required />
        <FieldError />
      </Field>
    </FormScreen>
  );
}
