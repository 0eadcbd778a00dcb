import type { CognitoClient } from '../cognito/index.js';
import type { NewDevice } from '../machine/index.js';
import type { Session, SessionManager } from '../session/index.js';
import { generateDeviceVerifier, type RandomBytes } from '../srp/index.js';

/**
 * Remembers a device Cognito started tracking: draws its secrets, sends the verifier with
 * ConfirmDevice, marks it remembered when the pool asks for the user's opt-in
 * (`UserConfirmationNecessary`), and stores the secrets per user for later device sign-ins.
 * The secrets are stored only after Cognito accepted the verifier.
 */
export async function confirmNewDevice(
  client: Pick<CognitoClient, 'confirmDevice' | 'updateDeviceStatus'>,
  session: Pick<SessionManager, 'setDevice'>,
  input: {
    deviceOwner: string;
    device: NewDevice;
    session: Session;
    deviceName?: string | undefined;
    random?: RandomBytes | undefined;
  },
): Promise<void> {
  const { deviceKey, deviceGroupKey } = input.device;
  const accessToken = input.session.tokens.accessToken;
  const verifier = await generateDeviceVerifier(deviceGroupKey, deviceKey, input.random);
  const answer = await client.confirmDevice({
    AccessToken: accessToken,
    DeviceKey: deviceKey,
    DeviceSecretVerifierConfig: {
      PasswordVerifier: verifier.passwordVerifier,
      Salt: verifier.salt,
    },
    ...(input.deviceName ? { DeviceName: input.deviceName } : {}),
  });
  if (answer.UserConfirmationNecessary === true) {
    await client.updateDeviceStatus({
      AccessToken: accessToken,
      DeviceKey: deviceKey,
      DeviceRememberedStatus: 'remembered',
    });
  }
  await session.setDevice(input.deviceOwner, {
    deviceKey,
    deviceGroupKey,
    devicePassword: verifier.devicePassword,
  });
}
