/**
 * The seed: a JSON document describing pools, app clients, users and groups to start with.
 * {@link validateSeed} checks an untrusted value (e.g. a parsed seed file) and reports every
 * problem with its path; {@link applySeed} turns a valid seed into engine state.
 *
 * Deliberate difference from Cognito: token lifetimes may be as short as 1 second (Cognito's
 * minimum is 5 minutes for ID/access and 60 minutes for refresh tokens) so that expiry and
 * refresh can be tested quickly.
 */
import { nameIndex } from './records.js';
import type { EngineContext } from './context.js';
import type {
  AliasAttribute,
  ClientState,
  CustomAttributeDefinition,
  CustomAuthConfig,
  CustomChallengeDefinition,
  DeviceConfiguration,
  ExplicitAuthFlow,
  MfaFactor,
  MfaMode,
  PasswordPolicy,
  PoolState,
  UserStatus,
  VerifiableAttribute,
} from './state.js';
import { validateSeed } from './seed-validation.js';
import { DEFAULT_TIMESTAMP_TOLERANCE_SECONDS } from './srp.js';
import { newUser, putUser } from './users.js';

export { SeedError, validateSeed } from './seed-validation.js';

/** Seed of a whole emulator. */
export interface EmulatorSeed {
  pools?: PoolSeed[];
}

/** Seed of one user pool. */
export interface PoolSeed {
  /** `<region>_<id>`, e.g. `us-east-1_Example1`. */
  id: string;
  /** Pool name; defaults to the id. */
  name?: string;
  passwordPolicy?: Partial<PasswordPolicy>;
  /** MFA: mode OFF / OPTIONAL / ON and the factors allowed (default `['TOTP']`). */
  mfa?: { mode: MfaMode; factors?: MfaFactor[] };
  /**
   * Device tracking: `off` (default), `always` (every device remembered) or `opt-in` (remembered
   * only when the user confirms). `challengeRequiredOnNewDevice` (default true): new devices pass
   * MFA, remembered devices skip it.
   */
  deviceTracking?: 'off' | 'always' | 'opt-in';
  challengeRequiredOnNewDevice?: boolean;
  autoVerifiedAttributes?: VerifiableAttribute[];
  /** Sign in with e-mail / phone instead of a username (internal username becomes a UUID). */
  usernameAttributes?: VerifiableAttribute[];
  /** Verified attributes usable in place of the username. */
  aliasAttributes?: AliasAttribute[];
  /** Default false (Cognito's default for new pools). */
  usernameCaseSensitive?: boolean;
  /**
   * CUSTOM_AUTH without Lambda triggers (absent: CUSTOM_AUTH answers that no trigger is
   * configured). See {@link CustomAuthSeed}.
   */
  customAuth?: CustomAuthSeed;
  /**
   * Standard attributes every user must have (Cognito schema `Required: true`), e.g. `['name']`:
   * SignUp and AdminCreateUser refuse users without them, NEW_PASSWORD_REQUIRED asks for them.
   * Seeded users may lack them (to test that challenge).
   */
  requiredAttributes?: string[];
  /**
   * Largest skew, in seconds, between an SRP claim's TIMESTAMP and the emulator clock
   * (default 300; `null` = not checked). Cognito's own tolerance is undocumented.
   */
  timestampToleranceSeconds?: number | null;
  /** Custom attributes (`mutable` defaults to true). */
  customAttributes?: (Omit<CustomAttributeDefinition, 'mutable'> & { mutable?: boolean })[];
  clients?: ClientSeed[];
  users?: UserSeed[];
  groups?: GroupSeed[];
}

/**
 * One custom challenge: `{ answer }` expects that fixed ANSWER; `{ code: 'EMAIL' | 'SMS' }` sends
 * a fresh 6-digit code to the user's e-mail / phone (the outbox) and expects it.
 * `publicParameters` are shown to the client with the challenge.
 */
export type CustomChallengeSeed =
  | { answer: string; publicParameters?: Record<string, string> }
  | { code: 'EMAIL' | 'SMS'; publicParameters?: Record<string, string> };

/**
 * The declarative stand-in for the Define/Create/VerifyAuthChallenge triggers.
 *
 * @example
 * customAuth: { srpFirst: true, challenges: [{ code: 'EMAIL' }], maxAttempts: 3 }
 */
export interface CustomAuthSeed {
  /** Prove the password with SRP first (client sends `CHALLENGE_NAME: "SRP_A"`); default false. */
  srpFirst?: boolean;
  /** Challenges, answered in order (1–5). */
  challenges: CustomChallengeSeed[];
  /** Public parameters of every challenge. */
  publicParameters?: Record<string, string>;
  /** Answers allowed per challenge before the sign-in fails (1–10, default 3). */
  maxAttempts?: number;
}

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

/** Seed of an app client. */
export interface ClientSeed {
  id: string;
  name?: string;
  /** Makes it a confidential client (SECRET_HASH required). */
  secret?: string;
  /** Default: Cognito's `ALLOW_USER_SRP_AUTH`, `ALLOW_REFRESH_TOKEN_AUTH`, `ALLOW_CUSTOM_AUTH`. */
  explicitAuthFlows?: ExplicitAuthFlow[];
  /** Lifetimes in seconds (≥ 1 here; see the module note). */
  tokenValidity?: {
    idToken?: number;
    accessToken?: number;
    refreshToken?: number;
    /** Challenge Session lifetime (Cognito's AuthSessionValidity, 3–15 min; default 180 s). */
    authSession?: number;
  };
  /** Refresh-token rotation; `true` means enabled with a 0 s grace period. */
  refreshTokenRotation?: boolean | { enabled: boolean; retryGracePeriodSeconds?: number };
  /** Default `ENABLED`. */
  preventUserExistenceErrors?: 'ENABLED' | 'LEGACY';
  /** Default true. */
  enableTokenRevocation?: boolean;
  readAttributes?: string[];
  writeAttributes?: string[];
}

/** Seed of a user. */
export interface UserSeed {
  /** Username, or the e-mail / phone in pools with `usernameAttributes`. */
  username: string;
  password?: string;
  /** Default CONFIRMED. */
  status?: UserStatus;
  enabled?: boolean;
  sub?: string;
  /** Attribute values; booleans such as `email_verified` may be JSON booleans. */
  attributes?: Record<string, string | boolean>;
  mfa?: {
    sms?: boolean;
    email?: boolean;
    /** Base32 TOTP secret; enables software-token MFA. */
    totpSecret?: string;
    preferred?: MfaFactor;
  };
  groups?: string[];
}

/** Seed of a group. */
export interface GroupSeed {
  name: string;
  description?: string;
  precedence?: number;
  roleArn?: string;
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
  for (const poolSeed of valid.pools ?? []) {
    const pool = poolFromSeed(ctx, poolSeed);
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
  ctx.changed();
}
