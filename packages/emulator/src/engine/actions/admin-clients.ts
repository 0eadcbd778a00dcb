/**
 * App-client management: CreateUserPoolClient, DescribeUserPoolClient, UpdateUserPoolClient,
 * ListUserPoolClients, DeleteUserPoolClient.
 */
import { own } from '../model/records.js';
import type { ActionMap } from '../protocol/action.js';
import type { EngineContext } from '../context.js';
import { clientNotFound, serviceError } from '../protocol/errors.js';
import { clientFromSeed } from '../seed/seed.js';
import type { ClientState, ExplicitAuthFlow, PoolState } from '../model/state.js';
import { requirePool } from '../model/users.js';
import {
  bool,
  int,
  oneOf,
  readInput,
  rules,
  str,
  stringList,
  struct,
  validationError,
} from '../protocol/validate.js';
import { limitField, paginate, sortedBy, tokenField, userPoolIdField } from './admin-common.js';
import { clientType } from './admin-shapes.js';
import { OAUTH_FLOWS, customScopesOf, oauthSettingsProblems } from '../model/oauth-settings.js';

const UNIT_SECONDS = { seconds: 1, minutes: 60, hours: 3600, days: 86400 } as const;
const unitField = () => oneOf(['seconds', 'minutes', 'hours', 'days']);

/** Legacy flow names Cognito still accepts, mapped to their `ALLOW_` successors. */
const FLOW_NAMES: Record<string, ExplicitAuthFlow | null> = {
  ALLOW_USER_SRP_AUTH: 'ALLOW_USER_SRP_AUTH',
  ALLOW_USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  ALLOW_REFRESH_TOKEN_AUTH: 'ALLOW_REFRESH_TOKEN_AUTH',
  ALLOW_ADMIN_USER_PASSWORD_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  ALLOW_CUSTOM_AUTH: 'ALLOW_CUSTOM_AUTH',
  ALLOW_USER_AUTH: 'ALLOW_USER_AUTH',
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  CUSTOM_AUTH_FLOW_ONLY: null,
};

const clientSettingFields = {
  ClientName: str({
    min: 1,
    max: 128,
    pattern: { regex: /^[\w\s+=,.@-]+$/, text: '[\\w\\s+=,.@-]+' },
  }),
  RefreshTokenValidity: int({ min: 0, max: 315360000 }),
  AccessTokenValidity: int({ min: 1, max: 86400 }),
  IdTokenValidity: int({ min: 1, max: 86400 }),
  TokenValidityUnits: struct({
    AccessToken: unitField(),
    IdToken: unitField(),
    RefreshToken: unitField(),
  }),
  ReadAttributes: stringList(),
  WriteAttributes: stringList(),
  ExplicitAuthFlows: stringList(),
  PreventUserExistenceErrors: oneOf(['LEGACY', 'ENABLED']),
  EnableTokenRevocation: bool(),
  AuthSessionValidity: int({ min: 3, max: 15 }),
  RefreshTokenRotation: struct({
    Feature: oneOf(['ENABLED', 'DISABLED'], { required: true }),
    RetryGracePeriodSeconds: int({ min: 0, max: 60 }),
  }),
  AllowedOAuthFlows: stringList({ max: 3 }),
  AllowedOAuthScopes: stringList({ max: 50, item: { min: 1, max: 256 } }),
  CallbackURLs: stringList({ max: 100, item: { min: 1, max: 1024 } }),
  LogoutURLs: stringList({ max: 100, item: { min: 1, max: 1024 } }),
  SupportedIdentityProviders: stringList({ item: { min: 1, max: 32 } }),
  AllowedOAuthFlowsUserPoolClient: bool(),
  DefaultRedirectURI: str({ min: 1, max: 1024 }),
};

type ClientSettings = ReturnType<typeof readSettings>;

function readSettings(
  raw: Record<string, unknown>,
  extra: { UserPoolId: ReturnType<typeof userPoolIdField> },
) {
  return readInput(raw, {
    ...extra,
    ...clientSettingFields,
    ClientId: str({ ...rules.clientId }),
    GenerateSecret: bool(),
  });
}

function flows(names: string[] | undefined): ExplicitAuthFlow[] | undefined {
  if (names === undefined) return undefined;
  const problems = names
    .filter((n) => !Object.hasOwn(FLOW_NAMES, n))
    .map(
      (n) =>
        `Value '${n}' at 'explicitAuthFlows' failed to satisfy constraint: Member must satisfy enum value set: [${Object.keys(FLOW_NAMES).join(', ')}]`,
    );
  if (problems.length > 0) throw validationError(problems);
  // The service model's ExplicitAuthFlows documentation: the legacy names (ADMIN_NO_SRP_AUTH,
  // CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH) cannot be assigned together with ALLOW_ ones.
  // Cognito's message text is unverified.
  const legacy = names.filter((n) => !n.startsWith('ALLOW_'));
  if (legacy.length > 0 && legacy.length < names.length) {
    throw serviceError(
      'InvalidParameterException',
      `The legacy ExplicitAuthFlows values ${legacy.join(', ')} cannot be used together with values that begin with ALLOW_.`,
    );
  }
  return [
    ...new Set(names.map((n) => FLOW_NAMES[n]).filter((f): f is ExplicitAuthFlow => f != null)),
  ];
}

/**
 * Applies client settings. Like Cognito's UpdateUserPoolClient, members left out go back to
 * their defaults (lifetimes 30 days / 1 hour / 1 hour, default flows, LEGACY existence errors).
 */
function applySettings(client: ClientState, input: ClientSettings): void {
  const units = input.TokenValidityUnits;
  const lifetime = (
    value: number | undefined,
    unit: keyof typeof UNIT_SECONDS | undefined,
    fallback: number,
    defaultUnit: keyof typeof UNIT_SECONDS,
  ) => (value === undefined ? fallback : value * UNIT_SECONDS[unit ?? defaultUnit]);
  client.refreshTokenValiditySeconds = lifetime(
    input.RefreshTokenValidity || undefined,
    units?.RefreshToken,
    30 * 86400,
    'days',
  );
  client.accessTokenValiditySeconds = lifetime(
    input.AccessTokenValidity,
    units?.AccessToken,
    3600,
    'hours',
  );
  client.idTokenValiditySeconds = lifetime(input.IdTokenValidity, units?.IdToken, 3600, 'hours');
  client.explicitAuthFlows = flows(input.ExplicitAuthFlows) ?? [
    'ALLOW_USER_SRP_AUTH',
    'ALLOW_REFRESH_TOKEN_AUTH',
    'ALLOW_CUSTOM_AUTH',
  ];
  client.readAttributes = input.ReadAttributes ?? null;
  client.writeAttributes = input.WriteAttributes ?? null;
  // The API reference gives LEGACY as the default for API-created clients (seeds default to ENABLED).
  client.preventUserExistenceErrors = input.PreventUserExistenceErrors ?? 'LEGACY';
  client.enableTokenRevocation = input.EnableTokenRevocation ?? true;
  client.authSessionValiditySeconds = (input.AuthSessionValidity ?? 3) * 60;
  client.refreshTokenRotation = {
    enabled: input.RefreshTokenRotation?.Feature === 'ENABLED',
    retryGracePeriodSeconds: input.RefreshTokenRotation?.RetryGracePeriodSeconds ?? 0,
  };
}

/**
 * Applies the OAuth members (like the others, left-out members are cleared on update) after
 * checking them as Cognito does: InvalidOAuthFlowException, ScopeDoesNotExistException or
 * InvalidParameterException (messages unverified).
 */
function applyOAuthSettings(pool: PoolState, client: ClientState, input: ClientSettings): void {
  const flowNames = input.AllowedOAuthFlows ?? [];
  const unknown = flowNames.filter((f) => !(OAUTH_FLOWS as readonly string[]).includes(f));
  if (unknown.length > 0) {
    throw validationError(
      unknown.map(
        (f) =>
          `Value '${f}' at 'allowedOAuthFlows' failed to satisfy constraint: Member must satisfy enum value set: [${OAUTH_FLOWS.join(', ')}]`,
      ),
    );
  }
  const settings = {
    enabled: input.AllowedOAuthFlowsUserPoolClient ?? false,
    flows: OAUTH_FLOWS.filter((f) => flowNames.includes(f)),
    scopes: [...new Set(input.AllowedOAuthScopes ?? [])],
    callbackUrls: input.CallbackURLs ?? [],
    logoutUrls: input.LogoutURLs ?? [],
    identityProviders: input.SupportedIdentityProviders ?? [],
    ...(input.DefaultRedirectURI !== undefined && { defaultRedirectUri: input.DefaultRedirectURI }),
  };
  const problem = oauthSettingsProblems(settings, {
    hasSecret: client.clientSecret !== undefined,
    customScopes: customScopesOf(pool),
    providers: new Set(Object.keys(pool.identityProviders ?? {})),
  })[0];
  if (problem) throw serviceError(problem.type, problem.message);
  const empty =
    !settings.enabled &&
    settings.flows.length === 0 &&
    settings.scopes.length === 0 &&
    settings.callbackUrls.length === 0 &&
    settings.logoutUrls.length === 0 &&
    settings.identityProviders.length === 0;
  if (empty) delete client.oauth;
  else client.oauth = settings;
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomText(ctx: EngineContext, length: number): string {
  let out = '';
  for (const byte of ctx.random(length)) out += ID_ALPHABET[byte % ID_ALPHABET.length];
  return out;
}

function requirePoolClient(pool: PoolState, clientId: string): ClientState {
  const client = own(pool.clients, clientId);
  if (!client) throw clientNotFound(clientId);
  return client;
}

/** App-client management actions. */
export const clientAdminActions: ActionMap = {
  async CreateUserPoolClient(ctx, raw) {
    const input = readSettings(raw, { UserPoolId: userPoolIdField() });
    if (input.ClientName === undefined) {
      throw validationError([
        "Value null at 'clientName' failed to satisfy constraint: Member must not be null",
      ]);
    }
    const pool = requirePool(ctx, input.UserPoolId);
    const clientId = randomText(ctx, 26);
    const client = clientFromSeed(ctx, {
      id: clientId,
      name: input.ClientName,
      ...(input.GenerateSecret === true && { secret: randomText(ctx, 51) }),
    });
    applySettings(client, input);
    applyOAuthSettings(pool, client, input);
    pool.clients[clientId] = client;
    return { UserPoolClient: clientType(pool.id, client) };
  },

  async DescribeUserPoolClient(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      ClientId: str({ required: true, ...rules.clientId }),
    });
    const pool = requirePool(ctx, input.UserPoolId);
    return { UserPoolClient: clientType(pool.id, requirePoolClient(pool, input.ClientId)) };
  },

  async UpdateUserPoolClient(ctx, raw) {
    const input = readSettings(raw, { UserPoolId: userPoolIdField() });
    if (input.ClientId === undefined) {
      throw validationError([
        "Value null at 'clientId' failed to satisfy constraint: Member must not be null",
      ]);
    }
    const pool = requirePool(ctx, input.UserPoolId);
    const client = requirePoolClient(pool, input.ClientId);
    applySettings(client, input);
    applyOAuthSettings(pool, client, input);
    if (input.ClientName !== undefined) client.clientName = input.ClientName;
    client.lastModifiedAt = ctx.clock.now();
    return { UserPoolClient: clientType(pool.id, client) };
  },

  async ListUserPoolClients(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      MaxResults: limitField(1),
      NextToken: tokenField(),
    });
    const pool = requirePool(ctx, input.UserPoolId);
    const clients = sortedBy(Object.values(pool.clients), (c) => c.clientId);
    const page = paginate(
      clients,
      (c) => c.clientId,
      `clients:${pool.id}`,
      input.MaxResults ?? 60,
      input.NextToken,
    );
    return {
      UserPoolClients: page.items.map((c) => ({
        ClientId: c.clientId,
        UserPoolId: pool.id,
        ClientName: c.clientName,
      })),
      ...(page.next && { NextToken: page.next }),
    };
  },

  async DeleteUserPoolClient(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      ClientId: str({ required: true, ...rules.clientId }),
    });
    const pool = requirePool(ctx, input.UserPoolId);
    requirePoolClient(pool, input.ClientId);
    delete pool.clients[input.ClientId];
    return {};
  },
};
