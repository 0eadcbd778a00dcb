'use client';
import { isSameUser, signedInUserOf, type AuthView, type SignedInUser } from '@cognito-kit/core';
import { useAuth } from './useAuth.js';

const signedInUser = (view: AuthView): SignedInUser | null => signedInUserOf(view.state);

/**
 * The signed-in user (null otherwise), stable across token refreshes: the account hooks key
 * their queries by `userId` and enable them only while someone is signed in.
 */
export function useSignedInUser(): SignedInUser | null {
  return useAuth(signedInUser, isSameUser);
}
