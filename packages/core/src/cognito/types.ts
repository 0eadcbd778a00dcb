/**
 * Request and response shapes of the Cognito user-pool actions this library calls, member for
 * member as in the Cognito API reference (PascalCase, optional where the model makes them
 * optional). Dates are JSON numbers of epoch seconds, as the JSON protocol sends them.
 *
 * These are wire types: the friendly camelCase wrappers live in `account/`.
 */

// ---------------------------------------------------------------------------------------------
// Enumerations
// ---------------------------------------------------------------------------------------------

/** `AuthFlow` values of InitiateAuth (client-side flows plus the admin ones, for completeness). */
export type AuthFlowType =
  | 'USER_SRP_AUTH'
  | 'REFRESH_TOKEN_AUTH'
  | 'REFRESH_TOKEN'
  | 'CUSTOM_AUTH'
  | 'ADMIN_NO_SRP_AUTH'
  | 'USER_PASSWORD_AUTH'
  | 'ADMIN_USER_PASSWORD_AUTH'
  | 'USER_AUTH';

/** Every challenge name Cognito may return, including the choice-based (`USER_AUTH`) ones. */
export type ChallengeNameType =
  | 'SMS_MFA'
  | 'EMAIL_OTP'
  | 'SOFTWARE_TOKEN_MFA'
  | 'SELECT_MFA_TYPE'
  | 'MFA_SETUP'
  | 'PASSWORD_VERIFIER'
  | 'CUSTOM_CHALLENGE'
  | 'SELECT_CHALLENGE'
  | 'DEVICE_SRP_AUTH'
  | 'DEVICE_PASSWORD_VERIFIER'
  | 'ADMIN_NO_SRP_AUTH'
  | 'NEW_PASSWORD_REQUIRED'
  | 'SMS_OTP'
  | 'PASSWORD'
  | 'WEB_AUTHN'
  | 'PASSWORD_SRP';

/** How a code was delivered. */
export type DeliveryMediumType = 'SMS' | 'EMAIL';

/** `DeviceRememberedStatus` of UpdateDeviceStatus. */
export type DeviceRememberedStatusType = 'remembered' | 'not_remembered';

/** `Status` of VerifySoftwareToken. */
export type VerifySoftwareTokenResponseType = 'SUCCESS' | 'ERROR';

/** MFA names in GetUser's `UserMFASettingList` / `PreferredMfaSetting`. */
export type UserMfaSettingName = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

// ---------------------------------------------------------------------------------------------
// Shared structures
// ---------------------------------------------------------------------------------------------

/** A user (or device) attribute. `Value` may be absent on the wire. */
export interface AttributeType {
  Name: string;
  Value?: string;
}

/** Where a confirmation / verification code was sent. `Destination` is masked by Cognito. */
export interface CodeDeliveryDetailsType {
  Destination?: string;
  DeliveryMedium?: DeliveryMediumType;
  AttributeName?: string;
}

/** A device Cognito started tracking on this sign-in. */
export interface NewDeviceMetadataType {
  DeviceKey?: string;
  DeviceGroupKey?: string;
}

/** Tokens of a completed sign-in or refresh. A refresh usually carries no `RefreshToken`. */
export interface AuthenticationResultType {
  AccessToken?: string;
  /** Lifetime of the access token in seconds. */
  ExpiresIn?: number;
  TokenType?: string;
  RefreshToken?: string;
  IdToken?: string;
  NewDeviceMetadata?: NewDeviceMetadataType;
}

/** A tracked device of the signed-in user. */
export interface DeviceType {
  DeviceKey?: string;
  DeviceAttributes?: AttributeType[];
  DeviceCreateDate?: number;
  DeviceLastModifiedDate?: number;
  DeviceLastAuthenticatedDate?: number;
}

/** Pinpoint analytics endpoint. */
export interface AnalyticsMetadataType {
  AnalyticsEndpointId?: string;
}

/** Data for advanced security (adaptive authentication). */
export interface UserContextDataType {
  IpAddress?: string;
  EncodedData?: string;
}

/** Legacy SMS MFA option of GetUser. */
export interface MFAOptionType {
  DeliveryMedium?: DeliveryMediumType;
  AttributeName?: string;
}

/** Enable / prefer one MFA method (SetUserMFAPreference). */
export interface MfaSettingsType {
  Enabled?: boolean;
  PreferredMfa?: boolean;
}
/** SMS MFA settings of SetUserMFAPreference. */
export type SMSMfaSettingsType = MfaSettingsType;
/** TOTP (authenticator app) MFA settings of SetUserMFAPreference. */
export type SoftwareTokenMfaSettingsType = MfaSettingsType;
/** E-mail OTP MFA settings of SetUserMFAPreference. */
export type EmailMfaSettingsType = MfaSettingsType;

/** SRP verifier of a device (ConfirmDevice), both base64 of padded-hex bytes. */
export interface DeviceSecretVerifierConfigType {
  PasswordVerifier?: string;
  Salt?: string;
}

/** String map Cognito passes to Lambda triggers. */
export type ClientMetadataType = Record<string, string>;

// ---------------------------------------------------------------------------------------------
// Sign-in
// ---------------------------------------------------------------------------------------------

/** Body of a `InitiateAuth` request. */
export interface InitiateAuthRequest {
  AuthFlow: AuthFlowType;
  ClientId: string;
  AuthParameters?: Record<string, string>;
  ClientMetadata?: ClientMetadataType;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
  /** Newer model: session of a USER_AUTH flow. */
  Session?: string;
}
/** Body of a successful `InitiateAuth` answer. */
export interface InitiateAuthResponse {
  ChallengeName?: ChallengeNameType;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AuthenticationResult?: AuthenticationResultType;
  /** Newer model (USER_AUTH): challenges the user may choose from. */
  AvailableChallenges?: ChallengeNameType[];
}

/** Body of a `RespondToAuthChallenge` request. */
export interface RespondToAuthChallengeRequest {
  ClientId: string;
  ChallengeName: ChallengeNameType;
  Session?: string;
  ChallengeResponses?: Record<string, string>;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
  ClientMetadata?: ClientMetadataType;
}
/** Body of a successful `RespondToAuthChallenge` answer. */
export interface RespondToAuthChallengeResponse {
  ChallengeName?: ChallengeNameType;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AuthenticationResult?: AuthenticationResultType;
}

// ---------------------------------------------------------------------------------------------
// Sign-up and password reset
// ---------------------------------------------------------------------------------------------

/** Body of a `SignUp` request. */
export interface SignUpRequest {
  ClientId: string;
  SecretHash?: string;
  Username: string;
  Password?: string;
  UserAttributes?: AttributeType[];
  ValidationData?: AttributeType[];
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
  ClientMetadata?: ClientMetadataType;
}
/** Body of a successful `SignUp` answer. */
export interface SignUpResponse {
  UserConfirmed: boolean;
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
  UserSub: string;
  /** Newer model: lets USER_AUTH sign in right after confirmation. */
  Session?: string;
}

/** Body of a `ConfirmSignUp` request. */
export interface ConfirmSignUpRequest {
  ClientId: string;
  SecretHash?: string;
  Username: string;
  ConfirmationCode: string;
  ForceAliasCreation?: boolean;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
  ClientMetadata?: ClientMetadataType;
  Session?: string;
}
/** Body of a successful `ConfirmSignUp` answer. */
export interface ConfirmSignUpResponse {
  Session?: string;
}

/** Body of a `ResendConfirmationCode` request. */
export interface ResendConfirmationCodeRequest {
  ClientId: string;
  SecretHash?: string;
  UserContextData?: UserContextDataType;
  Username: string;
  AnalyticsMetadata?: AnalyticsMetadataType;
  ClientMetadata?: ClientMetadataType;
}
/** Body of a successful `ResendConfirmationCode` answer. */
export interface ResendConfirmationCodeResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
}

/** Body of a `ForgotPassword` request. */
export interface ForgotPasswordRequest {
  ClientId: string;
  SecretHash?: string;
  UserContextData?: UserContextDataType;
  Username: string;
  AnalyticsMetadata?: AnalyticsMetadataType;
  ClientMetadata?: ClientMetadataType;
}
/** Body of a successful `ForgotPassword` answer. */
export interface ForgotPasswordResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
}

/** Body of a `ConfirmForgotPassword` request. */
export interface ConfirmForgotPasswordRequest {
  ClientId: string;
  SecretHash?: string;
  Username: string;
  ConfirmationCode: string;
  Password: string;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
  ClientMetadata?: ClientMetadataType;
}
/** ConfirmForgotPassword has an empty output. */
export type ConfirmForgotPasswordResponse = Record<string, never>;

/** Body of a `ChangePassword` request. */
export interface ChangePasswordRequest {
  /** Optional in the newest model (password-less users); required by older pools. */
  PreviousPassword?: string;
  ProposedPassword: string;
  AccessToken: string;
}
/** Body of a successful `ChangePassword` answer. */
export type ChangePasswordResponse = Record<string, never>;

// ---------------------------------------------------------------------------------------------
// User and attributes
// ---------------------------------------------------------------------------------------------

/** Body of a `GetUser` request. */
export interface GetUserRequest {
  AccessToken: string;
}
/** Body of a successful `GetUser` answer. */
export interface GetUserResponse {
  Username: string;
  UserAttributes: AttributeType[];
  MFAOptions?: MFAOptionType[];
  PreferredMfaSetting?: string;
  UserMFASettingList?: string[];
}

/** Body of a `UpdateUserAttributes` request. */
export interface UpdateUserAttributesRequest {
  UserAttributes: AttributeType[];
  AccessToken: string;
  ClientMetadata?: ClientMetadataType;
}
/** Body of a successful `UpdateUserAttributes` answer. */
export interface UpdateUserAttributesResponse {
  CodeDeliveryDetailsList?: CodeDeliveryDetailsType[];
}

/** Body of a `DeleteUserAttributes` request. */
export interface DeleteUserAttributesRequest {
  UserAttributeNames: string[];
  AccessToken: string;
}
/** Body of a successful `DeleteUserAttributes` answer. */
export type DeleteUserAttributesResponse = Record<string, never>;

/** Body of a `GetUserAttributeVerificationCode` request. */
export interface GetUserAttributeVerificationCodeRequest {
  AccessToken: string;
  AttributeName: string;
  ClientMetadata?: ClientMetadataType;
}
/** Body of a successful `GetUserAttributeVerificationCode` answer. */
export interface GetUserAttributeVerificationCodeResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
}

/** Body of a `VerifyUserAttribute` request. */
export interface VerifyUserAttributeRequest {
  AccessToken: string;
  AttributeName: string;
  Code: string;
}
/** Body of a successful `VerifyUserAttribute` answer. */
export type VerifyUserAttributeResponse = Record<string, never>;

/** Body of a `DeleteUser` request. */
export interface DeleteUserRequest {
  AccessToken: string;
}
/** Body of a successful `DeleteUser` answer. */
export type DeleteUserResponse = Record<string, never>;

// ---------------------------------------------------------------------------------------------
// MFA
// ---------------------------------------------------------------------------------------------

/** Exactly one of `AccessToken` (signed in) or `Session` (MFA_SETUP challenge). */
export interface AssociateSoftwareTokenRequest {
  AccessToken?: string;
  Session?: string;
}
/** Body of a successful `AssociateSoftwareToken` answer. */
export interface AssociateSoftwareTokenResponse {
  SecretCode?: string;
  Session?: string;
}

/** Body of a `VerifySoftwareToken` request. */
export interface VerifySoftwareTokenRequest {
  AccessToken?: string;
  Session?: string;
  UserCode: string;
  FriendlyDeviceName?: string;
}
/** Body of a successful `VerifySoftwareToken` answer. */
export interface VerifySoftwareTokenResponse {
  Status?: VerifySoftwareTokenResponseType;
  Session?: string;
}

/** Body of a `SetUserMFAPreference` request. */
export interface SetUserMFAPreferenceRequest {
  SMSMfaSettings?: SMSMfaSettingsType;
  SoftwareTokenMfaSettings?: SoftwareTokenMfaSettingsType;
  EmailMfaSettings?: EmailMfaSettingsType;
  AccessToken: string;
}
/** Body of a successful `SetUserMFAPreference` answer. */
export type SetUserMFAPreferenceResponse = Record<string, never>;

// ---------------------------------------------------------------------------------------------
// Tokens and sign-out
// ---------------------------------------------------------------------------------------------

/** Body of a `GlobalSignOut` request. */
export interface GlobalSignOutRequest {
  AccessToken: string;
}
/** Body of a successful `GlobalSignOut` answer. */
export type GlobalSignOutResponse = Record<string, never>;

/** Body of a `RevokeToken` request. */
export interface RevokeTokenRequest {
  Token: string;
  ClientId: string;
  ClientSecret?: string;
}
/** Body of a successful `RevokeToken` answer. */
export type RevokeTokenResponse = Record<string, never>;

/** Body of a `GetTokensFromRefreshToken` request. */
export interface GetTokensFromRefreshTokenRequest {
  RefreshToken: string;
  ClientId: string;
  ClientSecret?: string;
  DeviceKey?: string;
  ClientMetadata?: ClientMetadataType;
}
/** Body of a successful `GetTokensFromRefreshToken` answer. */
export interface GetTokensFromRefreshTokenResponse {
  AuthenticationResult?: AuthenticationResultType;
}

// ---------------------------------------------------------------------------------------------
// Devices
// ---------------------------------------------------------------------------------------------

/** Body of a `ConfirmDevice` request. */
export interface ConfirmDeviceRequest {
  AccessToken: string;
  DeviceKey: string;
  DeviceSecretVerifierConfig?: DeviceSecretVerifierConfigType;
  DeviceName?: string;
}
/** Body of a successful `ConfirmDevice` answer. */
export interface ConfirmDeviceResponse {
  UserConfirmationNecessary?: boolean;
}

/** Body of a `ListDevices` request. */
export interface ListDevicesRequest {
  AccessToken: string;
  /** 0–60. */
  Limit?: number;
  PaginationToken?: string;
}
/** Body of a successful `ListDevices` answer. */
export interface ListDevicesResponse {
  Devices?: DeviceType[];
  PaginationToken?: string;
}

/** Body of a `GetDevice` request. */
export interface GetDeviceRequest {
  DeviceKey: string;
  AccessToken?: string;
}
/** Body of a successful `GetDevice` answer. */
export interface GetDeviceResponse {
  Device: DeviceType;
}

/** Body of a `UpdateDeviceStatus` request. */
export interface UpdateDeviceStatusRequest {
  AccessToken: string;
  DeviceKey: string;
  DeviceRememberedStatus?: DeviceRememberedStatusType;
}
/** Body of a successful `UpdateDeviceStatus` answer. */
export type UpdateDeviceStatusResponse = Record<string, never>;

/** Body of a `ForgetDevice` request. */
export interface ForgetDeviceRequest {
  AccessToken?: string;
  DeviceKey: string;
}
/** Body of a successful `ForgetDevice` answer. */
export type ForgetDeviceResponse = Record<string, never>;

// ---------------------------------------------------------------------------------------------
// Passkeys (access-token actions; service model 1.43.67)
// ---------------------------------------------------------------------------------------------

/** Body of a `StartWebAuthnRegistration` request. */
export interface StartWebAuthnRegistrationRequest {
  AccessToken: string;
}
/** Body of a successful `StartWebAuthnRegistration` answer: a JSON document, not a string. */
export interface StartWebAuthnRegistrationResponse {
  CredentialCreationOptions: Record<string, unknown>;
}

/** Body of a `CompleteWebAuthnRegistration` request (`Credential`: RegistrationResponseJSON). */
export interface CompleteWebAuthnRegistrationRequest {
  AccessToken: string;
  Credential: Record<string, unknown>;
}
/** Body of a successful `CompleteWebAuthnRegistration` answer. */
export type CompleteWebAuthnRegistrationResponse = Record<string, never>;

/** One registered passkey (`WebAuthnCredentialDescription`). */
export interface WebAuthnCredentialDescription {
  CredentialId: string;
  FriendlyCredentialName: string;
  RelyingPartyId: string;
  AuthenticatorAttachment?: string;
  AuthenticatorTransports: string[];
  /** Epoch seconds. */
  CreatedAt: number;
}

/** Body of a `ListWebAuthnCredentials` request. */
export interface ListWebAuthnCredentialsRequest {
  AccessToken: string;
  NextToken?: string;
  /** 0–20. */
  MaxResults?: number;
}
/** Body of a successful `ListWebAuthnCredentials` answer. */
export interface ListWebAuthnCredentialsResponse {
  Credentials: WebAuthnCredentialDescription[];
  NextToken?: string;
}

/** Body of a `DeleteWebAuthnCredential` request. */
export interface DeleteWebAuthnCredentialRequest {
  AccessToken: string;
  CredentialId: string;
}
/** Body of a successful `DeleteWebAuthnCredential` answer. */
export type DeleteWebAuthnCredentialResponse = Record<string, never>;

// ---------------------------------------------------------------------------------------------
// Action table
// ---------------------------------------------------------------------------------------------

/** Request and response type of every action, keyed by its `X-Amz-Target` suffix. */
export interface CognitoActions {
  InitiateAuth: [InitiateAuthRequest, InitiateAuthResponse];
  RespondToAuthChallenge: [RespondToAuthChallengeRequest, RespondToAuthChallengeResponse];
  SignUp: [SignUpRequest, SignUpResponse];
  ConfirmSignUp: [ConfirmSignUpRequest, ConfirmSignUpResponse];
  ResendConfirmationCode: [ResendConfirmationCodeRequest, ResendConfirmationCodeResponse];
  ForgotPassword: [ForgotPasswordRequest, ForgotPasswordResponse];
  ConfirmForgotPassword: [ConfirmForgotPasswordRequest, ConfirmForgotPasswordResponse];
  ChangePassword: [ChangePasswordRequest, ChangePasswordResponse];
  GetUser: [GetUserRequest, GetUserResponse];
  UpdateUserAttributes: [UpdateUserAttributesRequest, UpdateUserAttributesResponse];
  DeleteUserAttributes: [DeleteUserAttributesRequest, DeleteUserAttributesResponse];
  GetUserAttributeVerificationCode: [
    GetUserAttributeVerificationCodeRequest,
    GetUserAttributeVerificationCodeResponse,
  ];
  VerifyUserAttribute: [VerifyUserAttributeRequest, VerifyUserAttributeResponse];
  DeleteUser: [DeleteUserRequest, DeleteUserResponse];
  AssociateSoftwareToken: [AssociateSoftwareTokenRequest, AssociateSoftwareTokenResponse];
  VerifySoftwareToken: [VerifySoftwareTokenRequest, VerifySoftwareTokenResponse];
  SetUserMFAPreference: [SetUserMFAPreferenceRequest, SetUserMFAPreferenceResponse];
  GlobalSignOut: [GlobalSignOutRequest, GlobalSignOutResponse];
  RevokeToken: [RevokeTokenRequest, RevokeTokenResponse];
  GetTokensFromRefreshToken: [GetTokensFromRefreshTokenRequest, GetTokensFromRefreshTokenResponse];
  ConfirmDevice: [ConfirmDeviceRequest, ConfirmDeviceResponse];
  ListDevices: [ListDevicesRequest, ListDevicesResponse];
  GetDevice: [GetDeviceRequest, GetDeviceResponse];
  UpdateDeviceStatus: [UpdateDeviceStatusRequest, UpdateDeviceStatusResponse];
  ForgetDevice: [ForgetDeviceRequest, ForgetDeviceResponse];
  StartWebAuthnRegistration: [StartWebAuthnRegistrationRequest, StartWebAuthnRegistrationResponse];
  CompleteWebAuthnRegistration: [
    CompleteWebAuthnRegistrationRequest,
    CompleteWebAuthnRegistrationResponse,
  ];
  ListWebAuthnCredentials: [ListWebAuthnCredentialsRequest, ListWebAuthnCredentialsResponse];
  DeleteWebAuthnCredential: [DeleteWebAuthnCredentialRequest, DeleteWebAuthnCredentialResponse];
}

/** A Cognito action name this library calls. */
export type CognitoAction = keyof CognitoActions;

/**
 * What a caller passes to a {@link CognitoClient} method: the wire request without the members
 * the client fills in itself (`ClientId`, `SecretHash`, `ClientSecret`).
 */
export type ClientInput<T> = Omit<T, 'ClientId' | 'SecretHash' | 'ClientSecret'>;
