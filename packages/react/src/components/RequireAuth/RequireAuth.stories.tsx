import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { USERS } from '../../../test/emulator-env.js';
import {
  answerRememberDevice,
  emulatorLoader,
  expectScreen,
  signedInLoader,
  submitSignIn,
  withEmulator,
} from '../../../test/story-support.js';
import { RequireAuth } from './RequireAuth.js';

const meta = {
  title: 'Components/RequireAuth',
  component: RequireAuth,
  decorators: [withEmulator],
  args: { children: <p role="status">Secret dashboard</p> },
} satisfies Meta<typeof RequireAuth>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Signed out: the default fallback is the sign-in form; signing in reveals the children. */
export const SignedOutDefaultFallback: Story = {
  loaders: [emulatorLoader()],
  play: async ({ canvasElement }) => {
    await expectScreen(canvasElement, 'Sign in');
    await expect(within(canvasElement).queryByText('Secret dashboard')).toBeNull();
    await submitSignIn(canvasElement, USERS.plain);
    await answerRememberDevice(canvasElement);
    await within(canvasElement).findByText('Secret dashboard', {}, { timeout: 5000 });
  },
};

export const SignedOutCustomFallback: Story = {
  loaders: [emulatorLoader()],
  args: { fallback: <p>Please sign in first.</p> },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Please sign in first.');
  },
};

export const SignedIn: Story = {
  loaders: [signedInLoader(USERS.plain)],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Secret dashboard');
  },
};
