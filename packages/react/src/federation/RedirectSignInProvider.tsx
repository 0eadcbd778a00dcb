'use client';
import type { RedirectSignIn } from '@cognito-kit/core/oauth';
import { useMemo, type ReactNode } from 'react';
import { RedirectSignInContext, type RedirectSignInContextValue } from './context.js';
import { IdentityProviderButtons } from './IdentityProviderButtons.js';

/** Props of {@link RedirectSignInProvider}. */
export interface RedirectSignInProviderProps {
  /** Made by `createRedirectSignIn(auth, …)` from `@cognito-kit/core/oauth`. */
  redirect: RedirectSignIn;
  children?: ReactNode;
}

/**
 * Turns on redirect sign-in below it: `<SignIn identityProviders={…}>` and `<Authenticator
 * identityProviders={…}>` show "Continue with …" buttons, and `<OAuthCallback>` finishes the
 * sign-in. A provider of its own (not a prop of `CognitoProvider`) so apps without it bundle none
 * of this.
 *
 * @example
 * const redirect = createRedirectSignIn(auth, { domain, redirectUri: `${location.origin}/callback` });
 * <CognitoProvider auth={auth}>
 *   <RedirectSignInProvider redirect={redirect}>
 *     <Authenticator identityProviders={['Google', { name: 'Acme SSO', idp: 'AcmeOIDC' }]} />
 *   </RedirectSignInProvider>
 * </CognitoProvider>
 */
export function RedirectSignInProvider({ redirect, children }: RedirectSignInProviderProps) {
  const value = useMemo<RedirectSignInContextValue>(
    () => ({
      redirect,
      renderButtons: (providers) => <IdentityProviderButtons providers={providers} />,
    }),
    [redirect],
  );
  return <RedirectSignInContext.Provider value={value}>{children}</RedirectSignInContext.Provider>;
}
