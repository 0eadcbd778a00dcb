'use client';
import type { RedirectSignIn } from '@cognito-kit/core/oauth';
import { createContext, useContext, type ReactNode } from 'react';

/** A provider button: a well-known provider's Cognito name, or a named OIDC/SAML provider. */
export type IdentityProviderChoice =
  | 'Google'
  | 'SignInWithApple'
  | 'Facebook'
  | 'LoginWithAmazon'
  | {
      /** The button's text: "Continue with <name>". */
      readonly name: string;
      /** The provider's name in the user pool (`identity_provider`). */
      readonly idp: string;
      /** An icon you are allowed to show (decorative; the text names the provider). */
      readonly icon?: ReactNode;
    }
  | {
      readonly name: string;
      /** One of the provider's `IdpIdentifiers` (`idp_identifier`), e.g. an e-mail domain. */
      readonly idpIdentifier: string;
      readonly icon?: ReactNode;
    };

/** What {@link RedirectSignInProvider} shares: the redirect object and how to draw its buttons. */
export interface RedirectSignInContextValue {
  readonly redirect: RedirectSignIn;
  /**
   * Draws the buttons. Held here, not imported by `SignIn`, so an app without redirect sign-in
   * never bundles them.
   */
  readonly renderButtons: (providers: readonly IdentityProviderChoice[]) => ReactNode;
}

/** The redirect sign-in context; `null` outside a `RedirectSignInProvider`. */
export const RedirectSignInContext = createContext<RedirectSignInContextValue | null>(null);
RedirectSignInContext.displayName = 'RedirectSignInContext';

/** The nearest provider's value, or a sentence naming the fix. */
export function useRedirectSignInContext(user: string): RedirectSignInContextValue {
  const value = useContext(RedirectSignInContext);
  if (value === null) {
    throw new Error(
      `${user} needs <RedirectSignInProvider redirect={createRedirectSignIn(auth, …)}> from ` +
        '@cognito-kit/react around it (inside <CognitoProvider>).',
    );
  }
  return value;
}

/**
 * The `RedirectSignIn` object of the nearest `RedirectSignInProvider`.
 *
 * @example
 * const redirect = useRedirectSignIn();
 * await redirect.signOut({ endHostedSession: true });
 */
export function useRedirectSignIn(): RedirectSignIn {
  return useRedirectSignInContext('useRedirectSignIn()').redirect;
}
