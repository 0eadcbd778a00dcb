/**
 * The OAuth 2.0 and federation parts of a seed: the pool's domain, resource servers, identity
 * providers, the clients' OAuth settings and the built-in upstream provider's accounts —
 * checked (every problem with its path) and turned into state.
 */
import { nameIndex } from '../model/records.js';
import type {
  ClientOAuthSettings,
  IdentityProviderState,
  PoolState,
  ResourceServerState,
  UpstreamAccount,
} from '../model/state.js';
import { OAUTH_FLOWS, STANDARD_SCOPES, oauthSettingsProblems } from '../model/oauth-settings.js';
import type { Checker } from './seed-checker.js';
import type {
  ClientOAuthSeed,
  IdentityProviderSeed,
  PoolSeed,
  ResourceServerSeed,
  UpstreamAccountSeed,
} from './seed-types.js';

const PROVIDER_TYPES = ['OIDC', 'Google', 'SignInWithApple', 'Facebook', 'LoginWithAmazon', 'SAML'];
/** CreateUserPoolDomain's prefix rule: lower-case letters, digits and inner hyphens, ≤ 63. */
export const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The client OAuth settings a seed describes. */
export function clientOAuthFromSeed(seed: ClientOAuthSeed): ClientOAuthSettings {
  const flows = [...(seed.flows ?? ['code'])];
  const machine = flows.includes('client_credentials');
  return {
    enabled: true,
    flows,
    scopes: [...(seed.scopes ?? (machine ? [] : STANDARD_SCOPES))],
    callbackUrls: [...(seed.callbackUrls ?? [])],
    logoutUrls: [...(seed.logoutUrls ?? [])],
    identityProviders: [...(seed.identityProviders ?? ['COGNITO'])],
    ...(seed.defaultRedirectUri !== undefined && { defaultRedirectUri: seed.defaultRedirectUri }),
  };
}

function resourceServerFromSeed(seed: ResourceServerSeed): ResourceServerState {
  return {
    identifier: seed.identifier,
    name: seed.name ?? seed.identifier,
    scopes: seed.scopes.map((s) => ({ name: s.name, description: s.description ?? s.name })),
  };
}

function providerFromSeed(seed: IdentityProviderSeed, now: number): IdentityProviderState {
  return {
    providerName: seed.name,
    providerType: seed.type,
    providerDetails: nameIndex(seed.details ?? {}),
    attributeMapping: nameIndex(seed.attributeMapping ?? {}),
    idpIdentifiers: [...(seed.idpIdentifiers ?? [])],
    createdAt: now,
    lastModifiedAt: now,
  };
}

/** Adds the seed's domain, resource servers and identity providers to a new pool. */
export function applyPoolOAuthSeed(pool: PoolState, seed: PoolSeed, now: number): void {
  if (seed.domain !== undefined) pool.domain = seed.domain;
  if (seed.resourceServers) {
    pool.resourceServers = nameIndex();
    for (const s of seed.resourceServers)
      pool.resourceServers[s.identifier] = resourceServerFromSeed(s);
  }
  if (seed.identityProviders) {
    pool.identityProviders = nameIndex();
    for (const p of seed.identityProviders)
      pool.identityProviders[p.name] = providerFromSeed(p, now);
  }
}

/** The upstream accounts a seed describes. */
export function upstreamAccountsFromSeed(accounts: UpstreamAccountSeed[]): UpstreamAccount[] {
  return accounts.map(({ sub, ...claims }) => ({
    sub,
    claims: Object.fromEntries(
      Object.entries(claims).filter((e): e is [string, string | boolean] => e[1] !== undefined),
    ),
  }));
}

function stringMapProblems(c: Checker, value: unknown, path: string): void {
  if (value === undefined) return;
  for (const [key, v] of Object.entries(c.object(value, path) ?? {})) {
    if (typeof v !== 'string') c.problems.push(`${path}.${key}: must be a string`);
  }
}

/** Checks a pool seed's domain, resource servers, identity providers and client OAuth settings. */
export function checkPoolOAuth(c: Checker, pool: Record<string, unknown>, path: string): void {
  c.string(
    pool['domain'],
    `${path}.domain`,
    false,
    DOMAIN_PREFIX,
    'must be lower-case letters, digits and hyphens (a domain prefix)',
  );
  const customScopes = new Set<string>();
  c.array(pool['resourceServers'], `${path}.resourceServers`).forEach((value, i) => {
    const p = `${path}.resourceServers[${i}]`;
    const server = c.object(value, p);
    if (!server) return;
    c.string(
      server['identifier'],
      `${p}.identifier`,
      true,
      /^[\x21\x23-\x5b\x5d-\x7e]{1,256}$/,
      'must be 1-256 printable characters without " or \\',
    );
    c.string(server['name'], `${p}.name`, false);
    c.array(server['scopes'], `${p}.scopes`).forEach((scopeValue, j) => {
      const scope = c.object(scopeValue, `${p}.scopes[${j}]`);
      if (!scope) return;
      c.string(
        scope['name'],
        `${p}.scopes[${j}].name`,
        true,
        /^[\x21\x23-\x2e\x30-\x5b\x5d-\x7e]{1,256}$/,
        'must be printable characters without /, " or \\',
      );
      c.string(scope['description'], `${p}.scopes[${j}].description`, false);
      if (typeof server['identifier'] === 'string' && typeof scope['name'] === 'string')
        customScopes.add(`${server['identifier']}/${scope['name']}`);
    });
  });
  const providers = new Set<string>();
  c.array(pool['identityProviders'], `${path}.identityProviders`).forEach((value, i) => {
    const p = `${path}.identityProviders[${i}]`;
    const provider = c.object(value, p);
    if (!provider) return;
    c.string(
      provider['name'],
      `${p}.name`,
      true,
      /^[^_\s][^\s]{0,30}[^_\s]$|^[^_\s]$/,
      'must be 1-32 characters without spaces, not starting or ending with _',
    );
    c.oneOf(provider['type'], PROVIDER_TYPES, `${p}.type`, true);
    stringMapProblems(c, provider['details'], `${p}.details`);
    stringMapProblems(c, provider['attributeMapping'], `${p}.attributeMapping`);
    c.array(provider['idpIdentifiers'], `${p}.idpIdentifiers`);
    if (typeof provider['name'] === 'string') providers.add(provider['name']);
  });
  c.array(pool['clients'], `${path}.clients`).forEach((value, i) => {
    const client = value as Record<string, unknown> | null;
    if (client === null || typeof client !== 'object' || client['oauth'] === undefined) return;
    const p = `${path}.clients[${i}].oauth`;
    const before = c.problems.length;
    const oauth = c.object(client['oauth'], p);
    if (!oauth) return;
    c.listOf(oauth['flows'], OAUTH_FLOWS, `${p}.flows`);
    for (const key of ['scopes', 'callbackUrls', 'logoutUrls', 'identityProviders'] as const) {
      c.array(oauth[key], `${p}.${key}`).forEach((item, j) => {
        if (typeof item !== 'string') c.problems.push(`${p}.${key}[${j}]: must be a string`);
      });
    }
    c.string(oauth['defaultRedirectUri'], `${p}.defaultRedirectUri`, false);
    if (c.problems.length > before) return;
    const settings = clientOAuthFromSeed(oauth as ClientOAuthSeed);
    const found = oauthSettingsProblems(settings, {
      hasSecret: typeof client['secret'] === 'string',
      customScopes,
      providers,
    });
    for (const problem of found) c.problems.push(`${p}: ${problem.message}`);
  });
}

/** Checks the seed's upstream-provider accounts. */
export function checkUpstreamSeed(c: Checker, value: unknown): void {
  if (value === undefined) return;
  const upstream = c.object(value, 'upstreamIdp');
  if (!upstream) return;
  const accounts = c.array(upstream['accounts'], 'upstreamIdp.accounts');
  accounts.forEach((accountValue, i) => {
    const account = c.object(accountValue, `upstreamIdp.accounts[${i}]`);
    if (!account) return;
    c.string(
      account['sub'],
      `upstreamIdp.accounts[${i}].sub`,
      true,
      /^[\w@.+-]{1,128}$/,
      'must be 1-128 letters, digits or _@.+-',
    );
    for (const [claim, v] of Object.entries(account)) {
      if (typeof v !== 'string' && typeof v !== 'boolean')
        c.problems.push(`upstreamIdp.accounts[${i}].${claim}: must be a string or boolean`);
    }
  });
  c.unique(
    accounts.map((a) => (a as { sub?: unknown } | null)?.sub),
    'upstreamIdp.accounts',
    'sub',
  );
}
