import { useMessages } from '../../messages/MessagesProvider.js';
import { ActionButton, Form, FormError, Screen, SubmitButton } from '../../parts/index.js';

/** Props of {@link RememberDeviceStep}. */
export interface RememberDeviceStepProps {
  /** Answers Cognito's question: remember this device (ConfirmDevice), or not. */
  onAnswer: (remember: boolean) => unknown;
  className?: string | undefined;
}

/**
 * The question after the tokens arrived with a new device key (the pool tracks devices and the
 * auth config says `rememberDevice: 'ask'`): remember this device, or not now. Shown only then,
 * so the choice is never offered where it would do nothing.
 */
export function RememberDeviceStep({ onAnswer, className }: RememberDeviceStepProps) {
  const m = useMessages();
  return (
    <Screen
      title={m.signIn.rememberDeviceTitle}
      description={m.signIn.rememberDeviceDescription}
      className={className}
    >
      <Form aria-label={m.signIn.rememberDeviceTitle} onSubmit={() => onAnswer(true)}>
        <FormError />
        <SubmitButton>{m.signIn.rememberDeviceYes}</SubmitButton>
        <ActionButton action={() => onAnswer(false)}>{m.signIn.rememberDeviceNo}</ActionButton>
      </Form>
    </Screen>
  );
}
