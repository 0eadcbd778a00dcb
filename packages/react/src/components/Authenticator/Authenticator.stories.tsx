import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { PASSWORD, USERS } from '../../../test/emulator-env.js';
import {
  emulatorLoader,
  envOf,
  expectScreen,
  submitCode,
  submitSignIn,
  withEmulator,
} from '../../../test/story-support.js';
import { Authenticator } from './Authenticator.js';

const meta = {
  title: 'Components/Authenticator',
  component: Authenticator,
  loaders: [emulatorLoader()],
  decorators: [withEmulator],
  args: { children: <p role="status">Welcome back.</p> },
} satisfies Meta<typeof Authenticator>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expectScreen(canvasElement, 'Sign in');
  },
};

export const ToSignUpAndBack: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Create an account' }));
    await expectScreen(canvasElement, 'Create an account');
    await expect(document.activeElement).toBe(canvas.getByLabelText('Username'));
    await userEvent.click(canvas.getByRole('button', { name: 'Back to sign in' }));
    await expectScreen(canvasElement, 'Sign in');
  },
};

export const ToForgotPassword: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(
      await within(canvasElement).findByRole('button', { name: 'Forgot your password?' }),
    );
    await expectScreen(canvasElement, 'Reset your password');
  },
};

/** An unconfirmed user is routed to confirmation instead of seeing an error. */
export const UnconfirmedGoesToConfirm: Story = {
  play: async ({ canvasElement }) => {
    await submitSignIn(canvasElement, USERS.unconfirmed);
    await expectScreen(canvasElement, 'Confirm your account');
  },
};

export const ChallengeThenBack: Story = {
  play: async ({ canvasElement }) => {
    await submitSignIn(canvasElement, USERS.totp);
    await expectScreen(canvasElement, 'Enter your code');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Back to sign in' }));
    await expectScreen(canvasElement, 'Sign in');
  },
};

/**
 * The pool tracks devices, so Cognito's answer carries a new device key and the question follows
 * sign-in; "Not now" goes on to the app.
 */
export const SignedIn: Story = {
  play: async ({ canvasElement }) => {
    await submitSignIn(canvasElement, USERS.plain);
    await expectScreen(canvasElement, 'Remember this device?');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Not now' }));
    await within(canvasElement).findByText('Welcome back.', {}, { timeout: 5000 });
  },
};

/** Sign-up, the e-mailed code, then sign-in with "Your account is confirmed" and the username filled in. */
export const ConfirmedSignUpLandsOnSignIn: Story = {
  play: async (context) => {
    const { canvasElement } = context;
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Create an account' }));
    await userEvent.type(await canvas.findByLabelText('Username'), 'newbie');
    await userEvent.type(canvas.getByLabelText('Password'), PASSWORD);
    await userEvent.type(canvas.getByLabelText('Email'), 'newbie@example.com');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign up' }));
    await expectScreen(canvasElement, 'Confirm your account');
    await submitCode(canvasElement, envOf(context).emulator.api.outbox.lastCode('newbie') ?? '');
    await expectScreen(canvasElement, 'Sign in');
    // A tinted callout headed "Account confirmed".
    await expect(canvas.getByRole('status').textContent).toBe(
      'Account confirmedYour account is confirmed. Sign in to continue.',
    );
    await expect((canvas.getByLabelText('Username') as HTMLInputElement).value).toBe('newbie');
  },
};
