/**
 * The rules an app client's OAuth 2.0 settings must follow (service model members of
 * CreateUserPoolClient, COGNITO-PASSWORDLESS-OAUTH §8): one pure check shared by the admin API
 * (which turns a problem into its Cognito exception) and the seed (which lists it).
 */
import type { ClientOAuthSettings, OAuthFlow, PoolState } from './state.js';

/** The standard scopes Cognito knows besides the resource servers' custom ones. */
export const STANDARD_SCOPES = [
  'openid',
  'email',
  'phone',
  'profile',
  'aws.cognito.signin.user.admin',
] as const;

/** Values of `AllowedOAuthFlows`. */
export const OAUTH_FLOWS: readonly OAuthFlow[] = ['code', 'implicit', 'client_credentials'];

/** A broken rule, with the exception the admin API answers. */
export interface OAuthSettingsProblem {
  type: 'InvalidOAuthFlowException' | 'ScopeDoesNotExistException' | 'InvalidParameterException';
  message: string;
}

/** What the check needs to know about the pool and the client. */
export interface OAuthSettingsContext {
  hasSecret: boolean;
  /** Every `<identifier>/<scope>` of the pool's resource servers. */
  customScopes: ReadonlySet<string>;
  /** Names of the pool's identity providers. */
  providers: ReadonlySet<string>;
}

/**
 * A callback or sign-out URL Cognito accepts: absolute, no fragment, HTTPS unless it is a
 * loopback address over HTTP; other schemes (`myapp://callback`) are allowed for native apps.
 */
export function isAcceptableRedirectUrl(text: string): boolean {
  if (text.length === 0 || text.length > 1024) return false;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (text.includes('#')) return false;
  if (url.protocol === 'http:') {
    return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  }
  return url.protocol !== 'javascript:' && url.protocol !== 'data:';
}

/** Every `<identifier>/<scope>` of a pool's resource servers. */
export function customScopesOf(pool: PoolState): Set<string> {
  const scopes = new Set<string>();
  for (const server of Object.values(pool.resourceServers ?? {})) {
    for (const scope of server.scopes) scopes.add(`${server.identifier}/${scope.name}`);
  }
  return scopes;
}

/**
 * The problems of `settings`, empty when they are valid.
 *
 * @example
 * oauthSettingsProblems({ enabled: true, flows: ['client_credentials'], scopes: [], … },
 *   { hasSecret: false, customScopes: new Set(), providers: new Set() });
 * // → [{ type: 'InvalidOAuthFlowException', message: '…needs a client secret…' }]
 */
export function oauthSettingsProblems(
  settings: ClientOAuthSettings,
  context: OAuthSettingsContext,
): OAuthSettingsProblem[] {
  const problems: OAuthSettingsProblem[] = [];
  const flow = (message: string) => problems.push({ type: 'InvalidOAuthFlowException', message });
  if (settings.flows.includes('client_credentials')) {
    if (settings.flows.length > 1)
      flow('client_credentials flow can not be selected along with code flow or implicit flow.');
    if (!context.hasSecret)
      flow('client_credentials flow can not be selected if client does not have a client secret.');
  }
  if (settings.enabled && settings.flows.length === 0)
    flow('AllowedOAuthFlows must be specified when AllowedOAuthFlowsUserPoolClient is true.');
  const standard: readonly string[] = STANDARD_SCOPES;
  for (const scope of settings.scopes) {
    if (!standard.includes(scope) && !context.customScopes.has(scope)) {
      problems.push({
        type: 'ScopeDoesNotExistException',
        message: `Invalid scope requested: ${scope}`,
      });
    }
  }
  if (settings.flows.includes('client_credentials')) {
    const userScopes = settings.scopes.filter((s) => standard.includes(s));
    if (userScopes.length > 0)
      flow(
        `client_credentials flow can only be used with custom scopes, not ${userScopes.join(', ')}.`,
      );
  }
  for (const url of [...settings.callbackUrls, ...settings.logoutUrls]) {
    if (!isAcceptableRedirectUrl(url)) {
      problems.push({
        type: 'InvalidParameterException',
        message: `${url} is not a valid URL: it must be absolute, without a fragment, and HTTPS unless it is http://localhost.`,
      });
    }
  }
  if (
    settings.defaultRedirectUri !== undefined &&
    !settings.callbackUrls.includes(settings.defaultRedirectUri)
  ) {
    problems.push({
      type: 'InvalidParameterException',
      message: 'DefaultRedirectURI must be one of the CallbackURLs.',
    });
  }
  if (
    settings.enabled &&
    settings.flows.some((f) => f !== 'client_credentials') &&
    settings.callbackUrls.length === 0
  ) {
    problems.push({
      type: 'InvalidParameterException',
      message: 'CallbackURLs must be specified for the code and implicit flows.',
    });
  }
  for (const name of settings.identityProviders) {
    if (name !== 'COGNITO' && !context.providers.has(name)) {
      problems.push({
        type: 'InvalidParameterException',
        message: `The provider ${name} does not exist for User Pool.`,
      });
    }
  }
  return problems;
}
