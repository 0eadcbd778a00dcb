import { describe, expect, it } from 'vitest';
import { isCognitoError } from '../errors/index.js';
import { parseSuccessBody } from './guards.js';
import type { CognitoAction } from './types.js';

const parse = (action: CognitoAction, body: unknown) =>
  parseSuccessBody(action, typeof body === 'string' ? body : JSON.stringify(body));

/** The ProtocolError message of a refused answer (fails the test if it was accepted). */
const refusal = (action: CognitoAction, body: unknown): string => {
  try {
    parse(action, body);
  } catch (e) {
    expect(isCognitoError(e, 'ProtocolError')).toBe(true);
    expect((e as { action?: string }).action).toBe(action);
    return (e as Error).message;
  }
  throw new Error(`${action} accepted ${JSON.stringify(body)}`);
};

const tokens = { AccessToken: 'a', IdToken: 'i' };

describe('parseSuccessBody', () => {
  it.each<[CognitoAction, unknown]>([
    ['InitiateAuth', { AuthenticationResult: { ...tokens, NewDeviceMetadata: null } }],
    ['InitiateAuth', { ChallengeName: 'SMS_MFA', Session: 's', ChallengeParameters: { A: 'b' } }],
    ['SignUp', { UserConfirmed: false, UserSub: 'u', CodeDeliveryDetails: { Destination: 'x' } }],
    ['GetUser', { Username: 'u', UserAttributes: [{ Name: 'email' }], UserMFASettingList: null }],
    ['UpdateUserAttributes', { CodeDeliveryDetailsList: [{ AttributeName: 'email' }] }],
    ['GetTokensFromRefreshToken', { AuthenticationResult: { ...tokens, ExpiresIn: 3600 } }],
    ['ListDevices', { Devices: [{ DeviceKey: 'k', DeviceAttributes: [] }] }],
    ['GetDevice', { Device: { DeviceLastAuthenticatedDate: 1.5 } }],
    ['ConfirmDevice', { UserConfirmationNecessary: true }],
    ['ChangePassword', {}],
  ])('accepts a well-formed %s answer', (action, body) => {
    expect(parse(action, body)).toEqual(body);
  });

  it.each<[CognitoAction, unknown, string]>([
    ['InitiateAuth', [], 'the answer is not an object'],
    ['InitiateAuth', { Session: 's' }, 'the answer is not tokens or a challenge'],
    [
      'InitiateAuth',
      { AuthenticationResult: { AccessToken: 'a' } },
      'AuthenticationResult.IdToken',
    ],
    [
      'RespondToAuthChallenge',
      { AuthenticationResult: { ...tokens, NewDeviceMetadata: { DeviceKey: 'k' } } },
      'AuthenticationResult.NewDeviceMetadata.DeviceGroupKey is not a string',
    ],
    [
      'InitiateAuth',
      { ChallengeName: 'X', ChallengeParameters: { A: 1 } },
      'ChallengeParameters.A is not a string',
    ],
    ['InitiateAuth', { ChallengeName: 7 }, 'ChallengeName is not a string'],
    ['SignUp', { UserSub: 'u' }, 'UserConfirmed is not a boolean'],
    ['SignUp', { UserConfirmed: true, UserSub: 'u', CodeDeliveryDetails: 'x' }, 'an object'],
    ['GetUser', { Username: 'u' }, 'UserAttributes is not an array'],
    ['GetUser', { Username: 'u', UserAttributes: [{ Value: 'v' }] }, 'UserAttributes[0].Name'],
    [
      'GetUser',
      { Username: 'u', UserAttributes: [], UserMFASettingList: ['SMS_MFA', 2] },
      'UserMFASettingList[1] is not a string',
    ],
    ['UpdateUserAttributes', { CodeDeliveryDetailsList: {} }, 'is not an array'],
    ['GetTokensFromRefreshToken', {}, 'AuthenticationResult is not an object'],
    ['AssociateSoftwareToken', { Session: 's' }, 'SecretCode is not a string'],
    [
      'ListDevices',
      { Devices: [{ DeviceAttributes: [{ Name: 'n', Value: 3 }] }] },
      'Devices[0].DeviceAttributes[0].Value is not a string',
    ],
    ['GetDevice', { Device: { DeviceCreateDate: '2024' } }, 'Device.DeviceCreateDate is not a'],
    ['ConfirmDevice', { UserConfirmationNecessary: 'yes' }, 'is not a boolean'],
    ['GlobalSignOut', 'null', 'the answer is not an object'],
  ])('refuses a %s answer shaped %j', (action, body, message) => {
    expect(refusal(action, body)).toContain(message);
  });

  it('never puts answer values into messages', () => {
    const message = refusal('InitiateAuth', { AuthenticationResult: { AccessToken: 'tok-123' } });
    expect(message).not.toContain('tok-123');
  });

  it('accepts an empty body only from actions without output (and ConfirmSignUp)', () => {
    expect(parse('ForgetDevice', '')).toEqual({});
    expect(parse('ConfirmSignUp', ' ')).toEqual({});
    expect(refusal('GetUser', '')).toMatch(/empty body/);
    expect(refusal('GetUser', '{"Username":')).toMatch(/not JSON/);
  });
});
