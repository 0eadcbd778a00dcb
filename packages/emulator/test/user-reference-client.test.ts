/**
 * The user-side actions driven by amazon-cognito-identity-js (a client nobody here wrote):
 * sign-up and confirmation, profile and attribute verification, TOTP registration and MFA
 * preferences, remembered devices (the library confirms them itself with its own verifier),
 * password change and reset, global sign-out and account deletion.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../src/engine/crypto/totp.js';
import {
  aj,
  authenticate,
  memoryStorage,
  referencePool,
  routeFetchTo,
} from './helpers/reference-client.js';
import { baseSeed, CLIENT_ID, PASSWORD, POOL_ID, userKit } from './support/user-kit.js';

let undo: (() => void) | undefined;
afterEach(() => undo?.());

/** Resolves a Node-style callback API. */
function node<T>(run: (callback: (error: unknown, result?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    run((error, result) => (error ? reject(error) : resolve(result as T))),
  );
}

/** Resolves an `{onSuccess, onFailure}` callback API. */
function callbacks<T>(
  run: (handlers: { onSuccess: (value: T) => void; onFailure: (error: unknown) => void }) => void,
): Promise<T> {
  return new Promise((resolve, reject) => run({ onSuccess: resolve, onFailure: reject }));
}

describe('amazon-cognito-identity-js against the user-side actions', { timeout: 60_000 }, () => {
  it('completes sign-up, profile, TOTP, device, password and account flows', async () => {
    const emulator = userKit(
      baseSeed({ deviceTracking: 'always', mfa: { mode: 'OPTIONAL', factors: ['TOTP'] } }),
    );
    undo = routeFetchTo(emulator);
    const storage = memoryStorage();
    const pool = referencePool(POOL_ID, CLIENT_ID, storage);
    const lastCode = () => emulator.api.outbox.list({ poolId: POOL_ID }).at(-1)?.code ?? '';

    const signUp = await node<aj.ISignUpResult>((cb) =>
      pool.signUp(
        'rita',
        PASSWORD,
        [new aj.CognitoUserAttribute({ Name: 'email', Value: 'rita@example.com' })],
        [],
        cb,
      ),
    );
    expect(signUp.userConfirmed).toBe(false);
    expect(signUp.codeDeliveryDetails.DeliveryMedium).toBe('EMAIL');
    const user = signUp.user;
    await node((cb) => user.resendConfirmationCode(cb));
    expect(await node((cb) => user.confirmRegistration(lastCode(), true, cb))).toBe('SUCCESS');

    // SRP sign-in; device tracking makes the library confirm its new device itself.
    const signedIn = await authenticate(user, 'rita', PASSWORD);
    expect(signedIn.kind).toBe('success');
    const devices = await callbacks<{ Devices: { DeviceKey: string }[] }>((h) =>
      user.listDevices(10, null, h),
    );
    expect(devices.Devices).toHaveLength(1);
    const stored = emulator.api.getUser(POOL_ID, 'rita')?.devices[
      devices.Devices[0]?.DeviceKey ?? ''
    ];
    expect(stored?.verifier).toMatch(/^[0-9a-f]+$/);
    await callbacks((h) => user.setDeviceStatusRemembered(h));

    // Profile.
    const attributes = await node<aj.CognitoUserAttribute[]>((cb) => user.getUserAttributes(cb));
    expect(attributes.map((a) => a.getName())).toEqual(['sub', 'email', 'email_verified']);
    await node((cb) =>
      user.updateAttributes(
        [
          { Name: 'email', Value: 'rita@new.example' },
          { Name: 'nickname', Value: 'rr' },
        ],
        cb,
      ),
    );
    await new Promise<void>((resolve, reject) =>
      user.getAttributeVerificationCode('email', {
        onSuccess: () => resolve(),
        onFailure: reject,
        inputVerificationCode: () => resolve(),
      }),
    );
    await callbacks((h) => user.verifyAttribute('email', lastCode(), h));
    await node((cb) => user.deleteAttributes(['nickname'], cb));
    const after = await node<aj.CognitoUserAttribute[]>((cb) => user.getUserAttributes(cb));
    expect(Object.fromEntries(after.map((a) => [a.getName(), a.getValue()]))).toMatchObject({
      email: 'rita@new.example',
      email_verified: 'true',
    });

    // TOTP registration and preference.
    const secret = await new Promise<string>((resolve, reject) =>
      user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject }),
    );
    await callbacks((h) =>
      user.verifySoftwareToken(totpCodeAt(secret, emulator.api.clock.now()), 'phone', h),
    );
    await node((cb) => user.setUserMfaPreference(null, { Enabled: true, PreferredMfa: true }, cb));
    const data = await node<aj.UserData>((cb) => user.getUserData(cb, { bypassCache: true }));
    expect(data.PreferredMfaSetting).toBe('SOFTWARE_TOKEN_MFA');
    expect(data.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
    await node((cb) =>
      user.setUserMfaPreference(null, { Enabled: false, PreferredMfa: false }, cb),
    );

    // Passwords.
    await node((cb) => user.changePassword(PASSWORD, 'Chang3d-pass', cb));
    await new Promise<void>((resolve, reject) =>
      user.forgotPassword({
        onSuccess: () => resolve(),
        onFailure: reject,
        inputVerificationCode: () => resolve(),
      }),
    );
    await callbacks((h) => user.confirmPassword(lastCode(), 'Res3t-pass!', h));

    // Sign-out everywhere, then delete the account from a fresh sign-in.
    await callbacks((h) => user.globalSignOut(h));
    const fresh = new aj.CognitoUser({ Username: 'rita', Pool: pool, Storage: storage });
    expect((await authenticate(fresh, 'rita', 'Res3t-pass!')).kind).toBe('success');
    expect(await node((cb) => fresh.deleteUser(cb))).toBe('SUCCESS');
    expect(emulator.api.getUser(POOL_ID, 'rita')).toBeUndefined();
  });
});
