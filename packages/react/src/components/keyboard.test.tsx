// Keyboard only, as a user without a mouse goes through sign-in and authenticator-app setup:
// Tab order, Enter to submit, and where focus lands after an error and after success. Against
// the emulator, with user-event (real key presses through the DOM's focus handling).
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.js';
import { EmulatorProvider, PASSWORD, USERS } from '../../test/emulator-env.js';
import { testEmulatorEnv } from '../../test/test-env.js';
import { SignIn } from './SignIn/SignIn.js';
import { TotpSetup } from './TotpSetup/TotpSetup.js';

const focused = () => document.activeElement;

describe('SignIn by keyboard', () => {
  it('tabs through the form in reading order, submits with Enter, refocuses the password after a refusal', async () => {
    const env = testEmulatorEnv();
    const user = userEvent.setup();
    const { container } = render(
      <EmulatorProvider env={env}>
        <SignIn onForgotPassword={() => {}} onSignUp={() => {}}>
          <p>Signed in.</p>
        </SignIn>
      </EmulatorProvider>,
    );
    const username = await screen.findByLabelText('Username');
    await waitFor(() => expect(focused()).toBe(username));
    const password = screen.getByLabelText('Password');
    const order = [
      password,
      screen.getByRole('button', { name: 'Show password' }),
      screen.getByRole('button', { name: 'Sign in' }),
      screen.getByRole('button', { name: 'Forgot your password?' }),
      screen.getByRole('button', { name: 'Create an account' }),
    ];
    for (const element of order) {
      await user.tab();
      expect(focused()).toBe(element);
    }
    // Back to the start, then type and press Enter in the password field.
    await user.tab({ shift: true });
    await user.tab({ shift: true });
    await user.tab({ shift: true });
    await user.tab({ shift: true });
    expect(focused()).toBe(password);
    await user.type(username, USERS.plain);
    await user.type(password, 'not-the-password{Enter}');
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    // Focus is on the field the error is about, which names the error.
    expect(focused()).toBe(password);
    const alert = screen.getAllByRole('alert').find((a) => a.textContent)!;
    expect(alert.textContent).toMatch(/Incorrect username or password/);
    expect(password.getAttribute('aria-describedby')?.split(' ')).toContain(alert.id);
    await expectNoAxeViolations(container);

    // Space on the toggle shows what was typed; the name stays, the state is announced.
    await user.tab();
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Show password' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(password.getAttribute('type')).toBe('text');
    await user.tab({ shift: true });
    await user.clear(password);
    await user.type(password, `${PASSWORD}{Enter}`);
    // The demo pool tracks devices: its question comes with focus on its first button.
    const notNow = await screen.findByRole('button', { name: 'Not now' }, { timeout: 10_000 });
    await waitFor(() =>
      expect(focused()).toBe(screen.getByRole('button', { name: 'Remember this device' })),
    );
    await user.tab();
    expect(focused()).toBe(notNow);
    await user.keyboard('{Enter}');
    await screen.findByText('Signed in.', {}, { timeout: 10_000 });
  });
});

describe('TotpSetup by keyboard', () => {
  it('starts at the title, then QR, key, Copy, code; refocuses the code after a wrong one; collapses after success', async () => {
    const env = testEmulatorEnv();
    await env.auth.start();
    const state = await env.auth.signIn({ username: USERS.plain, password: PASSWORD });
    if (state.status === 'rememberDevice') await env.auth.rememberDevice(false);
    const user = userEvent.setup();
    const { container } = render(
      <EmulatorProvider env={env}>
        <TotpSetup />
      </EmulatorProvider>,
    );
    const start = await screen.findByRole('button', { name: 'Set up an authenticator app' });
    await user.tab();
    expect(focused()).toBe(start);
    await user.keyboard('{Enter}');
    await screen.findByRole('img', { name: /QR code/ }, { timeout: 5000 });

    // Focus starts on the title, above the QR code and key: nothing is skipped.
    const title = screen.getByRole('heading', { name: 'Set up an authenticator app' });
    await waitFor(() => expect(focused()).toBe(title));
    const copy = screen.getByRole('button', { name: 'Copy: Setup key' });
    const code = screen.getByLabelText('Code');
    const qrAfterTitle = title.compareDocumentPosition(
      screen.getByRole('img', { name: /QR code/ }),
    );
    expect(qrAfterTitle & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.tab();
    expect(focused()).toBe(copy);
    await user.tab();
    expect(focused()).toBe(code);
    await expectNoAxeViolations(container);

    await user.type(code, '000000{Enter}');
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    expect(focused()).toBe(code);

    const secret = (container.querySelector('code')?.textContent ?? '').replace(/\s/g, '');
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    await user.clear(code);
    await user.type(code, `${totp.generate({ timestamp: env.emulator.api.clock.now() })}{Enter}`);
    await screen.findByText('Your authenticator app is set up.', {}, { timeout: 5000 });
    // The secret is gone from the screen, and focus is back on the title above the message.
    expect(screen.queryByRole('img', { name: /QR code/ })).toBeNull();
    expect(container.querySelector('code')).toBeNull();
    expect(focused()).toBe(screen.getByRole('heading', { name: 'Set up an authenticator app' }));
    await expectNoAxeViolations(container);
  });
});
