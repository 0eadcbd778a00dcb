// Remembered devices belong to the user (the internal username), not to the name typed at
// sign-in: signing in with an alias presents the same device. Everything talks to the emulator.
import { describe, expect, it } from 'vitest';
import { internalsOf, type CognitoAuth } from '../src/auth/index.js';
import { createTokenStore } from '../src/session/token-store.js';
import {
  actions,
  ALIAS_DEVICE_POOL,
  CLIENTS,
  EMAIL_DEVICE_POOL,
  expectStatus,
  PASSWORD,
  rig,
  TOTP_SECRET,
  type Rig,
} from './sign-in-helpers.js';
import { totpNow } from './totp.js';

/** Signs in through the TOTP challenge (MFA is on) and waits until the device is confirmed. */
async function signInWithMfa(auth: CognitoAuth, username: string) {
  expectStatus(await auth.signIn({ username, password: PASSWORD }), 'challenge');
  const code = await totpNow(TOTP_SECRET);
  const state = expectStatus(
    await auth.answerChallenge({ name: 'SOFTWARE_TOKEN_MFA', code }),
    'signedIn',
  );
  await auth.idle();
  return state.user;
}

/** Signs in expecting the remembered device to replace MFA; returns the user and the challenges. */
async function signInWithDevice(r: Rig, auth: CognitoAuth, username: string) {
  r.traces.length = 0;
  r.calls.length = 0;
  const state = expectStatus(await auth.signIn({ username, password: PASSWORD }), 'signedIn');
  await auth.idle();
  return { user: state.user, challenges: r.traces.map((t) => t.challengeName ?? t.action) };
}

const DEVICE_SIGN_IN = [
  'InitiateAuth',
  'PASSWORD_VERIFIER',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
];

async function deviceKeysInCognito(auth: CognitoAuth): Promise<string[]> {
  const page = await auth.devices.list();
  return page.devices.map((d) => d.deviceKey);
}

describe('a remembered device is the user’s, whatever name they type', () => {
  it('remembered as `alice`, presented when signing in as `alice@example.com`', async () => {
    const r = rig();
    const auth = r.auth({ userPoolId: ALIAS_DEVICE_POOL, rememberDevice: 'always' });
    await signInWithMfa(auth, 'alice');
    const device = await internalsOf(auth).devices.get('alice');
    expect(device?.deviceKey).toMatch(/^us-east-1_/);
    await auth.signOut();

    const { user, challenges } = await signInWithDevice(r, auth, 'alice@example.com');
    expect(challenges).toEqual(DEVICE_SIGN_IN);
    expect(user.username).toBe('alice');
    expect(user.deviceKey).toBe(device?.deviceKey);
    expect(actions(r.calls)).not.toContain('ConfirmDevice');
    expect(await deviceKeysInCognito(auth)).toEqual([device?.deviceKey]);
    // The alias now points at its owner: the next sign-in finds the device before InitiateAuth.
    expect((await internalsOf(auth).devices.find('alice@example.com'))?.owner).toBe('alice');
    expect(await internalsOf(auth).devices.get('alice@example.com')).toBeNull();
  });

  it('remembered as `alice@example.com`, stored for `alice` and presented as `alice`', async () => {
    const r = rig();
    const auth = r.auth({ userPoolId: ALIAS_DEVICE_POOL, rememberDevice: 'always' });
    const first = await signInWithMfa(auth, 'alice@example.com');
    expect(first.username).toBe('alice');
    const device = await internalsOf(auth).devices.get('alice');
    expect(device).not.toBeNull();
    expect(await internalsOf(auth).devices.get('alice@example.com')).toBeNull();
    await auth.signOut();

    const { user, challenges } = await signInWithDevice(r, auth, 'alice');
    expect(challenges).toEqual(DEVICE_SIGN_IN);
    expect(user.deviceKey).toBe(device?.deviceKey);
    expect(await deviceKeysInCognito(auth)).toEqual([device?.deviceKey]);
    await auth.signOut();

    // And once more with the alias: the pointer written at the first sign-in leads there.
    const again = await signInWithDevice(r, auth, 'alice@example.com');
    expect(again.challenges).toEqual(DEVICE_SIGN_IN);
    expect(again.user.deviceKey).toBe(device?.deviceKey);
  });

  it('in a pool where the e-mail is the username, keys the device by the internal uuid', async () => {
    const r = rig();
    const auth = r.auth({ userPoolId: EMAIL_DEVICE_POOL, rememberDevice: 'always' });
    const first = await signInWithMfa(auth, 'ivy@example.com');
    expect(first.username).not.toBe('ivy@example.com');
    const device = await internalsOf(auth).devices.get(first.username);
    expect(device).not.toBeNull();
    expect(await internalsOf(auth).devices.get('ivy@example.com')).toBeNull();
    await auth.signOut();

    const { user, challenges } = await signInWithDevice(r, auth, 'ivy@example.com');
    expect(challenges).toEqual(DEVICE_SIGN_IN);
    expect(user.username).toBe(first.username);
    expect(user.deviceKey).toBe(device?.deviceKey);
    expect(await deviceKeysInCognito(auth)).toEqual([device?.deviceKey]);
  });

  it('USER_PASSWORD_AUTH with the alias sends DEVICE_KEY at once, found through the pointer', async () => {
    const r = rig();
    const srp = r.auth({ userPoolId: ALIAS_DEVICE_POOL, rememberDevice: 'always' });
    await signInWithMfa(srp, 'alice@example.com');
    const device = await internalsOf(srp).devices.get('alice');
    await srp.signOut();
    srp.dispose();

    const plain = r.auth({
      userPoolId: ALIAS_DEVICE_POOL,
      rememberDevice: 'always',
      authFlow: 'USER_PASSWORD_AUTH',
    });
    await plain.start();
    const { user, challenges } = await signInWithDevice(r, plain, 'alice@example.com');
    expect(challenges).toEqual(['InitiateAuth', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
    expect(r.traces[0]).toEqual({ action: 'InitiateAuth', deviceKey: device?.deviceKey });
    expect(user.deviceKey).toBe(device?.deviceKey);
    expect(await deviceKeysInCognito(plain)).toEqual([device?.deviceKey]);
  });

  it('auth.devices.forget removes the secrets too: the next sign-in with the alias asks for MFA', async () => {
    const r = rig();
    const auth = r.auth({ userPoolId: ALIAS_DEVICE_POOL, rememberDevice: 'always' });
    const user = await signInWithMfa(auth, 'alice@example.com');
    const device = await internalsOf(auth).devices.get(user.username);
    expect(device).not.toBeNull();
    // One call: Cognito stops tracking the device and this browser drops its secrets.
    await auth.devices.forget(device?.deviceKey ?? '');
    expect(await internalsOf(auth).devices.get(user.username)).toBeNull();
    await auth.signOut();

    r.traces.length = 0;
    const state = expectStatus(
      await auth.signIn({ username: 'alice@example.com', password: PASSWORD }),
      'challenge',
    );
    expect(state.challenge.name).toBe('SOFTWARE_TOKEN_MFA');
    expect(r.traces.every((t) => t.deviceKey === undefined)).toBe(true);
    expect(await internalsOf(auth).devices.find('alice@example.com')).toBeNull();
  });

  it('still uses a record stored under the typed alias by older versions, then moves it', async () => {
    const r = rig();
    const auth = r.auth({ userPoolId: ALIAS_DEVICE_POOL, rememberDevice: 'always' });
    await signInWithMfa(auth, 'alice');
    const secrets = await internalsOf(auth).devices.get('alice');
    if (!secrets) throw new Error('expected a remembered device');
    await auth.signOut();
    // The layout older versions left behind: the secrets under the alias typed, no pointer.
    await internalsOf(auth).devices.set('alice@example.com', secrets);
    await internalsOf(auth).devices.forget('alice');
    const keys = createTokenStore(r.storage, CLIENTS[ALIAS_DEVICE_POOL] ?? '').keys;
    expect(await r.storage.get(keys.deviceOwner('alice@example.com'))).toBeNull();

    const { user, challenges } = await signInWithDevice(r, auth, 'alice@example.com');
    expect(challenges).toEqual(DEVICE_SIGN_IN);
    expect(r.traces[1]).toMatchObject({ deviceKey: secrets.deviceKey });
    expect(user.deviceKey).toBe(secrets.deviceKey);
    // Moved to the owner, so forgetting the owner's device forgets it for every alias.
    expect(await internalsOf(auth).devices.get('alice')).toEqual(secrets);
    expect(await internalsOf(auth).devices.get('alice@example.com')).toBeNull();
    await internalsOf(auth).devices.forget('alice');
    await auth.signOut();
    expectStatus(
      await auth.signIn({ username: 'alice@example.com', password: PASSWORD }),
      'challenge',
    );
  });

  it('a device found under the internal name that Cognito does not know is forgotten there', async () => {
    const r = rig();
    const auth = r.auth({ userPoolId: ALIAS_DEVICE_POOL });
    await internalsOf(auth).devices.set('alice', {
      deviceKey: 'us-east-1_00000000-0000-4000-8000-000000000000',
      deviceGroupKey: 'unknown-group',
      devicePassword: 'bm90LWEtcmVhbC1kZXZpY2UtcGFzc3dvcmQ=',
    });
    const state = expectStatus(
      await auth.signIn({ username: 'alice@example.com', password: PASSWORD }),
      'challenge',
    );
    expect(state.challenge.name).toBe('SOFTWARE_TOKEN_MFA');
    // Presented at PASSWORD_VERIFIER (found late), refused, then the sign-in started over.
    expect(r.traces.map((t) => [t.challengeName ?? t.action, t.deviceKey])).toEqual([
      ['InitiateAuth', undefined],
      ['PASSWORD_VERIFIER', 'us-east-1_00000000-0000-4000-8000-000000000000'],
      ['InitiateAuth', undefined],
      ['PASSWORD_VERIFIER', undefined],
    ]);
    expect(await internalsOf(auth).devices.get('alice')).toBeNull();
  });
});
