/** App clients of the pool, and the pool itself (settings, MFA configuration). */
import type { CallOptions } from '../low-level.js';
import type { AdminCaller } from './caller.js';
import { requireString, toDate } from './convert.js';
import { requireText } from './input.js';
import {
  MAX_RESULTS_NEXT_TOKEN,
  allPages,
  pageOf,
  pageRequest,
  type Page,
  type PageOptions,
} from './pages.js';
import type { WireUserPoolClient } from './wire-types.js';

/**
 * An app client's settings, camel-cased from `UserPoolClientType` (each member is one wire
 * member of the same name; see {@link SETTING_NAMES}).
 */
export interface AppClientSettings {
  name?: string;
  /** In `tokenValidityUnits.refreshToken` (default days). */
  refreshTokenValidity?: number;
  accessTokenValidity?: number;
  idTokenValidity?: number;
  tokenValidityUnits?: {
    AccessToken?: 'seconds' | 'minutes' | 'hours' | 'days';
    IdToken?: 'seconds' | 'minutes' | 'hours' | 'days';
    RefreshToken?: 'seconds' | 'minutes' | 'hours' | 'days';
  };
  readAttributes?: string[];
  writeAttributes?: string[];
  /** e.g. `['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH']`. */
  explicitAuthFlows?: string[];
  supportedIdentityProviders?: string[];
  callbackUrls?: string[];
  logoutUrls?: string[];
  defaultRedirectUri?: string;
  allowedOAuthFlows?: ('code' | 'implicit' | 'client_credentials')[];
  allowedOAuthScopes?: string[];
  allowedOAuthFlowsUserPoolClient?: boolean;
  preventUserExistenceErrors?: 'LEGACY' | 'ENABLED';
  enableTokenRevocation?: boolean;
  /** Minutes a sign-in session (between challenges) lives, 3–15. */
  authSessionValidity?: number;
  /** Refresh-token rotation: `{ Feature: 'ENABLED', RetryGracePeriodSeconds: 10 }`. */
  refreshTokenRotation?: { Feature: 'ENABLED' | 'DISABLED'; RetryGracePeriodSeconds?: number };
  enablePropagateAdditionalUserContextData?: boolean;
  /** Pinpoint analytics, passed through as `AnalyticsConfigurationType`. */
  analyticsConfiguration?: Record<string, unknown>;
}

/** One place that pairs each setting with its wire member. */
export const SETTING_NAMES = {
  name: 'ClientName',
  refreshTokenValidity: 'RefreshTokenValidity',
  accessTokenValidity: 'AccessTokenValidity',
  idTokenValidity: 'IdTokenValidity',
  tokenValidityUnits: 'TokenValidityUnits',
  readAttributes: 'ReadAttributes',
  writeAttributes: 'WriteAttributes',
  explicitAuthFlows: 'ExplicitAuthFlows',
  supportedIdentityProviders: 'SupportedIdentityProviders',
  callbackUrls: 'CallbackURLs',
  logoutUrls: 'LogoutURLs',
  defaultRedirectUri: 'DefaultRedirectURI',
  allowedOAuthFlows: 'AllowedOAuthFlows',
  allowedOAuthScopes: 'AllowedOAuthScopes',
  allowedOAuthFlowsUserPoolClient: 'AllowedOAuthFlowsUserPoolClient',
  preventUserExistenceErrors: 'PreventUserExistenceErrors',
  enableTokenRevocation: 'EnableTokenRevocation',
  authSessionValidity: 'AuthSessionValidity',
  refreshTokenRotation: 'RefreshTokenRotation',
  enablePropagateAdditionalUserContextData: 'EnablePropagateAdditionalUserContextData',
  analyticsConfiguration: 'AnalyticsConfiguration',
} as const satisfies Record<keyof AppClientSettings, string>;

const SETTINGS = Object.entries(SETTING_NAMES) as [keyof AppClientSettings, string][];

export interface AppClient {
  readonly clientId: string;
  /** Present only for confidential clients (never hand it to a browser). */
  readonly clientSecret: string | undefined;
  readonly createdAt: Date | undefined;
  readonly lastModifiedAt: Date | undefined;
  readonly settings: Readonly<AppClientSettings>;
}

export interface AppClientSummary {
  readonly clientId: string;
  readonly name: string | undefined;
}

export interface AdminAppClients {
  /** CreateUserPoolClient; `generateSecret: true` makes a confidential (server-side) client. */
  create(
    settings: AppClientSettings & { name: string; generateSecret?: boolean },
    call?: CallOptions,
  ): Promise<AppClient>;
  /** DescribeUserPoolClient (includes the secret). */
  get(clientId: string, call?: CallOptions): Promise<AppClient>;
  /**
   * Changes some settings and keeps the others. UpdateUserPoolClient resets every member it is
   * not sent (service model), so this reads the client, merges `changes` and sends it all.
   */
  update(clientId: string, changes: AppClientSettings, call?: CallOptions): Promise<AppClient>;
  /** DeleteUserPoolClient. */
  delete(clientId: string, call?: CallOptions): Promise<void>;
  /** ListUserPoolClients, one page. */
  list(options?: PageOptions, call?: CallOptions): Promise<Page<AppClientSummary>>;
  /** ListUserPoolClients, every page. */
  all(call?: CallOptions): AsyncIterable<AppClientSummary>;
}

function toWireSettings(settings: AppClientSettings): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, wire] of SETTINGS) if (settings[key] !== undefined) out[wire] = settings[key];
  return out;
}

function fromWire(wire: WireUserPoolClient | undefined, where: string): AppClient {
  const settings: Record<string, unknown> = {};
  for (const [key, name] of SETTINGS) if (wire?.[name] !== undefined) settings[key] = wire[name];
  return {
    clientId: requireString(wire?.ClientId, `${where}.ClientId`),
    clientSecret: wire?.ClientSecret,
    createdAt: toDate(wire?.CreationDate, `${where}.CreationDate`),
    lastModifiedAt: toDate(wire?.LastModifiedDate, `${where}.LastModifiedDate`),
    settings: settings as AppClientSettings,
  };
}

function summaryOf(
  client: { ClientId?: string; ClientName?: string },
  where: string,
): AppClientSummary {
  return { clientId: requireString(client.ClientId, `${where}.ClientId`), name: client.ClientName };
}

export function adminAppClients(caller: AdminCaller): AdminAppClients {
  const id = (clientId: string) => ({ ClientId: requireText(clientId, 'The client id') });
  const get: AdminAppClients['get'] = async (clientId, c) => {
    const answer = await caller.call('DescribeUserPoolClient', id(clientId), c);
    return fromWire(answer.UserPoolClient, 'DescribeUserPoolClient.UserPoolClient');
  };
  const list: AdminAppClients['list'] = async (options = {}, c) => {
    const answer = await caller.call(
      'ListUserPoolClients',
      pageRequest(options, MAX_RESULTS_NEXT_TOKEN),
      c,
    );
    return pageOf(answer.UserPoolClients, answer.NextToken, summaryOf, 'UserPoolClients');
  };
  return {
    async create({ generateSecret, ...settings }, c) {
      const answer = await caller.call(
        'CreateUserPoolClient',
        {
          ...toWireSettings(settings),
          ClientName: requireText(settings.name, 'The client name'),
          ...(generateSecret !== undefined && { GenerateSecret: generateSecret }),
        },
        c,
      );
      return fromWire(answer.UserPoolClient, 'CreateUserPoolClient.UserPoolClient');
    },
    get,
    async update(clientId, changes, c) {
      const current = await get(clientId, c);
      const answer = await caller.call(
        'UpdateUserPoolClient',
        { ...id(clientId), ...toWireSettings({ ...current.settings, ...changes }) },
        c,
      );
      return fromWire(answer.UserPoolClient, 'UpdateUserPoolClient.UserPoolClient');
    },
    async delete(clientId, c) {
      await caller.call('DeleteUserPoolClient', id(clientId), c);
    },
    list,
    all: (c) => allPages((next) => list(next, c)),
  };
}
