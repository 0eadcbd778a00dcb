/// <reference types="node" />
/**
 * The wire client and the account functions against the emulator, in-process and over HTTP.
 * The emulator is an independent implementation of Cognito's user-pool API; nothing here is mocked.
 */
import { createEmulator, type Emulator, type EmulatorSeed } from '@cognito-kit/emulator';
import { startEmulatorServer, type EmulatorServer } from '@cognito-kit/emulator/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  associateTotp,
  changePassword,
  confirmForgotPassword,
  confirmSignUp,
  deleteUser,
  deleteUserAttributes,
  forgetDevice,
  forgotPassword,
  getDevice,
  getUserAttributes,
  globalSignOut,
  listAllDevices,
  listDevices,
  rememberDevice,
  resendSignUpCode,
  revokeToken,
  sendAttributeVerificationCode,
  setDeviceRemembered,
  setMfaPreference,
  signUp,
  updateUserAttributes,
  verifyTotp,
  verifyUserAttribute,
} from '../src/account/index.js';
import { createCognitoClient, type CognitoClient } from '../src/cognito/index.js';
import type { AuthenticationResultType } from '../src/cognito/types.js';
import { isCognitoError, type CognitoErrorCode } from '../src/errors/index.js';
import { totpNow } from './totp.js';

const POOL = 'us-east-1_KitAcct1';
const POOL_ALWAYS = 'us-east-1_KitAcct2';
const ENDPOINT = 'http://cognito.emulator.test/';
const SECRET = 'confidential_client_secret_0123456789';
const PASSWORD = 'Passw0rd!';

function seed(): EmulatorSeed {
  return {
    pools: [
      {
        id: POOL,
        autoVerifiedAttributes: ['email'],
        customAttributes: [{ name: 'team', type: 'String' }],
        deviceTracking: 'opt-in',
        mfa: { mode: 'OPTIONAL', factors: ['TOTP'] },
        clients: [
          {
            id: 'webclient1',
            explicitAuthFlows: [
              'ALLOW_USER_SRP_AUTH',
              'ALLOW_USER_PASSWORD_AUTH',
              'ALLOW_REFRESH_TOKEN_AUTH',
            ],
            preventUserExistenceErrors: 'LEGACY',
          },
          {
            id: 'confidential1',
            secret: SECRET,
            explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          },
        ],
        users: [
          {
            username: 'alice',
            password: PASSWORD,
            attributes: { email: 'alice@example.com', email_verified: true },
          },
          {
            username: 'bob',
            password: PASSWORD,
            attributes: { email: 'bob@example.com', email_verified: true },
          },
        ],
      },
      {
        id: POOL_ALWAYS,
        deviceTracking: 'always',
        clients: [
          {
            id: 'alwaysclient1',
            explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          },
        ],
        users: [
          {
            username: 'alice',
            password: PASSWORD,
            attributes: { email: 'alice@example.com', email_verified: true },
          },
        ],
      },
    ],
  };
}

let emulator: Emulator;
let client: CognitoClient;

// One emulator whose signing keys exist already (RSA key generation is the slow part); every
// test starts from the same snapshot, so tests do not see each other's changes.
let pristine: ReturnType<Emulator['api']['snapshot']>;
beforeAll(async () => {
  emulator = createEmulator(seed());
  client = createCognitoClient(
    { endpoint: ENDPOINT },
    { clientId: 'webclient1', fetch: emulator.fetch },
  );
  await signIn('alice');
  await signIn('alice', PASSWORD, alwaysClient());
  // A never-used state of the same seed, given the pools' signing keys just created.
  pristine = createEmulator(seed()).api.snapshot();
  const used = emulator.api.snapshot();
  for (const id of [POOL, POOL_ALWAYS]) {
    const pool = pristine.pools[id];
    const keys = used.pools[id]?.signingKeys;
    if (!pool || !keys) throw new Error('the emulator state has no pool or signing keys');
    pool.signingKeys = keys;
  }
});

beforeEach(() => {
  emulator.api.restore(pristine);
});

async function signIn(
  username: string,
  password = PASSWORD,
  via = client,
): Promise<AuthenticationResultType> {
  const secretHash = await via.secretHash(username);
  const answer = await via.initiateAuth({
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: {
      USERNAME: username,
      PASSWORD: password,
      ...(secretHash ? { SECRET_HASH: secretHash } : {}),
    },
  });
  if (!answer.AuthenticationResult)
    throw new Error(`expected tokens, got ${answer.ChallengeName ?? 'nothing'}`);
  return answer.AuthenticationResult;
}

function alwaysClient(): CognitoClient {
  return createCognitoClient(
    { endpoint: ENDPOINT },
    { clientId: 'alwaysclient1', fetch: emulator.fetch },
  );
}

async function tokenSource(username: string): Promise<() => Promise<string>> {
  const { AccessToken } = await signIn(username);
  return async () => AccessToken ?? '';
}

async function codeOf(promise: Promise<unknown>): Promise<CognitoErrorCode | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (isCognitoError(error)) return error.code;
    throw error;
  }
}

describe('test helpers', () => {
  it('computes RFC 6238 TOTP (appendix B vector, 6 digits)', async () => {
    // ASCII "12345678901234567890" in base32; at T = 59 s the 8-digit code is 94287082.
    expect(await totpNow('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000)).toBe('287082');
  });
});

describe('sign-up and confirmation', () => {
  it('signs up with standard and custom attributes, then confirms with the delivered code', async () => {
    const result = await signUp(client, {
      username: 'carol',
      password: PASSWORD,
      attributes: { email: 'carol@example.com', 'custom:team': 'blue' },
      validationData: { invite: 'x1' },
      clientMetadata: { source: 'test' },
    });
    expect(result.userConfirmed).toBe(false);
    expect(result.userSub).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.codeDelivery).toMatchObject({ deliveryMedium: 'EMAIL', attributeName: 'email' });
    expect(result.codeDelivery?.destination).not.toBe('carol@example.com');

    expect(await codeOf(confirmSignUp(client, { username: 'carol', code: '000000' }))).toBe(
      'CodeMismatchException',
    );
    const code = emulator.api.outbox.lastCode('carol', POOL);
    expect(code).toMatch(/^\d+$/);
    await confirmSignUp(client, { username: 'carol', code: code ?? '' });

    const user = emulator.api.getUser(POOL, 'carol');
    expect(user?.status).toBe('CONFIRMED');
    expect(user?.attributes['custom:team']).toBe('blue');
    expect(user?.sub).toBe(result.userSub);
    await expect(signIn('carol')).resolves.toHaveProperty('AccessToken');
  });

  it('resends the confirmation code', async () => {
    await signUp(client, {
      username: 'dave',
      password: PASSWORD,
      attributes: { email: 'dave@example.com' },
    });
    const before = emulator.api.outbox.list({ username: 'dave' }).length;
    const delivery = await resendSignUpCode(client, { username: 'dave' });
    expect(delivery?.deliveryMedium).toBe('EMAIL');
    expect(emulator.api.outbox.list({ username: 'dave' })).toHaveLength(before + 1);
  });

  it('reports an existing username as UsernameExistsException', async () => {
    expect(await codeOf(signUp(client, { username: 'alice', password: PASSWORD }))).toBe(
      'UsernameExistsException',
    );
  });

  it('adds SECRET_HASH automatically for a confidential client', async () => {
    const confidential = createCognitoClient(
      { endpoint: ENDPOINT },
      { clientId: 'confidential1', clientSecret: SECRET, fetch: emulator.fetch },
    );
    await signUp(confidential, {
      username: 'erin',
      password: PASSWORD,
      attributes: { email: 'erin@example.com' },
    });
    await confirmSignUp(confidential, {
      username: 'erin',
      code: emulator.api.outbox.lastCode('erin', POOL) ?? '',
    });
    await expect(signIn('erin', PASSWORD, confidential)).resolves.toHaveProperty('IdToken');

    const secretless = createCognitoClient(
      { endpoint: ENDPOINT },
      { clientId: 'confidential1', fetch: emulator.fetch },
    );
    expect(await codeOf(signUp(secretless, { username: 'frank', password: PASSWORD }))).toBe(
      'NotAuthorizedException',
    );
  });
});

describe('passwords', () => {
  it('resets a forgotten password with the delivered code', async () => {
    const delivery = await forgotPassword(client, { username: 'alice' });
    expect(delivery?.deliveryMedium).toBe('EMAIL');
    const code = emulator.api.outbox.lastCode('alice', POOL) ?? '';
    await confirmForgotPassword(client, { username: 'alice', code, newPassword: 'N3w-Passw0rd!' });
    expect(await codeOf(signIn('alice'))).toBe('NotAuthorizedException');
    await expect(signIn('alice', 'N3w-Passw0rd!')).resolves.toHaveProperty('AccessToken');
  });

  it('changes the password of the signed-in user', async () => {
    const token = await tokenSource('alice');
    expect(
      await codeOf(
        changePassword(client, token, {
          oldPassword: 'wrong-Passw0rd',
          newPassword: 'X' + PASSWORD,
        }),
      ),
    ).toBe('NotAuthorizedException');
    await changePassword(client, token, { oldPassword: PASSWORD, newPassword: 'X' + PASSWORD });
    await expect(signIn('alice', 'X' + PASSWORD)).resolves.toHaveProperty('AccessToken');
  });
});

describe('attributes', () => {
  it('reads, updates, verifies and deletes attributes', async () => {
    const token = await tokenSource('alice');
    const profile = await getUserAttributes(client, token);
    expect(profile.username).toBe('alice');
    expect(profile.attributes).toMatchObject({
      email: 'alice@example.com',
      email_verified: 'true',
    });
    expect(profile.attributes.sub).toMatch(/^[0-9a-f-]{36}$/);
    expect(profile.mfaEnabled).toEqual([]);

    const deliveries = await updateUserAttributes(client, token, {
      attributes: { email: 'alice2@example.com', 'custom:team': 'red' },
    });
    expect(deliveries).toEqual([
      expect.objectContaining({ deliveryMedium: 'EMAIL', attributeName: 'email' }),
    ]);
    const afterUpdate = await getUserAttributes(client, token);
    expect(afterUpdate.attributes['custom:team']).toBe('red');

    const resent = await sendAttributeVerificationCode(client, token, { attributeName: 'email' });
    expect(resent?.attributeName).toBe('email');
    expect(
      await codeOf(verifyUserAttribute(client, token, { attributeName: 'email', code: '000000' })),
    ).toBe('CodeMismatchException');
    const code = emulator.api.outbox.lastCode('alice2@example.com', POOL) ?? '';
    await verifyUserAttribute(client, token, { attributeName: 'email', code });
    const verified = await getUserAttributes(client, token);
    expect(verified.attributes).toMatchObject({
      email: 'alice2@example.com',
      email_verified: 'true',
    });

    await deleteUserAttributes(client, token, ['custom:team']);
    expect((await getUserAttributes(client, token)).attributes).not.toHaveProperty('custom:team');
  });

  it('deletes the user', async () => {
    const token = await tokenSource('bob');
    await deleteUser(client, token);
    expect(emulator.api.getUser(POOL, 'bob')).toBeUndefined();
    expect(await codeOf(signIn('bob'))).toBe('UserNotFoundException');
  });
});

describe('TOTP and MFA preferences', () => {
  it('associates and verifies an authenticator, then makes it the preferred MFA', async () => {
    const token = await tokenSource('alice');
    const setup = await associateTotp(client, token);
    expect(setup.secretCode).toMatch(/^[A-Z2-7]{16,}$/);
    expect(setup.uri({ issuer: 'Kit', accountName: 'alice@example.com' })).toBe(
      `otpauth://totp/Kit:alice%40example.com?secret=${setup.secretCode}&issuer=Kit`,
    );
    expect(await codeOf(verifyTotp(client, token, { code: '000000' }))).not.toBe('resolved');
    await verifyTotp(client, token, {
      code: await totpNow(setup.secretCode, emulator.api.clock.now()),
      friendlyDeviceName: 'Phone',
    });
    await setMfaPreference(client, token, { totp: true, preferred: 'totp' });
    const profile = await getUserAttributes(client, token);
    expect(profile.mfaEnabled).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(profile.preferredMfa).toBe('SOFTWARE_TOKEN_MFA');

    // Sign-in now asks for the code.
    const step = await client.initiateAuth({
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'alice', PASSWORD },
    });
    expect(step.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');

    await setMfaPreference(client, token, { totp: false });
    expect((await getUserAttributes(client, token)).mfaEnabled).toEqual([]);
  });

  it('refuses to enable TOTP before an authenticator is verified', async () => {
    const token = await tokenSource('bob');
    expect(await codeOf(setMfaPreference(client, token, { totp: true, preferred: 'totp' }))).toBe(
      'InvalidParameterException',
    );
  });
});

describe('devices', () => {
  async function signInWithDevice(username: string) {
    const result = await signIn(username);
    const meta = result.NewDeviceMetadata;
    expect(meta?.DeviceKey).toBeTruthy();
    const token = async () => result.AccessToken ?? '';
    return { token, deviceKey: meta?.DeviceKey ?? '', deviceGroupKey: meta?.DeviceGroupKey ?? '' };
  }

  it('remembers, lists, reads, updates and forgets a device', async () => {
    const { token, deviceKey, deviceGroupKey } = await signInWithDevice('alice');
    const remembered = await rememberDevice(client, token, {
      deviceKey,
      deviceGroupKey,
      deviceName: 'Test browser',
    });
    expect(remembered).toMatchObject({
      deviceKey,
      deviceGroupKey,
      userConfirmationNecessary: true,
      remembered: true,
    });
    expect(remembered.devicePassword.length).toBeGreaterThan(40);

    const page = await listDevices(client, token);
    expect(page.devices.map((d) => d.deviceKey)).toEqual([deviceKey]);
    const device = await getDevice(client, token, deviceKey);
    expect(device).toMatchObject({ deviceKey, name: 'Test browser', remembered: true });
    expect(device.createdAt).toBeInstanceOf(Date);

    await setDeviceRemembered(client, token, { deviceKey, remembered: false });
    expect((await getDevice(client, token, deviceKey)).remembered).toBe(false);

    await forgetDevice(client, token, deviceKey);
    expect((await listDevices(client, token)).devices).toEqual([]);
    expect(await codeOf(getDevice(client, token, deviceKey))).toBe('ResourceNotFoundException');
  });

  it('needs no user confirmation when the pool always remembers devices', async () => {
    const via = alwaysClient();
    const result = await signIn('alice', PASSWORD, via);
    const meta = result.NewDeviceMetadata;
    const token = async () => result.AccessToken ?? '';
    const remembered = await rememberDevice(via, token, {
      deviceKey: meta?.DeviceKey ?? '',
      deviceGroupKey: meta?.DeviceGroupKey ?? '',
    });
    expect(remembered).toMatchObject({ userConfirmationNecessary: false, remembered: true });
    expect((await listDevices(via, token)).devices.map((d) => d.deviceKey)).toEqual([
      meta?.DeviceKey,
    ]);
  });

  it('follows pagination across devices', async () => {
    const first = await signInWithDevice('alice');
    await rememberDevice(client, first.token, first);
    const second = await signInWithDevice('alice');
    await rememberDevice(client, second.token, second);
    const page = await listDevices(client, second.token, { limit: 1 });
    expect(page.devices).toHaveLength(1);
    expect(page.nextToken).toBeTruthy();
    const all = await listAllDevices(client, second.token);
    expect(new Set(all.map((d) => d.deviceKey))).toEqual(
      new Set([first.deviceKey, second.deviceKey]),
    );
  });
});

describe('tokens and sign-out', () => {
  it('refreshes with REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken', async () => {
    const tokens = await signIn('alice');
    const refreshed = await client.initiateAuth({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken ?? '' },
    });
    expect(refreshed.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    const viaNewAction = await client.getTokensFromRefreshToken({
      RefreshToken: tokens.RefreshToken ?? '',
    });
    expect(viaNewAction.AuthenticationResult?.IdToken).toEqual(expect.any(String));
  });

  it('global sign-out invalidates access and refresh tokens', async () => {
    const tokens = await signIn('alice');
    const token = async () => tokens.AccessToken ?? '';
    await globalSignOut(client, token);
    expect(await codeOf(getUserAttributes(client, token))).toBe('NotAuthorizedException');
    expect(
      await codeOf(
        client.initiateAuth({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken ?? '' },
        }),
      ),
    ).toBe('NotAuthorizedException');
  });

  it('revokes one refresh token', async () => {
    const revoked = await signIn('alice');
    const other = await signIn('alice');
    await revokeToken(client, revoked.RefreshToken ?? '');
    expect(
      await codeOf(client.getTokensFromRefreshToken({ RefreshToken: revoked.RefreshToken ?? '' })),
    ).toBe('NotAuthorizedException');
    await expect(
      client.getTokensFromRefreshToken({ RefreshToken: other.RefreshToken ?? '' }),
    ).resolves.toHaveProperty('AuthenticationResult');
  });
});

describe('errors from the service', () => {
  it('carries code, status, request id and action', async () => {
    try {
      await signIn('alice', 'Wrong-passw0rd');
      expect.unreachable();
    } catch (error) {
      expect(isCognitoError(error, 'NotAuthorizedException')).toBe(true);
      expect(error).toMatchObject({ status: 400, action: 'InitiateAuth', retryable: false });
      expect((error as { requestId?: string }).requestId).toMatch(/\S/);
    }
  });

  it('reports an unknown user as UserNotFoundException on a LEGACY client', async () => {
    expect(await codeOf(forgotPassword(client, { username: 'nobody' }))).toBe(
      'UserNotFoundException',
    );
  });
});

describe('over real HTTP', () => {
  let server: EmulatorServer;
  let httpClient: CognitoClient;

  beforeAll(async () => {
    server = await startEmulatorServer({ port: 0, seed: seed(), quiet: true });
    httpClient = createCognitoClient({ endpoint: server.url }, { clientId: 'webclient1' });
    // Creates the pool's signing keys now rather than inside the first test.
    await signIn('alice', PASSWORD, httpClient);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('signs up, confirms and reads the user', async () => {
    await signUp(httpClient, {
      username: 'gina',
      password: PASSWORD,
      attributes: { email: 'gina@example.com' },
    });
    const code = server.emulator.api.outbox.lastCode('gina', POOL) ?? '';
    await confirmSignUp(httpClient, { username: 'gina', code });
    const tokens = await signIn('gina', PASSWORD, httpClient);
    const profile = await getUserAttributes(httpClient, async () => tokens.AccessToken ?? '');
    expect(profile.attributes.email).toBe('gina@example.com');
  });

  it('maps an HTTP error answer', async () => {
    expect(await codeOf(signIn('alice', 'Wrong-passw0rd', httpClient))).toBe(
      'NotAuthorizedException',
    );
  });
});
