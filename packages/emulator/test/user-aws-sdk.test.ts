/**
 * The user-side actions over real HTTP, driven by `@aws-sdk/client-cognito-identity-provider`
 * — a parser nobody here wrote. One user's life: sign-up, confirmation, profile, TOTP, devices,
 * password change and reset, revocation, sign-out everywhere and deletion. Each answer is read
 * through the SDK's own output shapes (dates become `Date`, errors become typed exceptions).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../src/engine/crypto/totp.js';
import { startEmulatorServer, type EmulatorServer } from '../src/node/server.js';
import { awsSdk as sdk } from './aws-sdk.js';

const POOL = 'eu-west-2_UserSdk1';
const CLIENT = 'usersdkclient';
const PASSWORD = 'Passw0rd!';

let server: EmulatorServer;
let client: InstanceType<typeof sdk.CognitoIdentityProviderClient>;

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error('expected the call to fail');
}

async function lastCode(username: string): Promise<string> {
  const res = await fetch(`${server.url}/_emulator/outbox?poolId=${POOL}`);
  const { messages } = (await res.json()) as { messages: { destination: string; code?: string }[] };
  const mine = messages.filter((m) => m.destination.startsWith(username) && m.code);
  return mine.at(-1)?.code ?? '';
}

async function signIn(username: string, password = PASSWORD) {
  const out = await client.send(
    new sdk.InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: CLIENT,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
  const result = out.AuthenticationResult;
  if (!result?.AccessToken || !result.RefreshToken) throw new Error('no tokens');
  return {
    access: result.AccessToken,
    refresh: result.RefreshToken,
    deviceKey: result.NewDeviceMetadata?.DeviceKey,
  };
}

beforeAll(async () => {
  server = await startEmulatorServer({
    port: 0,
    quiet: true,
    seed: {
      pools: [
        {
          id: POOL,
          autoVerifiedAttributes: ['email'],
          deviceTracking: 'always',
          mfa: { mode: 'OPTIONAL', factors: ['TOTP'] },
          clients: [
            {
              id: CLIENT,
              explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
              preventUserExistenceErrors: 'LEGACY',
            },
          ],
        },
      ],
    },
  });
  client = new sdk.CognitoIdentityProviderClient({
    region: 'eu-west-2',
    endpoint: server.url,
    credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client?.destroy();
  await server?.close();
});

describe('user-side actions through the AWS SDK', { timeout: 60_000 }, () => {
  it('runs a whole account lifecycle', async () => {
    const signUp = await client.send(
      new sdk.SignUpCommand({
        ClientId: CLIENT,
        Username: 'sam',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'sam@example.com' }],
      }),
    );
    expect(signUp.UserConfirmed).toBe(false);
    expect(signUp.CodeDeliveryDetails).toEqual({
      Destination: 's***@e***.com',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
    const wrong = await failure(
      client.send(
        new sdk.ConfirmSignUpCommand({ ClientId: CLIENT, Username: 'sam', ConfirmationCode: 'x1' }),
      ),
    );
    expect(wrong.name).toBe('CodeMismatchException');
    await client.send(
      new sdk.ConfirmSignUpCommand({
        ClientId: CLIENT,
        Username: 'sam',
        ConfirmationCode: await lastCode('sam'),
      }),
    );

    const first = await signIn('sam');
    const user = await client.send(new sdk.GetUserCommand({ AccessToken: first.access }));
    expect(user.Username).toBe('sam');
    expect(user.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'true' });

    // Profile: a new e-mail needs verifying again.
    const update = await client.send(
      new sdk.UpdateUserAttributesCommand({
        AccessToken: first.access,
        UserAttributes: [
          { Name: 'email', Value: 'sam2@example.com' },
          { Name: 'name', Value: 'Sam' },
        ],
      }),
    );
    expect(update.CodeDeliveryDetailsList?.[0]?.AttributeName).toBe('email');
    await client.send(
      new sdk.GetUserAttributeVerificationCodeCommand({
        AccessToken: first.access,
        AttributeName: 'email',
      }),
    );
    await client.send(
      new sdk.VerifyUserAttributeCommand({
        AccessToken: first.access,
        AttributeName: 'email',
        Code: await lastCode('sam2'),
      }),
    );
    await client.send(
      new sdk.DeleteUserAttributesCommand({
        AccessToken: first.access,
        UserAttributeNames: ['name'],
      }),
    );

    // TOTP.
    const { SecretCode } = await client.send(
      new sdk.AssociateSoftwareTokenCommand({ AccessToken: first.access }),
    );
    const verified = await client.send(
      new sdk.VerifySoftwareTokenCommand({
        AccessToken: first.access,
        UserCode: totpCodeAt(SecretCode ?? '', Date.now()),
      }),
    );
    expect(verified.Status).toBe('SUCCESS');
    await client.send(
      new sdk.SetUserMFAPreferenceCommand({
        AccessToken: first.access,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    const withMfa = await client.send(new sdk.GetUserCommand({ AccessToken: first.access }));
    expect(withMfa.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(withMfa.PreferredMfaSetting).toBe('SOFTWARE_TOKEN_MFA');
    await client.send(
      new sdk.SetUserMFAPreferenceCommand({
        AccessToken: first.access,
        SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
      }),
    );

    // Devices.
    const deviceKey = first.deviceKey ?? '';
    const confirmed = await client.send(
      new sdk.ConfirmDeviceCommand({
        AccessToken: first.access,
        DeviceKey: deviceKey,
        DeviceName: 'sdk-device',
        DeviceSecretVerifierConfig: {
          PasswordVerifier: 'AJDzynebYwZo',
          Salt: 'YNr5PKE63pUfsrpQKTasAg==',
        },
      }),
    );
    expect(confirmed.UserConfirmationNecessary).toBe(false);
    const listed = await client.send(
      new sdk.ListDevicesCommand({ AccessToken: first.access, Limit: 10 }),
    );
    expect(listed.Devices?.map((d) => d.DeviceKey)).toEqual([deviceKey]);
    expect(listed.Devices?.[0]?.DeviceCreateDate).toBeInstanceOf(Date);
    const got = await client.send(
      new sdk.GetDeviceCommand({ AccessToken: first.access, DeviceKey: deviceKey }),
    );
    expect(got.Device?.DeviceAttributes).toContainEqual({
      Name: 'device_name',
      Value: 'sdk-device',
    });
    await client.send(
      new sdk.UpdateDeviceStatusCommand({
        AccessToken: first.access,
        DeviceKey: deviceKey,
        DeviceRememberedStatus: 'not_remembered',
      }),
    );
    await client.send(
      new sdk.ForgetDeviceCommand({ AccessToken: first.access, DeviceKey: deviceKey }),
    );
    const gone = await failure(
      client.send(new sdk.GetDeviceCommand({ AccessToken: first.access, DeviceKey: deviceKey })),
    );
    expect(gone).toEqual({ name: 'ResourceNotFoundException', message: 'Device does not exist.' });

    // Passwords.
    await client.send(
      new sdk.ChangePasswordCommand({
        AccessToken: first.access,
        PreviousPassword: PASSWORD,
        ProposedPassword: 'Chang3d-password',
      }),
    );
    const forgot = await client.send(
      new sdk.ForgotPasswordCommand({ ClientId: CLIENT, Username: 'sam' }),
    );
    expect(forgot.CodeDeliveryDetails?.Destination).toBe('s***@e***.com');
    await client.send(
      new sdk.ConfirmForgotPasswordCommand({
        ClientId: CLIENT,
        Username: 'sam',
        ConfirmationCode: await lastCode('sam2'),
        Password: 'Res3t-password',
      }),
    );

    // Revocation and sign-out.
    const second = await signIn('sam', 'Res3t-password');
    const third = await signIn('sam', 'Res3t-password');
    await client.send(new sdk.RevokeTokenCommand({ ClientId: CLIENT, Token: second.refresh }));
    expect(
      await failure(client.send(new sdk.GetUserCommand({ AccessToken: second.access }))),
    ).toEqual({ name: 'NotAuthorizedException', message: 'Access Token has been revoked' });
    await client.send(new sdk.GetUserCommand({ AccessToken: third.access }));
    await client.send(new sdk.GlobalSignOutCommand({ AccessToken: third.access }));
    const afterSignOut = await failure(
      client.send(
        new sdk.InitiateAuthCommand({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: CLIENT,
          AuthParameters: { REFRESH_TOKEN: third.refresh },
        }),
      ),
    );
    expect(afterSignOut.name).toBe('NotAuthorizedException');

    const last = await signIn('sam', 'Res3t-password');
    await client.send(new sdk.DeleteUserCommand({ AccessToken: last.access }));
    const deleted = await failure(
      client.send(new sdk.ForgotPasswordCommand({ ClientId: CLIENT, Username: 'sam' })),
    );
    expect(deleted).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' });
  });
});
