import { isCognitoError, type CognitoAuth } from '@cognito-kit/core';
import { internalsOf } from '@cognito-kit/core/low-level';
import { act, render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  count,
  createHookEnv,
  PASSWORD,
  TOKEN_SECONDS,
  type HookEnv,
} from '../../test/hooks-env.js';
import { useAuth, type AuthView } from '../hooks/useAuth.js';
import { CognitoProvider } from './CognitoProvider.js';
import { useCognitoAuth } from './context.js';

/**
 * Renders the provider over `env` and signs alice in; returns the latest view. The schedule is
 * the auth object's (`env.config.autoRefresh`); failed refreshes are collected in `errors`.
 */
async function signedIn(env: HookEnv, errors: unknown[] = []) {
  const latest: { view: AuthView | null; auth: CognitoAuth | null } = { view: null, auth: null };
  function Probe() {
    latest.view = useAuth();
    latest.auth = useCognitoAuth();
    return <p>{latest.view?.status}</p>;
  }
  render(
    <CognitoProvider config={{ ...env.config, onBackgroundError: (e) => errors.push(e) }}>
      <Probe />
    </CognitoProvider>,
  );
  await waitFor(() => expect(latest.view?.status).toBe('signedOut'));
  await act(() => latest.view!.signIn({ username: 'alice', password: PASSWORD }));
  expect(latest.view?.status).toBe('signedIn');
  return latest as { view: AuthView; auth: CognitoAuth };
}

const refreshes = (env: HookEnv) => count(env.calls, 'InitiateAuth') - 1; // minus the sign-in
const expiresAt = (view: AuthView) =>
  view.state.status === 'signedIn' ? view.state.user.expiresAt : 0;

describe("the auth object's refresh schedule under CognitoProvider (fake timers, emulator clock)", () => {
  it('refreshes once, a margin before the access token expires, and stays signed in', async () => {
    const env = createHookEnv();
    const latest = await signedIn(env);
    const signedInAt = env.emulator.api.clock.now();
    const first = expiresAt(latest.view);
    const refreshedAt: number[] = [];
    // 13 minutes with 10-minute tokens, in 10 s steps (timers never run longer than 15 s).
    for (let t = 0; t < 780_000; t += 10_000) {
      const before = refreshes(env);
      await act(() => env.advance(10_000));
      if (refreshes(env) > before) refreshedAt.push(env.emulator.api.clock.now() - signedInAt);
    }
    // Due 60 s (the default margin) before expiry: the first 10 s step at or after 540 s.
    expect(refreshedAt).toEqual([(TOKEN_SECONDS - 60) * 1000]);
    expect(latest.view.status).toBe('signedIn');
    expect(expiresAt(latest.view)).toBeGreaterThan(first);
  });

  it('does nothing on its own when the schedule is off', async () => {
    const env = createHookEnv({ autoRefresh: false });
    const latest = await signedIn(env);
    env.emulator.api.clock.advance(TOKEN_SECONDS * 1000);
    window.dispatchEvent(new Event('online'));
    expect(env.timers.pending.size).toBe(0);
    expect(refreshes(env)).toBe(0);
    expect(latest.view.status).toBe('signedIn');
  });

  it('refreshes at once on wake from sleep (visibilitychange), however long the timers slept', async () => {
    const env = createHookEnv();
    const latest = await signedIn(env);
    // Asleep for two hours: no timer fired, the access token is long expired.
    env.emulator.api.clock.advance(2 * 3600_000);
    expect(refreshes(env)).toBe(0);
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
      await expect.poll(() => env.timers.pending.size).toBe(1);
    });
    expect(refreshes(env)).toBe(1);
    expect(latest.view.status).toBe('signedIn');
    expect(expiresAt(latest.view)).toBeGreaterThan(env.emulator.api.clock.now());
  });

  it('keeps the session through network errors, backing off, and recovers when online', async () => {
    const env = createHookEnv();
    const errors: unknown[] = [];
    const latest = await signedIn(env, errors);
    env.offline = true;
    await act(() => env.advance((TOKEN_SECONDS - 60) * 1000)); // due: fails, retry in 1 s
    await act(() => env.advance(1_000)); // fails again, retry in 2 s
    expect(errors.length).toBe(2);
    expect(errors.every((e) => isCognitoError(e, 'NetworkError'))).toBe(true);
    // The next retry waits out the backoff: nothing is due yet.
    const attempts = env.calls.length;
    await act(() => env.advance(1_000));
    expect(env.calls.length).toBe(attempts);
    expect(latest.view.status).toBe('signedIn');

    env.offline = false;
    const expired = expiresAt(latest.view);
    await act(async () => {
      window.dispatchEvent(new Event('online'));
      await env.advance(1_000);
    });
    expect(latest.view.status).toBe('signedIn');
    expect(expiresAt(latest.view)).toBeGreaterThan(expired);
    expect(errors.length).toBe(2);
  });

  it('refreshes at once when back online, without waiting out the backoff', async () => {
    const env = createHookEnv();
    const errors: unknown[] = [];
    const latest = await signedIn(env, errors);
    env.offline = true;
    await act(() => env.advance((TOKEN_SECONDS - 60) * 1000)); // due: fails, retry in 1 s
    await act(() => env.advance(1_000)); // fails, retry in 2 s
    await act(() => env.advance(2_000)); // fails, retry in 4 s
    expect(errors.length).toBe(3);
    const attempts = count(env.calls, 'InitiateAuth');

    env.offline = false;
    const expired = expiresAt(latest.view);
    await act(async () => {
      window.dispatchEvent(new Event('online')); // the clock does not move
      await expect.poll(() => count(env.calls, 'InitiateAuth')).toBe(attempts + 1);
      await expect.poll(() => env.timers.pending.size).toBe(1);
    });
    expect(latest.view.status).toBe('signedIn');
    expect(expiresAt(latest.view)).toBeGreaterThan(expired);
    expect(errors.length).toBe(3);
  });

  it('signs out with the reason when Cognito refuses the refresh token', async () => {
    const env = createHookEnv();
    const errors: unknown[] = [];
    const latest = await signedIn(env, errors);
    // Revoke the refresh token behind the app's back (as a sign-out elsewhere would).
    const refreshToken = internalsOf(latest.auth).session.current()?.tokens.refreshToken ?? '';
    await internalsOf(latest.auth).client.revokeToken({ Token: refreshToken });
    await act(() => env.advance((TOKEN_SECONDS - 60) * 1000, 0));
    await waitFor(() => expect(latest.view.status).toBe('signedOut'));
    const { state } = latest.view;
    expect(state.status === 'signedOut' && state.reason).toBe('refreshRejected');
    expect(latest.view.error?.code).toBe('NotAuthorizedException');
    // Ended, not retried: no timer left, and the definite error is not reported as a glitch.
    expect(env.timers.pending.size).toBe(0);
    expect(refreshes(env)).toBe(1);
  });
});
