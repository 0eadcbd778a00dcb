'use client';
import {
  createRefreshScheduler,
  type AuthState,
  type CognitoAuth,
  type RefreshSchedulerOptions,
} from '@cognito-kit/core';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { queryKeys } from '../hooks/queryKeys.js';

/**
 * Runs core's refresh scheduler on `auth.session` while mounted. Timers cannot be trusted in
 * background tabs or across a laptop's sleep, so the scheduler also looks at the clock whenever
 * the page becomes visible, regains focus or the network, or is resumed from the bfcache or a
 * freeze. Network failures are retried with backoff by the scheduler, cut short when the network
 * comes back (`online`); a refused refresh token
 * ends the session in core (status `signedOut`, reason `refreshRejected`).
 * The options are read when the schedule starts (on mount and when `auth` changes).
 */
export function useRefreshSchedule(
  auth: CognitoAuth,
  options: Omit<RefreshSchedulerOptions, 'onError'> | false,
  onError: ((error: unknown) => void) | undefined,
): void {
  const latest = useRef({ options, onError });
  latest.current = { options, onError };
  const enabled = options !== false;
  useEffect(() => {
    const current = latest.current.options;
    if (current === false || typeof window === 'undefined') return;
    const scheduler = createRefreshScheduler(auth.session, {
      ...current,
      onError: (error) => latest.current.onError?.(error),
    });
    const check = () => scheduler.check();
    // Back online: the failures that built up the backoff were the network's, so retry now.
    const onOnline = () => scheduler.check({ resetBackoff: true });
    const onVisibility = () => {
      if (document.visibilityState !== 'hidden') check();
    };
    const windowEvents = ['focus', 'pageshow'] as const;
    for (const name of windowEvents) window.addEventListener(name, check);
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisibility);
    document.addEventListener('resume', check); // Page Lifecycle: a frozen tab thaws
    return () => {
      for (const name of windowEvents) window.removeEventListener(name, check);
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisibility);
      document.removeEventListener('resume', check);
      scheduler.dispose();
    };
  }, [auth, enabled]);
}

function userIdOf(state: AuthState): string | null {
  return state.status === 'signedIn' || state.status === 'rememberDevice'
    ? state.user.userId
    : null;
}

/** Removes every cached query of this library when the user signs out or another user signs in. */
export function useCacheReset(auth: CognitoAuth, queryClient: QueryClient): void {
  useEffect(() => {
    let userId = userIdOf(auth.getSnapshot());
    return auth.subscribe((state) => {
      const next = userIdOf(state);
      if (next === userId) return;
      if (userId !== null) queryClient.removeQueries({ queryKey: queryKeys.all });
      userId = next;
    });
  }, [auth, queryClient]);
}

/**
 * Disposes an auth object the provider created when the provider unmounts. StrictMode unmounts
 * and remounts effects at once on the same instance, so disposal waits a microtask and is
 * cancelled by the remount (a disposed auth object cannot be restarted).
 */
export function useOwnedAuthDisposal(owned: CognitoAuth | null, onDisposed: () => void): void {
  const pending = useRef<{ cancelled: boolean } | null>(null);
  const disposed = useRef(onDisposed);
  disposed.current = onDisposed;
  useEffect(() => {
    if (!owned) return;
    if (pending.current) pending.current.cancelled = true;
    return () => {
      const token = { cancelled: false };
      pending.current = token;
      queueMicrotask(() => {
        if (token.cancelled) return;
        owned.dispose();
        disposed.current();
      });
    };
  }, [owned]);
}
