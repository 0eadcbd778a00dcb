import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { PASSWORDLESS_POOL, USERS } from '../../../test/emulator-env.js';
import { signedInLoader, withEmulator } from '../../../test/story-support.js';
import { PasskeyList } from './PasskeyList.js';
import { SecuritySettings } from './SecuritySettings.js';

/** The passkeys section of the security page, against a pool with passkeys configured. */
const meta = {
  title: 'Components/SecuritySettings/Passkeys',
  component: SecuritySettings,
  loaders: [signedInLoader(USERS.passwordless, PASSWORDLESS_POOL)],
  decorators: [withEmulator],
  args: { passkeys: true },
} satisfies Meta<typeof SecuritySettings>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No passkey yet (ListWebAuthnCredentials is empty); this test browser cannot create one. */
export const NoPasskeysYet: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('heading', { name: 'Passkeys' });
    await canvas.findByText('No passkeys yet.', {}, { timeout: 5000 });
    await canvas.findByText('This browser cannot use passkeys.');
    await expect(canvas.queryByRole('button', { name: 'Add a passkey' })).toBeNull();
  },
};

const passkeys = [
  { id: 'cred-1', name: 'Chrome on Mac', createdAt: new Date(2026, 10, 2) },
  { id: 'cred-2', name: 'YubiKey', createdAt: new Date(2026, 11, 1) },
];

/** The list as a view: "Remove" asks first; "Cancel" keeps the passkey. */
export const RemoveAsksFirst: StoryObj<typeof PasskeyList> = {
  render: (args) => <PasskeyList {...args} />,
  args: { passkeys, onRemove: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Remove: YubiKey' }));
    await canvas.findByText(/You can no longer sign in with it/);
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }));
    await expect(args.onRemove).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: 'Remove: YubiKey' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Yes, remove it' }));
    await expect(args.onRemove).toHaveBeenCalledWith('cred-2');
    await canvas.findByText('The passkey is removed.');
  },
};
