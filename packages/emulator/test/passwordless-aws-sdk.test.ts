/**
 * Choice-based sign-in and passkeys driven by the AWS SDK v3 over HTTP: its serialisers come
 * from AWS's own service model, so the member names and shapes the emulator reads and answers
 * (SignInPolicy, WebAuthnConfiguration, AvailableChallenges, the WebAuthn actions' Document
 * members, InitiateAuth / AdminInitiateAuth `Session`) are checked by an independent client.
 */
import { describe, expect, it } from 'vitest';
import { createSoftwareAuthenticator } from '../src/testing/index.js';
import type { CreationOptionsJSON } from '../src/testing/index.js';
import { POOL, failure, sdk, useAdminServer } from './admin-harness.js';

const h = useAdminServer();
const PASSWORD = 'Passw0rd!-sdk';

/** A new pool with passkeys and e-mail codes, one USER_AUTH client and the user `pia`. */
async function passwordlessPool() {
  const created = await h.client.send(
    new sdk.CreateUserPoolCommand({
      PoolName: 'passwordless',
      AutoVerifiedAttributes: ['email'],
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } },
    }),
  );
  const poolId = created.UserPool?.Id ?? '';
  expect(created.UserPool?.Policies?.SignInPolicy?.AllowedFirstAuthFactors).toEqual([
    'PASSWORD',
    'EMAIL_OTP',
  ]);
  await h.client.send(
    new sdk.UpdateUserPoolCommand({
      UserPoolId: poolId,
      // UpdateUserPool resets what it leaves out, like Cognito's.
      AutoVerifiedAttributes: ['email'],
      Policies: {
        SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'] },
      },
    }),
  );
  const mfa = await h.client.send(
    new sdk.SetUserPoolMfaConfigCommand({
      UserPoolId: poolId,
      WebAuthnConfiguration: { RelyingPartyId: 'localhost', UserVerification: 'required' },
    }),
  );
  expect(mfa.WebAuthnConfiguration).toEqual({
    RelyingPartyId: 'localhost',
    UserVerification: 'required',
    FactorConfiguration: 'SINGLE_FACTOR',
  });
  const client = await h.client.send(
    new sdk.CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'web',
      ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  const clientId = client.UserPoolClient?.ClientId ?? '';
  expect(client.UserPoolClient?.ExplicitAuthFlows).toContain('ALLOW_USER_AUTH');
  await h.client.send(
    new sdk.AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: 'pia',
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: 'pia@example.com' },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  await h.client.send(
    new sdk.AdminSetUserPasswordCommand({
      UserPoolId: poolId,
      Username: 'pia',
      Password: PASSWORD,
      Permanent: true,
    }),
  );
  return { poolId, clientId };
}

describe('pool settings through the AWS SDK', () => {
  it('stores SignInPolicy and WebAuthnConfiguration and reads them back', async () => {
    const { poolId } = await passwordlessPool();
    const described = await h.client.send(new sdk.DescribeUserPoolCommand({ UserPoolId: poolId }));
    expect(described.UserPool?.Policies?.SignInPolicy?.AllowedFirstAuthFactors).toEqual([
      'PASSWORD',
      'EMAIL_OTP',
      'WEB_AUTHN',
    ]);
    const mfa = await h.client.send(new sdk.GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    expect(mfa.WebAuthnConfiguration?.RelyingPartyId).toBe('localhost');
  });

  it('refuses a sign-in policy without PASSWORD or with SOFTWARE_TOKEN', async () => {
    for (const factors of [['EMAIL_OTP'], ['PASSWORD', 'SOFTWARE_TOKEN']] as const) {
      const error = await failure(
        h.client.send(
          new sdk.UpdateUserPoolCommand({
            UserPoolId: POOL,
            Policies: { SignInPolicy: { AllowedFirstAuthFactors: [...factors] } },
          }),
        ),
      );
      expect(error.name).toBe('InvalidParameterException');
    }
  });
});

describe('USER_AUTH and passkeys through the AWS SDK', () => {
  it('selects EMAIL_OTP, signs in with the code, registers a passkey and signs in with it', async () => {
    const { poolId, clientId } = await passwordlessPool();
    const user = h.clientWith({ accessKeyId: 'unused', secretAccessKey: 'unused' });
    const select = await user.send(
      new sdk.InitiateAuthCommand({
        AuthFlow: 'USER_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: 'pia' },
      }),
    );
    expect(select.ChallengeName).toBe('SELECT_CHALLENGE');
    expect(select.AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP']);
    const emailChallenge = await user.send(
      new sdk.RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'SELECT_CHALLENGE',
        Session: select.Session,
        ChallengeResponses: { USERNAME: 'pia', ANSWER: 'EMAIL_OTP' },
      }),
    );
    expect(emailChallenge.ChallengeName).toBe('EMAIL_OTP');
    const [message] = await h.outbox('pia', poolId);
    const signedIn = await user.send(
      new sdk.RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'EMAIL_OTP',
        Session: emailChallenge.Session,
        ChallengeResponses: { USERNAME: 'pia', EMAIL_OTP_CODE: message?.code ?? '' },
      }),
    );
    const accessToken = signedIn.AuthenticationResult?.AccessToken ?? '';
    expect(accessToken).not.toBe('');

    const authenticator = createSoftwareAuthenticator({ origin: 'http://localhost:3000' });
    const started = await user.send(
      new sdk.StartWebAuthnRegistrationCommand({ AccessToken: accessToken }),
    );
    const creation = started.CredentialCreationOptions as unknown as CreationOptionsJSON;
    expect(creation.rp).toEqual({ id: 'localhost', name: 'localhost' });
    await user.send(
      new sdk.CompleteWebAuthnRegistrationCommand({
        AccessToken: accessToken,
        Credential: authenticator.createCredential(creation) as never,
      }),
    );
    const listed = await user.send(
      new sdk.ListWebAuthnCredentialsCommand({ AccessToken: accessToken }),
    );
    expect(listed.Credentials?.map((c) => c.CredentialId)).toEqual([
      authenticator.credentials[0]?.id,
    ]);
    expect(listed.Credentials?.[0]?.CreatedAt).toBeInstanceOf(Date);

    const passkey = await user.send(
      new sdk.InitiateAuthCommand({
        AuthFlow: 'USER_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: 'pia', PREFERRED_CHALLENGE: 'WEB_AUTHN' },
      }),
    );
    expect(passkey.ChallengeName).toBe('WEB_AUTHN');
    const options = passkey.ChallengeParameters?.['CREDENTIAL_REQUEST_OPTIONS'] ?? '';
    expect(JSON.parse(options)).toMatchObject({ rpId: 'localhost', userVerification: 'required' });
    const done = await user.send(
      new sdk.RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'WEB_AUTHN',
        Session: passkey.Session,
        ChallengeResponses: {
          USERNAME: 'pia',
          CREDENTIAL: JSON.stringify(authenticator.getAssertion(options)),
        },
      }),
    );
    expect(done.AuthenticationResult?.IdToken).toEqual(expect.any(String));

    await user.send(
      new sdk.DeleteWebAuthnCredentialCommand({
        AccessToken: accessToken,
        CredentialId: authenticator.credentials[0]?.id,
      }),
    );
    const after = await user.send(
      new sdk.ListWebAuthnCredentialsCommand({ AccessToken: accessToken }),
    );
    expect(after.Credentials).toEqual([]);
    user.destroy();
  });

  it('AdminInitiateAuth USER_AUTH with PASSWORD, and the ConfirmSignUp Session', async () => {
    const { poolId, clientId } = await passwordlessPool();
    const admin = await h.client.send(
      new sdk.AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: 'pia', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD },
      }),
    );
    expect(admin.AuthenticationResult?.AccessToken).toEqual(expect.any(String));

    const user = h.clientWith({ accessKeyId: 'unused', secretAccessKey: 'unused' });
    await user.send(
      new sdk.SignUpCommand({
        ClientId: clientId,
        Username: 'nell',
        UserAttributes: [{ Name: 'email', Value: 'nell@example.com' }],
      }),
    );
    const code = (await h.outbox('nell', poolId)).at(-1)?.code ?? '';
    const confirmed = await user.send(
      new sdk.ConfirmSignUpCommand({
        ClientId: clientId,
        Username: 'nell',
        ConfirmationCode: code,
      }),
    );
    expect(confirmed.Session).toEqual(expect.any(String));
    const auto = await user.send(
      new sdk.InitiateAuthCommand({
        AuthFlow: 'USER_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: 'nell' },
        Session: confirmed.Session,
      }),
    );
    expect(auto.AuthenticationResult?.RefreshToken).toEqual(expect.any(String));
    user.destroy();
  });
});
