/**
 * Admin device and MFA actions: AdminListDevices, AdminGetDevice, AdminUpdateDeviceStatus,
 * AdminForgetDevice and AdminSetUserMFAPreference — the user-side actions' effects on a user
 * named by pool and `Username` (username, alias or sub) instead of an access token.
 */
import type { ActionMap } from '../action.js';
import type { EngineContext } from '../context.js';
import { requirePool } from '../users.js';
import { int, oneOf, readInput, rules, str } from '../validate.js';
import { tokenField, userPoolIdField, usernameField } from './admin-common.js';
import { requireAdminUser } from './admin-user-rules.js';
import {
  MAX_PAGE,
  deviceNotFound,
  deviceOutput,
  devicePage,
  requireDevice,
} from './device-shapes.js';
import { applyMfaPreference, factorSettings } from './mfa.js';

const poolUser = { UserPoolId: userPoolIdField(), Username: usernameField() };
const deviceKey = { DeviceKey: str({ required: true, ...rules.deviceKey }) };

/** Resolves the pool and user an admin call names. */
function target(ctx: EngineContext, input: { UserPoolId: string; Username: string }) {
  const pool = requirePool(ctx, input.UserPoolId);
  return { pool, user: requireAdminUser(pool, input.Username) };
}

/** The admin device and MFA-preference actions, by name. */
export const deviceAdminActions: ActionMap = {
  async AdminListDevices(ctx, raw) {
    const input = readInput(raw, {
      ...poolUser,
      Limit: int({ min: 0, max: MAX_PAGE }),
      PaginationToken: tokenField(),
    });
    const { pool, user } = target(ctx, input);
    return devicePage(pool, user, input.Limit, input.PaginationToken);
  },

  async AdminGetDevice(ctx, raw) {
    const input = readInput(raw, { ...deviceKey, ...poolUser });
    const { pool, user } = target(ctx, input);
    return { Device: deviceOutput(pool, user, requireDevice(user, input.DeviceKey)) };
  },

  async AdminUpdateDeviceStatus(ctx, raw) {
    const input = readInput(raw, {
      ...poolUser,
      ...deviceKey,
      DeviceRememberedStatus: oneOf(['remembered', 'not_remembered']),
    });
    const { user } = target(ctx, input);
    const device = requireDevice(user, input.DeviceKey);
    if (input.DeviceRememberedStatus !== undefined) {
      device.rememberedStatus = input.DeviceRememberedStatus;
    }
    device.lastModifiedAt = ctx.clock.now();
    ctx.changed();
    return {};
  },

  async AdminForgetDevice(ctx, raw) {
    const input = readInput(raw, { ...poolUser, ...deviceKey });
    const { user } = target(ctx, input);
    if (!user.devices[input.DeviceKey]) throw deviceNotFound();
    delete user.devices[input.DeviceKey];
    ctx.changed();
    return {};
  },

  async AdminSetUserMFAPreference(ctx, raw) {
    const input = readInput(raw, {
      SMSMfaSettings: factorSettings,
      SoftwareTokenMfaSettings: factorSettings,
      EmailMfaSettings: factorSettings,
      ...poolUser,
    });
    const { user } = target(ctx, input);
    applyMfaPreference(ctx, user, input);
    return {};
  },
};
