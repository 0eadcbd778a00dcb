import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../../messages/MessagesProvider.js';
import { FormScreen } from '../form-screen.js';

/** Props of {@link PasskeyStep}. */
export interface PasskeyStepProps {
  /** Asks the browser for the passkey and sends the assertion (`answerChallenge({ name: 'WEB_AUTHN' })`). */
  onUsePasskey: () => unknown;
  /**
   * Open the browser's prompt at once: the user has just chosen the passkey, so a second click
   * would be one too many. A dismissed prompt leaves the button to try again.
   */
  autoStart?: boolean;
  error?: unknown;
  className?: string;
}

/** The WEB_AUTHN step: a button that opens the browser's passkey prompt, and why it failed. */
export function PasskeyStep({
  onUsePasskey,
  autoStart = false,
  error,
  className,
}: PasskeyStepProps) {
  const m = useMessages();
  const [startError, setStartError] = useState<unknown>(null);
  const started = useRef(false);
  useEffect(() => {
    if (!autoStart || started.current) return;
    started.current = true;
    Promise.resolve()
      .then(onUsePasskey)
      .catch((e: unknown) => setStartError(e));
  }, [autoStart, onUsePasskey]);
  return (
    <FormScreen
      title={m.passwordless.passkeyTitle}
      description={m.passwordless.passkeyDescription}
      submitLabel={startError ? m.passwordless.passkeyRetry : m.passwordless.factors.WEB_AUTHN}
      className={className}
      error={startError ?? error}
      onSubmit={async () => {
        setStartError(null);
        await onUsePasskey();
      }}
    />
  );
}
