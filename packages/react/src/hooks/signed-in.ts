'use client';
import type { SignedInUser } from '@cognito-kit/core';
import { useAuth, type AuthView } from './useAuth.js';

const signedInUser = (view: AuthView): SignedInUser | null =>
  view.state.status === 'signedIn' || view.state.status === 'rememberDevice'
    ? view.state.user
    : null;

// Refreshes replace the user object; only a different user (or none) matters to the caches.
const sameUser = (a: SignedInUser | null, b: SignedInUser | null) =>
  a?.userId === b?.userId && a?.deviceKey === b?.deviceKey;

/**
 * The signed-in user (null otherwise), stable across token refreshes: the account hooks key
 * their queries by `userId` and enable them only while someone is signed in.
 */
export function useSignedInUser(): SignedInUser | null {
  return useAuth(signedInUser, sameUser);
}
