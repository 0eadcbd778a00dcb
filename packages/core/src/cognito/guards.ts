import { CognitoError, protocolError } from '../errors/index.js';
import type { CognitoAction, CognitoActions } from './types.js';

/*
 * Hand-written checks of the answer members callers rely on. A failed check is a ProtocolError
 * naming the member path, never its value (values may be tokens).
 */

type Json = Record<string, unknown>;

/** Thrown-from helper: the answer broke the protocol at `path`. */
function broken(action: CognitoAction, path: string, expected: string): never {
  throw protocolError(`${action} answer: ${path} is not ${expected}.`, action);
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(action: CognitoAction, value: unknown, path: string): Json {
  if (!isRecord(value)) broken(action, path, 'an object');
  return value;
}

function optString(action: CognitoAction, parent: Json, key: string, path: string): void {
  const v = parent[key];
  if (v !== undefined && v !== null && typeof v !== 'string')
    broken(action, `${path}.${key}`, 'a string');
}

function reqString(action: CognitoAction, parent: Json, key: string, path: string): void {
  if (typeof parent[key] !== 'string') broken(action, `${path}.${key}`, 'a string');
}

function optNumber(action: CognitoAction, parent: Json, key: string, path: string): void {
  const v = parent[key];
  if (v !== undefined && v !== null && typeof v !== 'number')
    broken(action, `${path}.${key}`, 'a number');
}

function optBoolean(action: CognitoAction, parent: Json, key: string, path: string): void {
  const v = parent[key];
  if (v !== undefined && v !== null && typeof v !== 'boolean')
    broken(action, `${path}.${key}`, 'a boolean');
}

function optArray(action: CognitoAction, parent: Json, key: string, path: string): unknown[] {
  const v = parent[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) broken(action, `${path}.${key}`, 'an array');
  return v;
}

function stringMap(action: CognitoAction, value: unknown, path: string): void {
  const map = record(action, value, path);
  for (const [key, v] of Object.entries(map)) {
    if (typeof v !== 'string') broken(action, `${path}.${key}`, 'a string');
  }
}

function checkCodeDelivery(action: CognitoAction, value: unknown, path: string): void {
  const d = record(action, value, path);
  optString(action, d, 'Destination', path);
  optString(action, d, 'DeliveryMedium', path);
  optString(action, d, 'AttributeName', path);
}

function checkAttributes(action: CognitoAction, list: unknown[], path: string): void {
  list.forEach((item, i) => {
    const a = record(action, item, `${path}[${i}]`);
    reqString(action, a, 'Name', `${path}[${i}]`);
    optString(action, a, 'Value', `${path}[${i}]`);
  });
}

function checkDevice(action: CognitoAction, value: unknown, path: string): void {
  const d = record(action, value, path);
  optString(action, d, 'DeviceKey', path);
  checkAttributes(
    action,
    optArray(action, d, 'DeviceAttributes', path),
    `${path}.DeviceAttributes`,
  );
  optNumber(action, d, 'DeviceCreateDate', path);
  optNumber(action, d, 'DeviceLastModifiedDate', path);
  optNumber(action, d, 'DeviceLastAuthenticatedDate', path);
}

function checkAuthenticationResult(action: CognitoAction, value: unknown, path: string): void {
  const r = record(action, value, path);
  reqString(action, r, 'AccessToken', path);
  reqString(action, r, 'IdToken', path);
  optString(action, r, 'RefreshToken', path);
  optString(action, r, 'TokenType', path);
  optNumber(action, r, 'ExpiresIn', path);
  if (r.NewDeviceMetadata !== undefined && r.NewDeviceMetadata !== null) {
    const m = record(action, r.NewDeviceMetadata, `${path}.NewDeviceMetadata`);
    reqString(action, m, 'DeviceKey', `${path}.NewDeviceMetadata`);
    reqString(action, m, 'DeviceGroupKey', `${path}.NewDeviceMetadata`);
  }
}

/** A sign-in step answers either tokens or the next challenge. */
function checkAuthStep(action: CognitoAction, body: Json): void {
  if (body.AuthenticationResult !== undefined && body.AuthenticationResult !== null) {
    checkAuthenticationResult(action, body.AuthenticationResult, 'AuthenticationResult');
  } else if (typeof body.ChallengeName !== 'string') {
    broken(action, 'the answer', 'tokens or a challenge');
  }
  optString(action, body, 'ChallengeName', 'answer');
  optString(action, body, 'Session', 'answer');
  if (body.ChallengeParameters !== undefined && body.ChallengeParameters !== null) {
    stringMap(action, body.ChallengeParameters, 'ChallengeParameters');
  }
}

type Checker = (action: CognitoAction, body: Json) => void;

const nothing: Checker = () => undefined;
const codeDelivery: Checker = (action, body) => {
  if (body.CodeDeliveryDetails != null)
    checkCodeDelivery(action, body.CodeDeliveryDetails, 'CodeDeliveryDetails');
};

/** One checker per action; no-output actions only need an object. */
const CHECKS: { [A in CognitoAction]: Checker } = {
  InitiateAuth: checkAuthStep,
  RespondToAuthChallenge: checkAuthStep,
  SignUp: (action, body) => {
    if (typeof body.UserConfirmed !== 'boolean') broken(action, 'UserConfirmed', 'a boolean');
    reqString(action, body, 'UserSub', 'answer');
    codeDelivery(action, body);
  },
  ConfirmSignUp: (action, body) => optString(action, body, 'Session', 'answer'),
  ResendConfirmationCode: codeDelivery,
  ForgotPassword: codeDelivery,
  ConfirmForgotPassword: nothing,
  ChangePassword: nothing,
  GetUser: (action, body) => {
    reqString(action, body, 'Username', 'answer');
    if (!Array.isArray(body.UserAttributes)) broken(action, 'UserAttributes', 'an array');
    checkAttributes(action, body.UserAttributes, 'UserAttributes');
    optString(action, body, 'PreferredMfaSetting', 'answer');
    optArray(action, body, 'UserMFASettingList', 'answer').forEach((v, i) => {
      if (typeof v !== 'string') broken(action, `UserMFASettingList[${i}]`, 'a string');
    });
  },
  UpdateUserAttributes: (action, body) => {
    optArray(action, body, 'CodeDeliveryDetailsList', 'answer').forEach((d, i) =>
      checkCodeDelivery(action, d, `CodeDeliveryDetailsList[${i}]`),
    );
  },
  DeleteUserAttributes: nothing,
  GetUserAttributeVerificationCode: codeDelivery,
  VerifyUserAttribute: nothing,
  DeleteUser: nothing,
  AssociateSoftwareToken: (action, body) => {
    reqString(action, body, 'SecretCode', 'answer');
    optString(action, body, 'Session', 'answer');
  },
  VerifySoftwareToken: (action, body) => {
    optString(action, body, 'Status', 'answer');
    optString(action, body, 'Session', 'answer');
  },
  SetUserMFAPreference: nothing,
  GlobalSignOut: nothing,
  RevokeToken: nothing,
  GetTokensFromRefreshToken: (action, body) =>
    checkAuthenticationResult(action, body.AuthenticationResult, 'AuthenticationResult'),
  ConfirmDevice: (action, body) => optBoolean(action, body, 'UserConfirmationNecessary', 'answer'),
  ListDevices: (action, body) => {
    optArray(action, body, 'Devices', 'answer').forEach((d, i) =>
      checkDevice(action, d, `Devices[${i}]`),
    );
    optString(action, body, 'PaginationToken', 'answer');
  },
  GetDevice: (action, body) => checkDevice(action, body.Device, 'Device'),
  UpdateDeviceStatus: nothing,
  ForgetDevice: nothing,
};

/** Actions whose answer may be an empty body (nothing the caller needs is in it). */
const EMPTY_BODY_OK: ReadonlySet<CognitoAction> = new Set<CognitoAction>([
  'ConfirmSignUp',
  'ConfirmForgotPassword',
  'ChangePassword',
  'DeleteUserAttributes',
  'VerifyUserAttribute',
  'DeleteUser',
  'SetUserMFAPreference',
  'GlobalSignOut',
  'RevokeToken',
  'UpdateDeviceStatus',
  'ForgetDevice',
]);

/**
 * Parses and checks the body of a successful answer to `action`.
 *
 * @throws CognitoError `ProtocolError` for non-JSON, truncated or wrongly shaped bodies.
 */
export function parseSuccessBody<A extends CognitoAction>(
  action: A,
  text: string,
): CognitoActions[A][1] {
  if (text.trim() === '') {
    if (EMPTY_BODY_OK.has(action)) return {} as CognitoActions[A][1];
    throw protocolError(`${action} answered with an empty body.`, action);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new CognitoError({
      code: 'ProtocolError',
      message: `${action} answered with a body that is not JSON.`,
      action,
      cause,
    });
  }
  const json = record(action, body, 'the answer');
  CHECKS[action](action, json);
  return json as CognitoActions[A][1];
}
