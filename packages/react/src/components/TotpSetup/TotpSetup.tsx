import { useState } from 'react';
import { useMfa } from '../../hooks/useMfa.js';
import { useMessages } from '../../messages/MessagesProvider.js';
import { ActionButton, Screen } from '../../parts/index.js';
import { TotpSetupView } from './TotpSetupView.js';

/** Props of {@link TotpSetup}. */
export interface TotpSetupProps {
  /** Called once the app is verified (and made the preferred method). */
  onSuccess?: () => void;
  /** Heading level of the title (3 when nested in a settings page). */
  level?: 2 | 3 | 4;
  className?: string;
}

/**
 * Authenticator-app setup for the signed-in user: a button starts it (so no secret is created
 * by merely rendering), then the QR code, the key with a copy button, and the first code.
 *
 * @example
 * <TotpSetup onSuccess={() => toast('Authenticator app added')} />
 */
export function TotpSetup({ onSuccess, level, className }: TotpSetupProps) {
  const mfa = useMfa();
  const m = useMessages();
  const [setup, setSetup] = useState<{ secretCode: string; uri: string } | null>(null);
  if (!setup) {
    return (
      <Screen title={m.totp.title} level={level} className={className} data-state="idle">
        <ActionButton action={async () => setSetup(await mfa.setupTotp())}>
          {m.actions.setUpTotp}
        </ActionButton>
      </Screen>
    );
  }
  return (
    <TotpSetupView
      className={className}
      level={level}
      secretCode={setup.secretCode}
      uri={setup.uri}
      onVerify={(code) => mfa.verifyTotp(code)}
      onSuccess={onSuccess}
    />
  );
}
