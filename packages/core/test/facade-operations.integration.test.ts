// The facade's account operations against the emulator: each keeps the invariant its two calls
// share (delete then sign out, verify then prefer TOTP), tokens from elsewhere are verified
// before adoption, and what an app reads of the session holds no refresh token.
import { describe, expect, it } from 'vitest';
import { internalsOf } from '../src/auth/index.js';
import { isCognitoError } from '../src/errors/index.js';
import { actions, expectStatus, PASSWORD, POOL, rejection, rig } from './sign-in-helpers.js';
import { totpNow } from './totp.js';

describe('createCognitoAuth operations', () => {
  it('auth.user.delete() deletes the user and signs out here', async () => {
    const r = rig();
    const auth = r.auth();
    await auth.signIn({ username: 'alice', password: PASSWORD });
    await auth.user.delete();
    expect(auth.getSnapshot().status).toBe('signedOut');
    expect(r.emulator.api.getUser(POOL, 'alice')).toBeUndefined();
    expect(internalsOf(auth).session.current()).toBeNull();
  });

  it('auth.mfa.enableTotp(code) verifies the code, then makes TOTP the preferred factor', async () => {
    const r = rig();
    const auth = r.auth();
    await auth.signIn({ username: 'alice', password: PASSWORD });
    const setup = await auth.mfa.setupTotp();
    // Labelled with the config's issuer and the user's e-mail claim.
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/Cognito:alice%40example\.com\?/);
    const wrong = await rejection(auth.mfa.enableTotp('000000'));
    expect(isCognitoError(wrong)).toBe(true);
    expect((await auth.user.getAttributes()).preferredMfa).toBeUndefined();
    await auth.mfa.enableTotp(await totpNow(setup.secretCode, r.emulator.api.clock.now()));
    const profile = await auth.user.getAttributes();
    expect(profile.preferredMfa).toBe('SOFTWARE_TOKEN_MFA');
    expect(profile.mfaEnabled).toContain('SOFTWARE_TOKEN_MFA');
  });

  it('getSession() shows claims and expiry, never the refresh token', async () => {
    const auth = rig().auth();
    expect(auth.getSession()).toBeNull();
    await auth.signIn({ username: 'alice', password: PASSWORD });
    const info = auth.getSession();
    expect(info).toMatchObject({ username: 'alice', idClaims: { email: 'alice@example.com' } });
    expect(info?.expiresAt).toBeGreaterThan(Date.now());
    const refresh = internalsOf(auth).session.current()?.tokens.refreshToken ?? '';
    expect(refresh).not.toBe('');
    expect(JSON.stringify(info)).not.toContain(refresh);
    expect(await auth.getIdToken()).toBe(internalsOf(auth).session.current()?.tokens.idToken);
  });

  it('adoptTokens verifies tokens obtained elsewhere, then signs in with them', async () => {
    const r = rig();
    const elsewhere = r.auth();
    await elsewhere.signIn({ username: 'alice', password: PASSWORD });
    const tokens = internalsOf(elsewhere).session.current()!.tokens;
    elsewhere.dispose();

    const auth = rig().auth(); // another emulator: its keys did not sign these tokens
    await auth.start();
    const refused = await rejection(auth.adoptTokens(tokens));
    expect(isCognitoError(refused, 'InvalidToken')).toBe(true);
    expect(auth.getSnapshot().status).toBe('signedOut');

    const same = r.auth({ storage: undefined });
    await same.start();
    const state = expectStatus(await same.adoptTokens(tokens), 'signedIn');
    expect(state.user.username).toBe('alice');
    expect(actions(r.calls).slice(-1)).toEqual(['RespondToAuthChallenge']); // no new sign-in
    await expect(same.adoptTokens(tokens)).rejects.toThrow(/sign out first/);
  });
});
