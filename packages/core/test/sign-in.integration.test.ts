import { describe, expect, it } from 'vitest';
import { internalsOf } from '../src/auth/index.js';
import { isCognitoError } from '../src/errors/index.js';
import type { AuthState } from '../src/machine/index.js';
import {
  actions,
  CLIENT_SECRET,
  SECRET_CLIENT,
  DEVICE_POOL,
  EMAIL_POOL,
  expectStatus,
  MFA_POOL,
  PASSWORD,
  POOL,
  rejection,
  rig,
  TOTP_SECRET,
} from './sign-in-helpers.js';
import { totpNow } from './totp.js';

describe('sign-in against the emulator', () => {
  it('signs in with USER_SRP_AUTH: InitiateAuth, PASSWORD_VERIFIER, verified tokens', async () => {
    const r = rig();
    const auth = r.auth();
    expectStatus(await auth.start(), 'signedOut');
    auth.prepareSignIn();
    const seen: string[] = [];
    auth.subscribe((s) => seen.push(s.status));
    const state = expectStatus(
      await auth.signIn({ username: 'alice', password: PASSWORD }),
      'signedIn',
    );
    expect(state.user.username).toBe('alice');
    expect(state.user.claims['email']).toBe('alice@example.com');
    expect(state.user.expiresAt).toBeGreaterThan(Date.now());
    expect(Object.isFrozen(auth.getSnapshot())).toBe(true);
    expect(seen).toEqual(['signingIn', 'signedIn']);
    expect(actions(r.calls)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    // The snapshot carries no raw tokens; the session hands out a verified access token.
    expect(JSON.stringify(auth.getSnapshot())).not.toContain(
      (await auth.getAccessToken()).slice(0, 40),
    );
  });

  it('rejects a wrong password with NotAuthorizedException and ends signed out', async () => {
    const auth = rig().auth();
    const error = await rejection(auth.signIn({ username: 'alice', password: 'wrong-Passw0rd' }));
    expect(isCognitoError(error, 'NotAuthorizedException')).toBe(true);
    const state = expectStatus(auth.getSnapshot(), 'signedOut');
    expect(state.error?.code).toBe('NotAuthorizedException');
  });

  it.each(['initiate', 'respond'] as const)(
    'routes an unconfirmed user to confirmation (UserNotConfirmedException at %s)',
    async (step) => {
      const r = rig({ behaviour: { userNotConfirmedAt: step } });
      const auth = r.auth();
      const error = await rejection(auth.signIn({ username: 'bob', password: PASSWORD }));
      expect(isCognitoError(error, 'UserNotConfirmedException')).toBe(true);
      expect(auth.getSnapshot()).toMatchObject({
        status: 'signedOut',
        error: { code: 'UserNotConfirmedException' },
      });
      expect(actions(r.calls)).toHaveLength(step === 'initiate' ? 1 : 2);
    },
  );

  it('routes a user who must reset the password with PasswordResetRequiredException', async () => {
    const auth = rig().auth();
    const error = await rejection(auth.signIn({ username: 'olivia', password: PASSWORD }));
    expect(isCognitoError(error, 'PasswordResetRequiredException')).toBe(true);
  });

  it('signs in with USER_PASSWORD_AUTH when opted in', async () => {
    const r = rig();
    const auth = r.auth({ authFlow: 'USER_PASSWORD_AUTH' });
    expectStatus(await auth.signIn({ username: 'alice', password: PASSWORD }), 'signedIn');
    expect(actions(r.calls)).toEqual(['InitiateAuth']);
  });

  it('uses the typed e-mail for InitiateAuth and USER_ID_FOR_SRP for the claim', async () => {
    const auth = rig().auth({ userPoolId: EMAIL_POOL });
    const state = expectStatus(
      await auth.signIn({ username: 'ivan@example.com', password: PASSWORD }),
      'signedIn',
    );
    expect(state.user.username).not.toBe('ivan@example.com');
    expect(state.user.claims['email']).toBe('ivan@example.com');
  });
});

describe('confidential app client', () => {
  it('hashes the typed name for InitiateAuth and the internal name for the answers', async () => {
    const r = rig();
    const auth = r.auth({
      userPoolId: EMAIL_POOL,
      clientId: SECRET_CLIENT,
      clientSecret: CLIENT_SECRET,
    });
    // Typed e-mail ≠ internal UUID here, so hashing the wrong name would be refused.
    const state = expectStatus(
      await auth.signIn({ username: 'ivan@example.com', password: PASSWORD }),
      'signedIn',
    );
    expect(state.user.username).not.toBe('ivan@example.com');
    await auth.signOut();
    expect(actions(r.calls)).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RevokeToken']);
  });
});

describe('challenges', () => {
  it('NEW_PASSWORD_REQUIRED: sets the new password, which then signs in', async () => {
    const r = rig();
    const auth = r.auth();
    const state = expectStatus(
      await auth.signIn({ username: 'carol', password: PASSWORD }),
      'challenge',
    );
    expect(state.challenge.name).toBe('NEW_PASSWORD_REQUIRED');
    if (state.challenge.name !== 'NEW_PASSWORD_REQUIRED') return;
    expect(state.challenge.requiredAttributes.every((n) => !n.startsWith('userAttributes.'))).toBe(
      true,
    );
    const attributes = Object.fromEntries(state.challenge.requiredAttributes.map((n) => [n, 'x']));
    expectStatus(
      await auth.answerChallenge({
        name: 'NEW_PASSWORD_REQUIRED',
        newPassword: 'N3w-Passw0rd!',
        attributes,
      }),
      'signedIn',
    );
    await auth.signOut();
    expectStatus(await auth.signIn({ username: 'carol', password: 'N3w-Passw0rd!' }), 'signedIn');
  });

  it('SOFTWARE_TOKEN_MFA: a wrong code keeps the challenge open, the right one signs in', async () => {
    const r = rig();
    const auth = r.auth();
    const state = expectStatus(
      await auth.signIn({ username: 'dave', password: PASSWORD }),
      'challenge',
    );
    expect(state.challenge).toEqual({ name: 'SOFTWARE_TOKEN_MFA' });
    const good = await totpNow(TOTP_SECRET);
    const bad = good === '000000' ? '111111' : '000000';
    const error = await rejection(auth.answerChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: bad }));
    expect(isCognitoError(error, 'CodeMismatchException')).toBe(true);
    expect(auth.getSnapshot()).toMatchObject({ status: 'challenge', submitting: false });
    expectStatus(
      await auth.answerChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: good }),
      'signedIn',
    );
  });

  it('SMS_MFA: shows the masked destination and accepts the code from the outbox', async () => {
    const r = rig();
    const auth = r.auth();
    const state = expectStatus(
      await auth.signIn({ username: 'erin', password: PASSWORD }),
      'challenge',
    );
    expect(state.challenge).toMatchObject({ name: 'SMS_MFA', medium: 'SMS' });
    const code = r.emulator.api.outbox.lastCode('erin', POOL);
    expect(code).toBeDefined();
    expectStatus(await auth.answerChallenge({ name: 'SMS_MFA', code: code ?? '' }), 'signedIn');
  });

  it('EMAIL_OTP: accepts the e-mailed code', async () => {
    const r = rig();
    const auth = r.auth();
    const state = expectStatus(
      await auth.signIn({ username: 'grace', password: PASSWORD }),
      'challenge',
    );
    expect(state.challenge).toMatchObject({ name: 'EMAIL_OTP', medium: 'EMAIL' });
    const code = r.emulator.api.outbox.lastCode('grace', POOL) ?? '';
    expectStatus(await auth.answerChallenge({ name: 'EMAIL_OTP', code }), 'signedIn');
  });

  it('SELECT_MFA_TYPE: the chosen method follows', async () => {
    const auth = rig().auth();
    const state = expectStatus(
      await auth.signIn({ username: 'frank', password: PASSWORD }),
      'challenge',
    );
    expect(state.challenge.name).toBe('SELECT_MFA_TYPE');
    const next = expectStatus(
      await auth.answerChallenge({ name: 'SELECT_MFA_TYPE', mfa: 'SOFTWARE_TOKEN_MFA' }),
      'challenge',
    );
    expect(next.challenge.name).toBe('SOFTWARE_TOKEN_MFA');
    const code = await totpNow(TOTP_SECRET);
    expectStatus(await auth.answerChallenge({ name: 'SOFTWARE_TOKEN_MFA', code }), 'signedIn');
  });

  it('MFA_SETUP: associates TOTP inside sign-in, verifies the first code, signs in', async () => {
    const r = rig();
    const auth = r.auth({ userPoolId: MFA_POOL, totpIssuer: 'Demo' });
    // The same label is exposed, so account-side setup (e.g. React's useMfa) can use it.
    expect(auth.totpIssuer).toBe('Demo');
    expect(r.auth({ userPoolId: MFA_POOL }).totpIssuer).toBe('Cognito');
    const state = expectStatus(
      await auth.signIn({ username: 'heidi', password: PASSWORD }),
      'challenge',
    );
    if (state.challenge.name !== 'MFA_SETUP') throw new Error(`got ${state.challenge.name}`);
    const totp = state.challenge.totp;
    expect(totp?.uri).toMatch(/^otpauth:\/\/totp\/Demo:heidi\?secret=[A-Z2-7]+&issuer=Demo$/);
    const code = await totpNow(totp?.secretCode ?? '');
    expectStatus(await auth.answerChallenge({ name: 'MFA_SETUP', totpCode: code }), 'signedIn');
    expect(actions(r.calls)).toEqual([
      'InitiateAuth',
      'RespondToAuthChallenge',
      'AssociateSoftwareToken',
      'VerifySoftwareToken',
      'RespondToAuthChallenge',
    ]);
  });

  it('refuses answers that do not fit the state without sending anything', async () => {
    const r = rig();
    const auth = r.auth();
    await auth.start();
    const error = await rejection(auth.answerChallenge({ name: 'SMS_MFA', code: '123456' }));
    expect(isCognitoError(error, 'InvalidState')).toBe(true);
    expect(
      isCognitoError(
        await rejection(auth.signIn({ username: ' ', password: 'x' })),
        'InvalidInput',
      ),
    ).toBe(true);
    expect(r.calls).toEqual([]);
  });
});

describe('remembered devices', () => {
  it('remembers the device, then signs in with DEVICE_SRP_AUTH and skips MFA', async () => {
    const r = rig();
    const auth = r.auth({ userPoolId: DEVICE_POOL, rememberDevice: 'always' });
    await auth.signIn({ username: 'ken', password: PASSWORD });
    expectStatus(
      await auth.answerChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: await totpNow(TOTP_SECRET) }),
      'signedIn',
    );
    await auth.idle();
    const device = await internalsOf(auth).devices.get('ken');
    expect(device?.deviceKey).toMatch(/_/);
    await auth.signOut();
    r.calls.length = 0;
    const state = expectStatus(
      await auth.signIn({ username: 'ken', password: PASSWORD }),
      'signedIn',
    );
    expect(state.user.deviceKey).toBe(device?.deviceKey);
    expect(actions(r.calls)).toEqual([
      'InitiateAuth',
      'RespondToAuthChallenge',
      'RespondToAuthChallenge',
      'RespondToAuthChallenge',
    ]);
  });

  it('declining the prompt signs in without storing a device', async () => {
    const r = rig();
    const auth = r.auth({ userPoolId: DEVICE_POOL, rememberDevice: 'ask' });
    expectStatus(await auth.signIn({ username: 'judy', password: PASSWORD }), 'rememberDevice');
    expectStatus(await auth.rememberDevice(false), 'signedIn');
    await auth.idle();
    expect(await internalsOf(auth).devices.get('judy')).toBeNull();
    expect(actions(r.calls)).not.toContain('ConfirmDevice');
  });

  it('asks before remembering when configured to', async () => {
    const auth = rig().auth({ userPoolId: DEVICE_POOL, rememberDevice: 'ask' });
    expectStatus(await auth.signIn({ username: 'judy', password: PASSWORD }), 'rememberDevice');
    expectStatus(await auth.rememberDevice(true), 'signedIn');
    await auth.idle();
    expect(await internalsOf(auth).devices.get('judy')).not.toBeNull();
  });

  it('forgets a device Cognito does not know and signs in without it', async () => {
    const r = rig();
    const auth = r.auth({ userPoolId: DEVICE_POOL });
    await internalsOf(auth).devices.set('judy', {
      deviceKey: 'us-east-1_00000000-0000-4000-8000-000000000000',
      deviceGroupKey: 'unknown-group',
      devicePassword: 'bm90LWEtcmVhbC1kZXZpY2UtcGFzc3dvcmQ=',
    });
    expectStatus(await auth.signIn({ username: 'judy', password: PASSWORD }), 'signedIn');
    expect(await internalsOf(auth).devices.get('judy')).toBeNull();
    expect(actions(r.calls).filter((a) => a === 'InitiateAuth')).toHaveLength(2);
  });
});

describe('session lifecycle', () => {
  it('restores a stored session with zero Cognito requests', async () => {
    const r = rig();
    const first = r.auth();
    await first.signIn({ username: 'alice', password: PASSWORD });
    // The sign-in fetched the keys once; restoring reads them from storage.
    expect(r.calls.filter((c) => c.endsWith('/.well-known/jwks.json'))).toHaveLength(1);
    first.dispose();
    r.calls.length = 0;
    const second = r.auth();
    const state = expectStatus(await second.start(), 'signedIn');
    expect(state.user.username).toBe('alice');
    // Not a single request: neither Cognito nor the JWKS.
    expect(r.calls).toEqual([]);
  });

  it('signs out: revokes the refresh token; global sign-out also invalidates the access token', async () => {
    const r = rig();
    const auth = r.auth();
    await auth.signIn({ username: 'alice', password: PASSWORD });
    const token = await auth.getAccessToken();
    expectStatus(await auth.signOut({ global: true }), 'signedOut');
    expect(auth.getSnapshot()).toMatchObject({ reason: 'signedOut' });
    expect(actions(r.calls)).toContain('GlobalSignOut');
    const error = await rejection(internalsOf(auth).client.getUser({ AccessToken: token }));
    expect(isCognitoError(error, 'NotAuthorizedException')).toBe(true);
    expect(isCognitoError(await rejection(auth.getAccessToken()), 'NotSignedIn')).toBe(true);
  });

  it('binds the account functions to the session', async () => {
    const auth = rig().auth();
    await auth.signIn({ username: 'alice', password: PASSWORD });
    const profile = await auth.user.getAttributes();
    expect(profile.attributes['email']).toBe('alice@example.com');
  });

  it('ends signed out with refreshRejected when Cognito refuses the refresh token', async () => {
    const auth = rig().auth();
    await auth.signIn({ username: 'alice', password: PASSWORD });
    // Signed out everywhere by another device: this one learns it at its next refresh.
    await internalsOf(auth).client.globalSignOut({ AccessToken: await auth.getAccessToken() });
    const error = await rejection(auth.getAccessToken({ forceRefresh: true }));
    expect(isCognitoError(error, 'NotAuthorizedException')).toBe(true);
    expect(auth.getSnapshot()).toMatchObject({
      status: 'signedOut',
      reason: 'refreshRejected',
      error: { code: 'NotAuthorizedException' },
    });
  });

  it('follows sign-in and sign-out of another tab', async () => {
    const r = rig();
    // Two tabs: separate auth objects talking over Node's BroadcastChannel (opt-in outside browsers).
    const crossTab = { broadcastChannel: BroadcastChannel, locks: null };
    const tabA = r.auth({ crossTab });
    const tabB = r.auth({ crossTab });
    await Promise.all([tabA.start(), tabB.start()]);
    const next = (status: AuthState['status']) =>
      new Promise<AuthState>((resolve) => {
        const stop = tabB.subscribe((s) => {
          if (s.status === status) {
            stop();
            resolve(s);
          }
        });
      });
    const signedIn = next('signedIn');
    await tabA.signIn({ username: 'alice', password: PASSWORD });
    expect((await signedIn).status).toBe('signedIn');
    const signedOut = next('signedOut');
    await tabA.signOut();
    expect(await signedOut).toMatchObject({ reason: 'signedOutElsewhere' });
    tabA.dispose();
    tabB.dispose();
  });

  it('clears the local session even when Cognito cannot be reached', async () => {
    const r = rig();
    const auth = r.auth();
    await auth.signIn({ username: 'alice', password: PASSWORD });
    const offline = r.auth({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    expectStatus(await offline.start(), 'signedIn');
    const state = expectStatus(await offline.signOut({ global: true }), 'signedOut');
    expect(state.error?.code).toBe('NetworkError');
    expect(internalsOf(offline).session.current()).toBeNull();
  });

  it('never runs two sign-ins at once and ignores an abandoned one', async () => {
    const r = rig();
    const auth = r.auth();
    await auth.start();
    r.gate.close();
    const signingIn = new Promise<void>((resolve) => {
      const stop = auth.subscribe((s) => {
        if (s.status === 'signingIn') {
          stop();
          resolve();
        }
      });
    });
    const first = auth.signIn({ username: 'alice', password: PASSWORD });
    await signingIn;
    expect(
      isCognitoError(
        await rejection(auth.signIn({ username: 'alice', password: PASSWORD })),
        'InvalidState',
      ),
    ).toBe(true);
    expectStatus(await auth.signOut(), 'signedOut');
    await first;
    r.gate.release();
    await auth.idle();
    expectStatus(auth.getSnapshot(), 'signedOut');
    expect(internalsOf(auth).session.current()).toBeNull();
  });
});
