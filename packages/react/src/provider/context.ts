'use client';
import type { CognitoAuth } from '@cognito-kit/core';
import { createContext, useContext } from 'react';

/** What {@link CognitoProvider} puts in context: the auth object and UI-side settings. */
export interface CognitoContextValue {
  /** The one auth object of this provider. */
  readonly auth: CognitoAuth;
  /** Issuer label of TOTP QR codes (`otpauth://totp/<issuer>:<account>`). */
  readonly totpIssuer: string;
}

/** The provider's context; `null` outside a {@link CognitoProvider}. */
export const CognitoContext = createContext<CognitoContextValue | null>(null);
CognitoContext.displayName = 'CognitoContext';

/**
 * The provider's context value. Throws a sentence naming the fix when used outside the provider.
 *
 * @param hook Name of the calling hook, used in the error message.
 */
export function useCognitoContext(hook = 'useCognitoAuth'): CognitoContextValue {
  const value = useContext(CognitoContext);
  if (value === null) {
    throw new Error(
      `${hook}() was called outside <CognitoProvider>: wrap your app (or this component's tree) ` +
        'in <CognitoProvider config={…}> from @cognito-kit/react.',
    );
  }
  return value;
}

/**
 * The core `CognitoAuth` object of the nearest {@link CognitoProvider}, for what the hooks do
 * not wrap (e.g. `prepareSignIn`, `rememberDevice`, `session`).
 *
 * @example
 * const auth = useCognitoAuth();
 * const token = await auth.getAccessToken();
 */
export function useCognitoAuth(): CognitoAuth {
  return useCognitoContext('useCognitoAuth').auth;
}
