import { useChangePassword } from '../../hooks/useChangePassword.js';
import { useDevices } from '../../hooks/useDevices.js';
import { useMfa } from '../../hooks/useMfa.js';
import { useMessages } from '../../messages/MessagesProvider.js';
import type { MfaMethodName } from '../../messages/types.js';
import { Screen } from '../../parts/index.js';
import { TotpSetup } from '../TotpSetup/TotpSetup.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { DeviceList } from './DeviceList.js';
import { MfaPreferenceForm } from './MfaPreferenceForm.js';
import { PasskeySection } from './PasskeySection.js';

/** Props of {@link SecuritySettings}. */
export interface SecuritySettingsProps {
  /**
   * MFA factors the pool offers. Cognito does not tell clients, so without this only the factors
   * the user already has can be chosen as preferred.
   */
  mfaFactors?: readonly MfaMethodName[];
  /**
   * Show the passkeys section (list, add, remove). Only for pools with passkeys configured
   * (`WebAuthnConfiguration`): Cognito refuses the passkey calls elsewhere. Default false.
   */
  passkeys?: boolean;
  className?: string;
}

/**
 * The signed-in user's security page: preferred MFA method, authenticator-app setup, remembered
 * devices and password change. Each section is an exported part to rearrange at will.
 *
 * @example
 * <RequireAuth><SecuritySettings /></RequireAuth>
 */
export function SecuritySettings({
  mfaFactors,
  passkeys = false,
  className,
}: SecuritySettingsProps) {
  const m = useMessages();
  const mfa = useMfa(mfaFactors ? { factors: mfaFactors } : {});
  const devices = useDevices();
  const password = useChangePassword();
  return (
    <Screen title={m.security.title} className={className}>
      <div className="ck-section">
        <h3 className="ck-subtitle">{m.security.mfaTitle}</h3>
        {mfa.isLoading ? (
          <p className="ck-description">{m.security.loading}</p>
        ) : (
          <MfaPreferenceForm
            key={`${mfa.preferred ?? 'none'}:${mfa.available.join()}`}
            available={mfa.available}
            preferred={mfa.preferred}
            onSubmit={(preferred) => mfa.setPreferred(preferred)}
          />
        )}
      </div>
      {passkeys ? <PasskeySection /> : null}
      <TotpSetup level={3} className="ck-section ck-nested" />
      <div className="ck-section">
        <h3 className="ck-subtitle">{m.security.devicesTitle}</h3>
        {devices.isLoading ? (
          <p className="ck-description">{m.security.loading}</p>
        ) : (
          <DeviceList devices={devices.devices ?? []} onForget={(key) => devices.forget(key)} />
        )}
      </div>
      <ChangePasswordForm onSubmit={(values) => password.changePassword(values)} />
    </Screen>
  );
}
