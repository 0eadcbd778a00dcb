import type { Meta, StoryObj } from '@storybook/react-vite';
import { Secret, TOTP } from 'otpauth';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { USERS } from '../../../test/emulator-env.js';
import {
  envOf,
  expectAlert,
  expectScreen,
  signedInLoader,
  submitCode,
  withEmulator,
} from '../../../test/story-support.js';
import { TotpSetup } from './TotpSetup.js';

const meta = {
  title: 'Components/TotpSetup',
  component: TotpSetup,
  loaders: [signedInLoader(USERS.plain)],
  decorators: [withEmulator],
} satisfies Meta<typeof TotpSetup>;

export default meta;
type Story = StoryObj<typeof meta>;

async function startSetup(canvasElement: HTMLElement): Promise<string> {
  const canvas = within(canvasElement);
  await userEvent.click(await canvas.findByRole('button', { name: 'Set up an authenticator app' }));
  await waitFor(() => expect(canvas.getByRole('img', { name: /QR code/ })).toBeTruthy(), {
    timeout: 5000,
  });
  // The key as the user would read it off the screen.
  return (canvasElement.querySelector('code')?.textContent ?? '').replace(/\s/g, '');
}

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expectScreen(canvasElement, 'Set up an authenticator app');
  },
};

/** QR code, the key as text, a copy button and the code field. */
export const ShowingSecret: Story = {
  play: async ({ canvasElement }) => {
    const secret = await startSetup(canvasElement);
    await expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expect(within(canvasElement).getByRole('button', { name: /Copy/ })).toBeTruthy();
  },
};

export const WrongCode: Story = {
  play: async ({ canvasElement }) => {
    await startSetup(canvasElement);
    await submitCode(canvasElement, '000000');
    await expectAlert(canvasElement, /not right/);
  },
};

/** An authenticator app computes the code from the key shown, at the emulator's time. */
export const Success: Story = {
  play: async (context) => {
    const { canvasElement } = context;
    const secret = await startSetup(canvasElement);
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    await submitCode(
      canvasElement,
      totp.generate({ timestamp: envOf(context).emulator.api.clock.now() }),
    );
    await within(canvasElement).findByText(
      'Your authenticator app is set up.',
      {},
      { timeout: 5000 },
    );
  },
};
