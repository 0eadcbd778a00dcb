import type { Meta, StoryObj } from '@storybook/react-vite';
import { userEvent, within } from 'storybook/test';
import { USERS } from '../../../test/emulator-env.js';
import {
  emulatorLoader,
  envOf,
  expectAlert,
  expectScreen,
  submitCode,
  withEmulator,
} from '../../../test/story-support.js';
import { ConfirmSignUp } from './ConfirmSignUp.js';

const meta = {
  title: 'Components/ConfirmSignUp',
  component: ConfirmSignUp,
  loaders: [emulatorLoader()],
  decorators: [withEmulator],
  args: { username: USERS.unconfirmed, onSignIn: () => {} },
} satisfies Meta<typeof ConfirmSignUp>;

export default meta;
type Story = StoryObj<typeof meta>;

async function resend(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.click(await canvas.findByRole('button', { name: 'Send a new code' }));
  await canvas.findByText('A new code is on its way.', {}, { timeout: 5000 });
}

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expectScreen(canvasElement, 'Confirm your account');
  },
};

export const AskingForUsername: Story = {
  args: { username: undefined },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByLabelText('Username');
  },
};

export const CodeResent: Story = {
  play: async ({ canvasElement }) => {
    await resend(canvasElement);
  },
};

export const WrongCode: Story = {
  play: async (context) => {
    await resend(context.canvasElement);
    const sent = envOf(context).emulator.api.outbox.lastCode(USERS.unconfirmed) ?? '';
    await submitCode(
      context.canvasElement,
      String((Number(sent) + 1) % 1_000_000).padStart(6, '0'),
    );
    await expectAlert(context.canvasElement, /not right/);
  },
};

/** Sign-up codes live 24 hours; the emulator's clock jumps past that. */
export const CodeExpired: Story = {
  play: async (context) => {
    await resend(context.canvasElement);
    const env = envOf(context);
    const sent = env.emulator.api.outbox.lastCode(USERS.unconfirmed) ?? '';
    env.emulator.api.clock.advance(25 * 60 * 60 * 1000);
    await submitCode(context.canvasElement, sent);
    await expectAlert(context.canvasElement, /expired/);
  },
};

export const Confirmed: Story = {
  play: async (context) => {
    await resend(context.canvasElement);
    await submitCode(
      context.canvasElement,
      envOf(context).emulator.api.outbox.lastCode(USERS.unconfirmed) ?? '',
    );
    await within(context.canvasElement).findByText(/is confirmed/, {}, { timeout: 5000 });
  },
};
