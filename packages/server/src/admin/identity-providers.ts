/** Federated identity providers of the pool (SAML, OIDC, Google, Facebook, Amazon, Apple). */
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
import type { WireIdentityProvider, WireProviderDescription } from './wire-types.js';

export type IdentityProviderType =
  'SAML' | 'Facebook' | 'Google' | 'LoginWithAmazon' | 'SignInWithApple' | 'OIDC';

export interface IdentityProviderSummary {
  readonly name: string;
  readonly type: IdentityProviderType;
  readonly createdAt: Date | undefined;
  readonly lastModifiedAt: Date | undefined;
}

export interface AdminIdentityProvider extends IdentityProviderSummary {
  /** `client_id`, `authorize_scopes`, `oidc_issuer`, `MetadataURL`, … (per type). */
  readonly details: Readonly<Record<string, string>>;
  /** Pool attribute → provider attribute, e.g. `{ email: 'email' }`. */
  readonly attributeMapping: Readonly<Record<string, string>>;
  /** Identifiers (e.g. e-mail domains) that route sign-ins to this provider. */
  readonly identifiers: readonly string[];
}

export interface CreateIdentityProviderInput {
  name: string;
  type: IdentityProviderType;
  details: Record<string, string>;
  attributeMapping?: Record<string, string>;
  identifiers?: readonly string[];
}

export interface AdminIdentityProviders {
  /** CreateIdentityProvider. */
  create(input: CreateIdentityProviderInput, call?: CallOptions): Promise<AdminIdentityProvider>;
  /** DescribeIdentityProvider. */
  get(name: string, call?: CallOptions): Promise<AdminIdentityProvider>;
  /** GetIdentityProviderByIdentifier. */
  getByIdentifier(identifier: string, call?: CallOptions): Promise<AdminIdentityProvider>;
  /** UpdateIdentityProvider; omitted members are not sent. */
  update(
    name: string,
    changes: Partial<Omit<CreateIdentityProviderInput, 'name' | 'type'>>,
    call?: CallOptions,
  ): Promise<AdminIdentityProvider>;
  /** DeleteIdentityProvider. */
  delete(name: string, call?: CallOptions): Promise<void>;
  /** ListIdentityProviders, one page. */
  list(options?: PageOptions, call?: CallOptions): Promise<Page<IdentityProviderSummary>>;
  /** ListIdentityProviders, every page. */
  all(call?: CallOptions): AsyncIterable<IdentityProviderSummary>;
}

function summary(
  wire: WireProviderDescription | WireIdentityProvider | undefined,
  where: string,
): IdentityProviderSummary {
  return {
    name: requireString(wire?.ProviderName, `${where}.ProviderName`),
    type: requireString(wire?.ProviderType, `${where}.ProviderType`) as IdentityProviderType,
    createdAt: toDate(wire?.CreationDate, `${where}.CreationDate`),
    lastModifiedAt: toDate(wire?.LastModifiedDate, `${where}.LastModifiedDate`),
  };
}

function fromWire(wire: WireIdentityProvider | undefined, where: string): AdminIdentityProvider {
  return {
    ...summary(wire, where),
    details: wire?.ProviderDetails ?? {},
    attributeMapping: wire?.AttributeMapping ?? {},
    identifiers: wire?.IdpIdentifiers ?? [],
  };
}

const changesOf = (c: Partial<Omit<CreateIdentityProviderInput, 'name' | 'type'>>) => ({
  ...(c.details && { ProviderDetails: c.details }),
  ...(c.attributeMapping && { AttributeMapping: c.attributeMapping }),
  ...(c.identifiers && { IdpIdentifiers: [...c.identifiers] }),
});

export function adminIdentityProviders(caller: AdminCaller): AdminIdentityProviders {
  const named = (name: string) => ({ ProviderName: requireText(name, 'The provider name') });
  const list: AdminIdentityProviders['list'] = async (options = {}, c) => {
    const answer = await caller.call(
      'ListIdentityProviders',
      pageRequest(options, MAX_RESULTS_NEXT_TOKEN),
      c,
    );
    return pageOf(answer.Providers, answer.NextToken, summary, 'Providers');
  };
  return {
    async create(input, c) {
      const answer = await caller.call(
        'CreateIdentityProvider',
        {
          ...named(input.name),
          ProviderType: input.type,
          ProviderDetails: input.details,
          ...changesOf(input),
        },
        c,
      );
      return fromWire(answer.IdentityProvider, 'CreateIdentityProvider.IdentityProvider');
    },
    async get(name, c) {
      const answer = await caller.call('DescribeIdentityProvider', named(name), c);
      return fromWire(answer.IdentityProvider, 'DescribeIdentityProvider.IdentityProvider');
    },
    async getByIdentifier(identifier, c) {
      const answer = await caller.call(
        'GetIdentityProviderByIdentifier',
        { IdpIdentifier: requireText(identifier, 'The identifier') },
        c,
      );
      return fromWire(answer.IdentityProvider, 'GetIdentityProviderByIdentifier.IdentityProvider');
    },
    async update(name, changes, c) {
      const answer = await caller.call(
        'UpdateIdentityProvider',
        { ...named(name), ...changesOf(changes) },
        c,
      );
      return fromWire(answer.IdentityProvider, 'UpdateIdentityProvider.IdentityProvider');
    },
    async delete(name, c) {
      await caller.call('DeleteIdentityProvider', named(name), c);
    },
    list,
    all: (c) => allPages((next) => list(next, c)),
  };
}
