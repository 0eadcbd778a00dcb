/**
 * Linking federated identities to pool users: AdminLinkProviderForUser and
 * AdminDisableProviderForUser (service model member docs; COGNITO-PASSWORDLESS-OAUTH §10).
 */
import { own } from '../model/records.js';
import type { ActionMap } from '../protocol/action.js';
import { serviceError, userNotFound } from '../protocol/errors.js';
import type { PoolState } from '../model/state.js';
import { getUser, requirePool } from '../model/users.js';
import { readInput, str, struct } from '../protocol/validate.js';
import {
  COGNITO_SUBJECT,
  addIdentity,
  federatedUsername,
  removeIdentity,
} from '../model/federated-users.js';
import { userPoolIdField } from './admin-common.js';

/** Cognito's limit of identities linked to one user. */
const MAX_LINKS_PER_USER = 5;

const providerUser = (required: boolean) =>
  struct(
    {
      ProviderName: str({ min: 1, max: 32 }),
      ProviderAttributeName: str({ min: 0, max: 2048 }),
      ProviderAttributeValue: str({ min: 0, max: 2048 }),
    },
    { required },
  );

/** `ProviderUserIdentifierType` as read. */
interface ProviderUserInput {
  ProviderName?: string;
  ProviderAttributeName?: string;
  ProviderAttributeValue?: string;
}

function requireProvider(pool: PoolState, name: string) {
  const provider = own(pool.identityProviders, name);
  if (!provider)
    throw serviceError('ResourceNotFoundException', `Identity provider ${name} does not exist.`);
  return provider;
}

/** AdminLinkProviderForUser, AdminDisableProviderForUser. */
export const federationAdminActions: ActionMap = {
  async AdminLinkProviderForUser(ctx, raw) {
    const input = readInput(raw, {
      UserPoolId: userPoolIdField(),
      DestinationUser: providerUser(true),
      SourceUser: providerUser(true),
    });
    const pool = requirePool(ctx, input.UserPoolId);
    const destination: ProviderUserInput = input.DestinationUser ?? {};
    const source: ProviderUserInput = input.SourceUser ?? {};
    // The destination is a user-pool user (`Cognito` + its username); ProviderAttributeName is ignored.
    if (destination.ProviderName !== 'Cognito' || !destination.ProviderAttributeValue)
      throw serviceError(
        'InvalidParameterException',
        'DestinationUser must be a Cognito user: ProviderName "Cognito" and the username.',
      );
    const user = getUser(pool, destination.ProviderAttributeValue);
    if (!user) throw userNotFound();
    if (
      !source.ProviderName ||
      source.ProviderName === 'Cognito' ||
      !source.ProviderAttributeName ||
      !source.ProviderAttributeValue
    )
      throw serviceError(
        'InvalidParameterException',
        'SourceUser must name an identity provider, an attribute and its value.',
      );
    const provider = requireProvider(pool, source.ProviderName);
    // Text reported by users of the real service.
    if (
      source.ProviderAttributeName === COGNITO_SUBJECT &&
      getUser(pool, federatedUsername(provider.providerName, source.ProviderAttributeValue))
    )
      throw serviceError(
        'InvalidParameterException',
        'Merging is not currently supported, provide a SourceUser that has not been registered',
      );
    const links = (pool.providerLinks ??= []);
    const same = links.find(
      (l) =>
        l.providerName === provider.providerName &&
        l.attributeName === source.ProviderAttributeName &&
        l.attributeValue === source.ProviderAttributeValue,
    );
    if (same)
      throw serviceError('AliasExistsException', 'Your source user is already linked to a user.');
    if (links.filter((l) => l.username === user.username).length >= MAX_LINKS_PER_USER)
      throw serviceError(
        'LimitExceededException',
        `A user can have at most ${MAX_LINKS_PER_USER} linked identities.`,
      );
    links.push({
      providerName: provider.providerName,
      attributeName: source.ProviderAttributeName,
      attributeValue: source.ProviderAttributeValue,
      username: user.username,
      createdAt: ctx.clock.now(),
    });
    if (source.ProviderAttributeName === COGNITO_SUBJECT)
      addIdentity(ctx, user, provider, source.ProviderAttributeValue);
    return {};
  },

  async AdminDisableProviderForUser(ctx, raw) {
    const input = readInput(raw, { UserPoolId: userPoolIdField(), User: providerUser(true) });
    const pool = requirePool(ctx, input.UserPoolId);
    const target: ProviderUserInput = input.User ?? {};
    if (!target.ProviderName || !target.ProviderAttributeValue)
      throw serviceError(
        'InvalidParameterException',
        'User must name a provider and an attribute value.',
      );
    if (target.ProviderName === 'Cognito')
      throw serviceError(
        'InvalidParameterException',
        'The emulator does not disable password sign-in of user-pool users (AdminDisableProviderForUser with ProviderName "Cognito").',
      );
    const provider = requireProvider(pool, target.ProviderName);
    const attribute = target.ProviderAttributeName ?? COGNITO_SUBJECT;
    // Linked identity: the link goes, the next sign-in creates a user of its own.
    const kept = (pool.providerLinks ?? []).filter((l) => {
      const matches =
        l.providerName === provider.providerName &&
        l.attributeName === attribute &&
        l.attributeValue === target.ProviderAttributeValue;
      if (matches) {
        const user = getUser(pool, l.username);
        if (user && attribute === COGNITO_SUBJECT)
          removeIdentity(user, provider.providerName, l.attributeValue);
      }
      return !matches;
    });
    pool.providerLinks = kept;
    // A federated user of its own: it can no longer sign in with the provider.
    const federated =
      attribute === COGNITO_SUBJECT
        ? getUser(pool, federatedUsername(provider.providerName, target.ProviderAttributeValue))
        : undefined;
    if (federated) federated.enabled = false;
    return {};
  },
};
