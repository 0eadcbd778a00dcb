/**
 * The MFA challenges amazon-cognito-identity-js has dedicated callbacks for, over HTTP:
 * MFA_SETUP (TOTP registration by Session, before the user has tokens) and SELECT_MFA_TYPE
 * (a user with two factors and no preference), and SOFTWARE_TOKEN_MFA on a device that is
 * tracked but not remembered.
 */
import { describe, expect, it } from 'vitest';
import * as OTPAuth from 'otpauth';
import type * as aj from 'amazon-cognito-identity-js';
import { claims, useConformanceHost } from './harness.js';
import { drive, memoryStorage, referenceKit, settle, signIn, tokensOf } from './reference-kit.js';

const SETUP_POOL = 'eu-north-1_ConfMfaSet1';
const SELECT_POOL = 'eu-north-1_ConfMfaSel1';
const DEVICE_POOL = 'eu-north-1_ConfMfaDev1';
const SETUP_CLIENT = 'confmfasetupweb';
const DEVICE_CLIENT = 'confmfadeviceweb';
const SELECT_CLIENT = 'confmfaselectweb';
const PASSWORD = 'Passw0rd!';
const PHONE = '+15555550142';
/** The authenticator secret seeded for the two-factor user. */
const TOTP_SECRET = new OTPAuth.Secret({ size: 20 }).base32;

const host = useConformanceHost({
  pools: [
    {
      id: SETUP_POOL,
      mfa: { mode: 'ON', factors: ['TOTP'] },
      clients: [{ id: SETUP_CLIENT }],
      users: [{ username: 'setup-user', password: PASSWORD }],
    },
    {
      id: SELECT_POOL,
      mfa: { mode: 'OPTIONAL', factors: ['TOTP', 'SMS'] },
      clients: [{ id: SELECT_CLIENT }],
      users: ['select-totp', 'select-sms'].map((username) => ({
        username,
        password: PASSWORD,
        attributes: { phone_number: PHONE, phone_number_verified: true },
        mfa: { sms: true, totpSecret: TOTP_SECRET },
      })),
    },
    {
      id: DEVICE_POOL,
      deviceTracking: 'opt-in',
      mfa: { mode: 'OPTIONAL', factors: ['TOTP'] },
      clients: [{ id: DEVICE_CLIENT }],
      users: [{ username: 'device-totp', password: PASSWORD, mfa: { totpSecret: TOTP_SECRET } }],
    },
  ],
});

const setup = referenceKit(host, SETUP_POOL, SETUP_CLIENT);
const select = referenceKit(host, SELECT_POOL, SELECT_CLIENT);
const device = referenceKit(host, DEVICE_POOL, DEVICE_CLIENT);

/** The device key the library keeps on a user object (there is no public getter). */
function deviceKeyOf(user: aj.CognitoUser): string | null | undefined {
  return (user as unknown as { deviceKey?: string | null }).deviceKey;
}

describe('amazon-cognito-identity-js MFA challenges over HTTP', { timeout: 60_000 }, () => {
  it('MFA_SETUP: registers an authenticator with the Session, then signs in with it', async () => {
    const user = setup.userOf('setup-user');
    expect(await signIn(user, 'setup-user', PASSWORD)).toMatchObject({
      kind: 'challenge',
      name: 'MFA_SETUP',
    });
    // No tokens yet: the library associates and verifies with the challenge Session.
    const secret = await new Promise<string>((resolve, reject) =>
      user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject }),
    );
    const session = await settle<aj.CognitoUserSession>((h) =>
      user.verifySoftwareToken(host.totp(secret), 'conformance', h),
    );
    expect(claims(session.getAccessToken().getJwtToken())['username']).toBe('setup-user');

    host.advance(30_000);
    const next = setup.userOf('setup-user');
    expect(await signIn(next, 'setup-user', PASSWORD)).toMatchObject({
      name: 'SOFTWARE_TOKEN_MFA',
    });
    const done = await drive((cb) => next.sendMFACode(host.totp(secret), cb, 'SOFTWARE_TOKEN_MFA'));
    expect(tokensOf(done).isValid()).toBe(true);
  });

  it('SELECT_MFA_TYPE → SOFTWARE_TOKEN_MFA', async () => {
    const user = select.userOf('select-totp');
    const first = await signIn(user, 'select-totp', PASSWORD);
    expect(first).toMatchObject({ kind: 'challenge', name: 'SELECT_MFA_TYPE' });
    const mfas = JSON.parse(
      String((first as { parameters: Record<string, unknown> }).parameters['MFAS_CAN_CHOOSE']),
    ) as string[];
    expect(mfas.sort()).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
    const chosen = await drive((cb) =>
      user.sendMFASelectionAnswer(
        'SOFTWARE_TOKEN_MFA',
        cb as Parameters<typeof user.sendMFASelectionAnswer>[1],
      ),
    );
    expect(chosen).toMatchObject({ kind: 'challenge', name: 'SOFTWARE_TOKEN_MFA' });
    host.advance(30_000);
    const done = await drive((cb) =>
      user.sendMFACode(host.totp(TOTP_SECRET), cb, 'SOFTWARE_TOKEN_MFA'),
    );
    expect(tokensOf(done).getIdToken().decodePayload()['cognito:username']).toBe('select-totp');
  });

  it('SELECT_MFA_TYPE → SMS_MFA with the code from the outbox', async () => {
    const user = select.userOf('select-sms');
    expect(await signIn(user, 'select-sms', PASSWORD)).toMatchObject({ name: 'SELECT_MFA_TYPE' });
    const chosen = await drive((cb) =>
      user.sendMFASelectionAnswer(
        'SMS_MFA',
        cb as Parameters<typeof user.sendMFASelectionAnswer>[1],
      ),
    );
    expect(chosen).toMatchObject({ kind: 'challenge', name: 'SMS_MFA' });
    const code = await host.lastCode(SELECT_POOL, 'select-sms');
    const done = await drive((cb) => user.sendMFACode(code, cb, 'SMS_MFA'));
    expect(tokensOf(done).isValid()).toBe(true);
  });

  it('SOFTWARE_TOKEN_MFA on a tracked, not remembered device: DEVICE_SRP_AUTH only when the answer names the device', async () => {
    const pool = device.poolOf(DEVICE_POOL, DEVICE_CLIENT, memoryStorage());
    // First sign-in: a new device, which the library confirms (and the user does not remember).
    const first = device.userOf('device-totp', pool);
    expect(await signIn(first, 'device-totp', PASSWORD)).toMatchObject({
      name: 'SOFTWARE_TOKEN_MFA',
    });
    tokensOf(
      await drive((cb) => first.sendMFACode(host.totp(TOTP_SECRET), cb, 'SOFTWARE_TOKEN_MFA')),
    );
    const tracked = deviceKeyOf(first);
    expect(tracked).toMatch(/^eu-north-1_/);
    await settle((h) => first.setDeviceStatusNotRemembered(h));

    // The library sends DEVICE_KEY with its MFA answer: the device proves itself after MFA.
    host.advance(30_000);
    const withKey = device.userOf('device-totp', pool);
    expect(await signIn(withKey, 'device-totp', PASSWORD)).toMatchObject({
      name: 'SOFTWARE_TOKEN_MFA',
    });
    const proven = await drive((cb) =>
      withKey.sendMFACode(host.totp(TOTP_SECRET), cb, 'SOFTWARE_TOKEN_MFA'),
    );
    expect(claims(tokensOf(proven).getAccessToken().getJwtToken())['device_key']).toBe(tracked);

    // A client that leaves DEVICE_KEY out of the MFA answer (Amplify JS before 6.15.9, see
    // amplify-js #14622): Cognito issues the tokens, as for a new device, instead of asking
    // for DEVICE_SRP_AUTH with a key the answer never named.
    host.advance(30_000);
    const withoutKey = device.userOf('device-totp', pool);
    expect(await signIn(withoutKey, 'device-totp', PASSWORD)).toMatchObject({
      name: 'SOFTWARE_TOKEN_MFA',
    });
    expect(deviceKeyOf(withoutKey)).toBe(tracked); // InitiateAuth did carry it
    (withoutKey as unknown as { deviceKey: string | null }).deviceKey = null;
    const issued = await drive((cb) =>
      withoutKey.sendMFACode(host.totp(TOTP_SECRET), cb, 'SOFTWARE_TOKEN_MFA'),
    );
    const deviceClaim = claims(tokensOf(issued).getAccessToken().getJwtToken())['device_key'];
    expect(deviceClaim).toMatch(/^eu-north-1_/);
    expect(deviceClaim).not.toBe(tracked);
    expect(deviceKeyOf(withoutKey)).toBe(deviceClaim); // the library confirmed the new device
  });
});
