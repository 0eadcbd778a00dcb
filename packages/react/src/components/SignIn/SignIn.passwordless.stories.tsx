import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { PASSWORD, PASSWORDLESS_POOL, USERS } from '../../../test/emulator-env.js';
import {
  emulatorLoader,
  envOf,
  expectScreen,
  submitCode,
  withEmulator,
} from '../../../test/story-support.js';
import { SignIn } from './SignIn.js';

/** Choice-based sign-in (USER_AUTH) against the emulator: username first, then a first factor. */
const meta = {
  title: 'Components/SignIn/Choice-based',
  component: SignIn,
  loaders: [emulatorLoader(PASSWORDLESS_POOL)],
  decorators: [withEmulator],
  args: { children: <p role="status">Signed in.</p> },
} satisfies Meta<typeof SignIn>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Types the username (the only field) and continues. */
async function submitUsername(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await expect(canvas.queryByLabelText('Password')).toBeNull();
  await userEvent.type(await canvas.findByLabelText('Username'), USERS.passwordless);
  await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
  await expectScreen(canvasElement, 'Choose how to sign in');
}

function outboxCode(context: { loaded: Record<string, unknown> }): string {
  const { emulator } = envOf(context);
  return emulator.api.outbox.lastCode(USERS.passwordless, PASSWORDLESS_POOL) ?? '';
}

/** What the user can use: codes and the password; no passkey button where passkeys cannot work. */
export const ChooseFirstFactor: Story = {
  play: async ({ canvasElement }) => {
    await submitUsername(canvasElement);
    const canvas = within(canvasElement);
    await canvas.findByRole('button', { name: 'Email me a code' });
    await canvas.findByRole('button', { name: 'Text me a code' });
    await canvas.findByLabelText('Password');
    await expect(canvas.queryByRole('button', { name: 'Sign in with a passkey' })).toBeNull();
  },
};

export const EmailCode: Story = {
  play: async (context) => {
    const { canvasElement } = context;
    await submitUsername(canvasElement);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Email me a code' }));
    await expectScreen(canvasElement, 'Enter your code');
    const field = within(canvasElement).getByLabelText('Code');
    await expect(field.getAttribute('autocomplete')).toBe('one-time-code');
    await submitCode(canvasElement, outboxCode(context));
    await within(canvasElement).findByText('Signed in.', {}, { timeout: 10_000 });
  },
};

export const SmsCode: Story = {
  play: async (context) => {
    const { canvasElement } = context;
    await submitUsername(canvasElement);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Text me a code' }));
    await expectScreen(canvasElement, 'Check your phone');
    await submitCode(canvasElement, outboxCode(context), 'Sign in');
    await within(canvasElement).findByText('Signed in.', {}, { timeout: 10_000 });
  },
};

/** From a code step back to the choice, e.g. when the e-mail does not arrive. */
export const UseAnotherWay: Story = {
  play: async ({ canvasElement }) => {
    await submitUsername(canvasElement);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Email me a code' }));
    await expectScreen(canvasElement, 'Enter your code');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Use another way' }));
    await expectScreen(canvasElement, 'Choose how to sign in');
  },
};

export const Password: Story = {
  play: async ({ canvasElement }) => {
    await submitUsername(canvasElement);
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Password'), PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Use my password' }));
    await canvas.findByText('Signed in.', {}, { timeout: 10_000 });
  },
};
