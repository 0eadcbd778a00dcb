/**
 * Test support for the provider and hook tests: an in-process emulator with a frozen clock, a
 * config whose fetch records each Cognito action and can go offline or hold a request, and
 * timers the refresh scheduler runs on that the test fires by hand. No Cognito mocks.
 */
import {
  memoryStorage,
  type CognitoAuth,
  type CognitoAuthConfig,
  type SchedulerTimers,
} from '@cognito-kit/core';
import { createEmulator, type Emulator, type EmulatorSeed } from '@cognito-kit/emulator';
import type { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { expect } from 'vitest';
import { useAuth } from '../src/hooks/useAuth.js';
import { CognitoProvider } from '../src/provider/CognitoProvider.js';

export const ENDPOINT = 'http://cognito.hooks.test';
export const POOL_ID = 'us-east-1_HookTests1';
export const CLIENT_ID = 'hooktestsclient00000000001';
export const PASSWORD = 'Corr3ct-Horse!';
/** Access and ID tokens live 10 minutes here, so refresh tests step through one lifetime. */
export const TOKEN_SECONDS = 600;

export const hookSeed: EmulatorSeed = {
  pools: [
    {
      id: POOL_ID,
      mfa: { mode: 'OPTIONAL', factors: ['SMS', 'TOTP', 'EMAIL'] },
      autoVerifiedAttributes: ['email'],
      deviceTracking: 'always',
      clients: [
        {
          id: CLIENT_ID,
          tokenValidity: { accessToken: TOKEN_SECONDS, idToken: TOKEN_SECONDS },
        },
      ],
      users: [
        {
          username: 'alice',
          password: PASSWORD,
          attributes: { email: 'alice@example.com', email_verified: true, given_name: 'Alice' },
        },
        {
          username: 'bob',
          password: PASSWORD,
          attributes: {
            email: 'bob@example.com',
            email_verified: true,
            phone_number: '+15555550123',
            phone_number_verified: true,
          },
        },
        {
          username: 'sam',
          password: PASSWORD,
          attributes: { phone_number: '+15555550199', phone_number_verified: true },
          mfa: { sms: true, preferred: 'SMS' },
        },
      ],
    },
  ],
};

/** Timers that fire only when the test says so, at the emulator's (frozen) time. */
export interface ManualTimers extends SchedulerTimers {
  readonly pending: Set<{ at: number; callback: () => void }>;
  /** Fires every timer due at the current time. */
  fireDue(): void;
}

export function manualTimers(now: () => number): ManualTimers {
  const pending = new Set<{ at: number; callback: () => void }>();
  return {
    pending,
    now,
    setTimeout(callback, ms) {
      const timer = { at: now() + ms, callback };
      pending.add(timer);
      return timer;
    },
    clearTimeout: (handle) => void pending.delete(handle as { at: number; callback: () => void }),
    fireDue() {
      for (const timer of [...pending]) {
        if (timer.at <= now()) {
          pending.delete(timer);
          timer.callback();
        }
      }
    },
  };
}

/** One emulator, a config pointing at it, and the knobs of its fetch. */
export interface HookEnv {
  emulator: Emulator;
  config: CognitoAuthConfig;
  timers: ManualTimers;
  /** Cognito actions sent so far (`InitiateAuth`, `GetUser`…), oldest first. */
  calls: string[];
  /** While true, every request fails like a dropped connection. */
  offline: boolean;
  /** Holds requests of `action` until the returned function is called. */
  hold(action: string): () => void;
  /**
   * Lets the fake time pass: moves the clock, fires due timers, then waits until the scheduler
   * holds `timersAfter` timers (it holds none while a refresh runs or nobody is signed in).
   */
  advance(ms: number, timersAfter?: number): Promise<void>;
}

export function createHookEnv(overrides: Partial<CognitoAuthConfig> = {}): HookEnv {
  const emulator = createEmulator(hookSeed, { now: Date.now() });
  const now = () => emulator.api.clock.now();
  const held = new Map<string, Promise<void>>();
  const timers = manualTimers(now);
  const env: HookEnv = {
    emulator,
    timers,
    calls: [],
    offline: false,
    config: {
      endpoint: ENDPOINT,
      userPoolId: POOL_ID,
      clientId: CLIENT_ID,
      storage: memoryStorage(),
      clock: { now },
      crossTab: false,
      // The auth object's own schedule, on the test's timers (browser page events included).
      autoRefresh: { timers, jitter: 0 },
      fetch: async (input, init) => {
        const request = new Request(input, init);
        const action = request.headers.get('x-amz-target')?.split('.')[1];
        if (action) env.calls.push(action);
        if (action) await held.get(action);
        if (env.offline) throw new TypeError('Failed to fetch');
        return emulator.fetch(request);
      },
      ...overrides,
    } as CognitoAuthConfig,
    hold(action) {
      let release!: () => void;
      held.set(action, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        held.delete(action);
        release();
      };
    },
    async advance(ms, timersAfter = 1) {
      emulator.api.clock.advance(ms);
      env.timers.fireDue();
      await expect.poll(() => env.timers.pending.size).toBe(timersAfter);
    },
  };
  return env;
}

/** How many of `calls` are `action`. */
export const count = (calls: readonly string[], action: string) =>
  calls.filter((c) => c === action).length;

/** Options of {@link renderSignedIn}. */
export interface RenderSignedInOptions {
  /** Who signs in; `null` renders signed out. Default `alice`. */
  username?: string | null;
  queryClient?: QueryClient;
  totpIssuer?: string;
  /** An auth object to pass in (`auth` prop) instead of the provider creating one from `env.config`. */
  auth?: CognitoAuth;
}

/**
 * Renders `hook` (next to `useAuth`) inside a provider owning an auth object over `env`, and
 * signs `username` in through the view.
 */
export async function renderSignedIn<T>(
  env: HookEnv,
  hook: () => T,
  options: RenderSignedInOptions = {},
) {
  const { username = 'alice', queryClient, totpIssuer, auth } = options;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <CognitoProvider
      {...(auth ? { auth } : { config: env.config })}
      {...(queryClient ? { queryClient } : {})}
      {...(totpIssuer ? { totpIssuer } : {})}
    >
      {children}
    </CognitoProvider>
  );
  const rendered = renderHook(() => ({ auth: useAuth(), hook: hook() }), { wrapper });
  await waitFor(() => expect(rendered.result.current.auth.status).toBe('signedOut'));
  if (username !== null) {
    await act(() => rendered.result.current.auth.signIn({ username, password: PASSWORD }));
    expect(rendered.result.current.auth.status).toBe('signedIn');
  }
  return rendered;
}
