import { SecuritySettings, useAuth, useCognitoAuth } from '@cognito-kit/react';
import { useState } from 'react';

/** Security: the drop-in settings, plus signing out of every device. */
export function SecurityPage() {
  const signOut = useAuth((view) => view.signOut);
  const [busy, setBusy] = useState(false);
  // Pools with choice-based sign-in have passkeys configured in this demo.
  const passkeys = useCognitoAuth().authFlow === 'USER_AUTH';
  return (
    <div className="demo-page demo-security">
      <h1 className="demo-visually-hidden">Security</h1>
      <SecuritySettings className="demo-settings" passkeys={passkeys} />
      <section className="demo-panel" aria-labelledby="everywhere-title">
        <h2 id="everywhere-title">Sign out everywhere</h2>
        <p>Ends every session of your account, on all devices, and revokes their tokens.</p>
        <button
          type="button"
          className="demo-danger"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void signOut({ global: true }).finally(() => setBusy(false));
          }}
        >
          Sign out of all devices
        </button>
      </section>
    </div>
  );
}
