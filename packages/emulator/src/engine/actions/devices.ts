/**
 * Remembered devices (COGNITO-PROTOCOL §4): ConfirmDevice stores the device's SRP verifier and
 * salt so DEVICE_SRP_AUTH can check it later; ListDevices, GetDevice, UpdateDeviceStatus and
 * ForgetDevice manage the user's devices.
 */
import type { ActionMap } from '../action.js';
import { base64ToBytes, bytesToBase64 } from '../context.js';
import { serviceError } from '../errors.js';
import { bytesToHex } from '../srp.js';
import type { DeviceState, PoolState, UserState } from '../state.js';
import { authenticateAccessToken } from '../tokens.js';
import { int, oneOf, readInput, rules, str, struct } from '../validate.js';

const accessToken = { AccessToken: str({ required: true, ...rules.token }) };
const deviceKey = { DeviceKey: str({ required: true, ...rules.deviceKey }) };

/** ListDevices answers at most this many devices per page (the model's maximum Limit). */
const MAX_PAGE = 60;

function deviceNotFound(): Error {
  return serviceError('ResourceNotFoundException', 'Device does not exist.');
}

/** A device of the user that went through ConfirmDevice. */
function requireDevice(user: UserState, key: string): DeviceState {
  const device = user.devices[key];
  if (!device || device.verifier === undefined) throw deviceNotFound();
  return device;
}

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

/** Dates are JSON numbers of epoch seconds; Cognito keeps the milliseconds as a fraction. */
function epochSeconds(ms: number): number {
  return ms / 1000;
}

/** `DeviceType` as Cognito answers it. */
function deviceOutput(
  pool: PoolState,
  user: UserState,
  device: DeviceState,
): Record<string, unknown> {
  const attributes: { Name: string; Value: string }[] = [{ Name: 'device_status', Value: 'valid' }];
  const name = device.attributes['device_name'];
  if (name !== undefined) attributes.push({ Name: 'device_name', Value: name });
  const owner = `${user.username}.${pool.id}`;
  attributes.push({ Name: 'dev:device_owner', Value: owner });
  for (const [key, value] of Object.entries(device.attributes)) {
    if (key !== 'device_name') attributes.push({ Name: key, Value: value });
  }
  if (device.rememberedStatus !== null) {
    attributes.push({ Name: 'dev:device_remembered_status', Value: device.rememberedStatus });
  }
  return {
    DeviceKey: device.deviceKey,
    DeviceAttributes: attributes,
    DeviceCreateDate: epochSeconds(device.createdAt),
    DeviceLastModifiedDate: epochSeconds(device.lastModifiedAt),
    DeviceLastAuthenticatedDate: epochSeconds(device.lastAuthenticatedAt),
  };
}

function encodePageToken(index: number): string {
  return bytesToBase64(new TextEncoder().encode(JSON.stringify({ i: index })));
}

function decodePageToken(token: string): number {
  const bytes = base64ToBytes(token);
  try {
    const value = bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as { i?: unknown }) : null;
    if (value && typeof value.i === 'number' && Number.isInteger(value.i) && value.i >= 0) {
      return value.i;
    }
  } catch {
    // Fall through to the error below.
  }
  throw serviceError('InvalidParameterException', 'Invalid pagination token.');
}

/** ConfirmDevice, ListDevices, GetDevice, UpdateDeviceStatus, ForgetDevice. */
export const deviceActions: ActionMap = {
  async ConfirmDevice(ctx, input) {
    const req = readInput(input, {
      ...accessToken,
      ...deviceKey,
      DeviceSecretVerifierConfig: struct({ PasswordVerifier: str(), Salt: str() }),
      DeviceName: str({ min: 1, max: 1024 }),
    });
    const { pool, user } = await authenticateAccessToken(ctx, req.AccessToken);
    const device = user.devices[req.DeviceKey];
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
    const devices = Object.values(user.devices)
      .filter((d) => d.verifier !== undefined)
      .sort((a, b) => a.createdAt - b.createdAt || a.deviceKey.localeCompare(b.deviceKey));
    const start = req.PaginationToken === undefined ? 0 : decodePageToken(req.PaginationToken);
    const limit = req.Limit === undefined || req.Limit === 0 ? MAX_PAGE : req.Limit;
    const page = devices.slice(start, start + limit);
    const next = start + page.length;
    return {
      Devices: page.map((d) => deviceOutput(pool, user, d)),
      ...(next < devices.length && { PaginationToken: encodePageToken(next) }),
    };
  },

  async GetDevice(ctx, input) {
    const req = readInput(input, { ...deviceKey, ...accessToken });
    const { pool, user } = await authenticateAccessToken(ctx, req.AccessToken);
    return { Device: deviceOutput(pool, user, requireDevice(user, req.DeviceKey)) };
  },

  async UpdateDeviceStatus(ctx, input) {
    const req = readInput(input, {
      ...accessToken,
      ...deviceKey,
      DeviceRememberedStatus: oneOf(['remembered', 'not_remembered']),
    });
    const { user } = await authenticateAccessToken(ctx, req.AccessToken);
    const device = requireDevice(user, req.DeviceKey);
    if (req.DeviceRememberedStatus !== undefined) {
      device.rememberedStatus = req.DeviceRememberedStatus;
    }
    device.lastModifiedAt = ctx.clock.now();
    ctx.changed();
    return {};
  },

  async ForgetDevice(ctx, input) {
    const req = readInput(input, { ...accessToken, ...deviceKey });
    const { user } = await authenticateAccessToken(ctx, req.AccessToken);
    if (!user.devices[req.DeviceKey]) throw deviceNotFound();
    delete user.devices[req.DeviceKey];
    ctx.changed();
    return {};
  },
};
