import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  CUSTOM_ANSWER,
  CUSTOM_AUTH_POOL,
  CUSTOM_QUESTION,
  MFA_REQUIRED_POOL,
  USERS,
  createEmulatorEnv,
} from '../../../test/emulator-env.js';
import {
  envOf,
  expectAlert,
  expectScreen,
  signedInLoader,
  submitCode,
  withEmulator,
} from '../../../test/story-support.js';
import { MfaChallenge } from './MfaChallenge.js';

/** Each story signs a user in before rendering, so the challenge is already pending. */
const meta = {
  title: 'Components/MfaChallenge',
  component: MfaChallenge,
  decorators: [withEmulator],
} satisfies Meta<typeof MfaChallenge>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SmsCode: Story = {
  loaders: [signedInLoader(USERS.sms)],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(/by text message to/);
  },
};

export const EmailCode: Story = {
  loaders: [signedInLoader(USERS.email)],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(/by email to/);
  },
};

export const TotpCode: Story = {
  loaders: [signedInLoader(USERS.totp)],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(/authenticator app/);
  },
};

export const WrongSmsCode: Story = {
  loaders: [signedInLoader(USERS.sms)],
  play: async (context) => {
    const sent = envOf(context).emulator.api.outbox.lastCode(USERS.sms) ?? '';
    // Any other six digits.
    const wrong = String((Number(sent) + 1) % 1_000_000).padStart(6, '0');
    await submitCode(context.canvasElement, wrong);
    await expectAlert(context.canvasElement, /not right/);
  },
};

export const SelectMfaType: Story = {
  loaders: [signedInLoader(USERS.select)],
  play: async ({ canvasElement }) => {
    await expectScreen(canvasElement, 'Choose how to verify');
  },
};

export const SelectThenCode: Story = {
  loaders: [signedInLoader(USERS.select)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByLabelText('Authenticator app'));
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await canvas.findByText(/6-digit code from your authenticator app/);
    await expect(document.activeElement).toBe(canvas.getByLabelText('Code'));
  },
};

export const MfaSetup: Story = {
  loaders: [signedInLoader(USERS.setup, MFA_REQUIRED_POOL)],
  play: async ({ canvasElement }) => {
    await expectScreen(canvasElement, 'Set up two-step verification');
  },
};

export const MfaSetupEmail: Story = {
  loaders: [signedInLoader(USERS.setup, MFA_REQUIRED_POOL)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByLabelText('Email'));
    await expect(canvas.getByLabelText('Email', { selector: 'input[type=email]' })).toBeTruthy();
  },
};

/** Starts a passwordless CUSTOM_AUTH sign-in, so the custom challenge is pending. */
async function customChallengeLoader() {
  const env = createEmulatorEnv(CUSTOM_AUTH_POOL);
  await env.auth.start();
  await env.auth.signIn({ username: USERS.custom });
  return { env };
}

const customChallenge = {
  loaders: [customChallengeLoader],
  args: { describeCustomChallenge: (p) => p['question'] },
} satisfies Pick<Story, 'loaders' | 'args'>;

async function answer(canvasElement: HTMLElement, text: string) {
  const canvas = within(canvasElement);
  const user = userEvent.setup();
  const field = await canvas.findByLabelText('Answer');
  await user.clear(field);
  await user.type(field, text);
  await user.click(canvas.getByRole('button', { name: 'Continue' }));
}

/** The pool's question, a public parameter of the challenge, above the answer field. */
export const CustomChallenge: Story = {
  ...customChallenge,
  play: async ({ canvasElement }) => {
    await expectScreen(canvasElement, 'Answer the challenge');
    await within(canvasElement).findByText(CUSTOM_QUESTION);
  },
};

/** Cognito asks again (no error on the wire): the form says the answer was not accepted. */
export const CustomChallengeWrongAnswer: Story = {
  ...customChallenge,
  play: async (context) => {
    await answer(context.canvasElement, 'green');
    await expectAlert(context.canvasElement, /answer was not accepted/);
    const canvas = within(context.canvasElement);
    await expect(canvas.getByLabelText('Answer').getAttribute('aria-invalid')).toBe('true');
    await expect(envOf(context).auth.getSnapshot().status).toBe('challenge');
  },
};

/** The right answer ends the sign-in; the step disappears. */
export const CustomChallengeAnswered: Story = {
  ...customChallenge,
  play: async (context) => {
    await answer(context.canvasElement, CUSTOM_ANSWER);
    await waitFor(() => expect(envOf(context).auth.getSnapshot().status).toBe('signedIn'), {
      timeout: 5000,
    });
    await expect(within(context.canvasElement).queryByLabelText('Answer')).toBeNull();
  },
};
