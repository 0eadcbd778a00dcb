/**
 * User-pool management: CreateUserPool, DescribeUserPool, UpdateUserPool, ListUserPools,
 * DeleteUserPool, SetUserPoolMfaConfig, GetUserPoolMfaConfig.
 */
import { own } from '../model/records.js';
import { REQUIRABLE_ATTRIBUTES } from '../model/required-attributes.js';
import type { ActionMap, RequestMeta } from '../protocol/action.js';
import type { EngineContext } from '../context.js';
import { serializationError, serviceError } from '../protocol/errors.js';
import { poolFromSeed } from '../seed/seed.js';
import { firstFactorProblems, webAuthnSettings } from '../model/sign-in-policy.js';
import type {
  AliasAttribute,
  DeviceConfiguration,
  FirstAuthFactor,
  MfaFactor,
  PasswordPolicy,
  PoolState,
  VerifiableAttribute,
} from '../model/state.js';
import { requirePool } from '../model/users.js';
import {
  bool,
  int,
  oneOf,
  readInput,
  str,
  stringList,
  struct,
  validationError,
} from '../protocol/validate.js';
import type { Parsed } from '../protocol/validate.js';
import {
  paginate,
  requiredLimitField,
  signedRegion,
  sortedBy,
  tokenField,
  userPoolIdField,
} from './admin-common.js';
import { STANDARD_ATTRIBUTE_NAMES } from '../model/standard-attributes.js';
import { poolDescriptionType, poolType } from './admin-shapes.js';

const POOL_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function newPoolId(ctx: EngineContext, region: string): string {
  let id = '';
  for (const byte of ctx.random(9)) id += POOL_ID_ALPHABET[byte % POOL_ID_ALPHABET.length];
  return `${region}_${id}`;
}

const passwordPolicyField = () =>
  struct({
    PasswordPolicy: struct({
      MinimumLength: int({ min: 6, max: 99 }),
      RequireUppercase: bool(),
      RequireLowercase: bool(),
      RequireNumbers: bool(),
      RequireSymbols: bool(),
      TemporaryPasswordValidityDays: int({ min: 0, max: 365 }),
    }),
    SignInPolicy: struct({ AllowedFirstAuthFactors: stringList() }),
  });

const deviceConfigurationField = () =>
  struct({ ChallengeRequiredOnNewDevice: bool(), DeviceOnlyRememberedOnUserPrompt: bool() });

const mfaModeField = () => oneOf(['OFF', 'ON', 'OPTIONAL']);

const VERIFIABLE = ['email', 'phone_number'] as const;
const ALIASES = ['email', 'phone_number', 'preferred_username'] as const;

/** Checks an enum list member, Cognito style (`Member must satisfy enum value set`). */
function enumList<V extends string>(
  values: string[] | undefined,
  allowed: readonly V[],
  path: string,
): V[] | undefined {
  if (values === undefined) return undefined;
  const problems = values
    .map((v, i) =>
      (allowed as readonly string[]).includes(v)
        ? undefined
        : `Value '${v}' at '${path}.${i + 1}.member' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
    )
    .filter((p): p is string => p !== undefined);
  if (problems.length > 0) throw validationError(problems);
  return values as V[];
}

type PolicyInput = Parsed<{
  PasswordPolicy: ReturnType<typeof passwordPolicyField>;
}>['PasswordPolicy'];

function passwordPolicy(input: PolicyInput): PasswordPolicy {
  return {
    minimumLength: input?.PasswordPolicy?.MinimumLength ?? 8,
    requireUppercase: input?.PasswordPolicy?.RequireUppercase ?? true,
    requireLowercase: input?.PasswordPolicy?.RequireLowercase ?? true,
    requireNumbers: input?.PasswordPolicy?.RequireNumbers ?? true,
    requireSymbols: input?.PasswordPolicy?.RequireSymbols ?? true,
    temporaryPasswordValidityDays: input?.PasswordPolicy?.TemporaryPasswordValidityDays ?? 7,
  };
}

/** `Policies.SignInPolicy.AllowedFirstAuthFactors`, checked; absent = password only. */
function firstFactors(input: PolicyInput): FirstAuthFactor[] | undefined {
  const factors = input?.SignInPolicy?.AllowedFirstAuthFactors;
  if (factors === undefined) return undefined;
  const problems = firstFactorProblems(factors);
  if (problems.length > 0) throw serviceError('InvalidParameterException', problems.join(' '));
  return factors as FirstAuthFactor[];
}

/** Stores the sign-in policy on the pool (absent member = Cognito's default, password only). */
function applySignInPolicy(pool: PoolState, input: PolicyInput): void {
  const factors = firstFactors(input);
  if (factors === undefined) delete pool.allowedFirstAuthFactors;
  else pool.allowedFirstAuthFactors = factors;
}

function deviceConfiguration(
  input:
    | { ChallengeRequiredOnNewDevice?: boolean; DeviceOnlyRememberedOnUserPrompt?: boolean }
    | undefined,
): DeviceConfiguration | null {
  if (input === undefined) return null;
  return {
    challengeRequiredOnNewDevice: input.ChallengeRequiredOnNewDevice ?? false,
    deviceOnlyRememberedOnUserPrompt: input.DeviceOnlyRememberedOnUserPrompt ?? false,
  };
}

/** Custom attributes from a CreateUserPool `Schema` list (standard attributes are built in). */
function customAttributesFromSchema(schema: unknown): PoolState['customAttributes'] {
  if (schema === undefined || schema === null) return [];
  if (!Array.isArray(schema)) throw serializationError('Expected list or null');
  const out: PoolState['customAttributes'] = [];
  schema.forEach((item: unknown, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw serializationError('Expected map or null');
    }
    const entry = readInput(item as Record<string, unknown>, {
      Name: str({ min: 1, max: 20 }),
      AttributeDataType: oneOf(['String', 'Number', 'DateTime', 'Boolean']),
      Mutable: bool(),
    });
    if (entry.Name === undefined)
      throw validationError([
        `Value null at 'schema.${i + 1}.member.name' failed to satisfy constraint: Member must not be null`,
      ]);
    const name = entry.Name.replace(/^custom:/, '');
    if (STANDARD_ATTRIBUTE_NAMES.has(name) && !entry.Name.startsWith('custom:')) return;
    out.push({ name, type: entry.AttributeDataType ?? 'String', mutable: entry.Mutable ?? true });
  });
  return out;
}

/** Standard attributes a CreateUserPool `Schema` marks `Required: true`. */
function requiredFromSchema(schema: unknown): string[] {
  if (!Array.isArray(schema)) return [];
  const out: string[] = [];
  for (const item of schema as unknown[]) {
    const entry = item as { Name?: unknown; Required?: unknown } | null;
    const name = entry?.Name;
    if (entry?.Required !== true || typeof name !== 'string') continue;
    if (name.startsWith('custom:') || !REQUIRABLE_ATTRIBUTES.includes(name)) {
      throw serviceError(
        'InvalidParameterException',
        `Required custom attributes are not supported currently.`,
      );
    }
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

const poolSettingFields = {
  Policies: passwordPolicyField(),
  MfaConfiguration: mfaModeField(),
  AutoVerifiedAttributes: stringList(),
  DeviceConfiguration: deviceConfigurationField(),
};

function factorsFor(mode: PoolState['mfaConfiguration'], current: MfaFactor[]): MfaFactor[] {
  if (mode === 'OFF') return [];
  return current.length > 0 ? current : ['TOTP'];
}

async function createUserPool(ctx: EngineContext, raw: Record<string, unknown>, req: RequestMeta) {
  const input = readInput(raw, {
    PoolName: str({
      required: true,
      min: 1,
      max: 128,
      pattern: { regex: /^[\w\s+=,.@-]+$/, text: '[\\w\\s+=,.@-]+' },
    }),
    ...poolSettingFields,
    AliasAttributes: stringList(),
    UsernameAttributes: stringList(),
    UsernameConfiguration: struct({ CaseSensitive: bool({ required: true }) }),
  });
  const autoVerified =
    enumList(input.AutoVerifiedAttributes, VERIFIABLE, 'autoVerifiedAttributes') ?? [];
  const aliases = enumList(input.AliasAttributes, ALIASES, 'aliasAttributes') ?? [];
  const usernameAttributes =
    enumList(input.UsernameAttributes, VERIFIABLE, 'usernameAttributes') ?? [];
  if (aliases.length > 0 && usernameAttributes.length > 0) {
    throw serviceError(
      'InvalidParameterException',
      'Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.',
    );
  }
  let id = newPoolId(ctx, signedRegion(req));
  while (own(ctx.state.pools, id)) id = newPoolId(ctx, signedRegion(req));
  const pool = poolFromSeed(ctx, { id, name: input.PoolName });
  const mode = input.MfaConfiguration ?? 'OFF';
  Object.assign(pool, {
    passwordPolicy: passwordPolicy(input.Policies),
    mfaConfiguration: mode,
    mfaFactors: factorsFor(mode, []),
    deviceConfiguration: deviceConfiguration(input.DeviceConfiguration),
    autoVerifiedAttributes: autoVerified satisfies VerifiableAttribute[],
    aliasAttributes: aliases satisfies AliasAttribute[],
    usernameAttributes: usernameAttributes satisfies VerifiableAttribute[],
    usernameCaseSensitive: input.UsernameConfiguration?.CaseSensitive ?? false,
    customAttributes: customAttributesFromSchema(raw['Schema']),
    requiredAttributes: requiredFromSchema(raw['Schema']),
  });
  applySignInPolicy(pool, input.Policies);
  ctx.state.pools[id] = pool;
  return { UserPool: poolType(pool) };
}

/**
 * UpdateUserPool. Like Cognito, settings left out of the request go back to their defaults
 * (password policy, MFA mode, auto-verified attributes, device tracking).
 */
async function updateUserPool(ctx: EngineContext, raw: Record<string, unknown>) {
  const input = readInput(raw, {
    UserPoolId: userPoolIdField(),
    PoolName: str({ min: 1, max: 128 }),
    ...poolSettingFields,
  });
  const pool = requirePool(ctx, input.UserPoolId);
  const mode = input.MfaConfiguration ?? 'OFF';
  pool.passwordPolicy = passwordPolicy(input.Policies);
  applySignInPolicy(pool, input.Policies);
  pool.mfaConfiguration = mode;
  pool.mfaFactors = factorsFor(mode, pool.mfaFactors);
  pool.autoVerifiedAttributes =
    enumList(input.AutoVerifiedAttributes, VERIFIABLE, 'autoVerifiedAttributes') ?? [];
  pool.deviceConfiguration = deviceConfiguration(input.DeviceConfiguration);
  if (input.PoolName !== undefined) pool.name = input.PoolName;
  pool.lastModifiedAt = ctx.clock.now();
  return {};
}

function mfaConfigOutput(pool: PoolState): Record<string, unknown> {
  return {
    ...(pool.mfaFactors.includes('SMS') && {
      SmsMfaConfiguration: {
        SmsConfiguration: {
          SnsCallerArn: 'arn:aws:iam::000000000000:role/cognito-kit-emulator-sms',
        },
      },
    }),
    SoftwareTokenMfaConfiguration: { Enabled: pool.mfaFactors.includes('TOTP') },
    ...(pool.mfaFactors.includes('EMAIL') && { EmailMfaConfiguration: {} }),
    MfaConfiguration: pool.mfaConfiguration,
    ...(pool.webAuthn !== undefined && {
      WebAuthnConfiguration: {
        ...(pool.webAuthn.relyingPartyId !== null && {
          RelyingPartyId: pool.webAuthn.relyingPartyId,
        }),
        UserVerification: pool.webAuthn.userVerification,
        FactorConfiguration: pool.webAuthn.factorConfiguration,
      },
    }),
  };
}

/**
 * SetUserPoolMfaConfig. A present `SmsMfaConfiguration` / `EmailMfaConfiguration` turns that
 * factor on; `SoftwareTokenMfaConfiguration.Enabled` switches TOTP; `WebAuthnConfiguration`
 * sets the passkey relying party and user verification; absent members leave a setting as it
 * was.
 */
async function setUserPoolMfaConfig(ctx: EngineContext, raw: Record<string, unknown>) {
  const input = readInput(raw, {
    UserPoolId: userPoolIdField(),
    SmsMfaConfiguration: struct({ SmsAuthenticationMessage: str() }),
    SoftwareTokenMfaConfiguration: struct({ Enabled: bool() }),
    EmailMfaConfiguration: struct({ Message: str(), Subject: str() }),
    MfaConfiguration: mfaModeField(),
    WebAuthnConfiguration: struct({
      RelyingPartyId: str({ min: 1, max: 127 }),
      UserVerification: oneOf(['required', 'preferred']),
      FactorConfiguration: oneOf(['SINGLE_FACTOR', 'MULTI_FACTOR_WITH_USER_VERIFICATION']),
    }),
  });
  const pool = requirePool(ctx, input.UserPoolId);
  // Like the other factors, an absent WebAuthnConfiguration leaves the passkey settings alone.
  const webAuthn = input.WebAuthnConfiguration;
  if (webAuthn !== undefined) {
    pool.webAuthn = webAuthnSettings({
      relyingPartyId: webAuthn.RelyingPartyId,
      userVerification: webAuthn.UserVerification,
      factorConfiguration: webAuthn.FactorConfiguration,
    });
  }
  const factors = new Set(pool.mfaFactors);
  if (input.SmsMfaConfiguration !== undefined) factors.add('SMS');
  if (input.EmailMfaConfiguration !== undefined) factors.add('EMAIL');
  if (input.SoftwareTokenMfaConfiguration?.Enabled === true) factors.add('TOTP');
  if (input.SoftwareTokenMfaConfiguration?.Enabled === false) factors.delete('TOTP');
  const mode = input.MfaConfiguration ?? pool.mfaConfiguration;
  if (mode !== 'OFF' && factors.size === 0) {
    throw serviceError(
      'InvalidParameterException',
      'At least one MFA factor must be enabled when MfaConfiguration is ON or OPTIONAL.',
    );
  }
  pool.mfaConfiguration = mode;
  pool.mfaFactors = (['SMS', 'TOTP', 'EMAIL'] as const).filter((f) => factors.has(f));
  pool.lastModifiedAt = ctx.clock.now();
  return mfaConfigOutput(pool);
}

/** User-pool management actions. */
export const poolAdminActions: ActionMap = {
  CreateUserPool: createUserPool,
  UpdateUserPool: updateUserPool,
  SetUserPoolMfaConfig: setUserPoolMfaConfig,

  async DescribeUserPool(ctx, raw) {
    const { UserPoolId } = readInput(raw, { UserPoolId: userPoolIdField() });
    return { UserPool: poolType(requirePool(ctx, UserPoolId)) };
  },

  async GetUserPoolMfaConfig(ctx, raw) {
    const { UserPoolId } = readInput(raw, { UserPoolId: userPoolIdField() });
    return mfaConfigOutput(requirePool(ctx, UserPoolId));
  },

  async ListUserPools(ctx, raw) {
    const input = readInput(raw, { MaxResults: requiredLimitField(1), NextToken: tokenField() });
    const pools = sortedBy(Object.values(ctx.state.pools), (p) => p.id);
    const page = paginate(pools, (p) => p.id, 'pools', input.MaxResults, input.NextToken);
    return {
      UserPools: page.items.map(poolDescriptionType),
      ...(page.next && { NextToken: page.next }),
    };
  },

  async DeleteUserPool(ctx, raw) {
    const { UserPoolId } = readInput(raw, { UserPoolId: userPoolIdField() });
    requirePool(ctx, UserPoolId);
    delete ctx.state.pools[UserPoolId];
    for (const [key, session] of Object.entries(ctx.state.sessions)) {
      if (session.poolId === UserPoolId) delete ctx.state.sessions[key];
    }
    for (const [key, challenge] of Object.entries(ctx.state.srpChallenges)) {
      if (challenge.poolId === UserPoolId) delete ctx.state.srpChallenges[key];
    }
    return {};
  },
};
