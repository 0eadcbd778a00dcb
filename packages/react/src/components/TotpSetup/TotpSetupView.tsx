import { useState } from 'react';
import { useMessages } from '../../messages/MessagesProvider.js';
import {
  CopyButton,
  Form,
  FormError,
  QrCode,
  Screen,
  StatusMessage,
  SubmitButton,
  fieldText,
} from '../../parts/index.js';
import { CodeField } from '../MfaChallenge/MfaCodeForm.js';

/** Props of {@link TotpSetupView}. */
export interface TotpSetupViewProps {
  /** Base32 secret as Cognito returned it. */
  secretCode: string;
  /** `otpauth://totp/…` URI for the QR code. */
  uri: string;
  /** Verifies the first code; resolves when the app is set up. */
  onVerify: (code: string) => unknown;
  /** Called after a successful verification. */
  onSuccess?: () => void;
  error?: unknown;
  /** Heading level of the title (3 when nested in a settings page). */
  level?: 2 | 3 | 4;
  className?: string;
}

/** Groups the secret in fours so it can be read out and typed without losing one's place. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * TOTP setup: the QR code, the key as text with a copy button, and the first code, in that reading
 * and Tab order; focus starts on the title, so nothing is skipped on the way to the code field.
 * Once verified the QR code and key are gone (the secret should not linger on screen) and focus
 * is back on the title, above the success message. `data-state` on the screen is `setup` until
 * verified, then `success`.
 */
export function TotpSetupView(props: TotpSetupViewProps) {
  const m = useMessages();
  const [done, setDone] = useState(false);
  return (
    <Screen
      title={m.totp.title}
      description={done ? undefined : m.totp.instructions}
      className={props.className}
      level={props.level}
      data-state={done ? 'success' : 'setup'}
      // A new key after success focuses the title again (the form that had focus is gone).
      key={done ? 'success' : 'setup'}
      focusTitle
    >
      {done ? (
        <StatusMessage>{m.totp.success}</StatusMessage>
      ) : (
        <>
          <QrCode value={props.uri} label={m.totp.qrLabel} />
          <p className="ck-secret">
            <span className="ck-label">{m.totp.secretLabel}:</span>
            <code>{groupSecret(props.secretCode)}</code>
            <CopyButton
              value={props.secretCode}
              aria-label={`${m.actions.copy}: ${m.totp.secretLabel}`}
            >
              {m.actions.copy}
            </CopyButton>
          </p>
          <Form
            aria-label={m.totp.title}
            autoFocus={false}
            error={props.error}
            onSubmit={async (data) => {
              await props.onVerify(fieldText(data, 'code'));
              setDone(true);
              props.onSuccess?.();
            }}
          >
            <CodeField description={m.totp.codeDescription} />
            <FormError />
            <SubmitButton>{m.actions.verify}</SubmitButton>
          </Form>
        </>
      )}
    </Screen>
  );
}
