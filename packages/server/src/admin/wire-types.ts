/**
 * Request and answer shapes of the admin and pool-management actions this package sends, as the
 * service model defines them (botocore `cognito-idp/2016-04-18/service-2.json`; member names
 * checked there). Dates on the wire are epoch seconds. Only members this package reads or writes
 * are listed; answers are checked where they are converted (see `convert.ts`).
 */

export interface WireAttribute {
  Name: string;
  Value?: string;
}

export interface WireMfaOption {
  DeliveryMedium?: string;
  AttributeName?: string;
}

/** `UserType` (ListUsers, ListUsersInGroup, AdminCreateUser). */
export interface WireUser {
  Username?: string;
  Attributes?: WireAttribute[];
  UserCreateDate?: number;
  UserLastModifiedDate?: number;
  Enabled?: boolean;
  UserStatus?: string;
  MFAOptions?: WireMfaOption[];
}

/** AdminGetUser's answer: `UserAttributes` (not `Attributes`) plus the MFA members. */
export interface WireGetUser {
  Username: string;
  UserAttributes?: WireAttribute[];
  UserCreateDate?: number;
  UserLastModifiedDate?: number;
  Enabled?: boolean;
  UserStatus?: string;
  MFAOptions?: WireMfaOption[];
  PreferredMfaSetting?: string;
  UserMFASettingList?: string[];
}

export interface WireDevice {
  DeviceKey?: string;
  DeviceAttributes?: WireAttribute[];
  DeviceCreateDate?: number;
  DeviceLastModifiedDate?: number;
  DeviceLastAuthenticatedDate?: number;
}

export interface WireGroup {
  GroupName?: string;
  UserPoolId?: string;
  Description?: string;
  RoleArn?: string;
  Precedence?: number;
  LastModifiedDate?: number;
  CreationDate?: number;
}

export interface WireIdentityProvider {
  UserPoolId?: string;
  ProviderName?: string;
  ProviderType?: string;
  ProviderDetails?: Record<string, string>;
  AttributeMapping?: Record<string, string>;
  IdpIdentifiers?: string[];
  LastModifiedDate?: number;
  CreationDate?: number;
}

export interface WireProviderDescription {
  ProviderName?: string;
  ProviderType?: string;
  LastModifiedDate?: number;
  CreationDate?: number;
}

/** `UserPoolClientType`; the settings members are passed through as the caller gave them. */
export interface WireUserPoolClient extends Record<string, unknown> {
  UserPoolId?: string;
  ClientName?: string;
  ClientId?: string;
  ClientSecret?: string;
  LastModifiedDate?: number;
  CreationDate?: number;
}

export interface WireAuthResult {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AuthenticationResult?: {
    AccessToken?: string;
    IdToken?: string;
    RefreshToken?: string;
    ExpiresIn?: number;
    TokenType?: string;
  };
}

export interface WireMfaSettings {
  Enabled?: boolean;
  PreferredMfa?: boolean;
}

type Pool = { UserPoolId: string };
type PoolUser = Pool & { Username: string };
type Paged<Token extends string, Size extends string> = { [K in Token]?: string } & {
  [K in Size]?: number;
};
type Empty = Record<string, never>;

/** `{ Action: [request, answer] }` for every action the admin client sends. */
export interface AdminActions {
  AdminCreateUser: [
    PoolUser & {
      UserAttributes?: WireAttribute[];
      TemporaryPassword?: string;
      ForceAliasCreation?: boolean;
      MessageAction?: 'RESEND' | 'SUPPRESS';
      DesiredDeliveryMediums?: ('EMAIL' | 'SMS')[];
      ClientMetadata?: Record<string, string>;
    },
    { User?: WireUser },
  ];
  AdminGetUser: [PoolUser, WireGetUser];
  ListUsers: [
    Pool & Paged<'PaginationToken', 'Limit'> & { Filter?: string; AttributesToGet?: string[] },
    { Users?: WireUser[]; PaginationToken?: string },
  ];
  AdminUpdateUserAttributes: [
    PoolUser & { UserAttributes: WireAttribute[]; ClientMetadata?: Record<string, string> },
    Empty,
  ];
  AdminDeleteUserAttributes: [PoolUser & { UserAttributeNames: string[] }, Empty];
  AdminDeleteUser: [PoolUser, Empty];
  AdminEnableUser: [PoolUser, Empty];
  AdminDisableUser: [PoolUser, Empty];
  AdminResetUserPassword: [PoolUser & { ClientMetadata?: Record<string, string> }, Empty];
  AdminSetUserPassword: [PoolUser & { Password: string; Permanent?: boolean }, Empty];
  AdminConfirmSignUp: [PoolUser & { ClientMetadata?: Record<string, string> }, Empty];
  AdminUserGlobalSignOut: [PoolUser, Empty];
  AdminSetUserMFAPreference: [
    PoolUser & {
      SMSMfaSettings?: WireMfaSettings;
      SoftwareTokenMfaSettings?: WireMfaSettings;
      EmailMfaSettings?: WireMfaSettings;
    },
    Empty,
  ];
  AdminListDevices: [
    PoolUser & Paged<'PaginationToken', 'Limit'>,
    { Devices?: WireDevice[]; PaginationToken?: string },
  ];
  AdminGetDevice: [PoolUser & { DeviceKey: string }, { Device?: WireDevice }];
  AdminUpdateDeviceStatus: [
    PoolUser & { DeviceKey: string; DeviceRememberedStatus: 'remembered' | 'not_remembered' },
    Empty,
  ];
  AdminForgetDevice: [PoolUser & { DeviceKey: string }, Empty];
  AdminListGroupsForUser: [
    PoolUser & Paged<'NextToken', 'Limit'>,
    { Groups?: WireGroup[]; NextToken?: string },
  ];
  CreateGroup: [
    Pool & { GroupName: string; Description?: string; RoleArn?: string; Precedence?: number },
    { Group?: WireGroup },
  ];
  GetGroup: [Pool & { GroupName: string }, { Group?: WireGroup }];
  UpdateGroup: [
    Pool & { GroupName: string; Description?: string; RoleArn?: string; Precedence?: number },
    { Group?: WireGroup },
  ];
  DeleteGroup: [Pool & { GroupName: string }, Empty];
  ListGroups: [Pool & Paged<'NextToken', 'Limit'>, { Groups?: WireGroup[]; NextToken?: string }];
  ListUsersInGroup: [
    Pool & { GroupName: string } & Paged<'NextToken', 'Limit'>,
    { Users?: WireUser[]; NextToken?: string },
  ];
  AdminAddUserToGroup: [PoolUser & { GroupName: string }, Empty];
  AdminRemoveUserFromGroup: [PoolUser & { GroupName: string }, Empty];
  CreateIdentityProvider: [
    Pool & {
      ProviderName: string;
      ProviderType: string;
      ProviderDetails: Record<string, string>;
      AttributeMapping?: Record<string, string>;
      IdpIdentifiers?: string[];
    },
    { IdentityProvider?: WireIdentityProvider },
  ];
  DescribeIdentityProvider: [
    Pool & { ProviderName: string },
    { IdentityProvider?: WireIdentityProvider },
  ];
  UpdateIdentityProvider: [
    Pool & {
      ProviderName: string;
      ProviderDetails?: Record<string, string>;
      AttributeMapping?: Record<string, string>;
      IdpIdentifiers?: string[];
    },
    { IdentityProvider?: WireIdentityProvider },
  ];
  DeleteIdentityProvider: [Pool & { ProviderName: string }, Empty];
  ListIdentityProviders: [
    Pool & Paged<'NextToken', 'MaxResults'>,
    { Providers?: WireProviderDescription[]; NextToken?: string },
  ];
  GetIdentityProviderByIdentifier: [
    Pool & { IdpIdentifier: string },
    { IdentityProvider?: WireIdentityProvider },
  ];
  CreateUserPoolClient: [
    Pool & Record<string, unknown> & { ClientName: string },
    { UserPoolClient?: WireUserPoolClient },
  ];
  DescribeUserPoolClient: [Pool & { ClientId: string }, { UserPoolClient?: WireUserPoolClient }];
  UpdateUserPoolClient: [
    Pool & Record<string, unknown> & { ClientId: string },
    { UserPoolClient?: WireUserPoolClient },
  ];
  DeleteUserPoolClient: [Pool & { ClientId: string }, Empty];
  ListUserPoolClients: [
    Pool & Paged<'NextToken', 'MaxResults'>,
    {
      UserPoolClients?: { ClientId?: string; UserPoolId?: string; ClientName?: string }[];
      NextToken?: string;
    },
  ];
  DescribeUserPool: [Pool, { UserPool?: Record<string, unknown> }];
  GetUserPoolMfaConfig: [Pool, WireMfaConfig];
  SetUserPoolMfaConfig: [Pool & WireMfaConfig, WireMfaConfig];
  AdminInitiateAuth: [
    Pool & {
      ClientId: string;
      AuthFlow: string;
      AuthParameters?: Record<string, string>;
      ClientMetadata?: Record<string, string>;
    },
    WireAuthResult,
  ];
  AdminRespondToAuthChallenge: [
    Pool & {
      ClientId: string;
      ChallengeName: string;
      ChallengeResponses?: Record<string, string>;
      Session?: string;
      ClientMetadata?: Record<string, string>;
    },
    WireAuthResult,
  ];
  AssociateSoftwareToken: [{ Session?: string }, { SecretCode?: string; Session?: string }];
  VerifySoftwareToken: [
    { Session?: string; UserCode: string; FriendlyDeviceName?: string },
    { Status?: string; Session?: string },
  ];
}

export interface WireMfaConfig {
  MfaConfiguration?: 'OFF' | 'ON' | 'OPTIONAL';
  SoftwareTokenMfaConfiguration?: { Enabled?: boolean };
  SmsMfaConfiguration?: {
    SmsAuthenticationMessage?: string;
    SmsConfiguration?: Record<string, unknown>;
  };
  EmailMfaConfiguration?: { Message?: string; Subject?: string };
}

export type AdminAction = keyof AdminActions;
