/** A user's remembered devices (device tracking must be on in the pool). */
import type { CallOptions } from '../low-level.js';
import type { AdminCaller } from './caller.js';
import { fromWireAttributes, requireString, toDate } from './convert.js';
import { requireText, requireUsername } from './input.js';
import {
  LIMIT_PAGINATION_TOKEN,
  allPages,
  pageOf,
  pageRequest,
  type Page,
  type PageOptions,
} from './pages.js';
import type { WireDevice } from './wire-types.js';

export interface AdminDevice {
  readonly deviceKey: string;
  /** `device_name`, `device_status` (`valid`), `dev:device_remembered_status`, … */
  readonly attributes: Readonly<Record<string, string>>;
  readonly createdAt: Date | undefined;
  readonly lastModifiedAt: Date | undefined;
  readonly lastAuthenticatedAt: Date | undefined;
}

export interface AdminDevices {
  /** AdminListDevices, one page. */
  list(username: string, options?: PageOptions, call?: CallOptions): Promise<Page<AdminDevice>>;
  /** AdminListDevices, every page. */
  all(username: string, call?: CallOptions): AsyncIterable<AdminDevice>;
  /** AdminGetDevice. */
  get(username: string, deviceKey: string, call?: CallOptions): Promise<AdminDevice>;
  /** AdminUpdateDeviceStatus. */
  updateStatus(
    username: string,
    deviceKey: string,
    status: 'remembered' | 'not_remembered',
    call?: CallOptions,
  ): Promise<void>;
  /** AdminForgetDevice. */
  forget(username: string, deviceKey: string, call?: CallOptions): Promise<void>;
}

function fromWireDevice(wire: WireDevice | undefined, where: string): AdminDevice {
  return {
    deviceKey: requireString(wire?.DeviceKey, `${where}.DeviceKey`),
    attributes: fromWireAttributes(wire?.DeviceAttributes, `${where}.DeviceAttributes`),
    createdAt: toDate(wire?.DeviceCreateDate, `${where}.DeviceCreateDate`),
    lastModifiedAt: toDate(wire?.DeviceLastModifiedDate, `${where}.DeviceLastModifiedDate`),
    lastAuthenticatedAt: toDate(
      wire?.DeviceLastAuthenticatedDate,
      `${where}.DeviceLastAuthenticatedDate`,
    ),
  };
}

export function adminDevices(caller: AdminCaller): AdminDevices {
  const ref = (username: string, deviceKey: string) => ({
    Username: requireUsername(username),
    DeviceKey: requireText(deviceKey, 'The device key'),
  });
  const list: AdminDevices['list'] = async (username, options = {}, c) => {
    const answer = await caller.call(
      'AdminListDevices',
      { Username: requireUsername(username), ...pageRequest(options, LIMIT_PAGINATION_TOKEN) },
      c,
    );
    return pageOf(answer.Devices, answer.PaginationToken, fromWireDevice, 'Devices');
  };
  return {
    list,
    all: (username, c) => allPages((next) => list(username, next, c)),
    async get(username, deviceKey, c) {
      const answer = await caller.call('AdminGetDevice', ref(username, deviceKey), c);
      return fromWireDevice(answer.Device, 'AdminGetDevice.Device');
    },
    async updateStatus(username, deviceKey, status, c) {
      await caller.call(
        'AdminUpdateDeviceStatus',
        { ...ref(username, deviceKey), DeviceRememberedStatus: status },
        c,
      );
    },
    async forget(username, deviceKey, c) {
      await caller.call('AdminForgetDevice', ref(username, deviceKey), c);
    },
  };
}
