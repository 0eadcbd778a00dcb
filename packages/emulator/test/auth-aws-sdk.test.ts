/**
 * The sign-in actions over real HTTP through `@aws-sdk/client-cognito-identity-provider` (a
 * parser nobody here wrote): challenge answers, refresh with rotation, and typed errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorServer, type EmulatorServer } from '../src/node/server.js';
import { awsSdk as sdk } from './aws-sdk.js';

const POOL = 'eu-west-2_AuthSdk1';
const PASSWORD = 'Passw0rd!';

let server: EmulatorServer;
let client: InstanceType<typeof sdk.CognitoIdentityProviderClient>;

beforeAll(async () => {
  server = await startEmulatorServer({
    port: 0,
    quiet: true,
    seed: {
      pools: [
        {
          id: POOL,
          mfa: { mode: 'OPTIONAL', factors: ['SMS'] },
          clients: [
            {
              id: 'sdkclient',
              explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
              refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: 0 },
            },
          ],
          users: [
            {
              username: 'sam',
              password: PASSWORD,
              attributes: { phone_number: '+15555550100' },
              mfa: { sms: true },
            },
          ],
        },
      ],
    },
  });
  client = new sdk.CognitoIdentityProviderClient({
    endpoint: server.url,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});

afterAll(async () => {
  client.destroy();
  await server.close();
});

describe('sign-in through the AWS SDK', () => {
  it('answers SMS_MFA, then rotates the refresh token and refuses its reuse', async () => {
    const start = await client.send(
      new sdk.InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: 'sdkclient',
        AuthParameters: { USERNAME: 'sam', PASSWORD },
      }),
    );
    expect(start.ChallengeName).toBe('SMS_MFA');
    expect(start.ChallengeParameters?.['CODE_DELIVERY_DESTINATION']).toBe('+*******0100');
    const code = server.emulator.api.outbox.lastCode('sam') ?? '';
    const done = await client.send(
      new sdk.RespondToAuthChallengeCommand({
        ClientId: 'sdkclient',
        ChallengeName: 'SMS_MFA',
        Session: start.Session,
        ChallengeResponses: { USERNAME: 'sam', SMS_MFA_CODE: code },
      }),
    );
    const refreshToken = done.AuthenticationResult?.RefreshToken ?? '';
    expect(done.AuthenticationResult?.TokenType).toBe('Bearer');

    const rotated = await client.send(
      new sdk.GetTokensFromRefreshTokenCommand({
        ClientId: 'sdkclient',
        RefreshToken: refreshToken,
      }),
    );
    expect(rotated.AuthenticationResult?.RefreshToken).toBeTruthy();
    expect(rotated.AuthenticationResult?.RefreshToken).not.toBe(refreshToken);

    const reuse = await client
      .send(
        new sdk.GetTokensFromRefreshTokenCommand({
          ClientId: 'sdkclient',
          RefreshToken: refreshToken,
        }),
      )
      .catch((error: unknown) => error);
    expect(reuse).toBeInstanceOf(sdk.RefreshTokenReuseException);
  });

  it('surfaces Cognito errors as the SDK’s typed exceptions with their messages', async () => {
    const wrong = await client
      .send(
        new sdk.InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: 'sdkclient',
          AuthParameters: { USERNAME: 'sam', PASSWORD: 'Wrong-passw0rd' },
        }),
      )
      .catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(sdk.NotAuthorizedException);
    expect((wrong as Error).message).toBe('Incorrect username or password.');

    const badSession = await client
      .send(
        new sdk.RespondToAuthChallengeCommand({
          ClientId: 'sdkclient',
          ChallengeName: 'SMS_MFA',
          Session: 'x'.repeat(40),
          ChallengeResponses: { USERNAME: 'sam', SMS_MFA_CODE: '123456' },
        }),
      )
      .catch((error: unknown) => error);
    expect(badSession).toBeInstanceOf(sdk.NotAuthorizedException);
    expect((badSession as Error).message).toBe('Invalid session for the user.');

    const invalid = await client
      .send(new sdk.InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'bad id!' }))
      .catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(sdk.InvalidParameterException);
  });
});
