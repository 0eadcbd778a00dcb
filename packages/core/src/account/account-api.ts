import type { CognitoClient } from '../cognito/client.js';
import type { CallOptions } from '../cognito/transport.js';
import {
  deleteUser,
  deleteUserAttributes,
  getUserAttributes,
  sendAttributeVerificationCode,
  updateUserAttributes,
  verifyUserAttribute,
} from './attributes.js';
import {
  forgetDevice,
  getDevice,
  listAllDevices,
  listDevices,
  rememberDevice,
  setDeviceRemembered,
} from './devices.js';
import { associateTotp, setMfaPreference, verifyTotp } from './mfa.js';
import { changePassword } from './password.js';
import type { AccessTokenSource } from './shared.js';
import { globalSignOut } from './sign-out.js';

/** Drops the leading `client` and `accessToken` parameters of an account function. */
type Bound<F> = F extends (
  client: CognitoClient,
  token: AccessTokenSource,
  ...rest: infer R
) => infer O
  ? (...rest: R) => O
  : never;

/** The account functions that need a session, bound to one client and token source. */
export interface AccountApi {
  changePassword: Bound<typeof changePassword>;
  getUserAttributes: Bound<typeof getUserAttributes>;
  updateUserAttributes: Bound<typeof updateUserAttributes>;
  deleteUserAttributes: Bound<typeof deleteUserAttributes>;
  sendAttributeVerificationCode: Bound<typeof sendAttributeVerificationCode>;
  verifyUserAttribute: Bound<typeof verifyUserAttribute>;
  deleteUser: Bound<typeof deleteUser>;
  associateTotp: Bound<typeof associateTotp>;
  verifyTotp: Bound<typeof verifyTotp>;
  setMfaPreference: Bound<typeof setMfaPreference>;
  rememberDevice: Bound<typeof rememberDevice>;
  listDevices: Bound<typeof listDevices>;
  listAllDevices: Bound<typeof listAllDevices>;
  getDevice: Bound<typeof getDevice>;
  forgetDevice: Bound<typeof forgetDevice>;
  setDeviceRemembered: Bound<typeof setDeviceRemembered>;
  globalSignOut: Bound<typeof globalSignOut>;
}

/**
 * Binds the session-bound account functions to a client and an access-token source, so UI code
 * can call `account.updateUserAttributes({ attributes })` without passing both every time.
 *
 * @example
 * const account = createAccountApi(client, () => session.getAccessToken());
 * const { attributes } = await account.getUserAttributes();
 */
export function createAccountApi(
  client: CognitoClient,
  accessToken: AccessTokenSource,
): AccountApi {
  return {
    changePassword: (input, call?: CallOptions) => changePassword(client, accessToken, input, call),
    getUserAttributes: (call) => getUserAttributes(client, accessToken, call),
    updateUserAttributes: (input, call) => updateUserAttributes(client, accessToken, input, call),
    deleteUserAttributes: (names, call) => deleteUserAttributes(client, accessToken, names, call),
    sendAttributeVerificationCode: (input, call) =>
      sendAttributeVerificationCode(client, accessToken, input, call),
    verifyUserAttribute: (input, call) => verifyUserAttribute(client, accessToken, input, call),
    deleteUser: (call) => deleteUser(client, accessToken, call),
    associateTotp: (call) => associateTotp(client, accessToken, call),
    verifyTotp: (input, call) => verifyTotp(client, accessToken, input, call),
    setMfaPreference: (input, call) => setMfaPreference(client, accessToken, input, call),
    rememberDevice: (input, call) => rememberDevice(client, accessToken, input, call),
    listDevices: (input, call) => listDevices(client, accessToken, input, call),
    listAllDevices: (call) => listAllDevices(client, accessToken, call),
    getDevice: (deviceKey, call) => getDevice(client, accessToken, deviceKey, call),
    forgetDevice: (deviceKey, call) => forgetDevice(client, accessToken, deviceKey, call),
    setDeviceRemembered: (input, call) => setDeviceRemembered(client, accessToken, input, call),
    globalSignOut: (call) => globalSignOut(client, accessToken, call),
  };
}
