// What a new user tripped over, against the emulator with user-event and axe: the password policy
// listed and checked as the user types, a refusal that names the broken rule, e-mail and phone
// formats checked before sending, an optional repeated password, and a confirmed sign-up landing
// on sign-in with the username filled in.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.js';
import { EmulatorProvider, PASSWORD, STATED_POLICY } from '../../test/emulator-env.js';
import { testEmulatorEnv } from '../../test/test-env.js';
import { de } from '../messages/de.js';
import { MessagesProvider } from '../messages/MessagesProvider.js';
import { Authenticator } from './Authenticator/Authenticator.js';
import { PasswordSettings } from './PasswordSettings.js';
import { SignUp } from './SignUp/SignUp.js';

function renderWith(children: ReactNode) {
  const env = testEmulatorEnv();
  const view = render(<EmulatorProvider env={env}>{children}</EmulatorProvider>);
  return { env, ...view, user: userEvent.setup() };
}

/** Each rule of the list with its state: `[text, 'met' | 'unmet']`. */
function rulesShown() {
  return within(screen.getByRole('list'))
    .getAllByRole('listitem')
    .map((li) => [li.firstChild?.textContent, li.getAttribute('data-state')]);
}

describe('password rules from the policy', () => {
  it('reads the policy from the auth config when no PasswordSettings states one', async () => {
    const env = testEmulatorEnv(undefined, {
      passwordPolicy: { minimumLength: 12, requireNumbers: true },
    });
    const user = userEvent.setup();
    const { container } = render(
      <EmulatorProvider env={env}>
        <SignUp attributes={['email']} />
      </EmulatorProvider>,
    );
    const password = await screen.findByLabelText('Password');
    expect(rulesShown()).toEqual([
      ['at least 12 characters', 'unmet'],
      ['a number', 'unmet'],
    ]);
    await user.type(password, 'abc1');
    expect(rulesShown().map(([, state]) => state)).toEqual(['unmet', 'met']);
    await expectNoAxeViolations(container);
  });

  it('lists the rules, checks them as the user types, and sends nothing while one is broken', async () => {
    const { env, user, container } = renderWith(
      <PasswordSettings policy={STATED_POLICY}>
        <SignUp attributes={['email']} />
      </PasswordSettings>,
    );
    const password = await screen.findByLabelText('Password');
    expect(rulesShown()).toEqual([
      ['at least 10 characters', 'unmet'],
      ['a lowercase letter', 'unmet'],
      ['an uppercase letter', 'unmet'],
      ['a number', 'unmet'],
      ['a symbol, such as ! or %', 'unmet'],
    ]);
    // The list describes the field, so it is read with it.
    const listId = screen.getByRole('list').parentElement?.id ?? '';
    expect(password.getAttribute('aria-describedby')?.split(' ')).toContain(listId);
    await expectNoAxeViolations(container);

    await user.type(password, 'abcD3');
    expect(rulesShown().map(([, state]) => state)).toEqual(['unmet', 'met', 'met', 'met', 'unmet']);

    await user.type(screen.getByLabelText('Username'), 'newbie');
    await user.type(screen.getByLabelText('Email'), 'newbie@example.com');
    await user.click(screen.getByRole('button', { name: 'Sign up' }));
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    // The error names the rules still missing, and the field points at it.
    const error = screen.getByText(
      'Your password needs: at least 10 characters, a symbol, such as ! or %',
    );
    expect(password.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    expect(document.activeElement).toBe(password);
    expect(env.emulator.api.getUser(env.poolId, 'newbie')).toBeUndefined();
    await expectNoAxeViolations(container);

    await user.type(password, 'efgh!');
    expect(rulesShown().every(([, state]) => state === 'met')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Sign up' }));
    await screen.findByRole('heading', { name: 'Confirm your account' });
    expect(env.emulator.api.getUser(env.poolId, 'newbie')?.status).toBe('UNCONFIRMED');
  });

  it("names the rule Cognito refused when the app gave no policy (in the user's language)", async () => {
    const { env, user } = renderWith(
      <MessagesProvider messages={de}>
        <SignUp attributes={['email']} />
      </MessagesProvider>,
    );
    await user.type(await screen.findByLabelText('Benutzername'), 'newbie');
    await user.type(screen.getByLabelText('Passwort'), 'password');
    await user.type(screen.getByLabelText('E-Mail'), 'newbie@example.com');
    await user.click(screen.getByRole('button', { name: 'Registrieren' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Dieses Passwort braucht einen Großbuchstaben.',
      ),
    );
    expect(env.emulator.api.getUser(env.poolId, 'newbie')).toBeUndefined();
  });
});

describe('fields checked before sending', () => {
  it('marks a malformed e-mail address and phone number, then sends the corrected ones', async () => {
    const { env, user, container } = renderWith(<SignUp attributes={['email', 'phone_number']} />);
    await user.type(await screen.findByLabelText('Username'), 'newbie');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    const email = screen.getByLabelText('Email');
    const phone = screen.getByLabelText('Phone number');
    expect(email.getAttribute('type')).toBe('email');
    expect(phone.getAttribute('type')).toBe('tel');
    await user.type(email, 'newbie.example.com');
    await user.type(phone, '0151 1234567');
    await user.click(screen.getByRole('button', { name: 'Sign up' }));
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    const message = (input: HTMLElement) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' ');
    expect(message(email)).toBe('Enter an email address such as name@example.com.');
    expect(message(phone)).toBe(
      'Enter the number with + and the country code, digits only, such as +4915112345678.',
    );
    expect(document.activeElement).toBe(email);
    expect(env.emulator.api.getUser(env.poolId, 'newbie')).toBeUndefined();
    await expectNoAxeViolations(container);

    await user.clear(email);
    await user.type(email, 'newbie@example.com');
    await user.clear(phone);
    await user.type(phone, '+491511234567');
    await user.click(screen.getByRole('button', { name: 'Sign up' }));
    await screen.findByRole('heading', { name: 'Confirm your account' });
    expect(env.emulator.api.getUser(env.poolId, 'newbie')?.attributes).toMatchObject({
      email: 'newbie@example.com',
      phone_number: '+491511234567',
    });
  });

  it('asks for the password twice when the settings say so, and refuses a mismatch', async () => {
    const { env, user, container } = renderWith(
      <PasswordSettings confirm>
        <SignUp attributes={['email']} />
      </PasswordSettings>,
    );
    await user.type(await screen.findByLabelText('Username'), 'newbie');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    const repeated = screen.getByLabelText('Repeat the password');
    expect(repeated.getAttribute('autocomplete')).toBe('new-password');
    await user.type(repeated, `${PASSWORD}x`);
    await user.type(screen.getByLabelText('Email'), 'newbie@example.com');
    await user.click(screen.getByRole('button', { name: 'Sign up' }));
    await waitFor(() => expect(repeated.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('The passwords do not match.')).toBeTruthy();
    expect(env.emulator.api.getUser(env.poolId, 'newbie')).toBeUndefined();
    await expectNoAxeViolations(container);
    await user.clear(repeated);
    await user.type(repeated, PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign up' }));
    await screen.findByRole('heading', { name: 'Confirm your account' });
  });
});

describe('<Authenticator> after a confirmed sign-up', () => {
  it('lands on sign-in saying it worked, with the username filled in, and signs in', async () => {
    const { env, user, container } = renderWith(
      <Authenticator>
        <p role="status">Signed in.</p>
      </Authenticator>,
    );
    await user.click(await screen.findByRole('button', { name: 'Create an account' }));
    await user.type(await screen.findByLabelText('Username'), 'newbie');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.type(screen.getByLabelText('Email'), 'newbie@example.com');
    await user.click(screen.getByRole('button', { name: 'Sign up' }));
    await user.type(
      await screen.findByLabelText('Code'),
      env.emulator.api.outbox.lastCode('newbie') ?? '',
    );
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    await screen.findByRole('heading', { name: 'Sign in' });
    // A tinted callout headed "Account confirmed".
    expect(screen.getByRole('status').textContent).toBe(
      'Account confirmedYour account is confirmed. Sign in to continue.',
    );
    const username = screen.getByLabelText('Username') as HTMLInputElement;
    expect(username.value).toBe('newbie');
    await expectNoAxeViolations(container);

    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.click(await screen.findByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Signed in.'));
  });
});
