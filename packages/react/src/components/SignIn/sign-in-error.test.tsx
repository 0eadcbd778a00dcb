// Which failure <SignIn>'s form shows when it comes back: the one a sign-in left behind, except
// those the app takes over through a callback. Against the emulator, with user-event.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { EmulatorProvider, PASSWORD, USERS } from '../../../test/emulator-env.js';
import { testEmulatorEnv } from '../../../test/test-env.js';
import { SignIn, type SignInProps } from './SignIn.js';

async function signInAs(username: string, props: SignInProps) {
  const env = testEmulatorEnv();
  render(
    <EmulatorProvider env={env}>
      <SignIn {...props} />
    </EmulatorProvider>,
  );
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), PASSWORD);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return env;
}

const alertText = () =>
  screen
    .getAllByRole('alert')
    .map((a) => a.textContent)
    .join(' ');

describe('<SignIn> errors', () => {
  it('confirms an unconfirmed account itself when the app has no callback, then signs in', async () => {
    const env = await signInAs(USERS.unconfirmed, { children: <p>Welcome</p> });
    await screen.findByRole('heading', { name: 'Confirm your account' });
    const user = userEvent.setup();
    // The code from sign-up may be long gone: ask for a new one, as the user would.
    await user.click(screen.getByRole('button', { name: 'Send a new code' }));
    await screen.findByText('A new code is on its way.');
    const code = env.emulator.api.outbox.lastCode(USERS.unconfirmed) ?? '';
    await user.type(screen.getByLabelText('Code'), code);
    await user.keyboard('{Enter}');
    // Back on sign-in: it says so, and the username is filled in.
    await screen.findByText('Account confirmed');
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe(USERS.unconfirmed);
    expect(screen.queryAllByRole('alert').some((a) => a.textContent)).toBe(false);
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.keyboard('{Enter}');
    // The demo pool tracks devices: its question comes last.
    await screen.findByRole('heading', { name: 'Remember this device?' }, { timeout: 10_000 });
    await user.click(screen.getByRole('button', { name: 'Not now' }));
    await screen.findByText('Welcome', {}, { timeout: 10_000 });
  });

  it('leaves UserNotConfirmed to onUserNotConfirmed, without an error on the form', async () => {
    const called: string[] = [];
    const env = await signInAs(USERS.unconfirmed, { onUserNotConfirmed: (u) => called.push(u) });
    await waitFor(() => expect(called).toEqual([USERS.unconfirmed]));
    // The sign-in did fail with that code; the form just does not repeat it.
    expect(env.auth.getSnapshot()).toMatchObject({
      status: 'signedOut',
      error: { code: 'UserNotConfirmedException' },
    });
    expect(alertText()).toBe('');
  });
});
