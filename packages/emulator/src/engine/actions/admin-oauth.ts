/**
 * The pool's domain and resource servers: CreateUserPoolDomain, DescribeUserPoolDomain,
 * DeleteUserPoolDomain, and CreateResourceServer, DescribeResourceServer, ListResourceServers,
 * UpdateResourceServer, DeleteResourceServer. A domain switches the OAuth 2.0 endpoints on for
 * the pool (see ../oauth/routes.ts); resource servers define the custom scopes.
 */
import type { EngineContext } from '../context.js';
import { nameIndex, own } from '../model/records.js';
import type { ActionMap } from '../protocol/action.js';
import { serviceError } from '../protocol/errors.js';
import type { PoolState, ResourceServerState } from '../model/state.js';
import { requirePool } from '../model/users.js';
import { readInput, str, validationError } from '../protocol/validate.js';
import { DOMAIN_PREFIX } from '../seed/seed-oauth.js';
import { limitField, paginate, sortedBy, tokenField, userPoolIdField } from './admin-common.js';

const domainField = () =>
  str({
    required: true,
    min: 1,
    max: 63,
    pattern: { regex: DOMAIN_PREFIX, text: '^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$' },
  });
const identifierField = () =>
  str({
    required: true,
    min: 1,
    max: 256,
    pattern: { regex: /^[\x21\x23-\x5b\x5d-\x7e]+$/, text: '[\\x21\\x23-\\x5B\\x5D-\\x7E]+' },
  });
const nameField = () =>
  str({
    required: true,
    min: 1,
    max: 256,
    pattern: { regex: /^[\w\s+=,.@-]+$/, text: '[\\w\\s+=,.@-]+' },
  });

/** The pool owning `domain`, if any. */
export function poolOfDomain(
  pools: Readonly<Record<string, PoolState>>,
  domain: string,
): PoolState | undefined {
  return Object.values(pools).find((p) => p.domain === domain);
}

/** `Scopes` of a request: 0–100 `{ScopeName, ScopeDescription}` (service model limits). */
function readScopes(raw: unknown): ResourceServerState['scopes'] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw))
    throw validationError([
      "Value at 'scopes' failed to satisfy constraint: Member must be a list",
    ]);
  const problems: string[] = [];
  if (raw.length > 100)
    problems.push(
      "Value at 'scopes' failed to satisfy constraint: Member must have length less than or equal to 100",
    );
  const scopes = raw.map((item: unknown, i) => {
    const read = readInput((item ?? {}) as Record<string, unknown>, {
      ScopeName: str({
        required: true,
        min: 1,
        max: 256,
        pattern: {
          regex: /^[\x21\x23-\x2e\x30-\x5b\x5d-\x7e]+$/,
          text: '[\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]+',
        },
      }),
      ScopeDescription: str({ required: true, min: 1, max: 256 }),
    });
    if (
      raw
        .slice(0, i)
        .some((o: unknown) => (o as { ScopeName?: unknown })?.ScopeName === read.ScopeName)
    )
      problems.push(`Duplicate scope name ${read.ScopeName}.`);
    return { name: read.ScopeName, description: read.ScopeDescription };
  });
  if (problems.length > 0) throw validationError(problems);
  return scopes;
}

/**
 * The request of CreateResourceServer and UpdateResourceServer, which take the same members: the
 * fields, then the scopes, then the pool (a malformed request is refused before the pool is looked up).
 */
function readResourceServerRequest(ctx: EngineContext, raw: Record<string, unknown>) {
  const input = readInput(raw, {
    UserPoolId: userPoolIdField(),
    Identifier: identifierField(),
    Name: nameField(),
  });
  const scopes = readScopes(raw['Scopes']);
  const pool = requirePool(ctx, input.UserPoolId);
  return { input, scopes, pool };
}

function resourceServerType(poolId: string, server: ResourceServerState): Record<string, unknown> {
  return {
    UserPoolId: poolId,
    Identifier: server.identifier,
    Name: server.name,
    Scopes: server.scopes.map((s) => ({ ScopeName: s.name, ScopeDescription: s.description })),
  };
}

function requireServer(pool: PoolState, identifier: string): ResourceServerState {
  const server = own(pool.resourceServers, identifier);
  if (!server)
    throw serviceError(
      'ResourceNotFoundException',
      `Resource server ${identifier} does not exist.`,
    );
  return server;
}

/** Domain and resource-server actions. */
export const oauthAdminActions: ActionMap = {
  async CreateUserPoolDomain(ctx, raw) {
    const input = readInput(raw, { Domain: domainField(), UserPoolId: userPoolIdField() });
    const pool = requirePool(ctx, input.UserPoolId);
    // Texts unverified; the conditions are the documented ones (one domain per pool, prefixes
    // unique in the region).
    if (pool.domain !== undefined)
      throw serviceError('InvalidParameterException', 'User pool already has a domain configured.');
    if (poolOfDomain(ctx.state.pools, input.Domain))
      throw serviceError(
        'InvalidParameterException',
        'Domain already associated with another user pool.',
      );
    pool.domain = input.Domain;
    return {};
  },

  // An unknown domain answers an empty DomainDescription, not an error (reported).
  async DescribeUserPoolDomain(ctx, raw) {
    const input = readInput(raw, { Domain: domainField() });
    const pool = poolOfDomain(ctx.state.pools, input.Domain);
    if (!pool) return { DomainDescription: {} };
    return {
      DomainDescription: {
        UserPoolId: pool.id,
        AWSAccountId: '000000000000',
        Domain: input.Domain,
        Status: 'ACTIVE',
        Version: '1',
        ManagedLoginVersion: 1,
      },
    };
  },

  async DeleteUserPoolDomain(ctx, raw) {
    const input = readInput(raw, { Domain: domainField(), UserPoolId: userPoolIdField() });
    const pool = requirePool(ctx, input.UserPoolId);
    if (pool.domain !== input.Domain)
      throw serviceError('InvalidParameterException', 'No such domain or user pool exists.');
    delete pool.domain;
    return {};
  },

  async CreateResourceServer(ctx, raw) {
    const { input, scopes, pool } = readResourceServerRequest(ctx, raw);
    pool.resourceServers ??= nameIndex();
    if (own(pool.resourceServers, input.Identifier))
      throw serviceError(
        'InvalidParameterException',
        `${input.Identifier} already exists in pool ${pool.id}.`,
      );
    const server = { identifier: input.Identifier, name: input.Name, scopes };
    pool.resourceServers[input.Identifier] = server;
    return { ResourceServer: resourceServerType(pool.id, server) };
  },

  async DescribeResourceServer(ctx, raw) {
    const input = readInput(raw, { UserPoolId: userPoolIdField(), Identifier: identifierField() });
    const pool = requirePool(ctx, input.UserPoolId);
    return { ResourceServer: resourceServerType(pool.id, requireServer(pool, input.Identifier)) };
  },

  async UpdateResourceServer(ctx, raw) {
    const { input, scopes, pool } = readResourceServerRequest(ctx, raw);
    const server = requireServer(pool, input.Identifier);
    server.name = input.Name;
    server.scopes = scopes;
    return { ResourceServer: resourceServerType(pool.id, server) };
  },

  async ListResourceServers(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      MaxResults: limitField(1),
      NextToken: tokenField(),
    });
    const pool = requirePool(ctx, input.UserPoolId);
    const all = sortedBy(Object.values(pool.resourceServers ?? {}), (s) => s.identifier);
    const page = paginate(
      all,
      (s) => s.identifier,
      `resource-servers:${pool.id}`,
      input.MaxResults ?? 50,
      input.NextToken,
    );
    return {
      ResourceServers: page.items.map((s) => resourceServerType(pool.id, s)),
      ...(page.next && { NextToken: page.next }),
    };
  },

  async DeleteResourceServer(ctx, raw) {
    const input = readInput(raw, { UserPoolId: userPoolIdField(), Identifier: identifierField() });
    const pool = requirePool(ctx, input.UserPoolId);
    requireServer(pool, input.Identifier);
    delete pool.resourceServers?.[input.Identifier];
    return {};
  },
};
