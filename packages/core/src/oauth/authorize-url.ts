import { invalidInput } from '../errors/index.js';

/** Where the hosted page sends the user, and how (the `/oauth2/authorize` parameters we send). */
export interface AuthorizeRequest {
  /** `<domain>/oauth2/authorize` */
  readonly endpoint: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly state: string;
  readonly nonce: string;
  /** S256 of the PKCE verifier. */
  readonly codeChallenge: string;
  /** `identity_provider`: `COGNITO`, `Google`, `SignInWithApple`, … or a configured IdP name. */
  readonly provider?: string | undefined;
  /** `idp_identifier`: one of an IdP's `IdpIdentifiers` (never together with `provider`). */
  readonly idpIdentifier?: string | undefined;
  /** `lang`: managed-login language. */
  readonly lang?: string | undefined;
  /** `login_hint`: the username to prefill. */
  readonly loginHint?: string | undefined;
  /** `prompt`: `login` asks again even with a hosted session; `none` fails instead of asking. */
  readonly prompt?: 'login' | 'none' | 'select_account' | 'consent' | undefined;
}

/**
 * The `/oauth2/authorize` URL of a code-flow sign-in with PKCE S256 (COGNITO-PASSWORDLESS-OAUTH
 * §7.1). With `provider` or `idpIdentifier` Cognito skips its page and goes straight to that
 * identity provider. Pure: the random values come in.
 */
export function authorizeUrl(request: AuthorizeRequest): string {
  if (request.provider !== undefined && request.idpIdentifier !== undefined) {
    throw invalidInput('Give either provider or idpIdentifier, not both.');
  }
  if (!request.scopes.includes('openid')) {
    // The session is built on the ID token, which Cognito issues only with `openid`.
    throw invalidInput('Redirect sign-in needs the openid scope.');
  }
  const url = new URL(request.endpoint);
  const q = url.searchParams;
  q.set('response_type', 'code');
  q.set('client_id', request.clientId);
  q.set('redirect_uri', request.redirectUri);
  q.set('scope', request.scopes.join(' '));
  q.set('state', request.state);
  q.set('nonce', request.nonce);
  q.set('code_challenge', request.codeChallenge);
  q.set('code_challenge_method', 'S256');
  if (request.provider !== undefined) q.set('identity_provider', request.provider);
  if (request.idpIdentifier !== undefined) q.set('idp_identifier', request.idpIdentifier);
  if (request.lang !== undefined) q.set('lang', request.lang);
  if (request.loginHint !== undefined) q.set('login_hint', request.loginHint);
  if (request.prompt !== undefined) q.set('prompt', request.prompt);
  return url.href;
}

/**
 * The `/logout` URL that ends the hosted (managed-login) session and sends the browser to
 * `logoutUri`, which must be one of the app client's sign-out URLs (§7.5).
 */
export function logoutUrl(input: {
  endpoint: string;
  clientId: string;
  logoutUri: string;
}): string {
  const url = new URL(input.endpoint);
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('logout_uri', input.logoutUri);
  return url.href;
}
