import { createCognitoAuth, isCognitoError, type CognitoAuth } from '@cognito-kit/core';
import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createHookEnv, PASSWORD } from '../../test/hooks-env.js';
import { CognitoProvider } from '../provider/CognitoProvider.js';
import { useAuth, type AuthView } from './useAuth.js';

function setup() {
  const env = createHookEnv();
  const auth = createCognitoAuth(env.config);
  const renders = { status: 0, email: 0, full: 0 };
  const latest: { view: AuthView | null } = { view: null };
  function StatusOnly() {
    renders.status += 1;
    return <p data-testid="status">{useAuth((a) => a.status)}</p>;
  }
  function EmailOnly() {
    renders.email += 1;
    return <p data-testid="email">{useAuth((a) => a.user?.email ?? '-')}</p>;
  }
  function Full() {
    renders.full += 1;
    latest.view = useAuth();
    return null;
  }
  render(
    <CognitoProvider auth={auth}>
      <StatusOnly />
      <EmailOnly />
      <Full />
    </CognitoProvider>,
  );
  return { env, auth, renders, latest: latest as { view: AuthView } };
}

async function signedInSetup() {
  const s = setup();
  await waitFor(() => expect(s.latest.view.status).toBe('signedOut'));
  await act(() => s.latest.view.signIn({ username: 'alice', password: PASSWORD }));
  return s;
}

describe('useAuth', () => {
  it('gives the view of the core snapshot: user claims once signed in', async () => {
    const { latest, auth } = await signedInSetup();
    expect(latest.view.state).toBe(auth.getSnapshot());
    expect(latest.view.user?.email).toBe('alice@example.com');
    expect(latest.view.user?.['cognito:username']).toBe('alice');
    expect(latest.view.error).toBeNull();
    expect(screen.getByTestId('email').textContent).toBe('alice@example.com');
  });

  it('does not re-render a status selector on a token refresh, but the full view does', async () => {
    const { renders, auth, latest } = await signedInSetup();
    const before = { ...renders };
    const previous = latest.view;
    await act(() => auth.getAccessToken({ forceRefresh: true }));
    await waitFor(() => expect(latest.view).not.toBe(previous));
    expect(latest.view.status).toBe('signedIn');
    expect(renders.full).toBeGreaterThan(before.full);
    expect(renders.status).toBe(before.status);
    expect(renders.email).toBe(before.email); // same string, selected again
  });

  it('rejects a wrong password with a CognitoError and keeps it as `error`', async () => {
    const { latest } = setup();
    await waitFor(() => expect(latest.view.status).toBe('signedOut'));
    let thrown: unknown;
    await act(async () => {
      thrown = await latest.view.signIn({ username: 'alice', password: 'wrong' }).catch((e) => e);
    });
    expect(isCognitoError(thrown, 'NotAuthorizedException')).toBe(true);
    expect(latest.view.status).toBe('signedOut');
    expect(latest.view.error?.code).toBe('NotAuthorizedException');
  });

  it('exposes the challenge and isPending while an answer is on its way', async () => {
    const { latest, env } = setup();
    await waitFor(() => expect(latest.view.status).toBe('signedOut'));
    await act(() => latest.view.signIn({ username: 'sam', password: PASSWORD }));
    expect(latest.view.status).toBe('challenge');
    expect(latest.view.challenge?.name).toBe('SMS_MFA');
    expect(latest.view.isPending).toBe(false);
    const release = env.hold('RespondToAuthChallenge');
    const code = env.emulator.api.outbox.lastCode('sam') ?? '';
    let answered: Promise<unknown> = Promise.resolve();
    act(() => {
      answered = latest.view.answerChallenge({ name: 'SMS_MFA', code });
    });
    await waitFor(() => expect(latest.view.isPending).toBe(true));
    release();
    await act(() => answered);
    expect(latest.view.status).toBe('signedIn');
    expect(latest.view.isPending).toBe(false);
    expect(latest.view.challenge).toBeNull();
  });

  it('narrows `state` by `status` (type-level)', async () => {
    const { latest } = await signedInSetup();
    const view = latest.view;
    // Compiles only because AuthView is a union on status.
    const user = view.status === 'signedIn' ? view.state.user.username : null;
    expect(user).toBe('alice');
  });
});

export type { CognitoAuth };
