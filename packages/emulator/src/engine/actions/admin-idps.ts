/**
 * Federated identity providers: CreateIdentityProvider, DescribeIdentityProvider,
 * GetIdentityProviderByIdentifier, UpdateIdentityProvider, ListIdentityProviders,
 * DeleteIdentityProvider. The emulator stores and returns them; it does not run any federation
 * (no hosted UI / OAuth endpoints).
 */
import { nameIndex, own } from '../records.js';
import type { ActionMap } from '../action.js';
import { serviceError } from '../errors.js';
import type { IdentityProviderState, PoolState } from '../state.js';
import { requirePool } from '../users.js';
import { oneOf, readInput, str, stringList, stringMap } from '../validate.js';
import {
  limitField,
  paginate,
  seconds,
  sortedBy,
  tokenField,
  userPoolIdField,
} from './admin-common.js';

const PROVIDER_TYPES = [
  'SAML',
  'Facebook',
  'Google',
  'LoginWithAmazon',
  'SignInWithApple',
  'OIDC',
] as const;

const providerNameField = () =>
  str({
    required: true,
    min: 1,
    max: 32,
    pattern: {
      regex: /^[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+$/u,
      text: '[^_\\p{Z}][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_\\p{Z}]+',
    },
  });

function providers(pool: PoolState): Record<string, IdentityProviderState> {
  pool.identityProviders ??= nameIndex();
  return pool.identityProviders;
}

function requireProvider(pool: PoolState, name: string): IdentityProviderState {
  const provider = own(pool.identityProviders, name);
  if (!provider)
    throw serviceError('ResourceNotFoundException', `Identity provider ${name} does not exist.`);
  return provider;
}

function providerType(poolId: string, p: IdentityProviderState): Record<string, unknown> {
  return {
    UserPoolId: poolId,
    ProviderName: p.providerName,
    ProviderType: p.providerType,
    ProviderDetails: p.providerDetails,
    AttributeMapping: p.attributeMapping,
    IdpIdentifiers: p.idpIdentifiers,
    LastModifiedDate: seconds(p.lastModifiedAt),
    CreationDate: seconds(p.createdAt),
  };
}

/** Identity-provider actions. */
export const idpAdminActions: ActionMap = {
  async CreateIdentityProvider(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      ProviderName: providerNameField(),
      ProviderType: oneOf(PROVIDER_TYPES, { required: true }),
      ProviderDetails: stringMap({ required: true }),
      AttributeMapping: stringMap(),
      IdpIdentifiers: stringList({ max: 50 }),
    });
    const pool = requirePool(ctx, input.UserPoolId);
    const all = providers(pool);
    if (own(all, input.ProviderName)) {
      throw serviceError(
        'DuplicateProviderException',
        `A provider with the name ${input.ProviderName} already exists in this user pool.`,
      );
    }
    const now = ctx.clock.now();
    const provider: IdentityProviderState = {
      providerName: input.ProviderName,
      providerType: input.ProviderType,
      providerDetails: input.ProviderDetails,
      attributeMapping: input.AttributeMapping ?? {},
      idpIdentifiers: input.IdpIdentifiers ?? [],
      createdAt: now,
      lastModifiedAt: now,
    };
    all[provider.providerName] = provider;
    ctx.changed();
    return { IdentityProvider: providerType(pool.id, provider) };
  },

  async DescribeIdentityProvider(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      ProviderName: providerNameField(),
    });
    const pool = requirePool(ctx, input.UserPoolId);
    return { IdentityProvider: providerType(pool.id, requireProvider(pool, input.ProviderName)) };
  },

  // The provider whose IdpIdentifiers contain the identifier (service model:
  // `IdpIdentifier` 1–40 of `[\w\s+=.@-]+`). Not found → ResourceNotFoundException (the only
  // fitting declared error; Cognito's text is unverified).
  async GetIdentityProviderByIdentifier(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      IdpIdentifier: str({
        required: true,
        min: 1,
        max: 40,
        pattern: { regex: /^[\w\s+=.@-]+$/, text: '[\\w\\s+=.@-]+' },
      }),
    });
    const pool = requirePool(ctx, input.UserPoolId);
    const provider = Object.values(pool.identityProviders ?? {}).find((p) =>
      p.idpIdentifiers.includes(input.IdpIdentifier),
    );
    if (!provider) {
      throw serviceError(
        'ResourceNotFoundException',
        `Identity provider with identifier ${input.IdpIdentifier} does not exist.`,
      );
    }
    return { IdentityProvider: providerType(pool.id, provider) };
  },

  async UpdateIdentityProvider(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      ProviderName: providerNameField(),
      ProviderDetails: stringMap(),
      AttributeMapping: stringMap(),
      IdpIdentifiers: stringList({ max: 50 }),
    });
    const pool = requirePool(ctx, input.UserPoolId);
    const provider = requireProvider(pool, input.ProviderName);
    if (input.ProviderDetails !== undefined) provider.providerDetails = input.ProviderDetails;
    if (input.AttributeMapping !== undefined) provider.attributeMapping = input.AttributeMapping;
    if (input.IdpIdentifiers !== undefined) provider.idpIdentifiers = input.IdpIdentifiers;
    provider.lastModifiedAt = ctx.clock.now();
    ctx.changed();
    return { IdentityProvider: providerType(pool.id, provider) };
  },

  async ListIdentityProviders(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      MaxResults: limitField(1),
      NextToken: tokenField(),
    });
    const pool = requirePool(ctx, input.UserPoolId);
    const all = sortedBy(Object.values(pool.identityProviders ?? {}), (p) => p.providerName);
    const page = paginate(
      all,
      (p) => p.providerName,
      `idps:${pool.id}`,
      input.MaxResults ?? 60,
      input.NextToken,
    );
    return {
      Providers: page.items.map((p) => ({
        ProviderName: p.providerName,
        ProviderType: p.providerType,
        LastModifiedDate: seconds(p.lastModifiedAt),
        CreationDate: seconds(p.createdAt),
      })),
      ...(page.next && { NextToken: page.next }),
    };
  },

  async DeleteIdentityProvider(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      ProviderName: providerNameField(),
    });
    const pool = requirePool(ctx, input.UserPoolId);
    requireProvider(pool, input.ProviderName);
    delete pool.identityProviders?.[input.ProviderName];
    ctx.changed();
    return {};
  },
};
