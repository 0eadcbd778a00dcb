import { CognitoError, protocolError } from '../errors/index.js';
import type { CognitoAction, CognitoActions } from './types.js';

/*
 * Checks of the answer members callers rely on, built from a few combinators. A check returns
 * what is wrong ("<path> is not <expected>") or nothing; the message names the member path,
 * never its value (values may be tokens).
 */

type Json = Record<string, unknown>;
type Check = (value: unknown, path: string) => string | undefined;

/** Whether `value` is a JSON object (not null, not an array). */
export const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const at = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** The first failure among `items`, checked in order. */
const first = <T>(items: T[], check: (item: T, index: number) => string | undefined) => {
  for (let i = 0; i < items.length; i++) {
    const failure = check(items[i] as T, i);
    if (failure !== undefined) return failure;
  }
  return undefined;
};

const is =
  (expected: string, test: (value: unknown) => boolean): Check =>
  (value, path) =>
    test(value) ? undefined : `${path || 'the answer'} is not ${expected}`;

const str = is('a string', (v) => typeof v === 'string');
const num = is('a number', (v) => typeof v === 'number');
const bool = is('a boolean', (v) => typeof v === 'boolean');
const object = is('an object', isRecord);
const array = is('an array', Array.isArray);

/** An object with these members; a key ending in `?` may be absent or null. */
const shape =
  (members: Record<string, Check>): Check =>
  (value, path) =>
    object(value, path) ??
    first(Object.entries(members), ([key, check]) => {
      const name = key.replace(/\?$/, '');
      const member = (value as Json)[name];
      return member == null && name !== key ? undefined : check(member, at(path, name));
    });

/** An array whose every item passes `item`. */
const list =
  (item: Check): Check =>
  (value, path) =>
    array(value, path) ?? first(value as unknown[], (v, i) => item(v, at(path, i)));

/** An object whose every value passes `item` (ChallengeParameters). */
const mapOf =
  (item: Check): Check =>
  (value, path) =>
    object(value, path) ??
    first(Object.entries(value as Json), ([key, v]) => item(v, at(path, key)));

const codeDelivery = shape({ 'Destination?': str, 'DeliveryMedium?': str, 'AttributeName?': str });
const attributes = list(shape({ Name: str, 'Value?': str }));
const device = shape({
  'DeviceKey?': str,
  'DeviceAttributes?': attributes,
  'DeviceCreateDate?': num,
  'DeviceLastModifiedDate?': num,
  'DeviceLastAuthenticatedDate?': num,
});
const authenticationResult = shape({
  AccessToken: str,
  IdToken: str,
  'RefreshToken?': str,
  'TokenType?': str,
  'ExpiresIn?': num,
  'NewDeviceMetadata?': shape({ DeviceKey: str, DeviceGroupKey: str }),
});
const authStepShape = shape({
  'AuthenticationResult?': authenticationResult,
  'ChallengeName?': str,
  'Session?': str,
  'ChallengeParameters?': mapOf(str),
  'AvailableChallenges?': list(str),
});
/** A sign-in step answers either tokens or the next challenge. */
const authStep: Check = (value, path) =>
  authStepShape(value, path) ??
  ((value as Json).AuthenticationResult == null && (value as Json).ChallengeName == null
    ? 'the answer is not tokens or a challenge'
    : undefined);
const withCodeDelivery = shape({ 'CodeDeliveryDetails?': codeDelivery });

/**
 * One check per action; `null` for actions without output, whose answer may also be an empty
 * body (nothing the caller needs is in it).
 */
const CHECKS: { [A in CognitoAction]: Check | null } = {
  InitiateAuth: authStep,
  RespondToAuthChallenge: authStep,
  SignUp: shape({
    UserConfirmed: bool,
    UserSub: str,
    'CodeDeliveryDetails?': codeDelivery,
    'Session?': str,
  }),
  ConfirmSignUp: shape({ 'Session?': str }),
  ResendConfirmationCode: withCodeDelivery,
  ForgotPassword: withCodeDelivery,
  ConfirmForgotPassword: null,
  ChangePassword: null,
  GetUser: shape({
    Username: str,
    UserAttributes: attributes,
    'PreferredMfaSetting?': str,
    'UserMFASettingList?': list(str),
  }),
  UpdateUserAttributes: shape({ 'CodeDeliveryDetailsList?': list(codeDelivery) }),
  DeleteUserAttributes: null,
  GetUserAttributeVerificationCode: withCodeDelivery,
  VerifyUserAttribute: null,
  DeleteUser: null,
  AssociateSoftwareToken: shape({ SecretCode: str, 'Session?': str }),
  VerifySoftwareToken: shape({ 'Status?': str, 'Session?': str }),
  SetUserMFAPreference: null,
  GlobalSignOut: null,
  RevokeToken: null,
  GetTokensFromRefreshToken: shape({ AuthenticationResult: authenticationResult }),
  ConfirmDevice: shape({ 'UserConfirmationNecessary?': bool }),
  ListDevices: shape({ 'Devices?': list(device), 'PaginationToken?': str }),
  GetDevice: shape({ Device: device }),
  UpdateDeviceStatus: null,
  ForgetDevice: null,
  StartWebAuthnRegistration: shape({ CredentialCreationOptions: object }),
  CompleteWebAuthnRegistration: null,
  ListWebAuthnCredentials: shape({
    Credentials: list(
      shape({
        CredentialId: str,
        'FriendlyCredentialName?': str,
        'RelyingPartyId?': str,
        'AuthenticatorAttachment?': str,
        'AuthenticatorTransports?': list(str),
        'CreatedAt?': num,
      }),
    ),
    'NextToken?': str,
  }),
  DeleteWebAuthnCredential: null,
};

/**
 * Parses and checks the body of a successful answer to `action`.
 *
 * @throws CognitoError `ProtocolError` for non-JSON, truncated or wrongly shaped bodies.
 */
export function parseSuccessBody<A extends CognitoAction>(
  action: A,
  text: string,
): CognitoActions[A][1] {
  const check = CHECKS[action];
  if (text.trim() === '') {
    // ConfirmSignUp's only member (Session) is optional, so it may answer nothing too.
    if (check === null || action === 'ConfirmSignUp') return {} as CognitoActions[A][1];
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
  const failure = (check ?? object)(body, '');
  if (failure !== undefined) throw protocolError(`${action} answer: ${failure}.`, action);
  return body as CognitoActions[A][1];
}
