/**
 * Names of `Object.prototype` members (`__proto__`, `constructor`, `toString`, …) used wherever
 * a caller names a record: pool ids (URL path segments and API members), client ids, usernames,
 * aliases, group and identity-provider names, device keys. Each must be an ordinary name — an
 * unknown one answers Cognito's not-found error, a created one works — and nothing may be
 * written onto `Object.prototype` (checked at the end with a fresh emulator).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../src/index.js';
import { SIGNED_NOW, signedCall } from './helpers/signed.js';
import { testSigningKeys } from './helpers/test-keys.js';
import {
  CLIENT_ID,
  ENDPOINT,
  PASSWORD,
  POOL_ID,
  basicPool,
  call,
  emulatorWith,
  ok,
} from './helpers/wire.js';

const NAMES = Object.getOwnPropertyNames(Object.prototype);
const PROTOTYPE_BEFORE = [...NAMES];
const LEGACY_CLIENT = 'legacyclient1';
const EMAIL_POOL = 'us-east-1_EmailNames1';
const EMAIL_CLIENT = 'emailclient1';

function seeded(): Emulator {
  const pool = basicPool({
    aliasAttributes: ['email', 'preferred_username'],
    deviceTracking: 'always',
  });
  return emulatorWith(
    [
      {
        ...pool,
        clients: [
          ...(pool.clients ?? []),
          {
            id: LEGACY_CLIENT,
            explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
            preventUserExistenceErrors: 'LEGACY',
          },
        ],
      },
      {
        id: EMAIL_POOL,
        usernameAttributes: ['email'],
        clients: [{ id: EMAIL_CLIENT, explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }],
        users: [{ username: 'bob@example.com', password: PASSWORD }],
      },
    ],
    { now: SIGNED_NOW },
  );
}

/** A signed admin call on the test pool. */
function admin(emulator: Emulator, action: string, input: Record<string, unknown>) {
  return signedCall(emulator, action, { UserPoolId: POOL_ID, ...input });
}

function passwordSignIn(
  emulator: Emulator,
  username: string,
  clientId = CLIENT_ID,
  extra: Record<string, string> = {},
) {
  return call(emulator, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: clientId,
    AuthParameters: { USERNAME: username, PASSWORD: PASSWORD, ...extra },
  });
}

async function createUser(emulator: Emulator, username: string): Promise<void> {
  const created = await admin(emulator, 'AdminCreateUser', {
    Username: username,
    MessageAction: 'SUPPRESS',
  });
  expect(created.status, `AdminCreateUser ${username}: ${created.message}`).toBe(200);
  const password = await admin(emulator, 'AdminSetUserPassword', {
    Username: username,
    Password: PASSWORD,
    Permanent: true,
  });
  expect(password.status).toBe(200);
}

afterAll(() => {
  // Nothing any test did may have left a trace on Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_BEFORE.sort());
});

describe('Object.prototype member names', () => {
  it('as a URL path segment: the pool documents answer 404 ResourceNotFoundException and pollute nothing', async () => {
    const emulator = seeded();
    for (const name of NAMES) {
      for (const document of ['jwks.json', 'openid-configuration']) {
        const response = await emulator.fetch(`${ENDPOINT}/${name}/.well-known/${document}`);
        const body = (await response.json()) as Record<string, unknown>;
        expect(response.status, `${name} ${document}`).toBe(404);
        expect(body).toEqual({
          __type: 'ResourceNotFoundException',
          message: `User pool ${name} does not exist.`,
        });
      }
      // As an API member the pool id fails Cognito's pattern before any lookup.
      const described = await signedCall(emulator, 'DescribeUserPool', { UserPoolId: name });
      expect(described.type, name).toBe('InvalidParameterException');
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_BEFORE.sort());
    // The real pool's documents still work, and a new emulator still issues tokens.
    const jwks = await emulator.fetch(`${ENDPOINT}/${POOL_ID}/.well-known/jwks.json`);
    expect(jwks.status).toBe(200);
    const fresh = emulatorWith();
    expect((await passwordSignIn(fresh, 'alice')).body['AuthenticationResult']).toBeDefined();
  });

  it('as a client id: ResourceNotFoundException (and as an auth flow name: refused)', async () => {
    const emulator = seeded();
    for (const name of NAMES) {
      const answer = await passwordSignIn(emulator, 'alice', name);
      expect([answer.status, answer.type, answer.message], name).toEqual([
        400,
        'ResourceNotFoundException',
        `User pool client ${name} does not exist.`,
      ]);
      const described = await admin(emulator, 'DescribeUserPoolClient', { ClientId: name });
      expect(described.type, name).toBe('ResourceNotFoundException');
      // Nor is the name an auth flow.
      const created = await admin(emulator, 'CreateUserPoolClient', {
        ClientName: 'flows',
        ExplicitAuthFlows: [name],
      });
      expect(created.type, name).toBe('InvalidParameterException');
    }
  });

  it('as an unknown username or alias: not found, as PreventUserExistenceErrors says', async () => {
    const emulator = seeded();
    for (const name of NAMES) {
      const hidden = await passwordSignIn(emulator, name);
      expect([hidden.type, hidden.message], name).toEqual([
        'NotAuthorizedException',
        'Incorrect username or password.',
      ]);
      const legacy = await passwordSignIn(emulator, name, LEGACY_CLIENT);
      expect([legacy.type, legacy.message], name).toEqual([
        'UserNotFoundException',
        'User does not exist.',
      ]);
      const byEmail = await passwordSignIn(emulator, name, EMAIL_CLIENT);
      expect(byEmail.type, name).toBe('NotAuthorizedException');
      const adminGet = await admin(emulator, 'AdminGetUser', { Username: name });
      expect(adminGet.type, name).toBe('UserNotFoundException');
    }
  });

  it('as a username or preferred_username alias that exists: signs in', async () => {
    const emulator = seeded();
    for (const name of NAMES) {
      await createUser(emulator, name);
      const signedIn = await passwordSignIn(emulator, name);
      expect(signedIn.status, `${name}: ${signedIn.message}`).toBe(200);
      expect(emulator.api.getUser(POOL_ID, name)?.username).toBe(name);
    }
    for (const name of NAMES) {
      const alias = await admin(emulator, 'AdminUpdateUserAttributes', {
        Username: 'alice',
        UserAttributes: [{ Name: 'preferred_username', Value: `${name}Alias` }],
      });
      expect(alias.status, alias.message).toBe(200);
      const signedIn = await passwordSignIn(emulator, `${name}Alias`);
      expect(signedIn.status, `${name}Alias: ${signedIn.message}`).toBe(200);
    }
  });

  it('as a group name: unknown until created, then an ordinary group', async () => {
    const emulator = seeded();
    for (const name of NAMES) {
      const missing = await admin(emulator, 'GetGroup', { GroupName: name });
      expect(missing.type, name).toBe('ResourceNotFoundException');
      const created = await admin(emulator, 'CreateGroup', { GroupName: name });
      expect(created.status, `${name}: ${created.message}`).toBe(200);
      const added = await admin(emulator, 'AdminAddUserToGroup', {
        Username: 'alice',
        GroupName: name,
      });
      expect(added.status, added.message).toBe(200);
    }
    const listed = await admin(emulator, 'AdminListGroupsForUser', { Username: 'alice' });
    const groups = listed.body['Groups'] as { GroupName: string }[];
    expect(groups.map((g) => g.GroupName).sort()).toEqual([...NAMES].sort());
  });

  it('as an identity provider name: ResourceNotFoundException (or the name pattern refuses it)', async () => {
    const emulator = seeded();
    const google = await admin(emulator, 'CreateIdentityProvider', {
      ProviderName: 'Google',
      ProviderType: 'Google',
      ProviderDetails: { client_id: 'id', client_secret: 'secret', authorize_scopes: 'email' },
    });
    expect(google.status, google.message).toBe(200);
    for (const name of NAMES) {
      const answer = await admin(emulator, 'DescribeIdentityProvider', { ProviderName: name });
      // Names starting or ending with `_` fail the member pattern before any lookup.
      const expected = /^_|_$/.test(name)
        ? 'InvalidParameterException'
        : 'ResourceNotFoundException';
      expect(answer.type, name).toBe(expected);
    }
  });

  it('as a DEVICE_KEY: ResourceNotFoundException `Device does not exist.`', async () => {
    const emulator = seeded();
    for (const name of NAMES) {
      const answer = await passwordSignIn(emulator, 'alice', CLIENT_ID, { DEVICE_KEY: name });
      expect([answer.type, answer.message], name).toEqual([
        'ResourceNotFoundException',
        'Device does not exist.',
      ]);
    }
  });

  it('survive a JSON snapshot round trip as ordinary records', async () => {
    const emulator = seeded();
    for (const name of ['__proto__', 'constructor', 'toString']) await createUser(emulator, name);
    const saved = JSON.parse(JSON.stringify(emulator.api.snapshot())) as ReturnType<
      Emulator['api']['snapshot']
    >;
    const restored = createEmulator(undefined, {
      state: saved,
      now: SIGNED_NOW,
      signingKeys: testSigningKeys,
    });
    for (const name of ['__proto__', 'constructor', 'toString']) {
      expect((await passwordSignIn(restored, name)).status, name).toBe(200);
    }
    expect((await passwordSignIn(restored, 'valueOf')).type).toBe('NotAuthorizedException');
    const again = createEmulator(undefined, { now: SIGNED_NOW, signingKeys: testSigningKeys });
    again.api.restore(saved);
    expect((await passwordSignIn(again, '__proto__')).status).toBe(200);
    expect((await passwordSignIn(again, 'hasOwnProperty')).type).toBe('NotAuthorizedException');
  });

  it('`GET /__proto__/.well-known/jwks.json` leaves Object.prototype alone and a fresh emulator signing in', async () => {
    const emulator = seeded();
    await emulator.fetch(`${ENDPOINT}/__proto__/.well-known/jwks.json`);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_BEFORE.sort());
    const fresh = emulatorWith();
    const answer = await ok(fresh, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: { USERNAME: 'alice', PASSWORD },
    });
    expect(answer['AuthenticationResult']).toBeDefined();
  });
});
