import { createCognitoAuth, isCognitoError } from '@cognito-kit/core';
import { act, waitFor } from '@testing-library/react';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { createHookEnv, POOL_ID, renderSignedIn } from '../../test/hooks-env.js';
import { useMfa } from './useMfa.js';

describe('useMfa', () => {
  it('reads enabled and preferred factors; offers pool factors the user qualifies for', async () => {
    const env = createHookEnv();
    const { result } = await renderSignedIn(env, () => ({
      plain: useMfa(),
      offered: useMfa({ factors: ['SMS_MFA', 'EMAIL_OTP'] }),
    }));
    await waitFor(() => expect(result.current.hook.plain.isLoading).toBe(false));
    expect(result.current.hook.plain.enabled).toEqual([]);
    expect(result.current.hook.plain.preferred).toBeNull();
    expect(result.current.hook.plain.available).toEqual([]);
    // alice has a verified e-mail but no phone.
    expect(result.current.hook.offered.available).toEqual(['EMAIL_OTP']);
  });

  it('sets up TOTP: otpauth URI with issuer and account, verify, then preferred', async () => {
    const env = createHookEnv();
    const { result } = await renderSignedIn(env, () => useMfa(), { totpIssuer: 'Acme' });
    const setup = await act(() => result.current.hook.setupTotp());
    expect(setup.uri).toBe(
      `otpauth://totp/Acme:alice%40example.com?secret=${setup.secretCode}&issuer=Acme`,
    );
    await expect(act(() => result.current.hook.verifyTotp('000000'))).rejects.toSatisfy((e) =>
      isCognitoError(e),
    );
    const totp = new TOTP({ secret: Secret.fromBase32(setup.secretCode) });
    const code = totp.generate({ timestamp: env.emulator.api.clock.now() });
    await act(() => result.current.hook.verifyTotp(code));
    await waitFor(() => expect(result.current.hook.preferred).toBe('SOFTWARE_TOKEN_MFA'));
    expect(result.current.hook.enabled).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(env.emulator.api.getUser(POOL_ID, 'alice')?.mfa).toMatchObject({
      preferred: 'SOFTWARE_TOKEN_MFA',
    });
  });

  it("labels TOTP with a passed-in auth object's configured issuer; the prop overrides it", async () => {
    const env = createHookEnv();
    const auth = createCognitoAuth({ ...env.config, totpIssuer: 'Acme Corp' });
    const { result } = await renderSignedIn(env, () => useMfa(), { auth });
    const setup = await act(() => result.current.hook.setupTotp());
    expect(setup.uri).toBe(
      `otpauth://totp/Acme%20Corp:alice%40example.com?secret=${setup.secretCode}&issuer=Acme%20Corp`,
    );

    const other = createHookEnv();
    const second = createCognitoAuth({ ...other.config, totpIssuer: 'Acme Corp' });
    const overridden = await renderSignedIn(other, () => useMfa(), {
      auth: second,
      totpIssuer: 'Override',
    });
    const setup2 = await act(() => overridden.result.current.hook.setupTotp());
    expect(setup2.uri).toMatch(/^otpauth:\/\/totp\/Override:alice%40example\.com\?/);
    auth.dispose();
    second.dispose();
  });

  it('turns SMS on and off, picks the preferred factor, and turns MFA off', async () => {
    const env = createHookEnv();
    const { result } = await renderSignedIn(env, () => useMfa(), { username: 'bob' });
    await waitFor(() => expect(result.current.hook.isLoading).toBe(false));
    await act(() => result.current.hook.setEnabled('SMS_MFA', true));
    // React Query notifies on its own tick: wait for the render.
    await waitFor(() => expect(result.current.hook.enabled).toEqual(['SMS_MFA']));
    expect(result.current.hook.preferred).toBeNull();
    await act(() => result.current.hook.setEnabled('EMAIL_OTP', true));
    await act(() => result.current.hook.setPreferred('EMAIL_OTP'));
    await waitFor(() => expect(result.current.hook.preferred).toBe('EMAIL_OTP'));
    expect([...result.current.hook.enabled].sort()).toEqual(['EMAIL_OTP', 'SMS_MFA']);
    await act(() => result.current.hook.setPreferred(null));
    await waitFor(() => expect(result.current.hook.enabled).toEqual([]));
    expect(result.current.hook.preferred).toBeNull();
  });
});
