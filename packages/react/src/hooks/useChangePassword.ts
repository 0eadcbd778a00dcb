'use client';
import { useMemo } from 'react';
import { useCognitoContext } from '../provider/context.js';

/** What {@link useChangePassword} returns. */
export interface UseChangePasswordResult {
  /** Changes the signed-in user's password; rejects with a `CognitoError` (wrong current password…). */
  changePassword(input: { currentPassword: string; newPassword: string }): Promise<void>;
}

/**
 * Password change for the signed-in user. The function is stable.
 *
 * @example
 * const { changePassword } = useChangePassword();
 * await changePassword({ currentPassword, newPassword });
 */
export function useChangePassword(): UseChangePasswordResult {
  const { auth } = useCognitoContext('useChangePassword');
  return useMemo(
    () => ({
      changePassword: ({ currentPassword, newPassword }) =>
        auth.password.change({ oldPassword: currentPassword, newPassword }),
    }),
    [auth],
  );
}
