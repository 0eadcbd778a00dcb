import type { Meta, StoryObj } from '@storybook/react-vite';
import { userEvent, within } from 'storybook/test';
import { PASSWORD, USERS } from '../../../test/emulator-env.js';
import {
  emulatorLoader,
  envOf,
  expectAlert,
  expectScreen,
  submitCode,
  withEmulator,
} from '../../../test/story-support.js';
import { SignUp } from './SignUp.js';

const meta = {
  title: 'Components/SignUp',
  component: SignUp,
  loaders: [emulatorLoader()],
  decorators: [withEmulator],
  args: { onSignIn: () => {} },
} satisfies Meta<typeof SignUp>;

export default meta;
type Story = StoryObj<typeof meta>;

async function fill(canvasElement: HTMLElement, username: string, password: string) {
  const canvas = within(canvasElement);
  await userEvent.type(await canvas.findByLabelText('Username'), username);
  await userEvent.type(canvas.getByLabelText('Password'), password);
  await userEvent.type(canvas.getByLabelText('Email'), `${username}@example.com`);
  await userEvent.click(canvas.getByRole('button', { name: 'Sign up' }));
}

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expectScreen(canvasElement, 'Create an account');
  },
};

export const UsernameTaken: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, USERS.plain, PASSWORD);
    await expectAlert(canvasElement, /already exists/);
  },
};

/** Without a policy in the app, Cognito's refusal still names the rule the password broke. */
export const PasswordTooWeak: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'newbie', 'password');
    await expectAlert(canvasElement, 'That password needs an uppercase letter.');
  },
};

/** After sign-up: the code went to the e-mail address, and confirming it finishes. */
export const Confirmed: Story = {
  play: async (context) => {
    await fill(context.canvasElement, 'newbie', PASSWORD);
    await expectScreen(context.canvasElement, 'Confirm your account');
    await submitCode(
      context.canvasElement,
      envOf(context).emulator.api.outbox.lastCode('newbie') ?? '',
    );
    await within(context.canvasElement).findByText(/is confirmed/, {}, { timeout: 5000 });
  },
};
