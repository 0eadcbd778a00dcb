import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentType } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { PASSWORD, STATED_POLICY, USERS } from '../../../test/emulator-env.js';
import {
  emulatorLoader,
  envOf,
  expectAlert,
  expectScreen,
  submitCode,
  withEmulator,
} from '../../../test/story-support.js';
import { de } from '../../messages/de.js';
import { MessagesProvider } from '../../messages/MessagesProvider.js';
import type { Messages } from '../../messages/types.js';
import { PasswordSettings, type PasswordSettingsValue } from '../PasswordSettings.js';
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
    // Tied to the username field, which has focus again to pick another.
    const username = within(canvasElement).getByLabelText('Username');
    await expect(username.getAttribute('aria-invalid')).toBe('true');
    await expect(document.activeElement).toBe(username);
  },
};

/** Without a policy in the app, Cognito's refusal still names the rule the password broke. */
export const PasswordTooWeak: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'newbie', 'password');
    await expectAlert(canvasElement, 'That password needs an uppercase letter.');
    const password = within(canvasElement).getByLabelText('Password');
    await expect(password.getAttribute('aria-invalid')).toBe('true');
    await expect(document.activeElement).toBe(password);
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

const withPasswordSettings =
  (settings: PasswordSettingsValue, messages?: Messages) => (Story: ComponentType) => (
    <MessagesProvider messages={messages}>
      <PasswordSettings {...settings}>
        <Story />
      </PasswordSettings>
    </MessagesProvider>
  );

/** The states of the rules under the password field, in order. */
function ruleStates(canvasElement: HTMLElement) {
  return within(within(canvasElement).getByRole('list'))
    .getAllByRole('listitem')
    .map((li) => li.getAttribute('data-state'));
}

/** With a policy: the rules are listed and follow the typing. */
export const PasswordRules: Story = {
  decorators: [withPasswordSettings({ policy: STATED_POLICY })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('at least 10 characters')).toBeTruthy();
    await userEvent.type(await canvas.findByLabelText('Password'), 'abcD3');
    await expect(ruleStates(canvasElement)).toEqual(['unmet', 'met', 'met', 'met', 'unmet']);
  },
};

/** A password that breaks a rule is not sent; the field says so and the list shows which. */
export const PasswordRuleBroken: Story = {
  decorators: [withPasswordSettings({ policy: STATED_POLICY })],
  play: async (context) => {
    await fill(context.canvasElement, 'newbie', 'abcdefghijkl');
    const canvas = within(context.canvasElement);
    await waitFor(() =>
      expect(canvas.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true'),
    );
    await expect(
      canvas.getByText(
        'Your password needs: an uppercase letter, a number, a symbol, such as ! or %',
      ),
    ).toBeTruthy();
    await expect(ruleStates(context.canvasElement)).toEqual([
      'met',
      'met',
      'unmet',
      'unmet',
      'unmet',
    ]);
    const env = envOf(context);
    await expect(env.emulator.api.getUser(env.poolId, 'newbie')).toBeUndefined();
  },
};

/** The same rules in German. */
export const PasswordRulesGerman: Story = {
  decorators: [withPasswordSettings({ policy: STATED_POLICY }, de)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('mindestens 10 Zeichen')).toBeTruthy();
    await expect(canvas.getByText('ein Sonderzeichen, etwa ! oder %')).toBeTruthy();
  },
};

/** `confirm`: the password is asked twice; a mismatch is refused before sending. */
export const PasswordsDiffer: Story = {
  decorators: [withPasswordSettings({ confirm: true })],
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await userEvent.type(await canvas.findByLabelText('Repeat the password'), 'something else');
    await fill(context.canvasElement, 'newbie', PASSWORD);
    await canvas.findByText('The passwords do not match.');
    const env = envOf(context);
    await expect(env.emulator.api.getUser(env.poolId, 'newbie')).toBeUndefined();
  },
};

/** A malformed e-mail address and phone number are marked before anything is sent. */
export const InvalidEmailAndPhone: Story = {
  args: { attributes: ['email', 'phone_number'] },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await userEvent.type(await canvas.findByLabelText('Phone number'), '0151 1234567');
    await userEvent.type(canvas.getByLabelText('Username'), 'newbie');
    await userEvent.type(canvas.getByLabelText('Password'), PASSWORD);
    await userEvent.type(canvas.getByLabelText('Email'), 'newbie.example.com');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign up' }));
    await canvas.findByText('Enter an email address such as name@example.com.');
    await expect(canvas.getByLabelText('Phone number').getAttribute('aria-invalid')).toBe('true');
    const env = envOf(context);
    await expect(env.emulator.api.getUser(env.poolId, 'newbie')).toBeUndefined();
  },
};
