import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { REQUIRED_NAME_POOL, USERS } from '../../../test/emulator-env.js';
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
    // Cognito's refusal names the rule: the emulator's default policy wants 8 characters.
    await expectAlert(canvasElement, 'That password is too short for this account.');
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

/** A pool that requires `name`, for a user created without it: the step asks for the name. */
export const RequiredName: Story = {
  loaders: [signedInLoader(USERS.missingName, REQUIRED_NAME_POOL)],
  play: async ({ canvasElement }) => {
    await expectScreen(canvasElement, 'Choose a new password');
    const name = within(canvasElement).getByLabelText('Full name');
    await expect(name.getAttribute('autocomplete')).toBe('name');
  },
};

/** Without the name nothing is sent; the field says what is missing. */
export const RequiredNameMissing: Story = {
  loaders: [signedInLoader(USERS.missingName, REQUIRED_NAME_POOL)],
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await userEvent.type(await canvas.findByLabelText('New password'), 'Br4nd-new-Passw0rd!');
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    const name = canvas.getByLabelText('Full name');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    await expect(canvas.getByText('Fill in this field.')).toBeTruthy();
    await expect(document.activeElement).toBe(name);
    // Nothing reached the emulator: the user still has the temporary password.
    const env = envOf(context);
    await expect(env.auth.getSnapshot().status).toBe('challenge');
    await expect(env.emulator.api.getUser(env.poolId, USERS.missingName)?.status).toBe(
      'FORCE_CHANGE_PASSWORD',
    );
  },
};

/** With the name the emulator accepts the new password and stores the attribute. */
export const RequiredNameGiven: Story = {
  loaders: [signedInLoader(USERS.missingName, REQUIRED_NAME_POOL)],
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await userEvent.type(await canvas.findByLabelText('New password'), 'Br4nd-new-Passw0rd!');
    await userEvent.type(canvas.getByLabelText('Full name'), 'Nora Example');
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    const env = envOf(context);
    await waitFor(() => expect(env.auth.getSnapshot().status).toBe('signedIn'), {
      timeout: 5000,
    });
    await expect(env.emulator.api.getUser(env.poolId, USERS.missingName)?.attributes['name']).toBe(
      'Nora Example',
    );
  },
};
