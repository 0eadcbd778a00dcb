/**
 * Engine state → Cognito's output shapes for the admin API (`UserType`, `UserPoolType`,
 * `UserPoolClientType`, `GroupType`), with dates as epoch seconds.
 */
import { requiredAttributesOf } from '../model/required-attributes.js';
import { STANDARD_ATTRIBUTES } from '../model/standard-attributes.js';
import type { ClientState, GroupState, PoolState, UserState } from '../model/state.js';
import { attributeList } from '../model/users.js';
import { seconds } from './admin-common.js';

/** `UserType` (AdminCreateUser, ListUsers, ListUsersInGroup). */
export function userType(
  user: UserState,
  attributesToGet?: readonly string[],
): Record<string, unknown> {
  const attributes = attributeList(user).filter(
    (a) => attributesToGet === undefined || attributesToGet.includes(a.Name),
  );
  return {
    Username: user.username,
    Attributes: attributes,
    UserCreateDate: seconds(user.createdAt),
    UserLastModifiedDate: seconds(user.lastModifiedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/** MFA members of AdminGetUser / GetUser (`UserMFASettingList`, `PreferredMfaSetting`). */
export function userMfaMembers(user: UserState): Record<string, unknown> {
  const list = [
    ...(user.mfa.smsEnabled ? ['SMS_MFA'] : []),
    ...(user.mfa.totpEnabled ? ['SOFTWARE_TOKEN_MFA'] : []),
    ...(user.mfa.emailEnabled ? ['EMAIL_OTP'] : []),
  ];
  return {
    ...(list.length > 0 && { UserMFASettingList: list }),
    ...(user.mfa.preferred !== null && { PreferredMfaSetting: user.mfa.preferred }),
  };
}

/** `GroupType`. */
export function groupType(poolId: string, group: GroupState): Record<string, unknown> {
  return {
    GroupName: group.groupName,
    UserPoolId: poolId,
    ...(group.description !== undefined && { Description: group.description }),
    ...(group.roleArn !== undefined && { RoleArn: group.roleArn }),
    ...(group.precedence !== undefined && { Precedence: group.precedence }),
    LastModifiedDate: seconds(group.lastModifiedAt),
    CreationDate: seconds(group.createdAt),
  };
}

type Unit = 'seconds' | 'minutes' | 'hours' | 'days';
const UNIT_SECONDS: Record<Unit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** Expresses a lifetime in the largest of `units` that divides it (so it reads back exactly). */
function inUnit(totalSeconds: number, units: readonly Unit[]): { value: number; unit: Unit } {
  for (const unit of units) {
    if (totalSeconds % UNIT_SECONDS[unit] === 0)
      return { value: totalSeconds / UNIT_SECONDS[unit], unit };
  }
  return { value: totalSeconds, unit: 'seconds' };
}

/** `UserPoolClientType`. */
export function clientType(poolId: string, client: ClientState): Record<string, unknown> {
  const refresh = inUnit(client.refreshTokenValiditySeconds, [
    'days',
    'hours',
    'minutes',
    'seconds',
  ]);
  const access = inUnit(client.accessTokenValiditySeconds, ['hours', 'minutes', 'seconds']);
  const id = inUnit(client.idTokenValiditySeconds, ['hours', 'minutes', 'seconds']);
  return {
    UserPoolId: poolId,
    ClientName: client.clientName,
    ClientId: client.clientId,
    ...(client.clientSecret !== undefined && { ClientSecret: client.clientSecret }),
    LastModifiedDate: seconds(client.lastModifiedAt),
    CreationDate: seconds(client.createdAt),
    RefreshTokenValidity: refresh.value,
    AccessTokenValidity: access.value,
    IdTokenValidity: id.value,
    TokenValidityUnits: { AccessToken: access.unit, IdToken: id.unit, RefreshToken: refresh.unit },
    ...(client.readAttributes !== null && { ReadAttributes: client.readAttributes }),
    ...(client.writeAttributes !== null && { WriteAttributes: client.writeAttributes }),
    ExplicitAuthFlows: client.explicitAuthFlows,
    AllowedOAuthFlowsUserPoolClient: client.oauth?.enabled ?? false,
    ...(client.oauth && {
      AllowedOAuthFlows: client.oauth.flows,
      AllowedOAuthScopes: client.oauth.scopes,
      CallbackURLs: client.oauth.callbackUrls,
      LogoutURLs: client.oauth.logoutUrls,
      SupportedIdentityProviders: client.oauth.identityProviders,
      ...(client.oauth.defaultRedirectUri !== undefined && {
        DefaultRedirectURI: client.oauth.defaultRedirectUri,
      }),
    }),
    PreventUserExistenceErrors: client.preventUserExistenceErrors,
    EnableTokenRevocation: client.enableTokenRevocation,
    EnablePropagateAdditionalUserContextData: false,
    AuthSessionValidity: Math.max(1, Math.round(client.authSessionValiditySeconds / 60)),
    RefreshTokenRotation: {
      Feature: client.refreshTokenRotation.enabled ? 'ENABLED' : 'DISABLED',
      RetryGracePeriodSeconds: client.refreshTokenRotation.retryGracePeriodSeconds,
    },
  };
}

function schemaAttributes(pool: PoolState): Record<string, unknown>[] {
  const standard = STANDARD_ATTRIBUTES.map((name) => ({
    Name: name,
    AttributeDataType: name.endsWith('_verified')
      ? 'Boolean'
      : name === 'updated_at'
        ? 'Number'
        : 'String',
    DeveloperOnlyAttribute: false,
    Mutable: name !== 'sub',
    Required: name === 'sub' || requiredAttributesOf(pool).includes(name),
  }));
  const custom = pool.customAttributes.map((a) => ({
    Name: `custom:${a.name}`,
    AttributeDataType: a.type,
    DeveloperOnlyAttribute: false,
    Mutable: a.mutable,
    Required: false,
  }));
  return [...standard, ...custom];
}

/** `UserPoolType` (DescribeUserPool, CreateUserPool). */
export function poolType(pool: PoolState): Record<string, unknown> {
  const policy = pool.passwordPolicy;
  return {
    Id: pool.id,
    Name: pool.name,
    Arn: `arn:aws:cognito-idp:${pool.region}:000000000000:userpool/${pool.id}`,
    Policies: {
      PasswordPolicy: {
        MinimumLength: policy.minimumLength,
        RequireUppercase: policy.requireUppercase,
        RequireLowercase: policy.requireLowercase,
        RequireNumbers: policy.requireNumbers,
        RequireSymbols: policy.requireSymbols,
        TemporaryPasswordValidityDays: policy.temporaryPasswordValidityDays,
      },
      SignInPolicy: { AllowedFirstAuthFactors: pool.allowedFirstAuthFactors ?? ['PASSWORD'] },
    },
    DeletionProtection: 'INACTIVE',
    LambdaConfig: {},
    LastModifiedDate: seconds(pool.lastModifiedAt),
    CreationDate: seconds(pool.createdAt),
    SchemaAttributes: schemaAttributes(pool),
    AutoVerifiedAttributes: pool.autoVerifiedAttributes,
    ...(pool.aliasAttributes.length > 0 && { AliasAttributes: pool.aliasAttributes }),
    ...(pool.usernameAttributes.length > 0 && { UsernameAttributes: pool.usernameAttributes }),
    MfaConfiguration: pool.mfaConfiguration,
    ...(pool.domain !== undefined && { Domain: pool.domain }),
    ...(pool.deviceConfiguration !== null && {
      DeviceConfiguration: {
        ChallengeRequiredOnNewDevice: pool.deviceConfiguration.challengeRequiredOnNewDevice,
        DeviceOnlyRememberedOnUserPrompt: pool.deviceConfiguration.deviceOnlyRememberedOnUserPrompt,
      },
    }),
    EstimatedNumberOfUsers: Object.keys(pool.users).length,
    UsernameConfiguration: { CaseSensitive: pool.usernameCaseSensitive },
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
    UserPoolTier: 'ESSENTIALS',
  };
}

/** `UserPoolDescriptionType` (ListUserPools). */
export function poolDescriptionType(pool: PoolState): Record<string, unknown> {
  return {
    Id: pool.id,
    Name: pool.name,
    LambdaConfig: {},
    LastModifiedDate: seconds(pool.lastModifiedAt),
    CreationDate: seconds(pool.createdAt),
  };
}
