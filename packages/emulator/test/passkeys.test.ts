/**
 * Passkeys over the wire, with real keys and signatures from the software authenticator:
 * StartWebAuthnRegistration / CompleteWebAuthnRegistration / ListWebAuthnCredentials /
 * DeleteWebAuthnCredential, sign-in with USER_AUTH WEB_AUTHN, and every bad input Cognito
 * names an error for (forged or replayed assertion, wrong origin or RP id, another user's
 * credential, expired challenge, another app client).
 */
import { describe, expect, it } from 'vitest';
import type { PoolSeed } from '../src/index.js';
import { createSoftwareAuthenticator, strangerKey } from '../src/testing/index.js';
import type { CreationOptionsJSON, SoftwareAuthenticator } from '../src/testing/index.js';
import { CLIENT_ID, PASSWORD, basicPool, call, emulatorWith, ok } from './helpers/wire.js';

const ORIGIN = 'http://localhost:5173';
const start = Date.UTC(2025, 0, 1, 12);

function pool(overrides: Partial<PoolSeed> = {}): PoolSeed {
  return basicPool({
    allowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'],
    webAuthn: { relyingPartyId: 'localhost' },
    clients: [
      { id: CLIENT_ID, explicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_USER_PASSWORD_AUTH'] },
      { id: 'otherclient', explicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_USER_PASSWORD_AUTH'] },
    ],
    users: [
      { username: 'alice', password: PASSWORD },
      { username: 'bob', password: PASSWORD },
    ],
    ...overrides,
  });
}

function emulator(overrides: Partial<PoolSeed> = {}) {
  return emulatorWith([pool(overrides)], { now: start });
}

type E = ReturnType<typeof emulator>;

async function accessToken(e: E, username: string, clientId = CLIENT_ID): Promise<string> {
  const body = await ok(e, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: clientId,
    AuthParameters: { USERNAME: username, PASSWORD },
  });
  return (body['AuthenticationResult'] as { AccessToken: string }).AccessToken;
}

async function startRegistration(e: E, token: string): Promise<CreationOptionsJSON> {
  const body = await ok(e, 'StartWebAuthnRegistration', { AccessToken: token });
  return body['CredentialCreationOptions'] as CreationOptionsJSON;
}

/** Registers a passkey for `username` and returns the authenticator holding it. */
async function registered(e: E, username: string, authenticator = newAuthenticator()) {
  const token = await accessToken(e, username);
  const options = await startRegistration(e, token);
  await ok(e, 'CompleteWebAuthnRegistration', {
    AccessToken: token,
    Credential: authenticator.createCredential(options),
  });
  return { authenticator, token };
}

function newAuthenticator(
  options: Partial<Parameters<typeof createSoftwareAuthenticator>[0]> = {},
) {
  return createSoftwareAuthenticator({ origin: ORIGIN, ...options });
}

async function webAuthnChallenge(e: E, username: string) {
  const body = await ok(e, 'InitiateAuth', {
    AuthFlow: 'USER_AUTH',
    ClientId: CLIENT_ID,
    AuthParameters: { USERNAME: username, PREFERRED_CHALLENGE: 'WEB_AUTHN' },
  });
  expect(body['ChallengeName']).toBe('WEB_AUTHN');
  const parameters = body['ChallengeParameters'] as Record<string, string>;
  return { session: body['Session'], options: parameters['CREDENTIAL_REQUEST_OPTIONS'] ?? '' };
}

function answer(e: E, session: unknown, username: string, credential: unknown) {
  return call(e, 'RespondToAuthChallenge', {
    ClientId: CLIENT_ID,
    ChallengeName: 'WEB_AUTHN',
    Session: session,
    ChallengeResponses: { USERNAME: username, CREDENTIAL: JSON.stringify(credential) },
  });
}

describe('passkey registration and management', () => {
  it('hands out creation options for the pool relying party', async () => {
    const e = emulator();
    const token = await accessToken(e, 'alice');
    const options = await startRegistration(e, token);
    expect(options).toMatchObject({
      rp: { id: 'localhost', name: 'localhost' },
      user: { name: 'alice', displayName: '' },
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      timeout: 60000,
      excludeCredentials: [],
      authenticatorSelection: {
        requireResidentKey: true,
        residentKey: 'required',
        userVerification: 'preferred',
      },
    });
    expect(options.challenge).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const sub = e.api.getUser('us-east-1_TestPool1', 'alice')?.attributes['sub'];
    expect(Buffer.from(options.user.id, 'base64url').toString('utf8')).toBe(sub);
  });

  it('registers, lists and deletes a passkey', async () => {
    const e = emulator();
    const { authenticator, token } = await registered(e, 'alice');
    const list = await ok(e, 'ListWebAuthnCredentials', { AccessToken: token });
    const credentialId = authenticator.credentials[0]?.id;
    expect(list['Credentials']).toEqual([
      {
        CredentialId: credentialId,
        FriendlyCredentialName: expect.any(String),
        RelyingPartyId: 'localhost',
        AuthenticatorAttachment: 'platform',
        AuthenticatorTransports: ['internal'],
        CreatedAt: start / 1000,
      },
    ]);
    const factors = await ok(e, 'GetUserAuthFactors', { AccessToken: token });
    expect(factors).toEqual({
      Username: 'alice',
      ConfiguredUserAuthFactors: ['PASSWORD', 'WEB_AUTHN'],
    });
    const again = await startRegistration(e, token);
    expect(again.excludeCredentials).toEqual([{ type: 'public-key', id: credentialId }]);

    expect(
      await ok(e, 'DeleteWebAuthnCredential', { AccessToken: token, CredentialId: credentialId }),
    ).toEqual({});
    expect((await ok(e, 'ListWebAuthnCredentials', { AccessToken: token }))['Credentials']).toEqual(
      [],
    );
    const gone = await call(e, 'DeleteWebAuthnCredential', {
      AccessToken: token,
      CredentialId: credentialId,
    });
    expect(gone.type).toBe('ResourceNotFoundException');
  });

  it('pages the list with MaxResults and NextToken', async () => {
    const e = emulator();
    const authenticator = newAuthenticator();
    const token = await accessToken(e, 'alice');
    for (let i = 0; i < 3; i += 1) {
      const options = await startRegistration(e, token);
      await ok(e, 'CompleteWebAuthnRegistration', {
        AccessToken: token,
        Credential: authenticator.createCredential(options),
      });
      e.api.clock.advance(1000);
    }
    const first = await ok(e, 'ListWebAuthnCredentials', { AccessToken: token, MaxResults: 2 });
    expect(first['Credentials']).toHaveLength(2);
    const second = await ok(e, 'ListWebAuthnCredentials', {
      AccessToken: token,
      MaxResults: 2,
      NextToken: first['NextToken'],
    });
    expect(second['Credentials']).toHaveLength(1);
    expect(second['NextToken']).toBeUndefined();
    const ids = [
      ...(first['Credentials'] as { CredentialId: string }[]),
      ...(second['Credentials'] as { CredentialId: string }[]),
    ].map((c) => c.CredentialId);
    expect(ids).toEqual(authenticator.credentials.map((c) => c.id));
  });

  it('refuses when passkeys are off or the relying party is missing', async () => {
    const off = emulator({ allowedFirstAuthFactors: ['PASSWORD'] });
    const t1 = await accessToken(off, 'alice');
    expect((await call(off, 'StartWebAuthnRegistration', { AccessToken: t1 })).type).toBe(
      'WebAuthnNotEnabledException',
    );
    const noRp = emulator({ webAuthn: undefined });
    const t2 = await accessToken(noRp, 'alice');
    expect((await call(noRp, 'StartWebAuthnRegistration', { AccessToken: t2 })).type).toBe(
      'WebAuthnConfigurationMissingException',
    );
    expect((await call(noRp, 'StartWebAuthnRegistration', { AccessToken: 'x.y.z' })).type).toBe(
      'NotAuthorizedException',
    );
  });

  describe('refuses a bad registration', () => {
    async function attempt(
      e: E,
      build: (a: SoftwareAuthenticator, o: CreationOptionsJSON) => unknown,
      options: { clientId?: string; wait?: number } = {},
    ) {
      const token = await accessToken(e, 'alice');
      const creation = await startRegistration(e, token);
      if (options.wait) e.api.clock.advance(options.wait);
      const completeToken =
        options.clientId === undefined ? token : await accessToken(e, 'alice', options.clientId);
      return call(e, 'CompleteWebAuthnRegistration', {
        AccessToken: completeToken,
        Credential: build(newAuthenticator(), creation),
      });
    }

    it('a wrong origin', async () => {
      const answer = await attempt(emulator(), (a, o) =>
        a.createCredential(o, { origin: 'https://evil.example' }),
      );
      expect(answer.type).toBe('WebAuthnOriginNotAllowedException');
    });

    it('another relying party', async () => {
      const answer = await attempt(emulator(), (a, o) =>
        a.createCredential(o, { rpId: 'example.com' }),
      );
      expect(answer.type).toBe('WebAuthnRelyingPartyMismatchException');
    });

    it('another challenge, an expired one, and one used already', async () => {
      const other = await attempt(emulator(), (a, o) =>
        a.createCredential(o, { challenge: 'AAAAAAAAAAAAAAAAAAAAAA' }),
      );
      expect(other.type).toBe('WebAuthnChallengeNotFoundException');
      const late = await attempt(emulator(), (a, o) => a.createCredential(o), { wait: 61_000 });
      expect(late.type).toBe('WebAuthnChallengeNotFoundException');

      const e = emulator();
      const token = await accessToken(e, 'alice');
      const creation = await startRegistration(e, token);
      const credential = newAuthenticator().createCredential(creation);
      await ok(e, 'CompleteWebAuthnRegistration', { AccessToken: token, Credential: credential });
      const replay = await call(e, 'CompleteWebAuthnRegistration', {
        AccessToken: token,
        Credential: credential,
      });
      expect(replay.type).toBe('WebAuthnChallengeNotFoundException');
    });

    it('another app client than the one that started it', async () => {
      const answer = await attempt(emulator(), (a, o) => a.createCredential(o), {
        clientId: 'otherclient',
      });
      expect(answer.type).toBe('WebAuthnClientMismatchException');
    });

    it('no user verification when the pool requires it', async () => {
      const e = emulator({
        webAuthn: { relyingPartyId: 'localhost', userVerification: 'required' },
      });
      const answer = await attempt(e, (a, o) => a.createCredential(o, { userVerified: false }));
      expect(answer.type).toBe('WebAuthnCredentialNotSupportedException');
    });

    it('a credential that is not a RegistrationResponseJSON', async () => {
      const answer = await attempt(emulator(), () => ({ id: 'x' }));
      expect(answer.type).toBe('InvalidParameterException');
      const wrongType = await attempt(emulator(), (a, o) =>
        a.createCredential(o, { type: 'webauthn.get' }),
      );
      expect(wrongType.type).toBe('InvalidParameterException');
    });
  });
});

describe('sign-in with a passkey (USER_AUTH WEB_AUTHN)', () => {
  it('offers WEB_AUTHN once a passkey exists and signs in with a real assertion', async () => {
    const e = emulator();
    const before = await ok(e, 'InitiateAuth', {
      AuthFlow: 'USER_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: { USERNAME: 'alice' },
    });
    expect(before['AvailableChallenges']).toEqual(['PASSWORD', 'PASSWORD_SRP']);
    const { authenticator } = await registered(e, 'alice');

    const select = await ok(e, 'InitiateAuth', {
      AuthFlow: 'USER_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: { USERNAME: 'alice' },
    });
    expect(select['AvailableChallenges']).toEqual(['PASSWORD', 'PASSWORD_SRP', 'WEB_AUTHN']);
    const challenge = await ok(e, 'RespondToAuthChallenge', {
      ClientId: CLIENT_ID,
      ChallengeName: 'SELECT_CHALLENGE',
      Session: select['Session'],
      ChallengeResponses: { USERNAME: 'alice', ANSWER: 'WEB_AUTHN' },
    });
    expect(challenge['ChallengeName']).toBe('WEB_AUTHN');
    const parameters = challenge['ChallengeParameters'] as Record<string, string>;
    const options = JSON.parse(parameters['CREDENTIAL_REQUEST_OPTIONS'] ?? '') as Record<
      string,
      unknown
    >;
    expect(options).toMatchObject({
      rpId: 'localhost',
      timeout: 180000,
      userVerification: 'preferred',
      allowCredentials: [
        { id: authenticator.credentials[0]?.id, type: 'public-key', transports: ['internal'] },
      ],
    });
    expect(options['challenge']).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const done = await answer(
      e,
      challenge['Session'],
      'alice',
      authenticator.getAssertion(parameters['CREDENTIAL_REQUEST_OPTIONS'] ?? ''),
    );
    expect(done.status).toBe(200);
    expect((done.body['AuthenticationResult'] as Record<string, unknown>)['AccessToken']).toEqual(
      expect.any(String),
    );
  });

  it('accepts authenticators without a counter (always 0)', async () => {
    const e = emulator();
    const { authenticator } = await registered(e, 'alice', newAuthenticator({ counter: 'zero' }));
    for (let i = 0; i < 2; i += 1) {
      const { session, options } = await webAuthnChallenge(e, 'alice');
      const done = await answer(e, session, 'alice', authenticator.getAssertion(options));
      expect(done.status).toBe(200);
    }
  });

  describe('refuses a bad assertion with NotAuthorizedException', () => {
    async function refused(
      build: (a: SoftwareAuthenticator, options: string) => unknown,
      overrides: Partial<PoolSeed> = {},
    ) {
      const e = emulator(overrides);
      const { authenticator } = await registered(e, 'alice');
      const { session, options } = await webAuthnChallenge(e, 'alice');
      const result = await answer(e, session, 'alice', build(authenticator, options));
      expect(result.type).toBe('NotAuthorizedException');
      return result;
    }

    it('a forged signature (another key)', async () => {
      await refused((a, o) => a.getAssertion(o, { signWith: strangerKey() }));
    });

    it('a wrong origin', async () => {
      await refused((a, o) => a.getAssertion(o, { origin: 'https://evil.example' }));
    });

    it('a wrong RP id', async () => {
      await refused((a, o) => a.getAssertion(o, { rpId: 'evil.example' }));
    });

    it('another challenge', async () => {
      await refused((a, o) => a.getAssertion(o, { challenge: 'AAAAAAAAAAAAAAAAAAAAAA' }));
    });

    it('no user verification when the pool requires it', async () => {
      await refused((a, o) => a.getAssertion(o, { userVerified: false }), {
        webAuthn: { relyingPartyId: 'localhost', userVerification: 'required' },
      });
    });

    it('a CREDENTIAL that is not JSON', async () => {
      const e = emulator();
      await registered(e, 'alice');
      const { session } = await webAuthnChallenge(e, 'alice');
      const result = await call(e, 'RespondToAuthChallenge', {
        ClientId: CLIENT_ID,
        ChallengeName: 'WEB_AUTHN',
        Session: session,
        ChallengeResponses: { USERNAME: 'alice', CREDENTIAL: '{not json' },
      });
      expect(result.type).toBe('NotAuthorizedException');
    });
  });

  it('refuses a replayed assertion, even against a new challenge', async () => {
    const e = emulator();
    const { authenticator } = await registered(e, 'alice');
    const first = await webAuthnChallenge(e, 'alice');
    const assertion = authenticator.getAssertion(first.options);
    expect((await answer(e, first.session, 'alice', assertion)).status).toBe(200);
    expect((await answer(e, first.session, 'alice', assertion)).type).toBe(
      'NotAuthorizedException',
    );
    const second = await webAuthnChallenge(e, 'alice');
    expect((await answer(e, second.session, 'alice', assertion)).type).toBe(
      'NotAuthorizedException',
    );
  });

  it('refuses a counter that did not move forward (a cloned authenticator)', async () => {
    const e = emulator();
    const { authenticator } = await registered(e, 'alice');
    const first = await webAuthnChallenge(e, 'alice');
    const used = authenticator.getAssertion(first.options);
    expect((await answer(e, first.session, 'alice', used)).status).toBe(200);
    const second = await webAuthnChallenge(e, 'alice');
    const stale = authenticator.getAssertion(second.options, { signCount: 1 });
    const result = await answer(e, second.session, 'alice', stale);
    expect(result.type).toBe('NotAuthorizedException');
    expect(result.message).toMatch(/counter/);
  });

  it("refuses another user's passkey and an expired challenge", async () => {
    const e = emulator();
    await registered(e, 'alice');
    const { authenticator: bobs } = await registered(e, 'bob');
    const { session, options } = await webAuthnChallenge(e, 'alice');
    const bobAssertion = bobs.getAssertion(options, { credentialId: bobs.credentials[0]?.id });
    expect((await answer(e, session, 'alice', bobAssertion)).type).toBe('NotAuthorizedException');

    const late = await webAuthnChallenge(e, 'bob');
    e.api.clock.advance(181_000);
    const expired = await answer(e, late.session, 'bob', bobs.getAssertion(late.options));
    expect(expired.type).toBe('NotAuthorizedException');
    expect(expired.message).toBe('Invalid session for the user.');
  });

  it('answers an unknown user like a known one, and refuses any assertion', async () => {
    const e = emulator();
    const { authenticator } = await registered(e, 'alice');
    const { session, options } = await webAuthnChallenge(e, 'ghost');
    expect(JSON.parse(options)).toMatchObject({ rpId: 'localhost', allowCredentials: [] });
    const assertion = authenticator.getAssertion(options, {
      credentialId: authenticator.credentials[0]?.id,
    });
    expect((await answer(e, session, 'ghost', assertion)).type).toBe('NotAuthorizedException');
  });

  it('a deleted passkey no longer signs in', async () => {
    const e = emulator();
    const { authenticator, token } = await registered(e, 'alice');
    const { session, options } = await webAuthnChallenge(e, 'alice');
    await ok(e, 'DeleteWebAuthnCredential', {
      AccessToken: token,
      CredentialId: authenticator.credentials[0]?.id,
    });
    const result = await answer(e, session, 'alice', authenticator.getAssertion(options));
    expect(result.type).toBe('NotAuthorizedException');
  });
});
