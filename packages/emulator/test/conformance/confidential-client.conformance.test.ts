/**
 * A confidential app client (with a secret) and PreventUserExistenceErrors = ENABLED, through
 * `@aws-sdk/client-cognito-identity-provider` over HTTP: SECRET_HASH / SecretHash / ClientSecret
 * wherever Cognito takes them (COGNITO-PROTOCOL §6), and unknown users answered without
 * revealing that they do not exist (§8).
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { claims, useConformanceHost } from './harness.js';
import { recordingClient, sdk, typedFailure } from './sdk-client.js';
import { srpClient } from './srp-claim.js';

const POOL = 'us-west-2_ConfSecret1';
const CLIENT = 'confsecretclient';
const SECRET = '1k8s0conformance0secret0m2n4p6q8r0s2t4v6w8x0y2z4';
const PASSWORD = 'Passw0rd!';

const host = useConformanceHost({
  pools: [
    {
      id: POOL,
      autoVerifiedAttributes: ['email'],
      clients: [
        {
          id: CLIENT,
          secret: SECRET,
          explicitAuthFlows: [
            'ALLOW_USER_PASSWORD_AUTH',
            'ALLOW_USER_SRP_AUTH',
            'ALLOW_REFRESH_TOKEN_AUTH',
          ],
          preventUserExistenceErrors: 'ENABLED',
        },
      ],
      users: [
        {
          username: 'erin',
          password: PASSWORD,
          attributes: { email: 'erin@example.com', email_verified: true },
        },
      ],
    },
  ],
});

/** base64(HMAC-SHA256(secret, username ‖ clientId)). */
const secretHash = (username: string, secret = SECRET) =>
  createHmac('sha256', secret).update(`${username}${CLIENT}`).digest('base64');

let client: ReturnType<typeof recordingClient>['client'] | undefined;
const sdkClient = () =>
  (client ??= recordingClient(host.url, 'us-west-2', {
    accessKeyId: 'x',
    secretAccessKey: 'y',
  }).client);

const passwordAuth = (username: string, hash: string | undefined, password = PASSWORD) =>
  sdkClient().send(
    new sdk.InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: CLIENT,
      AuthParameters: {
        USERNAME: username,
        PASSWORD: password,
        ...(hash !== undefined && { SECRET_HASH: hash }),
      },
    }),
  );

describe('confidential client over the aws-sdk', { timeout: 30_000 }, () => {
  it('signs in with SECRET_HASH; a missing or wrong hash is NotAuthorizedException', async () => {
    const tokens = await passwordAuth('erin', secretHash('erin'));
    expect(claims(tokens.AuthenticationResult?.AccessToken)['client_id']).toBe(CLIENT);
    await typedFailure(passwordAuth('erin', undefined), 'NotAuthorizedException');
    const wrong = await typedFailure(
      passwordAuth('erin', secretHash('erin', 'not-the-secret')),
      'NotAuthorizedException',
    );
    expect(wrong.message).toBe(`Unable to verify secret hash for client ${CLIENT}`);
  });

  it('refreshes with SECRET_HASH, and with ClientSecret through GetTokensFromRefreshToken / RevokeToken', async () => {
    const signedIn = await passwordAuth('erin', secretHash('erin'));
    const refreshToken = signedIn.AuthenticationResult?.RefreshToken ?? '';
    const refreshed = await sdkClient().send(
      new sdk.InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: CLIENT,
        AuthParameters: { REFRESH_TOKEN: refreshToken, SECRET_HASH: secretHash('erin') },
      }),
    );
    expect(refreshed.AuthenticationResult?.AccessToken).toMatch(/^ey/);
    const viaNewAction = await sdkClient().send(
      new sdk.GetTokensFromRefreshTokenCommand({
        ClientId: CLIENT,
        ClientSecret: SECRET,
        RefreshToken: refreshToken,
      }),
    );
    expect(viaNewAction.AuthenticationResult?.IdToken).toMatch(/^ey/);
    await sdkClient().send(
      new sdk.RevokeTokenCommand({ ClientId: CLIENT, ClientSecret: SECRET, Token: refreshToken }),
    );
    await typedFailure(
      sdkClient().send(
        new sdk.GetTokensFromRefreshTokenCommand({
          ClientId: CLIENT,
          ClientSecret: SECRET,
          RefreshToken: refreshToken,
        }),
      ),
      'NotAuthorizedException',
    );
  });

  it('SignUp / ConfirmSignUp / ForgotPassword / ConfirmForgotPassword take SecretHash', async () => {
    await typedFailure(
      sdkClient().send(
        new sdk.SignUpCommand({ ClientId: CLIENT, Username: 'frank', Password: PASSWORD }),
      ),
      'NotAuthorizedException',
    );
    await sdkClient().send(
      new sdk.SignUpCommand({
        ClientId: CLIENT,
        SecretHash: secretHash('frank'),
        Username: 'frank',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'frank@example.com' }],
      }),
    );
    await sdkClient().send(
      new sdk.ConfirmSignUpCommand({
        ClientId: CLIENT,
        SecretHash: secretHash('frank'),
        Username: 'frank',
        ConfirmationCode: await host.lastCode(POOL, 'frank'),
      }),
    );
    await sdkClient().send(
      new sdk.ForgotPasswordCommand({
        ClientId: CLIENT,
        SecretHash: secretHash('frank'),
        Username: 'frank',
      }),
    );
    await sdkClient().send(
      new sdk.ConfirmForgotPasswordCommand({
        ClientId: CLIENT,
        SecretHash: secretHash('frank'),
        Username: 'frank',
        ConfirmationCode: await host.lastCode(POOL, 'frank'),
        Password: 'N3w-Passw0rd!',
      }),
    );
    const tokens = await passwordAuth('frank', secretHash('frank'), 'N3w-Passw0rd!');
    expect(tokens.AuthenticationResult?.AccessToken).toMatch(/^ey/);
  });

  it('does not reveal unknown users (PreventUserExistenceErrors = ENABLED)', async () => {
    const unknown = await typedFailure(
      passwordAuth('ghost', secretHash('ghost')),
      'NotAuthorizedException',
    );
    expect(unknown.message).toBe('Incorrect username or password.');
    const known = await typedFailure(
      passwordAuth('erin', secretHash('erin'), 'Wr0ng-password'),
      'NotAuthorizedException',
    );
    expect(known.message).toBe(unknown.message);

    const forgot = await sdkClient().send(
      new sdk.ForgotPasswordCommand({
        ClientId: CLIENT,
        SecretHash: secretHash('ghost'),
        Username: 'ghost',
      }),
    );
    expect(forgot.CodeDeliveryDetails?.DeliveryMedium).toBeDefined();

    const simulated = async () => {
      const srp = await srpClient(POOL);
      const challenge = await sdkClient().send(
        new sdk.InitiateAuthCommand({
          AuthFlow: 'USER_SRP_AUTH',
          ClientId: CLIENT,
          AuthParameters: { USERNAME: 'ghost', SRP_A: srp.srpA, SECRET_HASH: secretHash('ghost') },
        }),
      );
      expect(challenge.ChallengeName).toBe('PASSWORD_VERIFIER');
      return { srp, params: challenge.ChallengeParameters ?? {} };
    };
    const first = await simulated();
    const second = await simulated();
    expect(first.params['USER_ID_FOR_SRP']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(second.params['USER_ID_FOR_SRP']).toBe(first.params['USER_ID_FOR_SRP']);
    expect(second.params['SALT']).toBe(first.params['SALT']);
    const responses = await first.srp.claim(first.params, PASSWORD);
    const refused = await typedFailure(
      sdkClient().send(
        new sdk.RespondToAuthChallengeCommand({
          ClientId: CLIENT,
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeResponses: {
            ...responses,
            SECRET_HASH: secretHash(first.params['USER_ID_FOR_SRP'] ?? ''),
          },
        }),
      ),
      'NotAuthorizedException',
    );
    expect(refused.message).toBe('Incorrect username or password.');
  });
});
