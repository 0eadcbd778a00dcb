import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { PASSWORD, USERS } from '../../../test/emulator-env.js';
import {
  envOf,
  expectAlert,
  expectScreen,
  signedInLoader,
  withEmulator,
} from '../../../test/story-support.js';
import { SecuritySettings } from './SecuritySettings.js';

const meta = {
  title: 'Components/SecuritySettings',
  component: SecuritySettings,
  loaders: [signedInLoader(USERS.plain)],
  decorators: [withEmulator],
  args: { mfaFactors: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] },
} satisfies Meta<typeof SecuritySettings>;

export default meta;
type Story = StoryObj<typeof meta>;

async function changePassword(canvasElement: HTMLElement, current: string, next: string) {
  const canvas = within(canvasElement);
  await userEvent.type(await canvas.findByLabelText('Current password'), current);
  await userEvent.type(canvas.getByLabelText('New password'), next);
  await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
}

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expectScreen(canvasElement, 'Security');
    const canvas = within(canvasElement);
    await canvas.findByRole('radio', { name: 'Off' }, { timeout: 5000 });
    await canvas.findByText('No remembered devices.', {}, { timeout: 5000 });
  },
};

/** A pool that offers only the authenticator app, not set up yet: nothing to prefer, it says how to start. */
export const NothingSetUpYet: Story = {
  args: { mfaFactors: ['SOFTWARE_TOKEN_MFA'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(/Set up a second step/, {}, { timeout: 5000 });
    await expect(canvas.queryByRole('radio')).toBeNull();
    await canvas.findByRole('button', { name: 'Set up an authenticator app' });
  },
};

export const WrongCurrentPassword: Story = {
  play: async ({ canvasElement }) => {
    await changePassword(canvasElement, 'not-my-password', 'An0ther-Passw0rd!');
    // Worded for this screen, and tied to the field it is about.
    await expectAlert(canvasElement, /current password is not right/);
    const current = within(canvasElement).getByLabelText('Current password');
    await expect(current.getAttribute('aria-invalid')).toBe('true');
    const alert = within(canvasElement)
      .getAllByRole('alert')
      .find((a) => a.textContent?.includes('current password'));
    await expect(current.getAttribute('aria-describedby')).toContain(alert?.id);
    await expect(document.activeElement).toBe(current);
  },
};

export const PasswordChanged: Story = {
  play: async (context) => {
    await changePassword(context.canvasElement, PASSWORD, 'An0ther-Passw0rd!');
    await within(context.canvasElement).findByText(
      'Your password has been changed.',
      {},
      { timeout: 5000 },
    );
    // The emulator now accepts only the new password.
    const { auth } = envOf(context);
    await auth.signOut();
    await expect(auth.signIn({ username: USERS.plain, password: PASSWORD })).rejects.toThrow();
    await auth.signIn({ username: USERS.plain, password: 'An0ther-Passw0rd!' });
    await expect(['signedIn', 'rememberDevice']).toContain(auth.getSnapshot().status);
  },
};

/** Alice's e-mail is verified, so e-mail codes can become her second step. */
export const PreferEmail: Story = {
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await userEvent.click(await canvas.findByRole('radio', { name: 'Email' }, { timeout: 5000 }));
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await canvas.findByText(/is saved/, {}, { timeout: 5000 });
    const env = envOf(context);
    await expect(env.emulator.api.getUser(env.poolId, USERS.plain)?.mfa.preferred).toBe(
      'EMAIL_OTP',
    );
  },
};
