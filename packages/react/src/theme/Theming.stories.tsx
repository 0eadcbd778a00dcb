import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { FOREST, SUNSET } from '../../test/brands.js';
import { PASSWORD, USERS } from '../../test/emulator-env.js';
import {
  emulatorLoader,
  expectAlert,
  expectScreen,
  submitSignIn,
  withEmulator,
} from '../../test/story-support.js';
import { SignIn } from '../components/SignIn/SignIn.js';
import { ScreenHeader } from '../parts/Screen.js';
import { themeCss, type Theme } from './theme.js';

/**
 * Theming: the same screens under two contrasting brands, each a typed `Theme` turned into the
 * stylesheet's tokens by `themeCss` for its own scope, with a logo and subtitle from
 * `ScreenHeader` on every step.
 */
const meta = {
  title: 'Theming',
  component: SignIn,
  loaders: [emulatorLoader()],
  decorators: [withEmulator],
  args: { children: <p role="status">Signed in.</p>, onForgotPassword: () => {} },
} satisfies Meta<typeof SignIn>;

export default meta;
type Story = StoryObj<typeof meta>;

function Leaf() {
  return (
    <svg role="img" aria-label="Forest & Co." viewBox="0 0 40 40" width="40" height="40">
      <path d="M20 3 6 24h9l-6 9h22l-6-9h9z" fill="#1d6b3a" />
      <rect x="18" y="31" width="4" height="7" fill="#6b4f2a" />
    </svg>
  );
}

function Sun() {
  return (
    <svg role="img" aria-label="Sunset Studio" viewBox="0 0 40 40" width="40" height="40">
      <circle cx="20" cy="22" r="10" fill="#f97316" />
      <rect x="2" y="30" width="36" height="4" rx="2" fill="#7b1fd1" />
    </svg>
  );
}

/** A brand: its theme's CSS scoped to a wrapper, and its header around the screens. */
function Brand(props: {
  theme: Theme;
  scope: string;
  scheme?: 'light' | 'dark';
  header: ReactNode;
  subtitle: string;
  children: ReactNode;
}) {
  return (
    <div className={props.scope} data-theme={props.scheme}>
      <style>{themeCss(props.theme, `.${props.scope}`)}</style>
      <ScreenHeader logo={props.header} subtitle={props.subtitle}>
        {props.children}
      </ScreenHeader>
    </div>
  );
}

async function expectBrandHeader(canvasElement: HTMLElement, name: string, subtitle: string) {
  const canvas = within(canvasElement);
  const region = await canvas.findByRole('region', { name: 'Sign in' });
  await expect(within(region).getByRole('img', { name })).toBeTruthy();
  await expect(within(region).getByText(subtitle)).toBeTruthy();
}

/** Square, serif, green: light. */
export const Forest: Story = {
  render: (args) => (
    <Brand theme={FOREST} scope="brand-forest" header={<Leaf />} subtitle="Members' area">
      <SignIn {...args} />
    </Brand>
  ),
  play: async ({ canvasElement }) => {
    await expectBrandHeader(canvasElement, 'Forest & Co.', "Members' area");
  },
};

/** The same brand forced dark: its own dark colours, and a checkbox that follows them. */
export const ForestDark: Story = {
  args: { devicesTracked: true },
  render: (args) => (
    <Brand
      theme={FOREST}
      scope="brand-forest"
      scheme="dark"
      header={<Leaf />}
      subtitle="Members' area"
    >
      <SignIn {...args} />
    </Brand>
  ),
  play: async ({ canvasElement }) => {
    await expectBrandHeader(canvasElement, 'Forest & Co.', "Members' area");
    await expect(
      within(canvasElement).getByRole('checkbox', { name: 'Remember this device' }),
    ).toBeTruthy();
  },
};

/** Round, purple, orange focus ring; the error callout in the brand's tint. */
export const Sunset: Story = {
  render: (args) => (
    <Brand theme={SUNSET} scope="brand-sunset" header={<Sun />} subtitle="Studio bookings">
      <SignIn {...args} />
    </Brand>
  ),
  play: async ({ canvasElement }) => {
    await expectBrandHeader(canvasElement, 'Sunset Studio', 'Studio bookings');
    await submitSignIn(canvasElement, USERS.plain, 'not-the-password');
    await expectAlert(canvasElement, /Incorrect username or password/);
  },
};

/** The header stays on every step: here the MFA code step of a user with an authenticator app. */
export const SunsetDarkChallenge: Story = {
  render: (args) => (
    <Brand
      theme={SUNSET}
      scope="brand-sunset"
      scheme="dark"
      header={<Sun />}
      subtitle="Studio bookings"
    >
      <SignIn {...args} />
    </Brand>
  ),
  play: async ({ canvasElement }) => {
    await submitSignIn(canvasElement, USERS.totp, PASSWORD);
    await expectScreen(canvasElement, 'Enter your code');
    const region = within(canvasElement).getByRole('region', { name: 'Enter your code' });
    await expect(within(region).getByRole('img', { name: 'Sunset Studio' })).toBeTruthy();
  },
};

/** No theme, no header: the default tokens (and without the stylesheet, plain HTML that works). */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectScreen(canvasElement, 'Sign in');
    await userEvent.click(canvas.getByRole('button', { name: 'Show password' }));
    await expect(canvas.getByLabelText('Password').getAttribute('type')).toBe('text');
  },
};
