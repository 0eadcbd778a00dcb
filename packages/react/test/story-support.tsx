/**
 * Shared pieces of the stories: a loader that creates a fresh emulator + auth per story, a
 * decorator that puts the real provider around it, and the steps stories use to reach a state.
 */
import type { ComponentType } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  EmulatorProvider,
  PASSWORD,
  POOL,
  createEmulatorEnv,
  type EmulatorEnv,
} from './emulator-env.js';

/** A loader creating a fresh {@link EmulatorEnv} for `poolId` (available as `loaded.env`). */
export function emulatorLoader(poolId: string = POOL): () => { env: EmulatorEnv } {
  return () => ({ env: createEmulatorEnv(poolId) });
}

/**
 * A loader that also signs `username` in before the story renders, so the story starts at the
 * state that sign-in reaches (a challenge, or signed in).
 */
export function signedInLoader(
  username: string,
  poolId: string = POOL,
): () => Promise<{ env: EmulatorEnv }> {
  return async () => {
    const env = createEmulatorEnv(poolId);
    await env.auth.start();
    const state = await env.auth.signIn({ username, password: PASSWORD });
    // The demo pool tracks devices on opt-in; stories that start signed in decline.
    if (state.status === 'rememberDevice') await env.auth.rememberDevice(false);
    return { env };
  };
}

/** The env a story's loader created. */
export function envOf(context: { loaded: Record<string, unknown> }): EmulatorEnv {
  const env = context.loaded['env'];
  if (!env) throw new Error('This story needs `loaders: [emulatorLoader()]` to get an emulator.');
  return env as EmulatorEnv;
}

/** Wraps the story in the real CognitoProvider around the loader's env. */
export const withEmulator = (
  Story: ComponentType,
  context: { loaded: Record<string, unknown> },
) => (
  <EmulatorProvider env={envOf(context)}>
    <Story />
  </EmulatorProvider>
);

/** Types credentials into the sign-in form and submits it. */
export async function submitSignIn(
  canvasElement: HTMLElement,
  username: string,
  password = PASSWORD,
) {
  const canvas = within(canvasElement);
  const user = userEvent.setup();
  await user.type(await canvas.findByLabelText('Username'), username);
  await user.type(canvas.getByLabelText('Password'), password);
  await user.click(canvas.getByRole('button', { name: 'Sign in' }));
}

/** Waits for the screen titled `title` (the step's heading). */
export async function expectScreen(canvasElement: HTMLElement, title: string | RegExp) {
  const canvas = within(canvasElement);
  await waitFor(() => expect(canvas.getByRole('heading', { name: title })).toBeTruthy(), {
    timeout: 5000,
  });
}

/** Waits for the form's alert to say `text`. */
export async function expectAlert(canvasElement: HTMLElement, text: string | RegExp) {
  const canvas = within(canvasElement);
  await waitFor(
    () =>
      expect(
        canvas
          .getAllByRole('alert')
          .map((a) => a.textContent)
          .join(' '),
      ).toMatch(text),
    { timeout: 5000 },
  );
}

/** Types a code into the field labelled "Code" and submits with the button `submit`. */
export async function submitCode(canvasElement: HTMLElement, code: string, submit = 'Verify') {
  const canvas = within(canvasElement);
  const user = userEvent.setup();
  await user.type(await canvas.findByLabelText('Code'), code);
  await user.click(canvas.getByRole('button', { name: submit }));
}

/**
 * Answers the remembered-device question that follows sign-in in a pool that tracks devices
 * (Cognito's answer carried a new device key): "Not now", or remember it.
 */
export async function answerRememberDevice(canvasElement: HTMLElement, remember = false) {
  // Waits out the whole last sign-in step (the answer, the tokens verified against the JWKS),
  // which on a loaded two-core machine took longer than the 5 s of a single screen change.
  await within(canvasElement).findByRole(
    'heading',
    { name: 'Remember this device?' },
    { timeout: 10_000 },
  );
  const name = remember ? 'Remember this device' : 'Not now';
  await userEvent.click(within(canvasElement).getByRole('button', { name }));
}
