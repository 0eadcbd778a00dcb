'use client';
import type { CodeDelivery, ConfirmForgotPasswordInput } from '@cognito-kit/core';
import { useMemo } from 'react';
import { useCognitoContext } from '../provider/context.js';

/** What {@link usePasswordReset} returns; each action rejects with a `CognitoError`. */
export interface UsePasswordResetResult {
  /** Asks Cognito to send a reset code; resolves with where it went (masked). */
  request(username: string): Promise<CodeDelivery | undefined>;
  /** Sets the new password with the code. */
  confirm(input: ConfirmForgotPasswordInput): Promise<void>;
}

/**
 * The forgotten-password flow (no session needed). The functions are stable.
 *
 * @example
 * const reset = usePasswordReset();
 * await reset.request('alice');
 * await reset.confirm({ username: 'alice', code, newPassword });
 */
export function usePasswordReset(): UsePasswordResetResult {
  const { auth } = useCognitoContext('usePasswordReset');
  return useMemo(
    () => ({
      request: (username) => auth.password.forgot({ username }),
      confirm: (input) => auth.password.confirmForgot(input),
    }),
    [auth],
  );
}
