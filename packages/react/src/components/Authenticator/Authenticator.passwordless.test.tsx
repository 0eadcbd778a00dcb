// <Authenticator passwordless> hands its sign-in props to <SignIn>: a passwordless CUSTOM_AUTH
// sign-in against the emulator's declarative custom auth, ending on the signed-in children.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../../test/axe.js';
import {
  CUSTOM_ANSWER,
  CUSTOM_AUTH_POOL,
  CUSTOM_QUESTION,
  EmulatorProvider,
  USERS,
} from '../../../test/emulator-env.js';
import { testEmulatorEnv } from '../../../test/test-env.js';
import { Authenticator } from './Authenticator.js';

describe('<Authenticator passwordless>', () => {
  it('signs in through a custom challenge without asking for a password', async () => {
    const env = testEmulatorEnv(CUSTOM_AUTH_POOL);
    const user = userEvent.setup();
    const { container } = render(
      <EmulatorProvider env={env}>
        <Authenticator
          signIn={{ passwordless: true, describeCustomChallenge: (p) => p['question'] }}
        >
          <p role="status">Signed in.</p>
        </Authenticator>
      </EmulatorProvider>,
    );
    await user.type(await screen.findByLabelText('Username'), USERS.custom);
    expect(screen.queryByLabelText('Password')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { name: 'Answer the challenge' });
    expect(screen.getByText(CUSTOM_QUESTION)).toBeTruthy();
    await expectNoAxeViolations(container);
    await user.type(screen.getByLabelText('Answer'), CUSTOM_ANSWER);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Signed in.'));
  });
});
