'use client';
import { signedInUserOf, type CognitoAuth } from '@cognito-kit/core';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { queryKeys } from '../hooks/queryKeys.js';

/** Removes every cached query of this library when the user signs out or another user signs in. */
export function useCacheReset(auth: CognitoAuth, queryClient: QueryClient): void {
  useEffect(() => {
    let user = signedInUserOf(auth.getSnapshot());
    return auth.subscribe((state) => {
      const next = signedInUserOf(state);
      // Keyed by user: a refresh or a newly remembered device keeps the same user's data.
      if (next?.userId === user?.userId) return;
      if (user !== null) queryClient.removeQueries({ queryKey: queryKeys.all });
      user = next;
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
