/**
 * Remembered devices end to end with amazon-cognito-identity-js: NewDeviceMetadata, its
 * ConfirmDevice (verifier from the library's own math), then DEVICE_SRP_AUTH /
 * DEVICE_PASSWORD_VERIFIER on the next sign-in, and MFA skipped only for remembered devices.
 */
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator, PoolSeed } from '../src/index.js';
import {
  aj,
  authenticate,
  memoryStorage,
  referencePool,
  routeFetchTo,
  type ReferenceOutcome,
} from './helpers/reference-client.js';
import { CLIENT_ID, PASSWORD, POOL_ID, basicPool, call, emulatorWith } from './helpers/wire.js';

const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
let undo: (() => void) | undefined;
afterEach(() => undo?.());

function devicePool(tracking: 'always' | 'opt-in', mfa: PoolSeed['mfa'] = { mode: 'OFF' }) {
  return basicPool({
    deviceTracking: tracking,
    mfa,
    users: [{ username: 'tina', password: PASSWORD, mfa: { totpSecret: TOTP_SECRET } }],
  });
}

function setup(pool: PoolSeed): { emulator: Emulator; storage: aj.ICognitoStorage } {
  const emulator = emulatorWith([pool]);
  undo = routeFetchTo(emulator);
  return { emulator, storage: memoryStorage() };
}

function userIn(storage: aj.ICognitoStorage): aj.CognitoUser {
  return new aj.CognitoUser({
    Username: 'tina',
    Pool: referencePool(POOL_ID, CLIENT_ID, storage),
    Storage: storage,
  });
}

/** Answers a SOFTWARE_TOKEN_MFA challenge with the code the authenticator shows at `offsetMs`. */
function answerTotp(
  user: aj.CognitoUser,
  emulator: Emulator,
  offsetMs = 0,
): Promise<ReferenceOutcome> {
  const code = emulator.api.totpCode(POOL_ID, 'tina', emulator.api.clock.now() + offsetMs) ?? '';
  return new Promise((resolve) => {
    user.sendMFACode(
      code,
      {
        onSuccess: (session) => resolve({ kind: 'success', session }),
        onFailure: (error: { code?: string; message: string }) =>
          resolve({ kind: 'failure', error }),
      },
      'SOFTWARE_TOKEN_MFA',
    );
  });
}

function accessClaims(outcome: ReferenceOutcome) {
  if (outcome.kind !== 'success')
    throw new Error(`expected success, got ${JSON.stringify(outcome)}`);
  return decodeJwt(outcome.session.getAccessToken().getJwtToken());
}

describe('remembered devices', () => {
  it('issues NewDeviceMetadata, then signs in through DEVICE_SRP_AUTH with the device claim', async () => {
    const { emulator, storage } = setup(devicePool('always'));
    const first = await authenticate(userIn(storage), 'tina', PASSWORD);
    const firstClaims = accessClaims(first);
    const deviceKey = firstClaims['device_key'] as string;
    expect(deviceKey).toMatch(/^us-east-1_[0-9a-f-]{36}$/);
    const stored = emulator.api.getUser(POOL_ID, 'tina')?.devices[deviceKey];
    expect(stored?.verifier).toBeDefined();
    expect(stored?.rememberedStatus).toBe('remembered');

    const second = await authenticate(userIn(storage), 'tina', PASSWORD);
    expect(accessClaims(second)['device_key']).toBe(deviceKey);
    // No new device was created: the known device authenticated.
    expect(Object.keys(emulator.api.getUser(POOL_ID, 'tina')?.devices ?? {})).toEqual([deviceKey]);
  });

  it('skips MFA on a remembered device', async () => {
    const { emulator, storage } = setup(devicePool('always', { mode: 'ON', factors: ['TOTP'] }));
    const user = userIn(storage);
    const first = await authenticate(user, 'tina', PASSWORD);
    expect(first).toMatchObject({ kind: 'challenge', name: 'SOFTWARE_TOKEN_MFA' });
    expect((await answerTotp(user, emulator)).kind).toBe('success');
    const second = await authenticate(userIn(storage), 'tina', PASSWORD);
    expect(second.kind).toBe('success');
  });

  it('in opt-in pools asks for MFA until the user remembers the device', async () => {
    const { emulator, storage } = setup(devicePool('opt-in', { mode: 'ON', factors: ['TOTP'] }));
    const user = userIn(storage);
    expect((await authenticate(user, 'tina', PASSWORD)).kind).toBe('challenge');
    expect((await answerTotp(user, emulator)).kind).toBe('success');

    const again = userIn(storage);
    const second = await authenticate(again, 'tina', PASSWORD);
    expect(second).toMatchObject({ kind: 'challenge', name: 'SOFTWARE_TOKEN_MFA' });
    const signedIn = await answerTotp(again, emulator, 30_000);
    expect(accessClaims(signedIn)['device_key']).toBeDefined();
    await new Promise<void>((resolve, reject) =>
      again.setDeviceStatusRemembered({ onSuccess: () => resolve(), onFailure: reject }),
    );
    expect((await authenticate(userIn(storage), 'tina', PASSWORD)).kind).toBe('success');
  });

  it('refuses a wrong device password', async () => {
    const { storage } = setup(devicePool('always'));
    expect((await authenticate(userIn(storage), 'tina', PASSWORD)).kind).toBe('success');
    const key = `CognitoIdentityServiceProvider.${CLIENT_ID}.tina.randomPasswordKey`;
    storage.setItem(key, 'not-the-device-password');
    const outcome = await authenticate(userIn(storage), 'tina', PASSWORD);
    expect(outcome).toMatchObject({ kind: 'failure', error: { code: 'NotAuthorizedException' } });
  });

  it('answers an unknown DEVICE_KEY with ResourceNotFoundException', async () => {
    const emulator = emulatorWith([devicePool('always')]);
    const answer = await call(emulator, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: {
        USERNAME: 'tina',
        PASSWORD,
        DEVICE_KEY: 'us-east-1_00000000-0000-4000-8000-000000000000',
      },
    });
    expect(answer).toMatchObject({
      type: 'ResourceNotFoundException',
      message: 'Device does not exist.',
    });
  });

  it('gives no device metadata when tracking is off', async () => {
    const emulator = emulatorWith();
    const answer = await call(emulator, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: { USERNAME: 'alice', PASSWORD },
    });
    const result = answer.body['AuthenticationResult'] as Record<string, unknown>;
    expect(result['NewDeviceMetadata']).toBeUndefined();
    expect(decodeJwt(result['AccessToken'] as string)['device_key']).toBeUndefined();
  });
});
