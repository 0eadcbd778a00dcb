import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  CUSTOM_ANSWER,
  CUSTOM_AUTH_POOL,
  CUSTOM_CODE_POOL,
  CUSTOM_QUESTION,
  MFA_REQUIRED_POOL,
  PASSWORD,
  REQUIRED_NAME_POOL,
  USERS,
} from '../../../test/emulator-env.js';
import {
  answerRememberDevice,
  emulatorLoader,
  envOf,
  expectAlert,
  expectScreen,
  submitCode,
  submitSignIn,
  withEmulator,
} from '../../../test/story-support.js';
import { de } from '../../messages/de.js';
import { MessagesProvider } from '../../messages/MessagesProvider.js';
import { SignIn } from './SignIn.js';

const meta = {
  title: 'Components/SignIn',
  component: SignIn,
  loaders: [emulatorLoader()],
  decorators: [withEmulator],
  args: { children: <p role="status">Signed in.</p> },
} satisfies Meta<typeof SignIn>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The first screen, with links to the other flows. */
export const Idle: Story = {
  args: { onForgotPassword: () => {}, onSignUp: () => {} },
  play: async ({ canvasElement }) => {
    await expectScreen(canvasElement, 'Sign in');
    await expect(document.activeElement).toBe(within(canvasElement).getByLabelText('Username'));
  },
};

export const WrongPassword: Story = {
  play: async ({ canvasElement }) => {
    await submitSignIn(canvasElement, USERS.plain, 'not-the-password');
    await expectAlert(canvasElement, /Incorrect username or password/);
    // The password field is marked and points at the error; focus is back on it to retype.
    const password = within(canvasElement).getByLabelText('Password');
    await expect(password.getAttribute('aria-invalid')).toBe('true');
    await expect(password.getAttribute('aria-describedby')).toBeTruthy();
    await expect(document.activeElement).toBe(password);
  },
};

/** Several failures in a row: Cognito locks the user out for a while (same message, by design). */
export const LockedOut: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const user = userEvent.setup();
    await user.type(await canvas.findByLabelText('Username'), USERS.plain);
    for (let i = 0; i < 6; i++) {
      const password = canvas.getByLabelText('Password');
      await user.clear(password);
      await user.type(password, `wrong-${i}`);
      await user.click(canvas.getByRole('button', { name: 'Sign in' }));
      await expectAlert(canvasElement, /Incorrect username or password/);
    }
  },
};

export const UserNotConfirmed: Story = {
  play: async ({ canvasElement }) => {
    await submitSignIn(canvasElement, USERS.unconfirmed);
    // No onUserNotConfirmed: the sign-in confirms the account itself.
    await expectScreen(canvasElement, 'Confirm your account');
  },
};

export const NewPasswordRequired: Story = {
  play: async ({ canvasElement }) => {
    await submitSignIn(canvasElement, USERS.newPassword);
    await expectScreen(canvasElement, 'Choose a new password');
  },
};

export const SmsCode: Story = {
  play: async ({ canvasElement }) => {
    await submitSignIn(canvasElement, USERS.sms);
    await expectScreen(canvasElement, 'Enter your code');
    await within(canvasElement).findByText(/by text message/);
  },
};

export const EmailCode: Story = {
  play: async ({ canvasElement }) => {
    await submitSignIn(canvasElement, USERS.email);
    await within(canvasElement).findByText(/by email/);
  },
};

export const TotpCode: Story = {
  play: async ({ canvasElement }) => {
    await submitSignIn(canvasElement, USERS.totp);
    await within(canvasElement).findByText(/authenticator app/);
  },
};

export const WrongCode: Story = {
  play: async ({ canvasElement }) => {
    await submitSignIn(canvasElement, USERS.totp);
    await submitCode(canvasElement, '000000');
    await expectAlert(canvasElement, /not right/);
    await expect(within(canvasElement).getByLabelText('Code').getAttribute('aria-invalid')).toBe(
      'true',
    );
  },
};

/** The SMS code is read from the emulator's outbox, as a phone would receive it. */
export const SignedInWithSms: Story = {
  play: async (context) => {
    const { canvasElement } = context;
    const env = envOf(context);
    await submitSignIn(canvasElement, USERS.sms);
    await within(canvasElement).findByText(/by text message/);
    await submitCode(canvasElement, env.emulator.api.outbox.lastCode(USERS.sms) ?? '');
    await answerRememberDevice(canvasElement);
    await waitFor(
      () => expect(within(canvasElement).getByRole('status').textContent).toBe('Signed in.'),
      {
        timeout: 5000,
      },
    );
  },
};

export const SelectMfaType: Story = {
  play: async ({ canvasElement }) => {
    await submitSignIn(canvasElement, USERS.select);
    await expectScreen(canvasElement, 'Choose how to verify');
  },
};

export const MfaSetupChoice: Story = {
  loaders: [emulatorLoader(MFA_REQUIRED_POOL)],
  play: async ({ canvasElement }) => {
    await submitSignIn(canvasElement, USERS.setup);
    await expectScreen(canvasElement, 'Set up two-step verification');
  },
};

export const MfaSetupTotp: Story = {
  loaders: [emulatorLoader(MFA_REQUIRED_POOL)],
  play: async ({ canvasElement }) => {
    await submitSignIn(canvasElement, USERS.setup);
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByLabelText('Authenticator app'));
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await expectScreen(canvasElement, 'Set up an authenticator app');
    await expect(canvas.getByRole('img', { name: /QR code/ })).toBeTruthy();
    // Like every challenge step, the setup offers a way out.
    await expect(canvas.getByRole('button', { name: 'Back to sign in' })).toBeTruthy();
  },
};

/** The whole TOTP path: the code comes from the emulator's clock and the user's real secret. */
export const SignedInWithTotp: Story = {
  play: async (context) => {
    const { canvasElement } = context;
    const env = envOf(context);
    await submitSignIn(canvasElement, USERS.totp);
    await within(canvasElement).findByText(/authenticator app/);
    const code = env.emulator.api.totpCode(env.poolId, USERS.totp) ?? '';
    await expect(code).toMatch(/^\d{6}$/);
    await submitCode(canvasElement, code);
    await answerRememberDevice(canvasElement);
    await waitFor(
      () => expect(within(canvasElement).getByRole('status').textContent).toBe('Signed in.'),
      {
        timeout: 5000,
      },
    );
  },
};

/** The pool tracks devices: sign-in asks whether to remember this one, then shows the app. */
export const SignedIn: Story = {
  play: async ({ canvasElement }) => {
    await submitSignIn(canvasElement, USERS.plain);
    await answerRememberDevice(canvasElement);
    await waitFor(
      () => expect(within(canvasElement).getByRole('status').textContent).toBe('Signed in.'),
      {
        timeout: 5000,
      },
    );
  },
};

/** Every string comes from the messages object: the same failure in German. */
export const GermanWrongPassword: Story = {
  decorators: [
    (Story) => (
      <MessagesProvider messages={de}>
        <Story />
      </MessagesProvider>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const user = userEvent.setup();
    await user.type(await canvas.findByLabelText('Benutzername'), USERS.plain);
    await user.type(canvas.getByLabelText('Passwort'), 'falsch');
    await user.click(canvas.getByRole('button', { name: 'Anmelden' }));
    await expectAlert(canvasElement, /Benutzername oder Passwort ist falsch/);
  },
};

/** Keyboard only: type, Tab, Enter through sign-in and the TOTP step; focus lands on each first field. */
export const KeyboardOnly: Story = {
  play: async (context) => {
    const { canvasElement } = context;
    const canvas = within(canvasElement);
    const user = userEvent.setup();
    await waitFor(() => expect(document.activeElement).toBe(canvas.getByLabelText('Username')));
    await user.keyboard(USERS.totp);
    await user.tab();
    await user.keyboard(`${PASSWORD}{Enter}`);
    await canvas.findByText(/authenticator app/, {}, { timeout: 5000 });
    await waitFor(() => expect(document.activeElement).toBe(canvas.getByLabelText('Code')));
    const env = envOf(context);
    await user.keyboard(`${env.emulator.api.totpCode(env.poolId, USERS.totp) ?? ''}{Enter}`);
    // The device question: focus on its first button, Tab to "Not now", Enter.
    await expectScreen(canvasElement, 'Remember this device?');
    await waitFor(() =>
      expect(document.activeElement).toBe(
        canvas.getByRole('button', { name: 'Remember this device' }),
      ),
    );
    await user.tab();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(canvas.getByRole('status').textContent).toBe('Signed in.'), {
      timeout: 5000,
    });
  },
};

/** Waits until the emulator holds `expected` as the remembered states of the user's devices. */
async function expectDevices(context: Parameters<typeof envOf>[0], expected: Array<string | null>) {
  const env = envOf(context);
  await waitFor(
    () => {
      const devices = Object.values(
        env.emulator.api.getUser(env.poolId, USERS.plain)?.devices ?? {},
      );
      expect(devices.map((d) => d.rememberedStatus)).toEqual(expected);
    },
    { timeout: 5000 },
  );
}

/**
 * No checkbox on the form by default: the question comes after sign-in, only because Cognito's
 * answer said it tracks this device. Remembering it leaves a remembered device in the emulator.
 */
export const RememberThisDevice: Story = {
  play: async (context) => {
    const { canvasElement } = context;
    const canvas = within(canvasElement);
    await expectScreen(canvasElement, 'Sign in');
    await expect(canvas.queryByLabelText('Remember this device')).toBeNull();
    await submitSignIn(canvasElement, USERS.plain);
    await expectScreen(canvasElement, 'Remember this device?');
    await answerRememberDevice(canvasElement, true);
    await waitFor(() => expect(canvas.getByRole('status').textContent).toBe('Signed in.'), {
      timeout: 5000,
    });
    await expectDevices(context, ['remembered']);
  },
};

/**
 * "Not now": signed in; the device Cognito started tracking stays unconfirmed (no remembered
 * status at all), so it cannot stand in for the second factor.
 */
export const DeviceNotRemembered: Story = {
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await submitSignIn(context.canvasElement, USERS.plain);
    await answerRememberDevice(context.canvasElement, false);
    await waitFor(() => expect(canvas.getByRole('status').textContent).toBe('Signed in.'), {
      timeout: 5000,
    });
    await expectDevices(context, [null]);
  },
};

/** `devicesTracked`: the app says its pool tracks devices, so the form asks in advance. */
export const RememberDeviceOnTheForm: Story = {
  args: { devicesTracked: true },
  play: async (context) => {
    const { canvasElement } = context;
    const canvas = within(canvasElement);
    const user = userEvent.setup();
    await user.type(await canvas.findByLabelText('Username'), USERS.plain);
    await user.type(canvas.getByLabelText('Password'), PASSWORD);
    await user.click(canvas.getByLabelText('Remember this device'));
    await user.click(canvas.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(canvas.getByRole('status').textContent).toBe('Signed in.'), {
      timeout: 5000,
    });
    await expect(canvas.queryByRole('heading', { name: 'Remember this device?' })).toBeNull();
    await expectDevices(context, ['remembered']);
  },
};

/** The `footer` option: under the form, under each challenge (with "Back to sign in"), under the device question. */
export const FooterOnEveryStep: Story = {
  args: { footer: <p>Need help? Call 0800 123 456.</p> },
  play: async (context) => {
    const { canvasElement } = context;
    const canvas = within(canvasElement);
    const footerIn = (title: string) =>
      within(canvas.getByRole('region', { name: title })).getByText(
        'Need help? Call 0800 123 456.',
      );
    await expectScreen(canvasElement, 'Sign in');
    await expect(footerIn('Sign in')).toBeTruthy();
    await submitSignIn(canvasElement, USERS.totp);
    await expectScreen(canvasElement, 'Enter your code');
    await expect(footerIn('Enter your code')).toBeTruthy();
    const env = envOf(context);
    await submitCode(canvasElement, env.emulator.api.totpCode(env.poolId, USERS.totp) ?? '');
    await expectScreen(canvasElement, 'Remember this device?');
    await expect(footerIn('Remember this device?')).toBeTruthy();
  },
};

/** After a confirmed sign-up (as `Authenticator` leads there): the news, and the username filled in. */
export const AfterSignUpConfirmed: Story = {
  args: { defaultUsername: USERS.plain, notice: 'Your account is confirmed. Sign in to continue.' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectScreen(canvasElement, 'Sign in');
    await expect(canvas.getByRole('status').textContent).toBe(
      'Your account is confirmed. Sign in to continue.',
    );
    await expect((canvas.getByLabelText('Username') as HTMLInputElement).value).toBe(USERS.plain);
  },
};

/** Passwordless custom authentication: the pool's question, as the app words it. */
const customAuth = {
  loaders: [emulatorLoader(CUSTOM_AUTH_POOL)],
  args: { passwordless: true, describeCustomChallenge: (p) => p['question'] },
} satisfies Pick<Story, 'loaders' | 'args'>;

/** Types the username into the passwordless form and waits for the custom challenge. */
async function startPasswordless(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const user = userEvent.setup();
  await user.type(await canvas.findByLabelText('Username'), USERS.custom);
  await user.click(canvas.getByRole('button', { name: 'Sign in' }));
  await expectScreen(canvasElement, 'Answer the challenge');
}

/** Types `answer` into the custom challenge's field and submits it. */
async function submitAnswer(canvasElement: HTMLElement, answer: string) {
  const canvas = within(canvasElement);
  const user = userEvent.setup();
  const field = canvas.getByLabelText('Answer');
  await user.clear(field);
  await user.type(field, answer);
  await user.click(canvas.getByRole('button', { name: 'Continue' }));
}

/** `passwordless`: the form asks for the username only. */
export const PasswordlessIdle: Story = {
  ...customAuth,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectScreen(canvasElement, 'Sign in');
    await expect(canvas.queryByLabelText('Password')).toBeNull();
  },
};

/** CUSTOM_AUTH without a password: the pool's question (a public parameter) is shown. */
export const CustomChallenge: Story = {
  ...customAuth,
  play: async ({ canvasElement }) => {
    await startPasswordless(canvasElement);
    const canvas = within(canvasElement);
    await expect(canvas.getByText(CUSTOM_QUESTION)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(canvas.getByLabelText('Answer')));
  },
};

/** Cognito asks the same question again after a wrong answer; the form says it was not accepted. */
export const CustomChallengeWrongAnswer: Story = {
  ...customAuth,
  play: async ({ canvasElement }) => {
    await startPasswordless(canvasElement);
    await submitAnswer(canvasElement, 'green');
    await expectAlert(canvasElement, /answer was not accepted/);
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText('Answer').getAttribute('aria-invalid')).toBe('true');
    await expect(canvas.getByText(CUSTOM_QUESTION)).toBeTruthy();
  },
};

/** A wrong answer, then the right one: signed in without a password. */
export const SignedInWithCustomChallenge: Story = {
  ...customAuth,
  play: async ({ canvasElement }) => {
    await startPasswordless(canvasElement);
    await submitAnswer(canvasElement, 'green');
    await expectAlert(canvasElement, /answer was not accepted/);
    await submitAnswer(canvasElement, CUSTOM_ANSWER);
    await waitFor(
      () => expect(within(canvasElement).getByRole('status').textContent).toBe('Signed in.'),
      { timeout: 5000 },
    );
  },
};

/** The pool allows three answers: after the third wrong one the sign-in form says why it is back. */
export const CustomChallengeAttemptsUsedUp: Story = {
  ...customAuth,
  play: async ({ canvasElement }) => {
    await startPasswordless(canvasElement);
    for (const answer of ['green', 'grey']) {
      await submitAnswer(canvasElement, answer);
      await expectAlert(canvasElement, /answer was not accepted/);
    }
    await submitAnswer(canvasElement, 'red');
    await expectScreen(canvasElement, 'Sign in');
    await expectAlert(canvasElement, /could not sign you in with those answers/);
  },
};

/**
 * CUSTOM_AUTH with the password first (SRP), then a code the trigger e-mails: without
 * `describeCustomChallenge` the form says where the code went, and the code signs in.
 */
export const SignedInWithEmailedCustomCode: Story = {
  loaders: [emulatorLoader(CUSTOM_CODE_POOL)],
  play: async (context) => {
    const { canvasElement } = context;
    const canvas = within(canvasElement);
    await submitSignIn(canvasElement, USERS.customCode);
    await expectScreen(canvasElement, 'Answer the challenge');
    await canvas.findByText(/We sent a code by email to c\S*@/);
    const field = canvas.getByLabelText('Answer');
    await expect(field.getAttribute('autocomplete')).toBe('one-time-code');
    const env = envOf(context);
    await submitAnswer(canvasElement, env.emulator.api.outbox.lastCode(USERS.customCode) ?? '');
    await waitFor(() => expect(canvas.getByRole('status').textContent).toBe('Signed in.'), {
      timeout: 5000,
    });
  },
};

/** A wrong password in the SRP step of CUSTOM_AUTH: refused before any code is sent. */
export const CustomAuthWrongPassword: Story = {
  loaders: [emulatorLoader(CUSTOM_CODE_POOL)],
  play: async (context) => {
    await submitSignIn(context.canvasElement, USERS.customCode, 'not-the-password');
    await expectAlert(context.canvasElement, /Incorrect username or password/);
    await expect(envOf(context).emulator.api.outbox.list()).toEqual([]);
  },
};

/** NEW_PASSWORD_REQUIRED in a pool that requires `name`: the step asks for it too. */
export const NewPasswordWithRequiredName: Story = {
  loaders: [emulatorLoader(REQUIRED_NAME_POOL)],
  play: async ({ canvasElement }) => {
    await submitSignIn(canvasElement, USERS.missingName);
    await expectScreen(canvasElement, 'Choose a new password');
    const name = within(canvasElement).getByLabelText('Full name');
    await expect(name.getAttribute('autocomplete')).toBe('name');
    await expect(name.hasAttribute('required')).toBe(true);
  },
};
