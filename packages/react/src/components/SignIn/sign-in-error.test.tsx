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
  it('shows UserNotConfirmed when the app has no callback for it', async () => {
    await signInAs(USERS.unconfirmed, {});
    await waitFor(() => expect(alertText()).toMatch(/not confirmed/));
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
