/** The admin API's objects as the contract sends them: plain JSON, dates as ISO strings. */
import type { AdminDeviceSummary, AdminGroupSummary, AdminUserSummary } from '@cognito-kit/core';
import type { AdminUser } from '../admin/convert.js';
import type { AdminDevice } from '../admin/devices.js';
import type { AdminGroup } from '../admin/groups.js';

const iso = (date: Date | undefined): string | undefined => date?.toISOString();

export function userView(user: AdminUser): AdminUserSummary {
  const created = iso(user.createdAt);
  const modified = iso(user.lastModifiedAt);
  return {
    username: user.username,
    attributes: user.attributes,
    enabled: user.enabled,
    status: user.status,
    ...(created !== undefined && { createdAt: created }),
    ...(modified !== undefined && { lastModifiedAt: modified }),
  };
}

export function groupView(group: AdminGroup): AdminGroupSummary {
  const created = iso(group.createdAt);
  return {
    name: group.name,
    ...(group.description !== undefined && { description: group.description }),
    ...(group.precedence !== undefined && { precedence: group.precedence }),
    ...(created !== undefined && { createdAt: created }),
  };
}

export function deviceView(device: AdminDevice): AdminDeviceSummary {
  const last = iso(device.lastAuthenticatedAt);
  const name = device.attributes['device_name'];
  return {
    deviceKey: device.deviceKey,
    ...(name !== undefined && { name }),
    remembered: device.attributes['dev:device_remembered_status'] === 'remembered',
    ...(last !== undefined && { lastAuthenticatedAt: last }),
  };
}
