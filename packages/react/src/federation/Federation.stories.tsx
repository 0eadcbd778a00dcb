import { createRedirectSignIn, type RedirectSignIn } from '@cognito-kit/core/oauth';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentType } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ENDPOINT } from '../../test/emulator-env.js';
import {
  emulatorLoader,
  envOf,
  expectAlert,
  expectScreen,
  withEmulator,
} from '../../test/story-support.js';
import { Authenticator } from '../components/Authenticator/Authenticator.js';
import { MessagesProvider } from '../messages/MessagesProvider.js';
import { ja } from '../messages/locales/ja.js';
import { OAuthCallback } from './OAuthCallback.js';
import { RedirectSignInProvider } from './RedirectSignInProvider.js';

const CALLBACK = `${location.origin}/callback`;

/** What a story's redirect did: the URLs it navigated to and its pending-sign-in storage. */
interface RedirectLog {
  redirect: RedirectSignIn;
  navigated: string[];
  store: Map<string, string>;
}

/**
 * A loader adding a redirect object whose navigation is recorded instead of performed; `prepare`
 * then brings it to the story's starting point (loaders run side by side, so one loader does all).
 */
function redirectLoader(prepare?: (log: RedirectLog) => Promise<Record<string, unknown>>) {
  const emulator = emulatorLoader();
  return async () => {
    const { env } = emulator();
    const navigated: string[] = [];
    const store = new Map<string, string>();
    const redirect = createRedirectSignIn(env.auth, {
      domain: ENDPOINT,
      redirectUri: CALLBACK,
      logoutUri: `${location.origin}/`,
      navigate: (url) => void navigated.push(url),
      pendingStorage: {
        getItem: (k) => store.get(k) ?? null,
        setItem: (k, v) => void store.set(k, v),
        removeItem: (k) => void store.delete(k),
      },
    });
    const log: RedirectLog = { redirect, navigated, store };
    return { env, log, ...(prepare ? await prepare(log) : {}) };
  };
}

const logOf = (context: { loaded: Record<string, unknown> }) =>
  context.loaded['log'] as RedirectLog;

const withRedirect = (Story: ComponentType, context: { loaded: Record<string, unknown> }) => (
  <RedirectSignInProvider redirect={logOf(context).redirect}>
    <Story />
  </RedirectSignInProvider>
);

const meta = {
  title: 'Components/Redirect sign-in',
  decorators: [withRedirect, withEmulator],
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const PROVIDERS = ['Google', 'SignInWithApple', { name: 'Acme SSO', idp: 'AcmeOIDC' }] as const;

/** The Authenticator with three providers: Google with its mark, the others as text. */
export const ProviderButtons: Story = {
  loaders: [redirectLoader()],
  render: () => <Authenticator identityProviders={PROVIDERS} />,
  play: async ({ canvasElement, loaded }) => {
    await expectScreen(canvasElement, 'Sign in');
    const canvas = within(canvasElement);
    const group = canvas.getByRole('group', { name: 'Other ways to sign in' });
    const names = within(group)
      .getAllByRole('button')
      .map((b) => b.textContent);
    await expect(names).toEqual([
      'Continue with Google',
      'Continue with Apple',
      'Continue with Acme SSO',
    ]);
    await userEvent.click(canvas.getByRole('button', { name: 'Continue with Acme SSO' }));
    const { navigated, store } = logOf({ loaded });
    await waitFor(() => expect(navigated).toHaveLength(1));
    const url = new URL(navigated[0] ?? '');
    await expect(url.pathname).toBe('/oauth2/authorize');
    await expect(url.searchParams.get('identity_provider')).toBe('AcmeOIDC');
    await expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    // The pending sign-in waits in this tab's storage, with where the user was.
    const [pending] = [...store.values()];
    await expect(JSON.parse(pending ?? '{}')).toMatchObject({
      state: url.searchParams.get('state'),
      returnTo: location.href,
    });
  },
};

/** The same buttons in Japanese. */
export const ProviderButtonsJapanese: Story = {
  loaders: [redirectLoader()],
  render: () => (
    <MessagesProvider messages={ja}>
      <Authenticator identityProviders={['Google']} />
    </MessagesProvider>
  ),
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('button', { name: 'Google で続行' });
  },
};

/** Starts a sign-in with Google, as the button would; the callback is then built from its URL. */
const startedWithGoogle = (callback: (state: string) => string) =>
  redirectLoader(async (log) => {
    await log.redirect.signInWithRedirect({ provider: 'Google' });
    const state = new URL(log.navigated[0] ?? '').searchParams.get('state') ?? '';
    return { callback: callback(state) };
  });

/** A callback whose state is not the one this tab sent: refused, nothing signed in. */
export const CallbackTamperedState: Story = {
  loaders: [startedWithGoogle(() => `${CALLBACK}?code=abc&state=forged`)],
  render: (_args, { loaded }) => (
    <OAuthCallback url={loaded['callback'] as string} onBackToSignIn={() => {}} />
  ),
  play: async ({ canvasElement, loaded }) => {
    await expectAlert(canvasElement, /could not be finished/);
    await within(canvasElement).findByRole('button', { name: 'Back to sign in' });
    await expect(envOf({ loaded }).auth.getSnapshot().status).toBe('signedOut');
    await expect(logOf({ loaded }).store.size).toBe(0);
  },
};

/** The provider (or the user there) said no: the callback carries `error=` with our state. */
export const CallbackProviderRefused: Story = {
  loaders: [startedWithGoogle((state) => `${CALLBACK}?error=access_denied&state=${state}`)],
  render: (_args, { loaded }) => (
    <OAuthCallback url={loaded['callback'] as string} onBackToSignIn={() => {}} />
  ),
  play: async ({ canvasElement, loaded }) => {
    await expectAlert(canvasElement, /cancelled or refused/);
    await expect(envOf({ loaded }).auth.getSnapshot().status).toBe('signedOut');
  },
};
