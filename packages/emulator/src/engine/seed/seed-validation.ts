/**
 * Validation of an untrusted seed value (e.g. a parsed seed file): every problem is reported
 * with its path, all at once, so a seed can be fixed in one go.
 */
import { REQUIRABLE_ATTRIBUTES } from '../model/required-attributes.js';
import { firstFactorProblems } from '../model/sign-in-policy.js';
import { Checker } from './seed-checker.js';
import { checkCustomAuth } from './seed-custom-auth.js';
import { checkPoolOAuth, checkUpstreamSeed } from './seed-oauth.js';
import type { EmulatorSeed } from './seed-types.js';
import type {
  AliasAttribute,
  ExplicitAuthFlow,
  MfaFactor,
  UserStatus,
  VerifiableAttribute,
} from '../model/state.js';

/** A seed that failed validation; `problems` lists `path: what is wrong` lines. */
export class SeedError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid emulator seed:\n  ${problems.join('\n  ')}`);
    this.name = 'SeedError';
    this.problems = problems;
  }
}

// Federated users (EXTERNAL_PROVIDER) come from a federated sign-in, not from a seed.
const STATUSES: readonly UserStatus[] = [
  'UNCONFIRMED',
  'CONFIRMED',
  'ARCHIVED',
  'COMPROMISED',
  'UNKNOWN',
  'RESET_REQUIRED',
  'FORCE_CHANGE_PASSWORD',
];
const FLOWS: readonly ExplicitAuthFlow[] = [
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_AUTH',
];
const FACTORS: readonly MfaFactor[] = ['SMS', 'TOTP', 'EMAIL'];
const VERIFIABLE: readonly VerifiableAttribute[] = ['email', 'phone_number'];
const ALIASES: readonly AliasAttribute[] = ['email', 'phone_number', 'preferred_username'];

const POOL_ID = /^[a-z]{2}(-[a-z]+)+-\d+_[0-9a-zA-Z]+$/;
const CLIENT_ID = /^[\w+]+$/;
// Cognito's ClientSecretType: [\w+]+, 1-64 characters. A seed secret outside it would load, but
// every call that sends the secret itself (GetTokensFromRefreshToken, RevokeToken) would then be
// refused by input validation, so it is rejected here instead.
const CLIENT_SECRET = /^[\w+]{1,64}$/;

function checkClient(c: Checker, value: unknown, path: string): void {
  const client = c.object(value, path);
  if (!client) return;
  c.string(
    client['id'],
    `${path}.id`,
    true,
    CLIENT_ID,
    'must contain only letters, digits, _ or +',
  );
  c.string(client['name'], `${path}.name`, false);
  // The hint never echoes the value: it is a secret.
  c.string(
    client['secret'],
    `${path}.secret`,
    false,
    CLIENT_SECRET,
    'must be 1-64 letters, digits, _ or + (Cognito client secret format)',
  );
  c.listOf(client['explicitAuthFlows'], FLOWS, `${path}.explicitAuthFlows`);
  if (client['tokenValidity'] !== undefined) {
    const tv = c.object(client['tokenValidity'], `${path}.tokenValidity`);
    if (tv) {
      c.int(tv['idToken'], `${path}.tokenValidity.idToken`, 1, 86400);
      c.int(tv['accessToken'], `${path}.tokenValidity.accessToken`, 1, 86400);
      c.int(tv['refreshToken'], `${path}.tokenValidity.refreshToken`, 1, 315360000);
      c.int(tv['authSession'], `${path}.tokenValidity.authSession`, 1, 900);
    }
  }
  const rotation = client['refreshTokenRotation'];
  if (rotation !== undefined && typeof rotation !== 'boolean') {
    const r = c.object(rotation, `${path}.refreshTokenRotation`);
    if (r) {
      c.bool(r['enabled'], `${path}.refreshTokenRotation.enabled`);
      c.int(
        r['retryGracePeriodSeconds'],
        `${path}.refreshTokenRotation.retryGracePeriodSeconds`,
        0,
        60,
      );
    }
  }
  c.oneOf(
    client['preventUserExistenceErrors'],
    ['ENABLED', 'LEGACY'],
    `${path}.preventUserExistenceErrors`,
  );
  c.bool(client['enableTokenRevocation'], `${path}.enableTokenRevocation`);
  c.array(client['readAttributes'], `${path}.readAttributes`);
  c.array(client['writeAttributes'], `${path}.writeAttributes`);
}

function checkUser(c: Checker, value: unknown, path: string, groups: Set<string>): void {
  const user = c.object(value, path);
  if (!user) return;
  c.string(user['username'], `${path}.username`, true);
  c.string(user['password'], `${path}.password`, false, /^\S+$/, 'must not contain spaces');
  c.oneOf(user['status'], STATUSES, `${path}.status`);
  c.bool(user['enabled'], `${path}.enabled`);
  c.string(user['sub'], `${path}.sub`, false);
  if (user['attributes'] !== undefined) {
    const attrs = c.object(user['attributes'], `${path}.attributes`);
    for (const [name, v] of Object.entries(attrs ?? {})) {
      if (typeof v !== 'string' && typeof v !== 'boolean') {
        c.problems.push(`${path}.attributes.${name}: must be a string or boolean`);
      }
    }
  }
  if (user['mfa'] !== undefined) {
    const mfa = c.object(user['mfa'], `${path}.mfa`);
    if (mfa) {
      c.bool(mfa['sms'], `${path}.mfa.sms`);
      c.bool(mfa['email'], `${path}.mfa.email`);
      c.string(
        mfa['totpSecret'],
        `${path}.mfa.totpSecret`,
        false,
        /^[A-Z2-7]{16,}$/,
        'must be base32 (A-Z, 2-7), at least 16 characters',
      );
      c.oneOf(mfa['preferred'], FACTORS, `${path}.mfa.preferred`);
    }
  }
  c.array(user['groups'], `${path}.groups`).forEach((g, i) => {
    if (typeof g !== 'string' || !groups.has(g)) {
      c.problems.push(`${path}.groups[${i}]: no group named ${JSON.stringify(g)} in this pool`);
    }
  });
}

function checkPool(c: Checker, value: unknown, path: string): void {
  const pool = c.object(value, path);
  if (!pool) return;
  c.string(
    pool['id'],
    `${path}.id`,
    true,
    POOL_ID,
    'must look like <region>_<letters and digits>, e.g. us-east-1_Example1',
  );
  c.string(pool['name'], `${path}.name`, false);
  if (pool['passwordPolicy'] !== undefined) {
    const pp = c.object(pool['passwordPolicy'], `${path}.passwordPolicy`);
    if (pp) {
      c.int(pp['minimumLength'], `${path}.passwordPolicy.minimumLength`, 6, 99);
      for (const key of [
        'requireUppercase',
        'requireLowercase',
        'requireNumbers',
        'requireSymbols',
      ]) {
        c.bool(pp[key], `${path}.passwordPolicy.${key}`);
      }
      c.int(
        pp['temporaryPasswordValidityDays'],
        `${path}.passwordPolicy.temporaryPasswordValidityDays`,
        0,
        365,
      );
    }
  }
  if (pool['mfa'] !== undefined) {
    const mfa = c.object(pool['mfa'], `${path}.mfa`);
    if (mfa) {
      c.oneOf(mfa['mode'], ['OFF', 'OPTIONAL', 'ON'], `${path}.mfa.mode`, true);
      c.listOf(mfa['factors'], FACTORS, `${path}.mfa.factors`);
    }
  }
  c.oneOf(pool['deviceTracking'], ['off', 'always', 'opt-in'], `${path}.deviceTracking`);
  c.bool(pool['challengeRequiredOnNewDevice'], `${path}.challengeRequiredOnNewDevice`);
  c.listOf(pool['autoVerifiedAttributes'], VERIFIABLE, `${path}.autoVerifiedAttributes`);
  c.listOf(pool['usernameAttributes'], VERIFIABLE, `${path}.usernameAttributes`);
  c.listOf(pool['aliasAttributes'], ALIASES, `${path}.aliasAttributes`);
  if (pool['usernameAttributes'] !== undefined && pool['aliasAttributes'] !== undefined) {
    c.problems.push(`${path}: usernameAttributes and aliasAttributes cannot both be set`);
  }
  c.bool(pool['usernameCaseSensitive'], `${path}.usernameCaseSensitive`);
  if (pool['customAuth'] !== undefined)
    checkCustomAuth(c, pool['customAuth'], `${path}.customAuth`);
  c.listOf(pool['requiredAttributes'], REQUIRABLE_ATTRIBUTES, `${path}.requiredAttributes`);
  const required = pool['requiredAttributes'];
  c.unique(Array.isArray(required) ? required : [], `${path}.requiredAttributes`, 'attribute');
  if (pool['timestampToleranceSeconds'] !== null) {
    c.int(pool['timestampToleranceSeconds'], `${path}.timestampToleranceSeconds`, 0, 31536000);
  }
  const factors = pool['allowedFirstAuthFactors'];
  if (factors !== undefined) {
    const list = c.array(factors, `${path}.allowedFirstAuthFactors`);
    if (Array.isArray(factors)) {
      const names = list.filter((f): f is string => typeof f === 'string');
      if (names.length !== list.length) {
        c.problems.push(`${path}.allowedFirstAuthFactors: must be a list of factor names`);
      }
      for (const problem of firstFactorProblems(names)) {
        c.problems.push(`${path}.allowedFirstAuthFactors: ${problem}`);
      }
    }
  }
  if (pool['webAuthn'] !== undefined) {
    const webAuthn = c.object(pool['webAuthn'], `${path}.webAuthn`);
    if (webAuthn) {
      c.string(
        webAuthn['relyingPartyId'],
        `${path}.webAuthn.relyingPartyId`,
        true,
        /^[^\s/:]{1,127}$/,
        'must be a host name such as localhost or example.com (1-127 characters)',
      );
      c.oneOf(
        webAuthn['userVerification'],
        ['required', 'preferred'],
        `${path}.webAuthn.userVerification`,
      );
    }
  }
  c.array(pool['customAttributes'], `${path}.customAttributes`).forEach((value, i) => {
    const p = `${path}.customAttributes[${i}]`;
    const attr = c.object(value, p);
    if (!attr) return;
    c.string(
      attr['name'],
      `${p}.name`,
      true,
      /^[\w]{1,20}$/,
      'must be 1-20 letters, digits or _ (without "custom:")',
    );
    c.oneOf(attr['type'], ['String', 'Number', 'DateTime', 'Boolean'], `${p}.type`, true);
    c.bool(attr['mutable'], `${p}.mutable`);
  });
  const groups = c.array(pool['groups'], `${path}.groups`);
  groups.forEach((value, i) => {
    const group = c.object(value, `${path}.groups[${i}]`);
    if (!group) return;
    c.string(group['name'], `${path}.groups[${i}].name`, true);
    c.int(group['precedence'], `${path}.groups[${i}].precedence`, 0, 2147483647);
  });
  const groupNames = groups.map((g) => (g as { name?: unknown } | null)?.name);
  c.unique(groupNames, `${path}.groups`, 'group name');
  const clients = c.array(pool['clients'], `${path}.clients`);
  clients.forEach((client, i) => checkClient(c, client, `${path}.clients[${i}]`));
  c.unique(
    clients.map((x) => (x as { id?: unknown } | null)?.id),
    `${path}.clients`,
    'client id',
  );
  checkPoolOAuth(c, pool, path);
  const names = new Set(groupNames.filter((n): n is string => typeof n === 'string'));
  const users = c.array(pool['users'], `${path}.users`);
  users.forEach((user, i) => checkUser(c, user, `${path}.users[${i}]`, names));
  c.unique(
    users.map((x) => (x as { username?: unknown } | null)?.username),
    `${path}.users`,
    'username',
  );
}

/**
 * Checks an untrusted seed value and returns it typed, or throws {@link SeedError} listing every
 * problem with its path (`pools[0].clients[1].tokenValidity.accessToken: …`).
 *
 * @example
 * const seed = validateSeed(JSON.parse(await readFile('seed.json', 'utf8')));
 */
export function validateSeed(value: unknown): EmulatorSeed {
  const c = new Checker();
  const root = c.object(value, 'seed');
  if (root) {
    checkUpstreamSeed(c, root['upstreamIdp']);
    const pools = c.array(root['pools'], 'pools');
    pools.forEach((pool, i) => checkPool(c, pool, `pools[${i}]`));
    c.unique(
      pools.map((x) => (x as { id?: unknown } | null)?.id),
      'pools',
      'pool id',
    );
    // Client ids are global in Cognito: the same id in two pools is an error (duplicates within
    // one pool are reported by that pool's check).
    const owner = new Map<string, number>();
    pools.forEach((pool, poolIndex) => {
      const clients = (pool as { clients?: unknown } | null)?.clients;
      if (!Array.isArray(clients)) return;
      clients.forEach((client, i) => {
        const id = (client as { id?: unknown } | null)?.id;
        if (typeof id !== 'string') return;
        const first = owner.get(id);
        if (first === undefined) owner.set(id, poolIndex);
        else if (first !== poolIndex) {
          c.problems.push(
            `pools[${poolIndex}].clients[${i}].id: "${id}" is already used in pools[${first}]`,
          );
        }
      });
    });
  }
  if (c.problems.length > 0) throw new SeedError(c.problems);
  return value as EmulatorSeed;
}
