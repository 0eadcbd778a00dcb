import { createCognitoAuth, type CognitoAuth } from '@cognito-kit/core';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { count, createHookEnv, PASSWORD } from '../../test/hooks-env.js';
import { useAuth, type AuthView } from '../hooks/useAuth.js';
import { useChangePassword } from '../hooks/useChangePassword.js';
import { useDevices } from '../hooks/useDevices.js';
import { useMfa } from '../hooks/useMfa.js';
import { usePasswordReset } from '../hooks/usePasswordReset.js';
import { useSignUp } from '../hooks/useSignUp.js';
import { useUser } from '../hooks/useUser.js';
import { CognitoProvider } from './CognitoProvider.js';
import { useCognitoAuth } from './context.js';

describe('hooks outside <CognitoProvider>', () => {
  const hooks: Record<string, () => unknown> = {
    useAuth: () => useAuth(),
    useCognitoAuth,
    useUser,
    useMfa: () => useMfa(),
    useDevices,
    useSignUp,
    usePasswordReset,
    useChangePassword,
  };
  for (const [name, hook] of Object.entries(hooks)) {
    it(`${name} throws a sentence naming the fix`, () => {
      // React logs the render error; the assertion is on what is thrown.
      expect(() => renderHook(hook)).toThrow(
        `${name}() was called outside <CognitoProvider>: wrap your app`,
      );
    });
  }
});

function probe() {
  const latest: { view: AuthView | null; auth: CognitoAuth | null; client: QueryClient | null } = {
    view: null,
    auth: null,
    client: null,
  };
  function Probe() {
    latest.view = useAuth();
    latest.auth = useCognitoAuth();
    latest.client = useQueryClient();
    return null;
  }
  return { latest, Probe };
}

describe('CognitoProvider', () => {
  it('under StrictMode creates one auth object, signs in once, leaks no timer and disposes it on unmount', async () => {
    const env = createHookEnv();
    const { latest, Probe } = probe();
    const seen = new Set<CognitoAuth>();
    function Collect() {
      seen.add(useCognitoAuth());
      return null;
    }
    const view = render(
      <StrictMode>
        <CognitoProvider config={env.config}>
          <Probe />
          <Collect />
        </CognitoProvider>
      </StrictMode>,
    );
    await waitFor(() => expect(latest.view?.status).toBe('signedOut'));
    await act(() => latest.view!.signIn({ username: 'alice', password: PASSWORD }));
    expect(latest.view?.status).toBe('signedIn');
    expect(seen.size).toBe(1);
    expect(count(env.calls, 'InitiateAuth')).toBe(1);
    expect(count(env.calls, 'RespondToAuthChallenge')).toBe(1);
    // Two effect runs, one scheduler: exactly one timer (the refresh check).
    expect(env.timers.pending.size).toBe(1);
    await act(() => latest.view!.signOut());
    const auth = latest.auth!;
    view.unmount();
    await Promise.resolve();
    expect(env.timers.pending.size).toBe(0);
    await expect(auth.signIn({ username: 'alice', password: PASSWORD })).rejects.toThrow(
      /disposed/,
    );
  });

  it('does not dispose an auth object it was given', async () => {
    const env = createHookEnv();
    const auth = createCognitoAuth(env.config);
    const { latest, Probe } = probe();
    const view = render(
      <CognitoProvider auth={auth}>
        <Probe />
      </CognitoProvider>,
    );
    await waitFor(() => expect(latest.view?.status).toBe('signedOut'));
    view.unmount();
    await Promise.resolve();
    await expect(auth.signIn({ username: 'alice', password: PASSWORD })).resolves.toMatchObject({
      status: 'signedIn',
    });
    auth.dispose();
  });

  it("uses the app's QueryClient when there is one above it, its own otherwise", async () => {
    const env = createHookEnv();
    const auth = createCognitoAuth(env.config);
    const appClient = new QueryClient();
    const inner = probe();
    render(
      <QueryClientProvider client={appClient}>
        <CognitoProvider auth={auth}>
          <inner.Probe />
        </CognitoProvider>
      </QueryClientProvider>,
    );
    expect(inner.latest.client).toBe(appClient);

    const alone = probe();
    render(
      <CognitoProvider auth={auth}>
        <alone.Probe />
      </CognitoProvider>,
    );
    expect(alone.latest.client).toBeInstanceOf(QueryClient);
    expect(alone.latest.client).not.toBe(appClient);
    auth.dispose();
  });
});
