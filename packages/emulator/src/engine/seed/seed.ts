/**
 * The seed: a JSON document describing pools, app clients, users and groups to start with.
 * {@link validateSeed} checks an untrusted value (e.g. a parsed seed file) and reports every
 * problem with its path; {@link applySeed} turns a valid seed into engine state.
 *
 * Deliberate difference from Cognito: token lifetimes may be as short as 1 second (Cognito's
 * minimum is 5 minutes for ID/access and 60 minutes for refresh tokens) so that expiry and
 * refresh can be tested quickly.
 */
import { nameIndex } from '../model/records.js';
import type { EngineContext } from '../context.js';
import type {
  ClientState,
  CustomAuthConfig,
  CustomChallengeDefinition,
  DeviceConfiguration,
  MfaFactor,
  PasswordPolicy,
  PoolState,
} from '../model/state.js';
import { validateSeed } from './seed-validation.js';
import { DEFAULT_TIMESTAMP_TOLERANCE_SECONDS } from '../crypto/srp.js';
import { newUser, putUser } from '../model/users.js';
import { webAuthnSettings } from '../model/sign-in-policy.js';

import type { ClientSeed, CustomAuthSeed, PoolSeed } from './seed-types.js';
import { applyPoolOAuthSeed, clientOAuthFromSeed, upstreamAccountsFromSeed } from './seed-oauth.js';

export { SeedError, validateSeed } from './seed-validation.js';
export type {
  EmulatorSeed,
  PoolSeed,
  CustomChallengeSeed,
  CustomAuthSeed,
  ClientSeed,
  UserSeed,
  GroupSeed,
  ClientOAuthSeed,
  IdentityProviderSeed,
  ResourceServerSeed,
  UpstreamAccountSeed,
} from './seed-types.js';

/** The custom-auth configuration a seed describes. */
function customAuthFromSeed(seed: CustomAuthSeed): CustomAuthConfig {
  return {
    srpFirst: seed.srpFirst ?? false,
    challenges: seed.challenges.map((c): CustomChallengeDefinition =>
      'code' in c
        ? { kind: 'code', delivery: c.code, publicParameters: { ...c.publicParameters } }
        : { kind: 'fixed', answer: c.answer, publicParameters: { ...c.publicParameters } },
    ),
    publicParameters: { ...seed.publicParameters },
    maxAttempts: seed.maxAttempts ?? 3,
  };
}

const DEFAULT_POLICY: PasswordPolicy = {
  minimumLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
  temporaryPasswordValidityDays: 7,
};

/** A pool with Cognito's defaults for everything the seed leaves out. */
export function poolFromSeed(ctx: EngineContext, seed: PoolSeed): PoolState {
  const now = ctx.clock.now();
  const mode = seed.mfa?.mode ?? 'OFF';
  let deviceConfiguration: DeviceConfiguration | null = null;
  if (seed.deviceTracking === 'always' || seed.deviceTracking === 'opt-in') {
    deviceConfiguration = {
      challengeRequiredOnNewDevice: seed.challengeRequiredOnNewDevice ?? true,
      deviceOnlyRememberedOnUserPrompt: seed.deviceTracking === 'opt-in',
    };
  }
  return {
    id: seed.id,
    name: seed.name ?? seed.id,
    region: seed.id.slice(0, seed.id.indexOf('_')),
    passwordPolicy: { ...DEFAULT_POLICY, ...seed.passwordPolicy },
    mfaConfiguration: mode,
    mfaFactors: mode === 'OFF' ? [] : [...(seed.mfa?.factors ?? ['TOTP'])],
    deviceConfiguration,
    autoVerifiedAttributes: [...(seed.autoVerifiedAttributes ?? [])],
    usernameAttributes: [...(seed.usernameAttributes ?? [])],
    aliasAttributes: [...(seed.aliasAttributes ?? [])],
    usernameCaseSensitive: seed.usernameCaseSensitive ?? false,
    requiredAttributes: [...(seed.requiredAttributes ?? [])],
    customAuth: seed.customAuth ? customAuthFromSeed(seed.customAuth) : null,
    ...(seed.allowedFirstAuthFactors && {
      allowedFirstAuthFactors: [...seed.allowedFirstAuthFactors],
    }),
    ...(seed.webAuthn && { webAuthn: webAuthnSettings(seed.webAuthn) }),
    timestampToleranceSeconds:
      seed.timestampToleranceSeconds === undefined
        ? DEFAULT_TIMESTAMP_TOLERANCE_SECONDS
        : seed.timestampToleranceSeconds,
    customAttributes: (seed.customAttributes ?? []).map((a) => ({
      ...a,
      mutable: a.mutable ?? true,
    })),
    clients: nameIndex(),
    users: nameIndex(),
    groups: nameIndex(),
    signingKeys: null,
    refreshTokens: nameIndex(),
    revokedOrigins: nameIndex(),
    createdAt: now,
    lastModifiedAt: now,
  };
}

/** An app client with Cognito's defaults for everything the seed leaves out. */
export function clientFromSeed(ctx: EngineContext, seed: ClientSeed): ClientState {
  const now = ctx.clock.now();
  const rotation =
    typeof seed.refreshTokenRotation === 'boolean'
      ? { enabled: seed.refreshTokenRotation, retryGracePeriodSeconds: 0 }
      : {
          enabled: seed.refreshTokenRotation?.enabled ?? false,
          retryGracePeriodSeconds: seed.refreshTokenRotation?.retryGracePeriodSeconds ?? 0,
        };
  const client: ClientState = {
    clientId: seed.id,
    clientName: seed.name ?? seed.id,
    explicitAuthFlows: [
      ...(seed.explicitAuthFlows ?? [
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
        'ALLOW_CUSTOM_AUTH',
      ]),
    ],
    idTokenValiditySeconds: seed.tokenValidity?.idToken ?? 3600,
    accessTokenValiditySeconds: seed.tokenValidity?.accessToken ?? 3600,
    refreshTokenValiditySeconds: seed.tokenValidity?.refreshToken ?? 30 * 86400,
    authSessionValiditySeconds: seed.tokenValidity?.authSession ?? 180,
    refreshTokenRotation: rotation,
    preventUserExistenceErrors: seed.preventUserExistenceErrors ?? 'ENABLED',
    enableTokenRevocation: seed.enableTokenRevocation ?? true,
    readAttributes: seed.readAttributes ? [...seed.readAttributes] : null,
    writeAttributes: seed.writeAttributes ? [...seed.writeAttributes] : null,
    createdAt: now,
    lastModifiedAt: now,
  };
  if (seed.secret !== undefined) client.clientSecret = seed.secret;
  if (seed.oauth !== undefined) client.oauth = clientOAuthFromSeed(seed.oauth);
  return client;
}

const CHALLENGE_OF: Record<MfaFactor, 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP'> = {
  SMS: 'SMS_MFA',
  TOTP: 'SOFTWARE_TOKEN_MFA',
  EMAIL: 'EMAIL_OTP',
};

/**
 * Validates `seed` and adds its pools to `ctx.state` (replacing pools with the same id).
 *
 * @example
 * applySeed(ctx, { pools: [{ id: 'us-east-1_Example1', clients: [{ id: 'web' }],
 *   users: [{ username: 'alice', password: 'Passw0rd!' }] }] });
 */
export function applySeed(ctx: EngineContext, seed: unknown): void {
  const valid = validateSeed(seed);
  if (valid.upstreamIdp) {
    ctx.state.upstream = {
      accounts: upstreamAccountsFromSeed(valid.upstreamIdp.accounts),
      codes: nameIndex(),
      signingKey: ctx.state.upstream?.signingKey ?? null,
    };
  }
  for (const poolSeed of valid.pools ?? []) {
    const pool = poolFromSeed(ctx, poolSeed);
    applyPoolOAuthSeed(pool, poolSeed, ctx.clock.now());
    for (const clientSeed of poolSeed.clients ?? []) {
      pool.clients[clientSeed.id] = clientFromSeed(ctx, clientSeed);
    }
    const now = ctx.clock.now();
    for (const g of poolSeed.groups ?? []) {
      pool.groups[g.name] = {
        groupName: g.name,
        ...(g.description !== undefined && { description: g.description }),
        ...(g.precedence !== undefined && { precedence: g.precedence }),
        ...(g.roleArn !== undefined && { roleArn: g.roleArn }),
        createdAt: now,
        lastModifiedAt: now,
      };
    }
    for (const u of poolSeed.users ?? []) {
      const attributes = Object.fromEntries(
        Object.entries(u.attributes ?? {}).map(([k, v]) => [k, String(v)]),
      );
      const user = newUser(ctx, pool, {
        username: u.username,
        password: u.password ?? null,
        status: u.status ?? 'CONFIRMED',
        attributes,
        ...(u.enabled !== undefined && { enabled: u.enabled }),
        ...(u.sub !== undefined && { sub: u.sub }),
      });
      user.groups = [...(u.groups ?? [])];
      if (u.mfa) {
        user.mfa.smsEnabled = u.mfa.sms ?? false;
        user.mfa.emailEnabled = u.mfa.email ?? false;
        user.mfa.totpEnabled = u.mfa.totpSecret !== undefined;
        user.mfa.totpSecret = u.mfa.totpSecret ?? null;
        user.mfa.preferred = u.mfa.preferred ? CHALLENGE_OF[u.mfa.preferred] : null;
      }
      putUser(pool, user);
    }
    ctx.state.pools[pool.id] = pool;
  }
}
