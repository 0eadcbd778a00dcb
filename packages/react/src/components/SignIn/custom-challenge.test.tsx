// <SignIn> through passwordless CUSTOM_AUTH against the emulator's declarative custom auth, the
// way a user meets it: typed with user-event, read through roles and labels, checked with axe.
import { createCognitoAuth, memoryStorage } from '@cognito-kit/core';
import { createEmulator } from '@cognito-kit/emulator';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../../test/axe.js';
import {
  CUSTOM_ANSWER,
  CUSTOM_AUTH_POOL,
  CUSTOM_QUESTION,
  ENDPOINT,
  EmulatorProvider,
  USERS,
  type EmulatorEnv,
} from '../../../test/emulator-env.js';
import { testEmulatorEnv } from '../../../test/test-env.js';
import { de } from '../../messages/de.js';
import { MessagesProvider } from '../../messages/MessagesProvider.js';
import { SignIn, type SignInProps } from './SignIn.js';

const question = (p: Readonly<Record<string, string>>) => p['question'];

function renderSignIn(env: EmulatorEnv, props: SignInProps = {}, locale: 'en' | 'de' = 'en') {
  const signIn = (
    <SignIn passwordless describeCustomChallenge={question} {...props}>
      <p role="status">Signed in.</p>
    </SignIn>
  );
  const { container } = render(
    <EmulatorProvider env={env}>
      {locale === 'de' ? <MessagesProvider messages={de}>{signIn}</MessagesProvider> : signIn}
    </EmulatorProvider>,
  );
  return { container, user: userEvent.setup() };
}

const alertText = () =>
  screen
    .getAllByRole('alert')
    .map((a) => a.textContent)
    .join(' ');

async function answer(user: ReturnType<typeof userEvent.setup>, label: string, text: string) {
  const field = screen.getByLabelText(label);
  await user.clear(field);
  await user.type(field, text);
}

describe('<SignIn passwordless> with a custom challenge', () => {
  it('announces a wrong answer and keeps the question, then signs in with the right one', async () => {
    const env = testEmulatorEnv(CUSTOM_AUTH_POOL);
    const { container, user } = renderSignIn(env);
    await user.type(await screen.findByLabelText('Username'), USERS.custom);
    expect(screen.queryByLabelText('Password')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByRole('heading', { name: 'Answer the challenge' });
    expect(screen.getByText(CUSTOM_QUESTION)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Answer')));
    await expectNoAxeViolations(container);

    await answer(user, 'Answer', 'green');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(alertText()).toMatch(/That answer was not accepted/));
    const field = screen.getByLabelText('Answer');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    // The field points at the announcement, so a screen reader reads it with the field.
    const described = field.getAttribute('aria-describedby') ?? '';
    const alert = screen.getAllByRole('alert').find((a) => a.textContent !== '');
    expect(alert && described.split(' ')).toContain(alert?.id);
    expect(screen.getByText(CUSTOM_QUESTION)).toBeTruthy();
    expect(env.auth.getSnapshot().status).toBe('challenge');
    await expectNoAxeViolations(container);

    await answer(user, 'Answer', CUSTOM_ANSWER);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Signed in.'));
    const snapshot = env.auth.getSnapshot();
    expect(snapshot.status === 'signedIn' && snapshot.user.username).toBe(USERS.custom);
  });

  it('says in German that the answer was not accepted', async () => {
    const env = testEmulatorEnv(CUSTOM_AUTH_POOL);
    const { container, user } = renderSignIn(env, {}, 'de');
    await user.type(await screen.findByLabelText('Benutzername'), USERS.custom);
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));
    await screen.findByRole('heading', { name: 'Frage beantworten' });
    await answer(user, 'Antwort', 'grün');
    await user.click(screen.getByRole('button', { name: 'Weiter' }));
    await waitFor(() => expect(alertText()).toMatch(/Diese Antwort wurde nicht angenommen/));
    await expectNoAxeViolations(container);
  });

  it('shows why the sign-in ended when the last allowed answer is wrong', async () => {
    const env = testEmulatorEnv(CUSTOM_AUTH_POOL);
    const { container, user } = renderSignIn(env);
    await user.type(await screen.findByLabelText('Username'), USERS.custom);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { name: 'Answer the challenge' });
    for (const wrong of ['green', 'grey', 'red']) {
      await answer(user, 'Answer', wrong);
      await user.click(screen.getByRole('button', { name: 'Continue' }));
      if (wrong !== 'red') await waitFor(() => expect(alertText()).toMatch(/not accepted/));
    }
    await screen.findByRole('heading', { name: 'Sign in' });
    // Worded for a passwordless sign-in: nothing about a password the user never typed.
    await waitFor(() => expect(alertText()).toMatch(/could not sign you in with those answers/));
    expect(alertText()).not.toMatch(/password/i);
    await expectNoAxeViolations(container);
  });

  it('leads back to the sign-in form from the question', async () => {
    const env = testEmulatorEnv(CUSTOM_AUTH_POOL);
    const { container, user } = renderSignIn(env);
    await user.type(await screen.findByLabelText('Username'), USERS.custom);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { name: 'Answer the challenge' });
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(env.auth.getSnapshot().status).toBe('signedOut');
  });

  it('gives each new question of a chain a fresh form (no refusal, empty field)', async () => {
    const poolId = 'us-east-1_KitChain01';
    const clientId = 'kitchainclient000000000001';
    const emulator = createEmulator({
      pools: [
        {
          id: poolId,
          customAuth: {
            challenges: [
              { answer: 'blue', publicParameters: { question: 'Sky colour?' } },
              { answer: 'four', publicParameters: { question: 'Legs of a cat?' } },
            ],
          },
          clients: [{ id: clientId, explicitAuthFlows: ['ALLOW_CUSTOM_AUTH'] }],
          users: [{ username: 'chad' }],
        },
      ],
    });
    const auth = createCognitoAuth({
      endpoint: ENDPOINT,
      userPoolId: poolId,
      clientId,
      authFlow: 'CUSTOM_AUTH',
      fetch: emulator.fetch,
      storage: memoryStorage(),
    });
    const { user } = renderSignIn({ emulator, auth, poolId });
    await user.type(await screen.findByLabelText('Username'), 'chad');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Sky colour?');
    await answer(user, 'Answer', 'blue');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    await screen.findByText('Legs of a cat?');
    const field = screen.getByLabelText('Answer') as HTMLInputElement;
    expect(field.value).toBe('');
    expect(field.getAttribute('aria-invalid')).toBeNull();
    expect(alertText()).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(field));
    await answer(user, 'Answer', 'four');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Signed in.'));
  });
});
