/**
 * Remembered devices (COGNITO-PROTOCOL §4): ConfirmDevice stores the device's SRP verifier and
 * salt so DEVICE_SRP_AUTH can check it later; ListDevices, GetDevice, UpdateDeviceStatus and
 * ForgetDevice manage the user's devices.
 */
import { own } from '../records.js';
import type { ActionMap } from '../action.js';
import { base64ToBytes } from '../context.js';
import { serviceError } from '../errors.js';
import { bytesToHex } from '../srp.js';
import { authenticateAccessToken } from '../tokens.js';
import { int, readInput, rules, str, struct } from '../validate.js';
import {
  deviceKeyField,
  forgetDevice,
  rememberedStatusField,
  updateDeviceStatus,
} from './device-changes.js';
import {
  MAX_PAGE,
  deviceNotFound,
  deviceOutput,
  devicePage,
  requireDevice,
} from './device-shapes.js';

const accessToken = { AccessToken: str({ required: true, ...rules.token }) };

/**
 * Reads a base64 big-endian integer (PasswordVerifier, Salt) as lowercase hex without leading
 * zeros — the integer is what SRP uses, whatever padding the client sent.
 */
function base64Integer(text: string | undefined, member: string): string {
  const bytes = text === undefined ? null : base64ToBytes(text);
  if (bytes === null || bytes.length === 0) {
    throw serviceError(
      'InvalidParameterException',
      `Invalid ${member} in DeviceSecretVerifierConfig.`,
    );
  }
  const hex = BigInt(`0x${bytesToHex(bytes)}`).toString(16);
  if (hex === '0') {
    throw serviceError(
      'InvalidParameterException',
      `Invalid ${member} in DeviceSecretVerifierConfig.`,
    );
  }
  return hex;
}

/** ConfirmDevice, ListDevices, GetDevice, UpdateDeviceStatus, ForgetDevice. */
export const deviceActions: ActionMap = {
  async ConfirmDevice(ctx, input) {
    const req = readInput(input, {
      ...accessToken,
      ...deviceKeyField,
      DeviceSecretVerifierConfig: struct({ PasswordVerifier: str(), Salt: str() }),
      DeviceName: str({ min: 1, max: 1024 }),
    });
    const { pool, user } = await authenticateAccessToken(ctx, req.AccessToken);
    const device = own(user.devices, req.DeviceKey);
    if (!device || pool.deviceConfiguration === null) throw deviceNotFound();
    // A device is confirmed once, right after the sign-in that created it.
    if (device.verifier !== undefined) {
      throw serviceError('DeviceKeyExistsException', 'Device key already exists.');
    }
    const config = req.DeviceSecretVerifierConfig;
    device.verifier = base64Integer(config?.PasswordVerifier, 'PasswordVerifier');
    device.salt = base64Integer(config?.Salt, 'Salt');
    if (req.DeviceName !== undefined) device.attributes['device_name'] = req.DeviceName;
    const optIn = pool.deviceConfiguration.deviceOnlyRememberedOnUserPrompt;
    // "Always remember" pools remember at once; opt-in pools wait for UpdateDeviceStatus.
    device.rememberedStatus = optIn ? null : 'remembered';
    device.lastModifiedAt = ctx.clock.now();
    ctx.changed();
    return { UserConfirmationNecessary: optIn };
  },

  async ListDevices(ctx, input) {
    const req = readInput(input, {
      ...accessToken,
      Limit: int({ min: 0, max: MAX_PAGE }),
      PaginationToken: str({ min: 1 }),
    });
    const { pool, user } = await authenticateAccessToken(ctx, req.AccessToken);
    return devicePage(pool, user, req.Limit, req.PaginationToken);
  },

  async GetDevice(ctx, input) {
    const req = readInput(input, { ...deviceKeyField, ...accessToken });
    const { pool, user } = await authenticateAccessToken(ctx, req.AccessToken);
    return { Device: deviceOutput(pool, user, requireDevice(user, req.DeviceKey)) };
  },

  async UpdateDeviceStatus(ctx, input) {
    const req = readInput(input, { ...accessToken, ...deviceKeyField, ...rememberedStatusField });
    const { user } = await authenticateAccessToken(ctx, req.AccessToken);
    updateDeviceStatus(ctx, user, req.DeviceKey, req.DeviceRememberedStatus);
    return {};
  },

  async ForgetDevice(ctx, input) {
    const req = readInput(input, { ...accessToken, ...deviceKeyField });
    const { user } = await authenticateAccessToken(ctx, req.AccessToken);
    forgetDevice(ctx, user, req.DeviceKey);
    return {};
  },
};
