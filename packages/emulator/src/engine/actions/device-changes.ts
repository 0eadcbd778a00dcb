/**
 * Device changes shared by the user (AccessToken) and admin device actions: the `DeviceKey` and
 * `DeviceRememberedStatus` members and what UpdateDeviceStatus / ForgetDevice do to the user's
 * devices once the caller has named the user.
 */
import { own } from '../records.js';
import type { EngineContext } from '../context.js';
import type { UserState } from '../state.js';
import { oneOf, rules, str } from '../validate.js';
import { deviceNotFound, requireDevice } from './device-shapes.js';

/** The required `DeviceKey` member, spread into an action's input shape. */
export const deviceKeyField = { DeviceKey: str({ required: true, ...rules.deviceKey }) };

/** The optional `DeviceRememberedStatus` member of (Admin)UpdateDeviceStatus. */
export const rememberedStatusField = {
  DeviceRememberedStatus: oneOf(['remembered', 'not_remembered']),
};

/**
 * (Admin)UpdateDeviceStatus: sets the remembered status of a confirmed device when one is given
 * and marks the device modified either way.
 *
 * @example
 * updateDeviceStatus(ctx, user, req.DeviceKey, req.DeviceRememberedStatus);
 */
export function updateDeviceStatus(
  ctx: EngineContext,
  user: UserState,
  key: string,
  status: 'remembered' | 'not_remembered' | undefined,
): void {
  const device = requireDevice(user, key);
  if (status !== undefined) device.rememberedStatus = status;
  device.lastModifiedAt = ctx.clock.now();
  ctx.changed();
}

/**
 * (Admin)ForgetDevice: removes the device, confirmed or not (ResourceNotFoundException when the
 * user has no such device).
 *
 * @example
 * forgetDevice(ctx, user, req.DeviceKey);
 */
export function forgetDevice(ctx: EngineContext, user: UserState, key: string): void {
  if (!own(user.devices, key)) throw deviceNotFound();
  delete user.devices[key];
  ctx.changed();
}
