/**
 * Texts of redirect sign-in (provider buttons, `OAuthCallback`), a catalogue of their own like
 * the admin screens', so apps without redirect sign-in ship none of them. Give one to
 * `RedirectSignInProvider` (`messages={federationDe}`); English by default.
 */
export interface FederationMessages {
  /** The language (BCP 47), as the main messages'. */
  locale: string;
  /** A provider button's label. */
  continueWith: (provider: string) => string;
  /** Between the password form and the provider buttons. */
  divider: string;
  /** Accessible name of the group of provider buttons. */
  providers: string;
  /** `OAuthCallback` while the code is exchanged. */
  finishing: string;
  /** `OAuthStateMismatch`, `OAuthNoPendingRedirect`: the callback is not this tab's (tampered, used twice, other tab). */
  redirectRefused: string;
  /** `OAuthError`: Cognito or the identity provider refused, or the user cancelled there. */
  providerRefused: string;
}
