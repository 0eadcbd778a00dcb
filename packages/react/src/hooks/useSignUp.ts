'use client';
import type {
  AuthState,
  CodeDelivery,
  ConfirmSignUpInput,
  SignUpInput,
  SignUpResult,
} from '@cognito-kit/core';
import { useMemo } from 'react';
import { useCognitoContext } from '../provider/context.js';

/** What {@link useSignUp} returns; each action rejects with a `CognitoError`. */
export interface UseSignUpResult {
  /** Registers a user; `userConfirmed` is false when a code must be entered. */
  signUp(input: SignUpInput): Promise<SignUpResult>;
  /**
   * Confirms the registration with the code the user received. With `autoSignIn: true` the
   * user is signed in at once where the pool allows it (choice-based sign-in): resolves with
   * the resulting auth state, or null when the user must sign in as usual.
   */
  confirm(input: ConfirmSignUpInput & { autoSignIn?: boolean }): Promise<AuthState | null>;
  /** Sends the confirmation code again. */
  resendCode(username: string): Promise<CodeDelivery | undefined>;
}

/**
 * Sign-up and its confirmation (no session needed). The functions are stable.
 *
 * @example
 * const { signUp, confirm } = useSignUp();
 * const { userConfirmed } = await signUp({ username, password, attributes: { email } });
 * if (!userConfirmed) await confirm({ username, code });
 */
export function useSignUp(): UseSignUpResult {
  const { auth } = useCognitoContext('useSignUp');
  return useMemo(
    () => ({
      signUp: (input) => auth.registration.signUp(input),
      confirm: (input) => auth.registration.confirm(input),
      resendCode: (username) => auth.registration.resendCode({ username }),
    }),
    [auth],
  );
}
