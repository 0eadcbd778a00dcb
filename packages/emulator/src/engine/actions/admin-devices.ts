/**
 * Admin device and MFA actions: AdminListDevices, AdminGetDevice, AdminUpdateDeviceStatus,
 * AdminForgetDevice and AdminSetUserMFAPreference — the user-side actions' effects on a user
 * named by pool and `Username` (username, alias or sub) instead of an access token.
 */
import type { ActionMap } from '../protocol/action.js';
import type { EngineContext } from '../context.js';
import { requirePool } from '../model/users.js';
import { int, readInput } from '../protocol/validate.js';
import { tokenField, userPoolIdField, usernameField } from './admin-common.js';
import { requireAdminUser } from './admin-user-rules.js';
import {
  deviceKeyField,
  forgetDevice,
  rememberedStatusField,
  updateDeviceStatus,
} from './device-changes.js';
import { MAX_PAGE, deviceOutput, devicePage, requireDevice } from './device-shapes.js';
import { applyMfaPreference } from '../model/mfa-preference.js';
import { factorSettings } from './mfa.js';

const poolUser = { UserPoolId: userPoolIdField(), Username: usernameField() };

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
    const input = readInput(raw, { ...deviceKeyField, ...poolUser });
    const { pool, user } = target(ctx, input);
    return { Device: deviceOutput(pool, user, requireDevice(user, input.DeviceKey)) };
  },

  async AdminUpdateDeviceStatus(ctx, raw) {
    const input = readInput(raw, { ...poolUser, ...deviceKeyField, ...rememberedStatusField });
    const { user } = target(ctx, input);
    updateDeviceStatus(ctx, user, input.DeviceKey, input.DeviceRememberedStatus);
    return {};
  },

  async AdminForgetDevice(ctx, raw) {
    const input = readInput(raw, { ...poolUser, ...deviceKeyField });
    const { user } = target(ctx, input);
    forgetDevice(user, input.DeviceKey);
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
