import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { USERS } from '../../../test/emulator-env.js';
import {
  envOf,
  expectAlert,
  expectScreen,
  signedInLoader,
  withEmulator,
} from '../../../test/story-support.js';
import { NewPassword } from './NewPassword.js';

const meta = {
  title: 'Components/NewPassword',
  component: NewPassword,
  loaders: [signedInLoader(USERS.newPassword)],
  decorators: [withEmulator],
} satisfies Meta<typeof NewPassword>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expectScreen(canvasElement, 'Choose a new password');
  },
};

export const PasswordTooWeak: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText('New password'), 'short');
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await expectAlert(canvasElement, /(requirements|not valid)/);
  },
};

export const Success: Story = {
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await userEvent.type(await canvas.findByLabelText('New password'), 'Br4nd-new-Passw0rd!');
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await waitFor(
      () =>
        expect(['signedIn', 'rememberDevice']).toContain(envOf(context).auth.getSnapshot().status),
      { timeout: 5000 },
    );
  },
};
