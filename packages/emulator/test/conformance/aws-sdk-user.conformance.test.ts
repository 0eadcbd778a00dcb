/**
 * Conformance of every user-side action with `@aws-sdk/client-cognito-identity-provider` over the
 * HTTP host: each answer must parse through the SDK's own deserialisers and carry the documented
 * members (dates as `Date`), and each error must arrive as the SDK's typed exception. The last
 * test checks that every user action the engine registers succeeded at least once here.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { claims, useConformanceHost } from './harness.js';
import { srpClient } from './srp-claim.js';
import { createSoftwareAuthenticator } from '../../src/testing/index.js';
import type { CreationOptionsJSON } from '../../src/testing/index.js';
import { recordingClient, registeredActions, sdk, typedFailure } from './sdk-client.js';
import type { RecordingClient } from './sdk-client.js';

const POOL = 'eu-central-1_ConfSdkU1';
const CLIENT = 'confsdkuser';
const PASSKEY_POOL = 'eu-central-1_ConfSdkP1';
const PASSKEY_CLIENT = 'confsdkpasskeys';
const PASSWORD = 'Passw0rd!';

const host = useConformanceHost({
  pools: [
    {
      id: POOL,
      autoVerifiedAttributes: ['email'],
      deviceTracking: 'always',
      mfa: { mode: 'OPTIONAL', factors: ['TOTP'] },
      clients: [
        {
          id: CLIENT,
          explicitAuthFlows: [
            'ALLOW_USER_PASSWORD_AUTH',
            'ALLOW_USER_SRP_AUTH',
            'ALLOW_REFRESH_TOKEN_AUTH',
          ],
          preventUserExistenceErrors: 'LEGACY',
        },
      ],
      users: [
        {
          username: 'srp-sdk',
          password: PASSWORD,
          attributes: { email: 'srp-sdk@example.com', email_verified: true },
        },
      ],
    },
    {
      id: PASSKEY_POOL,
      allowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'],
      webAuthn: { relyingPartyId: 'localhost' },
      clients: [{ id: PASSKEY_CLIENT, explicitAuthFlows: ['ALLOW_USER_AUTH'] }],
      users: [{ username: 'passkey-sdk', password: PASSWORD }],
    },
  ],
});

let recorder: RecordingClient | undefined;
/** One client for the whole file (user actions are unsigned; the credentials are never checked). */
function client() {
  recorder ??= recordingClient(host.url, 'eu-central-1', {
    accessKeyId: 'x',
    secretAccessKey: 'y',
  });
  return recorder.client;
}

const passwordAuth = (username: string, password = PASSWORD) =>
  client().send(
    new sdk.InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: CLIENT,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );

/** Signs `sdk-user` in with its reset password and its authenticator; resolves the access token. */
async function mfaSignIn(): Promise<string> {
  host.advance(30_000); // each TOTP code is accepted once; use the next step
  const challenge = await passwordAuth('sdk-user', 'Res3t-Passw0rd');
  const out = await client().send(
    new sdk.RespondToAuthChallengeCommand({
      ClientId: CLIENT,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: challenge.Session,
      ChallengeResponses: {
        USERNAME: 'sdk-user',
        SOFTWARE_TOKEN_MFA_CODE: host.totp(life.totpSecret),
      },
    }),
  );
  const access = out.AuthenticationResult?.AccessToken;
  if (!access) throw new Error('MFA sign-in gave no access token');
  return access;
}

/** State carried through the lifecycle (tests in a file run in order). */
const life = { access: '', refresh: '', deviceKey: '', totpSecret: '' };

describe('aws-sdk v3 against the user-side actions', { timeout: 30_000 }, () => {
  it('SignUp / ResendConfirmationCode / ConfirmSignUp', async () => {
    const out = await client().send(
      new sdk.SignUpCommand({
        ClientId: CLIENT,
        Username: 'sdk-user',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'sdk-user@example.com' }],
      }),
    );
    expect(out.UserConfirmed).toBe(false);
    expect(out.UserSub).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.CodeDeliveryDetails).toEqual({
      Destination: expect.stringMatching(/^s\*+@e\*+\.com$/) as unknown,
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
    await typedFailure(
      client().send(
        new sdk.SignUpCommand({ ClientId: CLIENT, Username: 'sdk-user', Password: PASSWORD }),
      ),
      'UsernameExistsException',
    );
    await typedFailure(
      client().send(
        new sdk.SignUpCommand({ ClientId: CLIENT, Username: 'weak', Password: 'weakpassword' }),
      ),
      'InvalidPasswordException',
    );
    await typedFailure(
      client().send(
        new sdk.SignUpCommand({ ClientId: 'nosuchclient', Username: 'x', Password: PASSWORD }),
      ),
      'ResourceNotFoundException',
    );
    await typedFailure(passwordAuth('sdk-user'), 'UserNotConfirmedException');

    const resent = await client().send(
      new sdk.ResendConfirmationCodeCommand({ ClientId: CLIENT, Username: 'sdk-user' }),
    );
    expect(resent.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    await typedFailure(
      client().send(
        new sdk.ConfirmSignUpCommand({
          ClientId: CLIENT,
          Username: 'sdk-user',
          ConfirmationCode: '000000',
        }),
      ),
      'CodeMismatchException',
    );
    const code = await host.lastCode(POOL, 'sdk-user');
    const confirmed = await client().send(
      new sdk.ConfirmSignUpCommand({
        ClientId: CLIENT,
        Username: 'sdk-user',
        ConfirmationCode: code,
      }),
    );
    expect(confirmed.$metadata.httpStatusCode).toBe(200);
  });

  it('InitiateAuth USER_PASSWORD_AUTH: tokens and new-device metadata', async () => {
    await typedFailure(passwordAuth('sdk-user', 'Wr0ng-password'), 'NotAuthorizedException');
    await typedFailure(passwordAuth('nobody'), 'UserNotFoundException');
    const out = await passwordAuth('sdk-user');
    const result = out.AuthenticationResult;
    expect(result).toMatchObject({
      AccessToken: expect.any(String) as unknown,
      IdToken: expect.any(String) as unknown,
      RefreshToken: expect.any(String) as unknown,
      ExpiresIn: 3600,
      TokenType: 'Bearer',
      NewDeviceMetadata: {
        DeviceKey: expect.stringMatching(/^eu-central-1_/) as unknown,
        DeviceGroupKey: expect.any(String) as unknown,
      },
    });
    expect(claims(result?.AccessToken)).toMatchObject({ username: 'sdk-user', client_id: CLIENT });
    life.access = result?.AccessToken ?? '';
    life.refresh = result?.RefreshToken ?? '';
    life.deviceKey = result?.NewDeviceMetadata?.DeviceKey ?? '';
  });

  it('InitiateAuth USER_SRP_AUTH → PASSWORD_VERIFIER → RespondToAuthChallenge', async () => {
    const srpSignIn = async (password: string) => {
      const srp = await srpClient(POOL);
      const challenge = await client().send(
        new sdk.InitiateAuthCommand({
          AuthFlow: 'USER_SRP_AUTH',
          ClientId: CLIENT,
          AuthParameters: { USERNAME: 'srp-sdk', SRP_A: srp.srpA },
        }),
      );
      expect(challenge.ChallengeName).toBe('PASSWORD_VERIFIER');
      expect(challenge.Session).toBeUndefined();
      const params = challenge.ChallengeParameters ?? {};
      expect(Object.keys(params).sort()).toEqual([
        'SALT',
        'SECRET_BLOCK',
        'SRP_B',
        'USERNAME',
        'USER_ID_FOR_SRP',
      ]);
      expect(params['USER_ID_FOR_SRP']).toBe('srp-sdk');
      expect(params['SRP_B']).toMatch(/^[0-9a-f]+$/);
      expect(params['SALT']).toMatch(/^[0-9a-f]+$/);
      return client().send(
        new sdk.RespondToAuthChallengeCommand({
          ClientId: CLIENT,
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeResponses: await srp.claim(params, password),
        }),
      );
    };
    const tokens = await srpSignIn(PASSWORD);
    expect(tokens.AuthenticationResult).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    expect(claims(tokens.AuthenticationResult?.IdToken)['cognito:username']).toBe('srp-sdk');
    const wrong = await typedFailure(srpSignIn('Wr0ng-password'), 'NotAuthorizedException');
    expect(wrong.message).toBe('Incorrect username or password.');
  });

  it('ConfirmDevice / ListDevices / GetDevice / UpdateDeviceStatus', async () => {
    const confirmed = await client().send(
      new sdk.ConfirmDeviceCommand({
        AccessToken: life.access,
        DeviceKey: life.deviceKey,
        DeviceName: 'conformance',
        DeviceSecretVerifierConfig: {
          PasswordVerifier: randomBytes(384).toString('base64'),
          Salt: randomBytes(16).toString('base64'),
        },
      }),
    );
    expect(typeof confirmed.UserConfirmationNecessary).toBe('boolean');
    const list = await client().send(
      new sdk.ListDevicesCommand({ AccessToken: life.access, Limit: 10 }),
    );
    expect(list.Devices).toHaveLength(1);
    const [device] = list.Devices ?? [];
    expect(device?.DeviceKey).toBe(life.deviceKey);
    expect(device?.DeviceCreateDate).toBeInstanceOf(Date);
    expect(device?.DeviceLastModifiedDate).toBeInstanceOf(Date);
    expect(device?.DeviceAttributes).toContainEqual({ Name: 'device_name', Value: 'conformance' });

    await client().send(
      new sdk.UpdateDeviceStatusCommand({
        AccessToken: life.access,
        DeviceKey: life.deviceKey,
        DeviceRememberedStatus: 'not_remembered',
      }),
    );
    const got = await client().send(
      new sdk.GetDeviceCommand({ AccessToken: life.access, DeviceKey: life.deviceKey }),
    );
    expect(got.Device?.DeviceAttributes).toContainEqual({
      Name: 'dev:device_remembered_status',
      Value: 'not_remembered',
    });
    expect(got.Device?.DeviceLastAuthenticatedDate).toBeInstanceOf(Date);
    await typedFailure(
      client().send(
        new sdk.GetDeviceCommand({
          AccessToken: life.access,
          DeviceKey: 'eu-central-1_00000000-0000-4000-8000-000000000000',
        }),
      ),
      'ResourceNotFoundException',
    );
  });

  it('GetUser / UpdateUserAttributes / GetUserAttributeVerificationCode / VerifyUserAttribute / DeleteUserAttributes', async () => {
    const user = await client().send(new sdk.GetUserCommand({ AccessToken: life.access }));
    expect(user.Username).toBe('sdk-user');
    expect(user.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'true' });
    expect(user.UserAttributes?.find((a) => a.Name === 'sub')?.Value).toMatch(/^[0-9a-f-]{36}$/);

    const updated = await client().send(
      new sdk.UpdateUserAttributesCommand({
        AccessToken: life.access,
        UserAttributes: [
          { Name: 'email', Value: 'sdk-user@new.example' },
          { Name: 'nickname', Value: 'sdk' },
        ],
      }),
    );
    expect(updated.CodeDeliveryDetailsList).toEqual([
      expect.objectContaining({ DeliveryMedium: 'EMAIL', AttributeName: 'email' }),
    ]);
    const again = await client().send(
      new sdk.GetUserAttributeVerificationCodeCommand({
        AccessToken: life.access,
        AttributeName: 'email',
      }),
    );
    expect(again.CodeDeliveryDetails?.AttributeName).toBe('email');
    await typedFailure(
      client().send(
        new sdk.VerifyUserAttributeCommand({
          AccessToken: life.access,
          AttributeName: 'email',
          Code: '000000',
        }),
      ),
      'CodeMismatchException',
    );
    const code = await host.lastCode(POOL, 'sdk-user');
    await client().send(
      new sdk.VerifyUserAttributeCommand({
        AccessToken: life.access,
        AttributeName: 'email',
        Code: code,
      }),
    );
    await client().send(
      new sdk.DeleteUserAttributesCommand({
        AccessToken: life.access,
        UserAttributeNames: ['nickname'],
      }),
    );
    const after = await client().send(new sdk.GetUserCommand({ AccessToken: life.access }));
    const values = Object.fromEntries((after.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
    expect(values).toMatchObject({ email: 'sdk-user@new.example', email_verified: 'true' });
    expect(values['nickname']).toBeUndefined();
    await typedFailure(
      client().send(new sdk.GetUserCommand({ AccessToken: 'not-a-token' })),
      'NotAuthorizedException',
    );
  });

  it('AssociateSoftwareToken / VerifySoftwareToken / SetUserMFAPreference, then RespondToAuthChallenge', async () => {
    const associated = await client().send(
      new sdk.AssociateSoftwareTokenCommand({ AccessToken: life.access }),
    );
    life.totpSecret = associated.SecretCode ?? '';
    expect(life.totpSecret).toMatch(/^[A-Z2-7]{16,}=*$/);
    await typedFailure(
      client().send(
        new sdk.VerifySoftwareTokenCommand({ AccessToken: life.access, UserCode: '000000' }),
      ),
      'EnableSoftwareTokenMFAException',
    );
    const verified = await client().send(
      new sdk.VerifySoftwareTokenCommand({
        AccessToken: life.access,
        UserCode: host.totp(life.totpSecret),
        FriendlyDeviceName: 'phone',
      }),
    );
    expect(verified.Status).toBe('SUCCESS');
    await client().send(
      new sdk.SetUserMFAPreferenceCommand({
        AccessToken: life.access,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    const user = await client().send(new sdk.GetUserCommand({ AccessToken: life.access }));
    expect(user.PreferredMfaSetting).toBe('SOFTWARE_TOKEN_MFA');
    expect(user.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);

    host.advance(30_000);
    const challenge = await passwordAuth('sdk-user');
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(challenge.Session).toMatch(/\S/);
    expect(challenge.AuthenticationResult).toBeUndefined();
    const respond = (code: string, session: string | undefined) =>
      client().send(
        new sdk.RespondToAuthChallengeCommand({
          ClientId: CLIENT,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: session,
          ChallengeResponses: { USERNAME: 'sdk-user', SOFTWARE_TOKEN_MFA_CODE: code },
        }),
      );
    await typedFailure(respond('000000', challenge.Session), 'CodeMismatchException');
    const retry = await passwordAuth('sdk-user');
    const tokens = await respond(host.totp(life.totpSecret), retry.Session);
    expect(tokens.AuthenticationResult?.AccessToken).toMatch(/^ey/);
    await typedFailure(
      respond(host.totp(life.totpSecret), 'A'.repeat(64)),
      'NotAuthorizedException',
    );
  });

  it('InitiateAuth REFRESH_TOKEN_AUTH / GetTokensFromRefreshToken', async () => {
    const refreshed = await client().send(
      new sdk.InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: CLIENT,
        AuthParameters: { REFRESH_TOKEN: life.refresh },
      }),
    );
    expect(refreshed.AuthenticationResult?.AccessToken).toMatch(/^ey/);
    expect(refreshed.AuthenticationResult?.IdToken).toMatch(/^ey/);
    expect(refreshed.AuthenticationResult?.RefreshToken).toBeUndefined();
    const viaNewAction = await client().send(
      new sdk.GetTokensFromRefreshTokenCommand({ ClientId: CLIENT, RefreshToken: life.refresh }),
    );
    expect(viaNewAction.AuthenticationResult?.AccessToken).toMatch(/^ey/);
    await typedFailure(
      client().send(
        new sdk.GetTokensFromRefreshTokenCommand({ ClientId: CLIENT, RefreshToken: 'bogus' }),
      ),
      'NotAuthorizedException',
    );
    life.access = viaNewAction.AuthenticationResult?.AccessToken ?? life.access;
  });

  it('ChangePassword / ForgotPassword / ConfirmForgotPassword', async () => {
    await typedFailure(
      client().send(
        new sdk.ChangePasswordCommand({
          AccessToken: life.access,
          PreviousPassword: 'Wr0ng-password',
          ProposedPassword: 'Chang3d-Passw0rd',
        }),
      ),
      'NotAuthorizedException',
    );
    await client().send(
      new sdk.ChangePasswordCommand({
        AccessToken: life.access,
        PreviousPassword: PASSWORD,
        ProposedPassword: 'Chang3d-Passw0rd',
      }),
    );
    const forgot = await client().send(
      new sdk.ForgotPasswordCommand({ ClientId: CLIENT, Username: 'sdk-user' }),
    );
    expect(forgot.CodeDeliveryDetails).toMatchObject({
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
    const code = await host.lastCode(POOL, 'sdk-user');
    await typedFailure(
      client().send(
        new sdk.ConfirmForgotPasswordCommand({
          ClientId: CLIENT,
          Username: 'sdk-user',
          ConfirmationCode: code,
          Password: 'weakpassword',
        }),
      ),
      'InvalidPasswordException',
    );
    await client().send(
      new sdk.ConfirmForgotPasswordCommand({
        ClientId: CLIENT,
        Username: 'sdk-user',
        ConfirmationCode: code,
        Password: 'Res3t-Passw0rd',
      }),
    );
    const signedIn = await passwordAuth('sdk-user', 'Res3t-Passw0rd');
    expect(signedIn.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('RevokeToken / ForgetDevice / GlobalSignOut / DeleteUser', async () => {
    const current = await mfaSignIn();
    await client().send(new sdk.RevokeTokenCommand({ ClientId: CLIENT, Token: life.refresh }));
    await typedFailure(
      client().send(
        new sdk.InitiateAuthCommand({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: CLIENT,
          AuthParameters: { REFRESH_TOKEN: life.refresh },
        }),
      ),
      'NotAuthorizedException',
    );
    // Revocation also ends the access tokens issued from that refresh token, not others.
    const revoked = await typedFailure(
      client().send(new sdk.GetUserCommand({ AccessToken: life.access })),
      'NotAuthorizedException',
    );
    expect(revoked.message).toBe('Access Token has been revoked');
    await client().send(new sdk.GetUserCommand({ AccessToken: current }));

    await client().send(
      new sdk.ForgetDeviceCommand({ AccessToken: current, DeviceKey: life.deviceKey }),
    );
    const devices = await client().send(new sdk.ListDevicesCommand({ AccessToken: current }));
    expect(devices.Devices?.map((d) => d.DeviceKey)).not.toContain(life.deviceKey);

    await client().send(new sdk.GlobalSignOutCommand({ AccessToken: current }));
    await typedFailure(
      client().send(new sdk.GetUserCommand({ AccessToken: current })),
      'NotAuthorizedException',
    );

    const last = await mfaSignIn();
    await client().send(new sdk.DeleteUserCommand({ AccessToken: last }));
    await typedFailure(passwordAuth('sdk-user', 'Res3t-Passw0rd'), 'UserNotFoundException');
  });

  it('StartWebAuthnRegistration / CompleteWebAuthnRegistration / GetUserAuthFactors / ListWebAuthnCredentials / DeleteWebAuthnCredential', async () => {
    const signIn = await client().send(
      new sdk.InitiateAuthCommand({
        AuthFlow: 'USER_AUTH',
        ClientId: PASSKEY_CLIENT,
        AuthParameters: { USERNAME: 'passkey-sdk', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD },
      }),
    );
    const token = signIn.AuthenticationResult?.AccessToken ?? '';
    const authenticator = createSoftwareAuthenticator({ origin: 'https://localhost' });
    const started = await client().send(
      new sdk.StartWebAuthnRegistrationCommand({ AccessToken: token }),
    );
    const creation = started.CredentialCreationOptions as unknown as CreationOptionsJSON;
    await client().send(
      new sdk.CompleteWebAuthnRegistrationCommand({
        AccessToken: token,
        Credential: authenticator.createCredential(creation) as never,
      }),
    );
    const factors = await client().send(new sdk.GetUserAuthFactorsCommand({ AccessToken: token }));
    expect(factors).toMatchObject({
      Username: 'passkey-sdk',
      ConfiguredUserAuthFactors: ['PASSWORD', 'WEB_AUTHN'],
    });
    const listed = await client().send(
      new sdk.ListWebAuthnCredentialsCommand({ AccessToken: token, MaxResults: 5 }),
    );
    const [credential] = listed.Credentials ?? [];
    expect(credential?.CredentialId).toBe(authenticator.credentials[0]?.id);
    expect(credential?.CreatedAt).toBeInstanceOf(Date);
    await client().send(
      new sdk.DeleteWebAuthnCredentialCommand({
        AccessToken: token,
        CredentialId: credential?.CredentialId,
      }),
    );
    await typedFailure(
      client().send(
        new sdk.DeleteWebAuthnCredentialCommand({
          AccessToken: token,
          CredentialId: credential?.CredentialId,
        }),
      ),
      'ResourceNotFoundException',
    );
  });

  it('exercised every user-side action the emulator registers', () => {
    const missing = registeredActions.user.filter((name) => !recorder?.succeeded.has(name));
    expect(missing).toEqual([]);
  });
});
