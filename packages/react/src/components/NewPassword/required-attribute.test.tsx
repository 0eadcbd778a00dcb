// The new-password step of <SignIn> in a pool that requires `name`, for a user an administrator
// created without it: the step asks for the name, refuses to go on without it, then signs in.
// Against the emulator, typed with user-event, checked with axe.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../../test/axe.js';
import {
  EmulatorProvider,
  PASSWORD,
  REQUIRED_NAME_POOL,
  USERS,
} from '../../../test/emulator-env.js';
import { testEmulatorEnv } from '../../../test/test-env.js';
import { SignIn } from '../SignIn/SignIn.js';

const NEW_PASSWORD = 'Br4nd-new-Passw0rd!';

async function reachNewPasswordStep() {
  const env = testEmulatorEnv(REQUIRED_NAME_POOL);
  const { container } = render(
    <EmulatorProvider env={env}>
      <SignIn>
        <p role="status">Signed in.</p>
      </SignIn>
    </EmulatorProvider>,
  );
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Username'), USERS.missingName);
  await user.type(screen.getByLabelText('Password'), PASSWORD);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByRole('heading', { name: 'Choose a new password' });
  return { env, container, user };
}

describe('<SignIn> new-password step with a required attribute', () => {
  it('shows a labelled name field that browsers can fill', async () => {
    const { container } = await reachNewPasswordStep();
    const name = screen.getByLabelText('Full name');
    expect(name.getAttribute('autocomplete')).toBe('name');
    expect(name.getAttribute('type')).toBe('text');
    expect(name.hasAttribute('required')).toBe(true);
    // Only the missing attribute is asked for; the user already has an e-mail address.
    expect(screen.queryByLabelText('Email')).toBeNull();
    expect(screen.getByRole('button', { name: 'Back to sign in' })).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('refuses to submit without the name, then signs in once it is given', async () => {
    const { env, container, user } = await reachNewPasswordStep();
    await user.type(screen.getByLabelText('New password'), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    const name = screen.getByLabelText('Full name');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(document.activeElement).toBe(name);
    const message = screen.getByText('Fill in this field.');
    expect(name.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    // Nothing was sent: the challenge is still pending and the emulator's user unchanged.
    expect(env.auth.getSnapshot().status).toBe('challenge');
    expect(env.emulator.api.getUser(env.poolId, USERS.missingName)?.status).toBe(
      'FORCE_CHANGE_PASSWORD',
    );
    await expectNoAxeViolations(container);

    await user.type(name, 'Nora Example');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Signed in.'));
    const snapshot = env.auth.getSnapshot();
    expect(snapshot.status === 'signedIn' && snapshot.user.claims['name']).toBe('Nora Example');
    expect(env.emulator.api.getUser(env.poolId, USERS.missingName)).toMatchObject({
      status: 'CONFIRMED',
      attributes: { name: 'Nora Example' },
    });
  });
});
