import type { CognitoClient } from '../cognito/index.js';
import type { NewDevice } from '../machine/index.js';
import type { DeviceSecretStore, Session } from '../session/index.js';

/**
 * Remembers a device Cognito started tracking after sign-in: the account module's
 * `rememberDevice` (ConfirmDevice with a fresh verifier, UpdateDeviceStatus when the pool asks
 * for opt-in), then the device secrets are stored under `deviceOwner` — the user's internal
 * username (`Session.username`), whichever alias they signed in with — for later device
 * sign-ins, only once Cognito accepted the verifier.
 */
export async function confirmNewDevice(
  client: CognitoClient,
  devices: Pick<DeviceSecretStore, 'set'>,
  input: {
    deviceOwner: string;
    device: NewDevice;
    session: Session;
    deviceName?: string | undefined;
  },
): Promise<void> {
  const accessToken = input.session.tokens.accessToken;
  // Loaded on first use: only pools that track devices get here.
  const { rememberDevice } = await import('../account/devices.js');
  const remembered = await rememberDevice(client, () => Promise.resolve(accessToken), {
    deviceKey: input.device.deviceKey,
    deviceGroupKey: input.device.deviceGroupKey,
    ...(input.deviceName ? { deviceName: input.deviceName } : {}),
  });
  await devices.set(input.deviceOwner, {
    deviceKey: remembered.deviceKey,
    deviceGroupKey: remembered.deviceGroupKey,
    devicePassword: remembered.devicePassword,
  });
}
