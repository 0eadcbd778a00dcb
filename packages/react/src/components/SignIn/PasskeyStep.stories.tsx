import { CognitoError } from '@cognito-kit/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { expectAlert, expectScreen } from '../../../test/story-support.js';
import { PasskeyStep } from './PasskeyStep.js';

/**
 * The WEB_AUTHN step as a view. The browser's prompt is the `onUsePasskey` callback here (the
 * full flow, Cognito included, runs in core's integration tests and the Chromium end-to-end
 * test with a virtual authenticator).
 */
const meta = {
  title: 'Components/SignIn/PasskeyStep',
  component: PasskeyStep,
  args: { onUsePasskey: fn() },
} satisfies Meta<typeof PasskeyStep>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement, args }) => {
    await expectScreen(canvasElement, 'Sign in with a passkey');
    await userEvent.click(
      within(canvasElement).getByRole('button', { name: 'Sign in with a passkey' }),
    );
    await expect(args.onUsePasskey).toHaveBeenCalledOnce();
  },
};

/** The prompt was dismissed: the reason, and a button to try again. */
export const Cancelled: Story = {
  args: {
    autoStart: true,
    onUsePasskey: fn(() =>
      Promise.reject(new CognitoError({ code: 'PasskeyCancelled', message: 'dismissed' })),
    ),
  },
  play: async ({ canvasElement }) => {
    await expectAlert(canvasElement, /cancelled or timed out/);
    await within(canvasElement).findByRole('button', { name: 'Try the passkey again' });
  },
};
