import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { USERS } from '../../../test/emulator-env.js';
import {
  emulatorLoader,
  envOf,
  expectAlert,
  expectScreen,
  withEmulator,
} from '../../../test/story-support.js';
import { ForgotPassword } from './ForgotPassword.js';

const meta = {
  title: 'Components/ForgotPassword',
  component: ForgotPassword,
  loaders: [emulatorLoader()],
  decorators: [withEmulator],
  args: { onSignIn: () => {} },
} satisfies Meta<typeof ForgotPassword>;

export default meta;
type Story = StoryObj<typeof meta>;

const NEW_PASSWORD = 'Fresh-Passw0rd!';

async function requestCode(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.type(await canvas.findByLabelText('Username'), USERS.plain);
  await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
  await expectScreen(canvasElement, 'Choose a new password');
}

async function submitReset(canvasElement: HTMLElement, code: string) {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByLabelText('Code'), code);
  await userEvent.type(canvas.getByLabelText('New password'), NEW_PASSWORD);
  await userEvent.click(canvas.getByRole('button', { name: 'Reset password' }));
}

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expectScreen(canvasElement, 'Reset your password');
  },
};

export const CodeSent: Story = {
  play: async ({ canvasElement }) => {
    await requestCode(canvasElement);
    await expect(document.activeElement).toBe(within(canvasElement).getByLabelText('Code'));
  },
};

export const WrongCode: Story = {
  play: async (context) => {
    await requestCode(context.canvasElement);
    const sent = envOf(context).emulator.api.outbox.lastCode(USERS.plain) ?? '';
    await submitReset(
      context.canvasElement,
      String((Number(sent) + 1) % 1_000_000).padStart(6, '0'),
    );
    await expectAlert(context.canvasElement, /not right/);
  },
};

/** Forgot-password codes live one hour. */
export const CodeExpired: Story = {
  play: async (context) => {
    await requestCode(context.canvasElement);
    const env = envOf(context);
    const sent = env.emulator.api.outbox.lastCode(USERS.plain) ?? '';
    env.emulator.api.clock.advance(2 * 60 * 60 * 1000);
    await submitReset(context.canvasElement, sent);
    await expectAlert(context.canvasElement, /expired/);
  },
};

/** The new password then really works: the emulator accepts it for sign-in. */
export const Success: Story = {
  play: async (context) => {
    await requestCode(context.canvasElement);
    const env = envOf(context);
    await submitReset(context.canvasElement, env.emulator.api.outbox.lastCode(USERS.plain) ?? '');
    await within(context.canvasElement).findByText(/has been reset/, {}, { timeout: 5000 });
    await env.auth.signIn({ username: USERS.plain, password: NEW_PASSWORD });
    await waitFor(() =>
      expect(['signedIn', 'rememberDevice']).toContain(env.auth.getSnapshot().status),
    );
  },
};
