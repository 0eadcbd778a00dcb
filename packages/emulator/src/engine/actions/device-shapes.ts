/**
 * Device members shared by the user (AccessToken) and admin device actions: `DeviceType` as
 * Cognito answers it, the lookup of a confirmed device, and ListDevices' page tokens.
 */
import { own } from '../records.js';
import { base64ToBytes, bytesToBase64 } from '../context.js';
import { serviceError } from '../errors.js';
import type { DeviceState, PoolState, UserState } from '../state.js';

/** ListDevices answers at most this many devices per page (the model's maximum Limit). */
export const MAX_PAGE = 60;

/** ResourceNotFoundException `Device does not exist.` */
export function deviceNotFound(): Error {
  return serviceError('ResourceNotFoundException', 'Device does not exist.');
}

/** A device of the user that went through ConfirmDevice. */
export function requireDevice(user: UserState, key: string): DeviceState {
  const device = own(user.devices, key);
  if (!device || device.verifier === undefined) throw deviceNotFound();
  return device;
}

/** Dates are JSON numbers of epoch seconds; Cognito keeps the milliseconds as a fraction. */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}

/** `DeviceType` as Cognito answers it. */
export function deviceOutput(
  pool: PoolState,
  user: UserState,
  device: DeviceState,
): Record<string, unknown> {
  const attributes: { Name: string; Value: string }[] = [{ Name: 'device_status', Value: 'valid' }];
  const name = own(device.attributes, 'device_name');
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

/** Opaque ListDevices page token for the position `index`. */
export function encodePageToken(index: number): string {
  return bytesToBase64(new TextEncoder().encode(JSON.stringify({ i: index })));
}

/** The position a ListDevices page token names (InvalidParameterException otherwise). */
export function decodePageToken(token: string): number {
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

/**
 * One ListDevices / AdminListDevices page of the user's confirmed devices, oldest first.
 *
 * @example
 * return devicePage(pool, user, req.Limit, req.PaginationToken);
 */
export function devicePage(
  pool: PoolState,
  user: UserState,
  limit: number | undefined,
  token: string | undefined,
): Record<string, unknown> {
  const devices = Object.values(user.devices)
    .filter((d) => d.verifier !== undefined)
    .sort((a, b) => a.createdAt - b.createdAt || a.deviceKey.localeCompare(b.deviceKey));
  const start = token === undefined ? 0 : decodePageToken(token);
  const size = limit === undefined || limit === 0 ? MAX_PAGE : limit;
  const page = devices.slice(start, start + size);
  const next = start + page.length;
  return {
    Devices: page.map((d) => deviceOutput(pool, user, d)),
    ...(next < devices.length && { PaginationToken: encodePageToken(next) }),
  };
}
