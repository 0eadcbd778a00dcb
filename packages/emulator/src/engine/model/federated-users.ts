/**
 * Pool users of federated sign-ins (COGNITO-PASSWORDLESS-OAUTH §10): the first sign-in through
 * an identity provider creates `<ProviderName>_<subject>` with status EXTERNAL_PROVIDER, the
 * `identities` attribute and the attributes the provider's AttributeMapping maps (rewritten at
 * every sign-in), in the auto-created group `<poolId>_<ProviderName>`; an identity linked with
 * AdminLinkProviderForUser signs in as the linked user instead.
 */
import type { EngineContext } from '../context.js';
import { own } from './records.js';
import type { IdentityProviderState, PoolState, ProviderLinkState, UserState } from './state.js';
import { getUser, newUser, putUser } from './users.js';

/** The attribute name links use for the IdP's own subject. */
export const COGNITO_SUBJECT = 'Cognito_Subject';

/** One entry of the `identities` attribute (strings where Cognito has strings, reported). */
interface IdentityEntry {
  userId: string;
  providerName: string;
  providerType: string;
  issuer: string | null;
  primary: string;
  dateCreated: string;
}

/** Providers whose `issuer` is null in `identities` (social ones); OIDC / SAML name theirs. */
const SOCIAL = new Set(['Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple']);

function identitiesOf(user: UserState): IdentityEntry[] {
  try {
    const parsed = JSON.parse(user.attributes['identities'] ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as IdentityEntry[]) : [];
  } catch {
    return [];
  }
}

/** Adds `provider`'s identity `userId` to the user's `identities` (once). */
export function addIdentity(
  ctx: EngineContext,
  user: UserState,
  provider: IdentityProviderState,
  userId: string,
  issuer?: string,
): void {
  const entries = identitiesOf(user);
  if (entries.some((e) => e.providerName === provider.providerName && e.userId === userId)) return;
  entries.push({
    userId,
    providerName: provider.providerName,
    providerType: provider.providerType,
    issuer: SOCIAL.has(provider.providerType)
      ? null
      : (issuer ?? provider.providerDetails['oidc_issuer'] ?? null),
    primary: entries.length === 0 ? 'true' : 'false',
    dateCreated: String(ctx.clock.now()),
  });
  user.attributes['identities'] = JSON.stringify(entries);
}

/** Removes `provider`'s identity `userId` from the user's `identities`. */
export function removeIdentity(user: UserState, providerName: string, userId: string): void {
  const entries = identitiesOf(user).filter(
    (e) => !(e.providerName === providerName && e.userId === userId),
  );
  if (entries.length === 0) delete user.attributes['identities'];
  else user.attributes['identities'] = JSON.stringify(entries);
}

/** The pool attributes the provider's AttributeMapping gives for these IdP claims. */
export function mappedAttributes(
  provider: IdentityProviderState,
  claims: Record<string, unknown>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [poolAttribute, claim] of Object.entries(provider.attributeMapping)) {
    if (poolAttribute === 'username') continue;
    const value = claims[claim];
    if (value === undefined || value === null) continue;
    out[poolAttribute] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

/** The link that `subject` / `claims` of `provider` match, if any. */
export function findLink(
  pool: PoolState,
  provider: IdentityProviderState,
  subject: string,
  mapped: Record<string, string>,
): ProviderLinkState | undefined {
  return (pool.providerLinks ?? []).find(
    (l) =>
      l.providerName === provider.providerName &&
      (l.attributeName === COGNITO_SUBJECT
        ? l.attributeValue === subject
        : mapped[l.attributeName] === l.attributeValue),
  );
}

/** The internal username of a federated user. */
export function federatedUsername(providerName: string, subject: string): string {
  return `${providerName}_${subject}`;
}

/**
 * The pool user a federated sign-in signs in: the linked user, the user created by an earlier
 * sign-in (attributes refreshed), or a new one.
 *
 * @example
 * const user = federatedUser(ctx, pool, provider, { sub: '123', email: 'a@example.com' });
 */
export function federatedUser(
  ctx: EngineContext,
  pool: PoolState,
  provider: IdentityProviderState,
  claims: Record<string, unknown>,
): UserState {
  const subjectClaim = provider.attributeMapping['username'] ?? 'sub';
  const subject = String(claims[subjectClaim] ?? claims['sub'] ?? '');
  const mapped = mappedAttributes(provider, claims);
  const issuer = typeof claims['iss'] === 'string' ? claims['iss'] : undefined;
  const now = ctx.clock.now();
  const link = findLink(pool, provider, subject, mapped);
  const linked = link ? getUser(pool, link.username) : undefined;
  if (linked) {
    addIdentity(ctx, linked, provider, subject, issuer);
    return linked;
  }
  const username = federatedUsername(provider.providerName, subject);
  let user = getUser(pool, username);
  if (!user) {
    // The internal username is `<Provider>_<subject>` even in pools that sign in with e-mail.
    user = newUser(
      ctx,
      { ...pool, usernameAttributes: [] },
      { username, password: null, status: 'EXTERNAL_PROVIDER' },
    );
    const group = `${pool.id}_${provider.providerName}`;
    if (!own(pool.groups, group))
      pool.groups[group] = { groupName: group, createdAt: now, lastModifiedAt: now };
    user.groups = [group];
    putUser(pool, user);
  }
  for (const [name, value] of Object.entries(mapped)) user.attributes[name] = value;
  addIdentity(ctx, user, provider, subject, issuer);
  user.lastModifiedAt = now;
  return user;
}
