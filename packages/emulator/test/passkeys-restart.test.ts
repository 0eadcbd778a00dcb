/**
 * A passkey registered through the Node host with a data directory is still there after a
 * restart, with its signature counter: it signs in, and an assertion with the old counter does
 * not.
 */
import { expect, it } from 'vitest';
import { tempDirPerTest } from './support/temp-dir.js';
import { startEmulatorServer } from '../src/node/index.js';
import type { EmulatorServerOptions } from '../src/node/index.js';
import { createSoftwareAuthenticator } from '../src/testing/index.js';
import type { CreationOptionsJSON } from '../src/testing/index.js';

const POOL = 'eu-central-1_Passkey1';
const CLIENT = 'passkeyClient';
const PASSWORD = 'Passw0rd!';
const dataDir = tempDirPerTest('ck-passkeys-');

function options(): EmulatorServerOptions {
  return {
    port: 0,
    quiet: true,
    dataDir: dataDir(),
    seed: {
      pools: [
        {
          id: POOL,
          allowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'],
          webAuthn: { relyingPartyId: 'localhost' },
          clients: [{ id: CLIENT, explicitAuthFlows: ['ALLOW_USER_AUTH'] }],
          users: [{ username: 'alice', password: PASSWORD }],
        },
      ],
    },
  };
}

/** The members of the answers this test reads. */
interface Answer {
  __type?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AuthenticationResult?: Record<string, string>;
  CredentialCreationOptions?: CreationOptionsJSON;
}

async function call(url: string, action: string, input: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${action}`,
    },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

async function passkeyChallenge(url: string) {
  const { body } = await call(url, 'InitiateAuth', {
    AuthFlow: 'USER_AUTH',
    ClientId: CLIENT,
    AuthParameters: { USERNAME: 'alice', PREFERRED_CHALLENGE: 'WEB_AUTHN' },
  });
  return {
    session: body.Session ?? '',
    options: body.ChallengeParameters?.['CREDENTIAL_REQUEST_OPTIONS'] ?? '',
  };
}

function answer(url: string, session: string, credential: unknown) {
  return call(url, 'RespondToAuthChallenge', {
    ClientId: CLIENT,
    ChallengeName: 'WEB_AUTHN',
    Session: session,
    ChallengeResponses: { USERNAME: 'alice', CREDENTIAL: JSON.stringify(credential) },
  });
}

it('keeps passkeys and their counters across a restart', async () => {
  const authenticator = createSoftwareAuthenticator({ origin: 'http://localhost:8080' });
  const first = await startEmulatorServer(options());
  const signIn = await call(first.url, 'InitiateAuth', {
    AuthFlow: 'USER_AUTH',
    ClientId: CLIENT,
    AuthParameters: { USERNAME: 'alice', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD },
  });
  const token = signIn.body.AuthenticationResult?.['AccessToken'] ?? '';
  const started = await call(first.url, 'StartWebAuthnRegistration', { AccessToken: token });
  const creation = started.body.CredentialCreationOptions as CreationOptionsJSON;
  const completed = await call(first.url, 'CompleteWebAuthnRegistration', {
    AccessToken: token,
    Credential: authenticator.createCredential(creation),
  });
  expect(completed.status).toBe(200);
  const before = await passkeyChallenge(first.url);
  const used = authenticator.getAssertion(before.options);
  expect((await answer(first.url, before.session, used)).status).toBe(200);
  await first.close();

  const second = await startEmulatorServer(options());
  try {
    expect(second.origin).toBe('data');
    const stale = await passkeyChallenge(second.url);
    const replayed = await answer(
      second.url,
      stale.session,
      authenticator.getAssertion(stale.options, { signCount: 1 }),
    );
    expect(replayed.body.__type).toBe('NotAuthorizedException');
    const fresh = await passkeyChallenge(second.url);
    const done = await answer(second.url, fresh.session, authenticator.getAssertion(fresh.options));
    expect(done.status).toBe(200);
    expect(done.body.AuthenticationResult?.['IdToken']).toEqual(expect.any(String));
  } finally {
    await second.close();
  }
});
