import type { CognitoClient } from '../cognito/client.js';
import type { CallOptions } from '../cognito/transport.js';
import type { DeviceType } from '../cognito/types.js';
import { invalidInput } from '../errors/index.js';
import { generateDeviceVerifier } from '../srp/device-srp.js';
import {
  fromAttributeList,
  readAccessToken,
  requireDeviceKey,
  type AccessTokenSource,
} from './shared.js';

/** A tracked device, in friendly terms. */
export interface Device {
  deviceKey: string;
  /** The `device_name` attribute (set by ConfirmDevice's DeviceName), if any. */
  name: string | undefined;
  /** From `dev:device_remembered_status`; undefined when Cognito does not say. */
  remembered: boolean | undefined;
  /** All device attributes by name (`device_name`, `last_ip_used`, …). */
  attributes: Record<string, string>;
  createdAt: Date | undefined;
  lastModifiedAt: Date | undefined;
  lastAuthenticatedAt: Date | undefined;
}

/** Converts a wire DeviceType to {@link Device}. */
export function toDevice(device: DeviceType): Device {
  const attributes = fromAttributeList(device.DeviceAttributes);
  const status = attributes['dev:device_remembered_status'];
  return {
    deviceKey: device.DeviceKey ?? '',
    name: attributes.device_name,
    remembered: status === 'remembered' ? true : status === 'not_remembered' ? false : undefined,
    attributes,
    createdAt: toDate(device.DeviceCreateDate),
    lastModifiedAt: toDate(device.DeviceLastModifiedDate),
    lastAuthenticatedAt: toDate(device.DeviceLastAuthenticatedDate),
  };
}

// The JSON protocol sends dates as epoch seconds (possibly fractional).
function toDate(seconds: number | undefined): Date | undefined {
  return seconds === undefined ? undefined : new Date(seconds * 1000);
}

/** Input of {@link rememberDevice}: the sign-in's `NewDeviceMetadata`. */
export interface RememberDeviceInput {
  deviceKey: string;
  deviceGroupKey: string;
  /** Shown in device lists, e.g. the browser's user agent summary. */
  deviceName?: string;
  /**
   * When the pool asks the user ("user opt-in"), whether they chose to remember this device.
   * Default true. Ignored when the pool remembers devices on its own.
   */
  remember?: boolean;
}

/**
 * The secrets of a device that can now sign in with device SRP. Persist them per user
 * (the session module does); `devicePassword` is a secret.
 */
export interface RememberedDevice {
  deviceKey: string;
  deviceGroupKey: string;
  devicePassword: string;
  /** Whether Cognito asked for the user's choice (pool setting "user opt-in"). */
  userConfirmationNecessary: boolean;
  /** Whether the device ended up remembered (skips MFA when the pool allows that). */
  remembered: boolean;
}

/**
 * Confirms the device Cognito reported in `NewDeviceMetadata` (ConfirmDevice with a fresh SRP
 * verifier) and, when the pool wants the user's opt-in, records it (UpdateDeviceStatus).
 * If the second call fails the error propagates and the device stays tracked but not remembered.
 *
 * @example
 * const meta = result.AuthenticationResult?.NewDeviceMetadata;
 * if (meta?.DeviceKey && meta.DeviceGroupKey) {
 *   const device = await rememberDevice(client, getToken, { deviceKey: meta.DeviceKey, deviceGroupKey: meta.DeviceGroupKey });
 *   await store.saveDevice(username, device);
 * }
 */
export async function rememberDevice(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  input: RememberDeviceInput,
  call?: CallOptions,
): Promise<RememberedDevice> {
  const deviceKey = requireDeviceKey(input.deviceKey);
  if (typeof input.deviceGroupKey !== 'string' || input.deviceGroupKey === '') {
    throw invalidInput('The device group key is empty.');
  }
  const { devicePassword, passwordVerifier, salt } = await generateDeviceVerifier(
    input.deviceGroupKey,
    deviceKey,
  );
  const token = await readAccessToken(accessToken);
  const answer = await client.confirmDevice(
    {
      AccessToken: token,
      DeviceKey: deviceKey,
      DeviceSecretVerifierConfig: { PasswordVerifier: passwordVerifier, Salt: salt },
      ...(input.deviceName ? { DeviceName: input.deviceName } : {}),
    },
    call,
  );
  const userConfirmationNecessary = answer.UserConfirmationNecessary === true;
  const remember = input.remember ?? true;
  if (userConfirmationNecessary) {
    await client.updateDeviceStatus(
      {
        AccessToken: token,
        DeviceKey: deviceKey,
        DeviceRememberedStatus: remember ? 'remembered' : 'not_remembered',
      },
      call,
    );
  }
  return {
    deviceKey,
    deviceGroupKey: input.deviceGroupKey,
    devicePassword,
    userConfirmationNecessary,
    remembered: userConfirmationNecessary ? remember : true,
  };
}

/** One page of {@link listDevices}. */
export interface DevicePage {
  devices: Device[];
  /** Pass to the next call; undefined on the last page. */
  nextToken: string | undefined;
}

/**
 * Lists the user's tracked devices, one page at a time (ListDevices; `limit` 1–60).
 *
 * @example
 * let page = await listDevices(client, getToken, { limit: 20 });
 * while (page.nextToken) page = await listDevices(client, getToken, { limit: 20, nextToken: page.nextToken });
 */
export async function listDevices(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  input: { limit?: number; nextToken?: string } = {},
  call?: CallOptions,
): Promise<DevicePage> {
  const { limit, nextToken } = input;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 60)) {
    throw invalidInput('The device page size must be an integer from 1 to 60.');
  }
  const answer = await client.listDevices(
    {
      AccessToken: await readAccessToken(accessToken),
      ...(limit === undefined ? {} : { Limit: limit }),
      ...(nextToken ? { PaginationToken: nextToken } : {}),
    },
    call,
  );
  return {
    devices: (answer.Devices ?? []).map(toDevice),
    nextToken: answer.PaginationToken || undefined,
  };
}

/**
 * Every tracked device, following pagination to the end.
 *
 * @example
 * const devices = await listAllDevices(client, session.getAccessToken);
 */
export async function listAllDevices(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  call?: CallOptions,
): Promise<Device[]> {
  const all: Device[] = [];
  const seen = new Set<string>();
  let nextToken: string | undefined;
  do {
    const page = await listDevices(
      client,
      accessToken,
      { limit: 60, ...(nextToken ? { nextToken } : {}) },
      call,
    );
    all.push(...page.devices);
    nextToken = page.nextToken;
    // A server that hands back a token it already gave would loop forever.
    if (nextToken !== undefined) {
      if (seen.has(nextToken)) break;
      seen.add(nextToken);
    }
  } while (nextToken !== undefined);
  return all;
}

/**
 * One tracked device (GetDevice).
 *
 * @example
 * const device = await getDevice(client, getToken, deviceKey);
 */
export async function getDevice(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  deviceKey: string,
  call?: CallOptions,
): Promise<Device> {
  const DeviceKey = requireDeviceKey(deviceKey);
  const answer = await client.getDevice(
    { AccessToken: await readAccessToken(accessToken), DeviceKey },
    call,
  );
  return toDevice(answer.Device);
}

/**
 * Stops tracking a device (ForgetDevice). Forget the stored device secrets too.
 *
 * @example
 * await forgetDevice(client, getToken, deviceKey);
 */
export async function forgetDevice(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  deviceKey: string,
  call?: CallOptions,
): Promise<void> {
  const DeviceKey = requireDeviceKey(deviceKey);
  await client.forgetDevice({ AccessToken: await readAccessToken(accessToken), DeviceKey }, call);
}

/**
 * Marks a device remembered or not (UpdateDeviceStatus).
 *
 * @example
 * await setDeviceRemembered(client, getToken, { deviceKey, remembered: false });
 */
export async function setDeviceRemembered(
  client: CognitoClient,
  accessToken: AccessTokenSource,
  input: { deviceKey: string; remembered: boolean },
  call?: CallOptions,
): Promise<void> {
  const DeviceKey = requireDeviceKey(input.deviceKey);
  await client.updateDeviceStatus(
    {
      AccessToken: await readAccessToken(accessToken),
      DeviceKey,
      DeviceRememberedStatus: input.remembered ? 'remembered' : 'not_remembered',
    },
    call,
  );
}
