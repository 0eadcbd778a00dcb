'use client';
import type { CognitoAuth, SignedInUser } from '@cognito-kit/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from './queryKeys.js';

/**
 * The GetUser query `useUser` and `useMfa` share (one request, one cache entry per user under
 * `queryKeys.profile(sub)`), enabled only while someone is signed in.
 */
export function useProfileQuery(auth: CognitoAuth, user: SignedInUser | null) {
  const queryClient = useQueryClient();
  const key = queryKeys.profile(user?.userId ?? '');
  const profile = useQuery({
    queryKey: key,
    queryFn: () => auth.user.getAttributes(),
    enabled: user !== null,
  });
  /** Reads the profile again after a change (Cognito decides what stuck). */
  const refetch = () => queryClient.invalidateQueries({ queryKey: key });
  return { profile, key, queryClient, refetch };
}
