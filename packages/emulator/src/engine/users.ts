/**
 * Looking up pools, app clients and users the way Cognito resolves them, and building new user
 * records (used by the seed, SignUp and AdminCreateUser alike).
 */
import { randomHex, type EngineContext } from './context.js';
import { clientNotFound, poolNotFound, userNotFound } from './errors.js';
import { nameIndex, own } from './records.js';
import {
  userKey,
  type ClientState,
  type PoolState,
  type UserState,
  type UserStatus,
} from './state.js';

/** The pool with id `poolId`, if there is one. */
export function findPool(ctx: Pick<EngineContext, 'state'>, poolId: string): PoolState | undefined {
  return own(ctx.state.pools, poolId);
}

/** The pool with id `poolId`, or ResourceNotFoundException. */
export function requirePool(ctx: EngineContext, poolId: string): PoolState {
  const pool = findPool(ctx, poolId);
  if (!pool) throw poolNotFound(poolId);
  return pool;
}

/** An app client and its pool. */
export interface ClientRef {
  pool: PoolState;
  client: ClientState;
}

/** The app client `clientId` (client ids are unique across pools), or `undefined`. */
export function findClient(ctx: EngineContext, clientId: string): ClientRef | undefined {
  for (const pool of Object.values(ctx.state.pools)) {
    const client = own(pool.clients, clientId);
    if (client) return { pool, client };
  }
  return undefined;
}

/** The app client `clientId`, or ResourceNotFoundException `User pool client … does not exist.` */
export function requireClient(ctx: EngineContext, clientId: string): ClientRef {
  const found = findClient(ctx, clientId);
  if (!found) throw clientNotFound(clientId);
  return found;
}

/** The user with internal username `username` (no alias resolution). */
export function getUser(pool: PoolState, username: string): UserState | undefined {
  return own(pool.users, userKey(pool, username));
}

/** Stores `user` under its internal username. */
export function putUser(pool: PoolState, user: UserState): void {
  pool.users[userKey(pool, user.username)] = user;
}

function attributeMatches(name: string, stored: string | undefined, typed: string): boolean {
  if (stored === undefined) return false;
  // E-mail addresses compare case-insensitively; phone numbers and preferred_username exactly.
  return name === 'email' ? stored.toLowerCase() === typed.toLowerCase() : stored === typed;
}

/**
 * Resolves what a user typed at sign-in (username, sign-in attribute or verified alias) to the
 * user, as Cognito does: the internal username first, then `UsernameAttributes` (verified or
 * not), then `AliasAttributes` (only when verified; `preferred_username` needs no verification).
 */
export function findUserByLogin(pool: PoolState, login: string): UserState | undefined {
  const direct = getUser(pool, login);
  if (direct) return direct;
  const users = Object.values(pool.users);
  for (const name of pool.usernameAttributes) {
    const match = users.find((u) => attributeMatches(name, own(u.attributes, name), login));
    if (match) return match;
  }
  for (const name of pool.aliasAttributes) {
    const match = users.find(
      (u) =>
        attributeMatches(name, own(u.attributes, name), login) &&
        (name === 'preferred_username' || own(u.attributes, `${name}_verified`) === 'true'),
    );
    if (match) return match;
  }
  return undefined;
}

/** Like {@link findUserByLogin} but throws UserNotFoundException `User does not exist.` */
export function requireUserByLogin(pool: PoolState, login: string): UserState {
  const user = findUserByLogin(pool, login);
  if (!user) throw userNotFound();
  return user;
}

/** Input of {@link newUser}. */
export interface NewUserInput {
  /**
   * What the user signs up with: the username, or the e-mail / phone in pools whose
   * `usernameAttributes` make it the sign-in name (then the internal username is the `sub`).
   */
  username: string;
  password: string | null;
  status: UserStatus;
  attributes?: Record<string, string>;
  enabled?: boolean;
  /** Fixed `sub` (seeds); random otherwise. */
  sub?: string;
}

/**
 * Builds a user record (not yet stored — call {@link putUser}). In pools that sign in with
 * e-mail or phone, the typed value becomes that attribute and the internal username the `sub`.
 *
 * @example
 * const user = newUser(ctx, pool, { username: 'alice', password: 'Passw0rd!', status: 'CONFIRMED' });
 * putUser(pool, user);
 */
export function newUser(ctx: EngineContext, pool: PoolState, input: NewUserInput): UserState {
  const sub = input.sub ?? ctx.uuid();
  const attributes = nameIndex<string>({ ...input.attributes, sub });
  let username = input.username;
  if (pool.usernameAttributes.length > 0) {
    const name = input.username.includes('@') ? 'email' : 'phone_number';
    if (own(attributes, name) === undefined) attributes[name] = input.username;
    username = sub;
  }
  const now = ctx.clock.now();
  return {
    username,
    sub,
    status: input.status,
    enabled: input.enabled ?? true,
    password: input.password,
    srpSalt: randomHex(ctx, 16),
    passwordSetAt: now,
    attributes,
    mfa: {
      smsEnabled: false,
      totpEnabled: false,
      emailEnabled: false,
      preferred: null,
      totpSecret: null,
      pendingTotpSecret: null,
      totpLastUsedStep: null,
    },
    groups: [],
    devices: nameIndex(),
    deviceGroupKey: `-${randomHex(ctx, 4)}`,
    codes: nameIndex(),
    codeRequests: nameIndex(),
    lockout: { failures: 0, lastFailureAt: 0, lockedUntil: 0 },
    createdAt: now,
    lastModifiedAt: now,
  };
}

/** The user's attributes as Cognito's `[{Name, Value}]` list (sub first). */
export function attributeList(user: UserState): { Name: string; Value: string }[] {
  const entries = Object.entries(user.attributes).sort(([a], [b]) =>
    a === 'sub' ? -1 : b === 'sub' ? 1 : a.localeCompare(b),
  );
  return entries.map(([Name, Value]) => ({ Name, Value }));
}

/** Epoch seconds, for Cognito date members. */
export function toEpochSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
