/**
 * Reading an authorization request (`/oauth2/authorize`, and again on the hosted page and after
 * an IdP round trip) into a decision: a valid request, an error to send back to the client's
 * redirect URI, or an error page when there is no redirect URI that may be trusted
 * ([DG authorization-endpoint]; COGNITO-PASSWORDLESS-OAUTH §7.1).
 */
import type { EngineContext } from '../context.js';
import { own } from '../model/records.js';
import type {
  ClientOAuthSettings,
  ClientState,
  IdentityProviderState,
  PoolState,
} from '../model/state.js';
import { findClient } from '../model/users.js';
import { OAuthError, single } from './http.js';

/** `prompt` values the emulator honours (OIDC Core §3.1.2.1). */
export type Prompt = 'login' | 'none' | 'select_account' | 'consent';

/** A valid authorization request. */
export interface AuthorizeRequest {
  pool: PoolState;
  client: ClientState;
  settings: ClientOAuthSettings;
  responseType: 'code' | 'token';
  redirectUri: string;
  scopes: string[];
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  /** An IdP chosen with `identity_provider` / `idp_identifier`; `COGNITO` means the hosted page. */
  provider?: IdentityProviderState | 'COGNITO';
  prompt?: Prompt;
  loginHint?: string;
  /** The request's query as received, to carry through the hosted page and IdP round trips. */
  query: string;
}

/** What to do with an authorization request. */
export type AuthorizeDecision =
  | { kind: 'ok'; request: AuthorizeRequest }
  /** Error sent back to the client (`?error=` on its redirect URI). */
  | {
      kind: 'redirect-error';
      redirectUri: string;
      error: string;
      description: string;
      state?: string;
      fragment: boolean;
    }
  /** No trustworthy redirect URI: Cognito's own error page (`/error?error=…`). */
  | { kind: 'page'; error: string; description: string; clientId?: string };

const PKCE_CHALLENGE = /^[A-Za-z0-9_-]{43,128}$/;
const PROMPTS: readonly string[] = ['login', 'none', 'select_account', 'consent'];

/** The IdP an `identity_provider` / `idp_identifier` names, if the client may use it. */
function chosenProvider(
  pool: PoolState,
  settings: ClientOAuthSettings,
  name: string | undefined,
  identifier: string | undefined,
): IdentityProviderState | 'COGNITO' | undefined {
  if (name === undefined && identifier === undefined) return undefined;
  if (name === 'COGNITO') {
    if (!settings.identityProviders.includes('COGNITO'))
      throw new OAuthError(
        'invalid_request',
        'The client does not support sign-in with user-pool accounts.',
      );
    return 'COGNITO';
  }
  const provider =
    name !== undefined
      ? own(pool.identityProviders, name)
      : Object.values(pool.identityProviders ?? {}).find((p) =>
          p.idpIdentifiers.includes(identifier ?? ''),
        );
  if (!provider || !settings.identityProviders.includes(provider.providerName)) {
    throw new OAuthError(
      'invalid_request',
      `The identity provider ${name ?? identifier} is not supported by this client.`,
    );
  }
  return provider;
}

/**
 * Decides on an authorization request's parameters.
 *
 * @example
 * const decision = readAuthorizeRequest(ctx, new URL(request.url).searchParams);
 */
export function readAuthorizeRequest(
  ctx: EngineContext,
  params: URLSearchParams,
): AuthorizeDecision {
  let clientId: string | undefined;
  let redirectUri: string | undefined;
  try {
    clientId = single(params, 'client_id');
    redirectUri = single(params, 'redirect_uri');
  } catch (error) {
    return { kind: 'page', error: 'invalid_request', description: (error as Error).message };
  }
  if (clientId === undefined)
    return { kind: 'page', error: 'invalid_request', description: 'client_id is missing.' };
  const found = findClient(ctx, clientId);
  if (!found)
    return {
      kind: 'page',
      error: 'invalid_request',
      description: 'The client does not exist.',
      clientId,
    };
  const { pool, client } = found;
  if (pool.domain === undefined)
    return {
      kind: 'page',
      error: 'invalid_request',
      description: 'The user pool has no domain.',
      clientId,
    };
  const settings = client.oauth;
  redirectUri ??= settings?.defaultRedirectUri;
  // Exact string comparison, the only safe one (reported for Cognito).
  if (
    settings === undefined ||
    redirectUri === undefined ||
    !settings.callbackUrls.includes(redirectUri)
  )
    return { kind: 'page', error: 'redirect_mismatch', description: 'redirect_mismatch', clientId };

  const rawType = params.get('response_type') ?? undefined;
  const state = params.get('state') ?? undefined;
  const fail = (error: string, description: string): AuthorizeDecision => ({
    kind: 'redirect-error',
    redirectUri,
    error,
    description,
    ...(state !== undefined && { state }),
    fragment: rawType === 'token',
  });
  try {
    const responseType = single(params, 'response_type');
    if (responseType === undefined) return fail('invalid_request', 'response_type is missing.');
    if (responseType !== 'code' && responseType !== 'token')
      return fail('unsupported_response_type', `response_type ${responseType} is not supported.`);
    const flow = responseType === 'code' ? 'code' : 'implicit';
    if (!settings.enabled || !settings.flows.includes(flow))
      return fail('unauthorized_client', `The client is not allowed the ${flow} flow.`);

    const requested = single(params, 'scope');
    const scopes =
      requested === undefined
        ? [...settings.scopes]
        : [...new Set(requested.split(/ +/).filter(Boolean))];
    const refused = scopes.filter((s) => !settings.scopes.includes(s));
    if (refused.length > 0)
      return fail('invalid_scope', `Scope ${refused.join(' ')} is not allowed for this client.`);

    const codeChallenge = single(params, 'code_challenge');
    const method = single(params, 'code_challenge_method');
    if (codeChallenge !== undefined || method !== undefined) {
      if (responseType !== 'code')
        return fail('invalid_request', 'PKCE applies to the code flow only.');
      // Only S256 (plain is refused, reported); a challenge must be 43–128 base64url characters.
      if (method !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256.');
      if (codeChallenge === undefined || !PKCE_CHALLENGE.test(codeChallenge))
        return fail('invalid_request', 'code_challenge must be 43 to 128 base64url characters.');
    }
    const prompt = single(params, 'prompt')?.toLowerCase();
    if (prompt !== undefined && !PROMPTS.includes(prompt))
      return fail('invalid_request', `prompt ${prompt} is not supported.`);
    const provider = chosenProvider(
      pool,
      settings,
      single(params, 'identity_provider'),
      single(params, 'idp_identifier'),
    );
    const nonce = single(params, 'nonce');
    const loginHint = single(params, 'login_hint');
    return {
      kind: 'ok',
      request: {
        pool,
        client,
        settings,
        responseType,
        redirectUri,
        scopes,
        ...(state !== undefined && { state }),
        ...(nonce !== undefined && { nonce }),
        ...(codeChallenge !== undefined && { codeChallenge }),
        ...(provider !== undefined && { provider }),
        ...(prompt !== undefined && { prompt: prompt as Prompt }),
        ...(loginHint !== undefined && { loginHint }),
        query: params.toString(),
      },
    };
  } catch (error) {
    if (error instanceof OAuthError) return fail(error.code, error.message);
    throw error;
  }
}
