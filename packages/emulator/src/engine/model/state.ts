/**
 * The emulator's data model. Everything here is a plain JSON-serialisable object (no Map, no
 * Date, no bigint — big integers are lowercase hex strings, times are epoch milliseconds) so the
 * Node host can write a snapshot to disk and read it back unchanged.
 *
 * Every record keyed by a caller-chosen name (pools, clients, users, groups, devices, codes,
 * sessions, …) has no prototype and is read with `own` (see `records.ts`), so names such as
 * `__proto__` or `constructor` are ordinary keys.
 *
 * Secrets that the engine must verify later (passwords, codes, TOTP secrets, device verifiers)
 * live here because the emulator is a local test double; they are never logged.
 */

import { nameIndex } from './records.js';

/** What a one-time code was issued for; decides its lifetime (see `codes.ts`). */
export type CodePurpose = 'signUp' | 'forgotPassword' | 'attribute' | 'mfa';

/** Every status Cognito reports for a user. */
export type UserStatus =
  | 'UNCONFIRMED'
  | 'CONFIRMED'
  | 'ARCHIVED'
  | 'COMPROMISED'
  | 'UNKNOWN'
  | 'RESET_REQUIRED'
  | 'FORCE_CHANGE_PASSWORD'
  | 'EXTERNAL_PROVIDER';

/** Pool-level MFA switch (Cognito's `MfaConfiguration`). */
export type MfaMode = 'OFF' | 'OPTIONAL' | 'ON';

/** A second factor a pool may enable. */
export type MfaFactor = 'SMS' | 'TOTP' | 'EMAIL';

/** Cognito's names for the MFA challenge of each factor. */
export type MfaChallengeName = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

/**
 * A first sign-in factor of choice-based sign-in (`AuthFactorType` without SOFTWARE_TOKEN, which
 * the service model says cannot be a first factor).
 */
export type FirstAuthFactor = 'PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

/** What USER_AUTH may offer in `AvailableChallenges` (PASSWORD stands for both password forms). */
export type FirstFactorChallenge =
  'PASSWORD' | 'PASSWORD_SRP' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

/** Passkey settings of a pool (`WebAuthnConfigurationType`). */
export interface WebAuthnSettings {
  /** The relying-party id passkeys are bound to; `null` = not configured. */
  relyingPartyId: string | null;
  userVerification: 'required' | 'preferred';
  factorConfiguration: 'SINGLE_FACTOR' | 'MULTI_FACTOR_WITH_USER_VERIFICATION';
}

/** A passkey registered by a user (CompleteWebAuthnRegistration). */
export interface WebAuthnCredentialState {
  /** base64url credential id, as the browser reports it. */
  credentialId: string;
  /** COSE public key, base64url. */
  publicKey: string;
  /** Last signature counter seen. */
  signCount: number;
  relyingPartyId: string;
  friendlyName: string;
  transports: string[];
  authenticatorAttachment?: string;
  createdAt: number;
  lastUsedAt?: number;
}

/** A StartWebAuthnRegistration waiting for its CompleteWebAuthnRegistration. */
export interface PendingWebAuthnRegistration {
  /** base64url challenge sent in CredentialCreationOptions. */
  challenge: string;
  /** App client of the access token that started it. */
  clientId: string;
  relyingPartyId: string;
  expiresAt: number;
}

/** Attributes that can be verified and receive codes. */
export type VerifiableAttribute = 'email' | 'phone_number';

/** Attributes usable as alias or as username (`AliasAttributes` / `UsernameAttributes`). */
export type AliasAttribute = 'email' | 'phone_number' | 'preferred_username';

/** Password rules of a pool (Cognito's `PasswordPolicyType`). */
export interface PasswordPolicy {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
  /** Days an admin-set temporary password stays usable. */
  temporaryPasswordValidityDays: number;
}

/** Device tracking (Cognito's `DeviceConfigurationType`); `null` on the pool means off. */
export interface DeviceConfiguration {
  /** New (not yet remembered) devices must pass MFA; remembered ones skip it. */
  challengeRequiredOnNewDevice: boolean;
  /** Devices are remembered only when the user opts in ("user opt-in" mode). */
  deviceOnlyRememberedOnUserPrompt: boolean;
}

/**
 * One challenge of the declarative custom-auth stand-in: a fixed answer, or a one-time code
 * delivered by e-mail or SMS (to the outbox). `publicParameters` go to the client.
 */
export type CustomChallengeDefinition =
  | { kind: 'fixed'; answer: string; publicParameters: Record<string, string> }
  | { kind: 'code'; delivery: 'EMAIL' | 'SMS'; publicParameters: Record<string, string> };

/**
 * What the emulator does for `CUSTOM_AUTH` in place of the Define/Create/VerifyAuthChallenge
 * Lambda triggers it cannot run.
 */
export interface CustomAuthConfig {
  /** Ask for the password first (SRP: `SRP_A` with `CHALLENGE_NAME: "SRP_A"`, PASSWORD_VERIFIER). */
  srpFirst: boolean;
  /** Challenges answered in order; all must be passed. */
  challenges: CustomChallengeDefinition[];
  /** Public parameters of every challenge (a challenge's own win on conflicts). */
  publicParameters: Record<string, string>;
  /** Answers allowed per challenge; the last wrong one fails the sign-in. */
  maxAttempts: number;
}

/** A custom attribute declared on the pool (stored on users as `custom:<name>`). */
export interface CustomAttributeDefinition {
  /** Name without the `custom:` prefix. */
  name: string;
  type: 'String' | 'Number' | 'DateTime' | 'Boolean';
  mutable: boolean;
  /** String length or number value bounds, when declared. */
  min?: number;
  max?: number;
}

/** Explicit auth flows an app client may allow (`ExplicitAuthFlows`). */
export type ExplicitAuthFlow =
  | 'ALLOW_USER_SRP_AUTH'
  | 'ALLOW_USER_PASSWORD_AUTH'
  | 'ALLOW_REFRESH_TOKEN_AUTH'
  | 'ALLOW_ADMIN_USER_PASSWORD_AUTH'
  | 'ALLOW_CUSTOM_AUTH'
  | 'ALLOW_USER_AUTH';

/** An app client of a pool. */
export interface ClientState {
  clientId: string;
  clientName: string;
  /** Present only for confidential clients; then SECRET_HASH / ClientSecret is required. */
  clientSecret?: string;
  explicitAuthFlows: ExplicitAuthFlow[];
  /** Token lifetimes in seconds (may be as short as 1 s in the emulator, see the seed docs). */
  idTokenValiditySeconds: number;
  accessTokenValiditySeconds: number;
  refreshTokenValiditySeconds: number;
  /** Lifetime of a challenge `Session` (Cognito's `AuthSessionValidity`, default 3 minutes). */
  authSessionValiditySeconds: number;
  /** Refresh-token rotation (`RefreshTokenRotation.Feature`). */
  refreshTokenRotation: { enabled: boolean; retryGracePeriodSeconds: number };
  preventUserExistenceErrors: 'ENABLED' | 'LEGACY';
  enableTokenRevocation: boolean;
  /** Attributes the client may read / write; `null` = all. */
  readAttributes: string[] | null;
  writeAttributes: string[] | null;
  /** OAuth 2.0 settings; absent (snapshots from before, or never set) = no OAuth flows. */
  oauth?: ClientOAuthSettings;
  createdAt: number;
  lastModifiedAt: number;
}

/** OAuth 2.0 grant types a client may use (`AllowedOAuthFlows`). */
export type OAuthFlow = 'code' | 'implicit' | 'client_credentials';

/** A client's OAuth 2.0 settings (the `AllowedOAuth*`, URL and IdP members of the client). */
export interface ClientOAuthSettings {
  /** `AllowedOAuthFlowsUserPoolClient`: the other members have effect only when true. */
  enabled: boolean;
  flows: OAuthFlow[];
  scopes: string[];
  /** Exact-match lists (Cognito compares redirect URIs as strings). */
  callbackUrls: string[];
  logoutUrls: string[];
  /** `COGNITO` and/or identity-provider names shown on the hosted page. */
  identityProviders: string[];
  defaultRedirectUri?: string;
}

/** A device a user signed in from (created with NewDeviceMetadata, completed by ConfirmDevice). */
export interface DeviceState {
  deviceKey: string;
  deviceGroupKey: string;
  /** SRP salt and verifier as hex, set by ConfirmDevice; absent until then. */
  salt?: string;
  verifier?: string;
  /** `null` until the user decides (opt-in pools) or when the pool remembers all devices. */
  rememberedStatus: 'remembered' | 'not_remembered' | null;
  /** Device attributes (`device_name`, …). */
  attributes: Record<string, string>;
  createdAt: number;
  lastModifiedAt: number;
  lastAuthenticatedAt: number;
}

/**
 * A code sent to a user (sign-up, password reset, attribute verification, SMS/e-mail MFA),
 * stored for verification; the same shape as `IssuedCode` in `codes.ts`.
 */
export interface StoredCode {
  code: string;
  purpose: CodePurpose;
  /** Attribute the code verifies, for attribute codes. */
  attributeName?: string;
  issuedAt: number;
  expiresAt: number;
  failedAttempts: number;
}

/** The user's MFA configuration. */
export interface UserMfaSettings {
  smsEnabled: boolean;
  totpEnabled: boolean;
  emailEnabled: boolean;
  preferred: MfaChallengeName | null;
  /** Verified TOTP secret (base32). */
  totpSecret: string | null;
  /** Secret handed out by AssociateSoftwareToken (AccessToken form) and not yet verified. */
  pendingTotpSecret: string | null;
  /** Last TOTP step accepted, so a code cannot be replayed. */
  totpLastUsedStep: number | null;
}

/** Consecutive failed sign-ins and the resulting temporary lockout (COGNITO-PROTOCOL §8). */
export interface LockoutState {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

/** A user of a pool. */
export interface UserState {
  /** Internal username (a UUID in pools that sign in with email / phone). */
  username: string;
  sub: string;
  status: UserStatus;
  enabled: boolean;
  /** Kept in clear: the emulator verifies both SRP and plain passwords from it. Never log it. */
  password: string | null;
  /** Per-user SRP salt (hex, 16 random bytes); stable across password changes. */
  srpSalt: string;
  /** When the password was set; temporary passwords expire from here. */
  passwordSetAt: number;
  /** All attributes including `sub`; booleans as `"true"` / `"false"` like Cognito. */
  attributes: Record<string, string>;
  mfa: UserMfaSettings;
  groups: string[];
  devices: Record<string, DeviceState>;
  /** Key shared by all devices of this user (DeviceGroupKey). */
  deviceGroupKey: string;
  /** Live codes by slot (e.g. `signUp`, `forgotPassword`, `attribute:email`). */
  codes: Record<string, StoredCode>;
  /** Times codes were requested, per slot (rate limiting). */
  codeRequests: Record<string, number[]>;
  lockout: LockoutState;
  /** Registered passkeys by credential id (absent in snapshots from before passkeys). */
  webAuthnCredentials?: Record<string, WebAuthnCredentialState>;
  /** The registration StartWebAuthnRegistration opened, if any. */
  webAuthnRegistration?: PendingWebAuthnRegistration;
  createdAt: number;
  lastModifiedAt: number;
}

/** A group of a pool. */
export interface GroupState {
  groupName: string;
  description?: string;
  precedence?: number;
  roleArn?: string;
  createdAt: number;
  lastModifiedAt: number;
}

/** An RSA signing key of a pool, as JWKs so the state stays serialisable. */
export interface SigningKeyState {
  kid: string;
  privateJwk: JsonWebKey;
  publicJwk: JsonWebKey;
}

/**
 * A refresh token the emulator issued, stored under its handle (see `refresh-tokens.ts`: the
 * ~1 KB token is rebuilt from the handle and `seal`, not kept). Snapshots from before held the
 * whole token as key and in `token`; they are still found by it.
 */
export interface RefreshTokenRecord {
  /** The token's last part; with the handle it determines the whole token. */
  seal?: string;
  /** The whole token, in records of snapshots from before handles. */
  token?: string;
  clientId: string;
  username: string;
  /** Identifies the original authentication; shared by rotated descendants and access tokens. */
  originJti: string;
  deviceKey?: string;
  /** Original sign-in time (epoch seconds) carried into every refreshed token's `auth_time`. */
  authTime: number;
  issuedAt: number;
  expiresAt: number;
  /** Set by RevokeToken / GlobalSignOut / admin sign-out. */
  revoked: boolean;
  /** Scopes granted through the OAuth 2.0 endpoints; absent for API sign-in. */
  scopes?: string[];
  /** With rotation: when this token was exchanged, and until when it may still be used. */
  rotatedAt?: number;
  usableUntil?: number;
}

/** A user pool and everything in it. */
export interface PoolState {
  id: string;
  name: string;
  /** Region = the pool id before `_`. */
  region: string;
  passwordPolicy: PasswordPolicy;
  mfaConfiguration: MfaMode;
  /** Factors the pool allows (meaningful when `mfaConfiguration` is not OFF). */
  mfaFactors: MfaFactor[];
  deviceConfiguration: DeviceConfiguration | null;
  autoVerifiedAttributes: VerifiableAttribute[];
  /** Sign in with these instead of a username (the internal username becomes a UUID). */
  usernameAttributes: VerifiableAttribute[];
  /** Verified attributes that may be typed instead of the username. */
  aliasAttributes: AliasAttribute[];
  usernameCaseSensitive: boolean;
  customAttributes: CustomAttributeDefinition[];
  clients: Record<string, ClientState>;
  /** Keyed by internal username (lower-cased when the pool is case-insensitive). */
  users: Record<string, UserState>;
  groups: Record<string, GroupState>;
  /** Created on first use; `id` signs ID tokens, `access` signs access tokens. */
  signingKeys: { id: SigningKeyState; access: SigningKeyState } | null;
  refreshTokens: Record<string, RefreshTokenRecord>;
  /** `origin_jti` values whose access tokens are refused (RevokeToken, GlobalSignOut). */
  revokedOrigins: Record<string, number>;
  /**
   * Largest distance, in seconds, between the TIMESTAMP of an SRP claim (PASSWORD_VERIFIER,
   * DEVICE_PASSWORD_VERIFIER) and the emulator clock; `null` = not checked. Absent (snapshots
   * from before the setting existed) means the default, 300.
   */
  timestampToleranceSeconds?: number | null;
  /** The custom-auth stand-in; absent or `null` = CUSTOM_AUTH is not configured. */
  customAuth?: CustomAuthConfig | null;
  /**
   * Standard attributes every user must have (schema `Required: true`). Absent (snapshots from
   * before the setting existed) means none.
   */
  requiredAttributes?: string[];
  /**
   * First factors choice-based sign-in (USER_AUTH) may offer (`SignInPolicy.
   * AllowedFirstAuthFactors`). Absent means `['PASSWORD']`.
   */
  allowedFirstAuthFactors?: FirstAuthFactor[];
  /** Passkey settings (`WebAuthnConfiguration`); absent = not configured. */
  webAuthn?: WebAuthnSettings;
  /** Federated identity providers by name (admin API only; absent until the first is created). */
  identityProviders?: Record<string, IdentityProviderState>;
  /** Prefix of the pool's domain (`CreateUserPoolDomain`); the OAuth endpoints need one. */
  domain?: string;
  /** Resource servers by identifier (custom scopes `<identifier>/<scope>`). */
  resourceServers?: Record<string, ResourceServerState>;
  /** Links of IdP identities to existing users (`AdminLinkProviderForUser`). */
  providerLinks?: ProviderLinkState[];
  /** Live OAuth records: authorization codes and hosted-page sessions. */
  oauth?: PoolOAuthState;
  createdAt: number;
  lastModifiedAt: number;
}

/** A federated identity provider of a pool (stored and listed; no federation is performed). */
export interface IdentityProviderState {
  providerName: string;
  providerType: 'SAML' | 'Facebook' | 'Google' | 'LoginWithAmazon' | 'SignInWithApple' | 'OIDC';
  providerDetails: Record<string, string>;
  attributeMapping: Record<string, string>;
  idpIdentifiers: string[];
  createdAt: number;
  lastModifiedAt: number;
}

/** A resource server and its custom scopes. */
export interface ResourceServerState {
  identifier: string;
  name: string;
  scopes: { name: string; description: string }[];
}

/** An IdP identity linked to a pool user (`AdminLinkProviderForUser`). */
export interface ProviderLinkState {
  providerName: string;
  /** `Cognito_Subject` (the IdP subject) or a user-pool attribute the IdP maps. */
  attributeName: string;
  attributeValue: string;
  /** Internal username of the destination user. */
  username: string;
  createdAt: number;
}

/** An authorization code issued by `/oauth2/authorize`, single use. */
export interface AuthorizationCodeState {
  clientId: string;
  username: string;
  redirectUri: string;
  scopes: string[];
  nonce?: string;
  codeChallenge?: string;
  /** Sign-in time, epoch seconds (`auth_time`). */
  authTime: number;
  expiresAt: number;
}

/** A hosted-page sign-in remembered by its cookie until `/logout` or expiry. */
export interface HostedSessionState {
  username: string;
  authTime: number;
  expiresAt: number;
}

/** A sign-in sent to an identity provider, named by the `state` it carries there. */
export interface PendingFederationState {
  providerName: string;
  /** The authorization request's query, read again when the user comes back. */
  query: string;
  /** The nonce sent to the IdP, checked in its ID token. */
  nonce: string;
  expiresAt: number;
}

/** The pool's live OAuth records. */
export interface PoolOAuthState {
  codes: Record<string, AuthorizationCodeState>;
  hostedSessions: Record<string, HostedSessionState>;
  /** Absent in snapshots from before federation. */
  federations?: Record<string, PendingFederationState>;
}

/** A fake account of the built-in upstream OIDC provider (its claims, `sub` required). */
export interface UpstreamAccount {
  sub: string;
  claims: Record<string, string | boolean>;
}

/** A code of the built-in upstream provider. */
export interface UpstreamCodeState {
  sub: string;
  clientId: string;
  redirectUri: string;
  issuer: string;
  nonce?: string;
  codeChallenge?: string;
  expiresAt: number;
}

/** The built-in upstream OIDC provider (served under `/upstream-idp`). */
export interface UpstreamState {
  accounts: UpstreamAccount[];
  codes: Record<string, UpstreamCodeState>;
  signingKey: SigningKeyState | null;
}

/** Names of the challenges the emulator issues. */
export type ChallengeName =
  | 'PASSWORD_VERIFIER'
  | 'NEW_PASSWORD_REQUIRED'
  | 'SMS_MFA'
  | 'SOFTWARE_TOKEN_MFA'
  | 'EMAIL_OTP'
  | 'SELECT_MFA_TYPE'
  | 'MFA_SETUP'
  | 'DEVICE_SRP_AUTH'
  | 'DEVICE_PASSWORD_VERIFIER'
  | 'CUSTOM_CHALLENGE'
  | 'SELECT_CHALLENGE'
  | 'PASSWORD'
  | 'PASSWORD_SRP'
  | 'SMS_OTP'
  | 'WEB_AUTHN'
  /**
   * Not a Cognito challenge: the `Session` ConfirmSignUp hands out, which one InitiateAuth
   * USER_AUTH exchanges for tokens. RespondToAuthChallenge never accepts it.
   */
  | 'SIGN_UP_CONFIRMED';

/**
 * A sign-in in progress, named by the opaque `Session` string handed to the client. A fresh
 * session (new id) is issued with every challenge; the previous one is deleted.
 */
export interface AuthSessionState {
  id: string;
  poolId: string;
  clientId: string;
  username: string;
  challenge: ChallengeName;
  /** The flow that started it (`USER_SRP_AUTH`, `ADMIN_USER_PASSWORD_AUTH`, …). */
  authFlow: string;
  expiresAt: number;
  /** Device the client presented (DEVICE_KEY), when known to the emulator. */
  deviceKey?: string;
  /** MFA factors offered by SELECT_MFA_TYPE / MFA_SETUP. */
  mfaOptions?: MfaChallengeName[];
  /** MFA_SETUP: secret from AssociateSoftwareToken {Session}, and whether it was verified. */
  setupTotpSecret?: string;
  setupTotpVerified?: boolean;
  /** MFA_SETUP (email): address to confirm with EMAIL_OTP. */
  setupEmail?: string;
  /** MFA already satisfied in this sign-in (so later challenges do not ask again). */
  mfaDone?: boolean;
  /** DEVICE_PASSWORD_VERIFIER: client A and server SRP values (hex), and the SECRET_BLOCK. */
  srp?: { A: string; b: string; B: string; secretBlock: string };
  /** SMS_MFA / EMAIL_OTP: the code sent for this sign-in. */
  mfaCode?: StoredCode;
  /** Wrong MFA answers given to this session (see `mfaAttemptsPerSession`). */
  mfaFailures?: number;
  /** The device passed DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER in this sign-in. */
  deviceVerified?: boolean;
  /** The device is remembered, so MFA is skipped. */
  deviceTrusted?: boolean;
  /** Admin flows never get device tracking. */
  admin?: boolean;
  /**
   * USER_AUTH of a login that names no user (PreventUserExistenceErrors ENABLED): the login as
   * typed. Every step answers like a real one and every proof fails (`user-auth-simulated.ts`).
   */
  simulatedLogin?: string;
  /** SELECT_CHALLENGE: the first factors offered. */
  availableChallenges?: FirstFactorChallenge[];
  /** WEB_AUTHN: the base64url challenge of CREDENTIAL_REQUEST_OPTIONS. */
  webAuthnChallenge?: string;
  /** CUSTOM_CHALLENGE: which challenge, wrong answers so far, and the code sent for it. */
  custom?: { step: number; failures: number; code?: string };
}

/** Pending USER_SRP_AUTH exchange, named by its SECRET_BLOCK (no Session is sent with it). */
export interface SrpChallengeState {
  secretBlock: string;
  poolId: string;
  clientId: string;
  username: string;
  authFlow: string;
  /** Server secret b, B and the salt, hex. */
  b: string;
  B: string;
  A: string;
  salt: string;
  expiresAt: number;
  /** Simulated answer for an unknown user (PreventUserExistenceErrors): always fails. */
  simulated: boolean;
  deviceKey?: string;
  admin?: boolean;
}

/** A message the emulator "sent" (SMS or e-mail), kept for tests and UIs. */
export interface OutboxMessage {
  id: string;
  poolId: string;
  username: string;
  medium: 'EMAIL' | 'SMS';
  /** Unmasked address or phone number. */
  destination: string;
  /** Why it was sent (`SIGN_UP`, `FORGOT_PASSWORD`, `SMS_MFA`, `ADMIN_CREATE_USER`, …). */
  purpose: string;
  /** The code or temporary password it carries, when any. */
  code?: string;
  subject?: string;
  message: string;
  sentAt: number;
}

/** The whole emulator state. */
export interface EmulatorState {
  version: 1;
  pools: Record<string, PoolState>;
  /** Challenge sessions of every pool, by `Session` string. */
  sessions: Record<string, AuthSessionState>;
  /** USER_SRP_AUTH exchanges awaiting PASSWORD_VERIFIER, by SECRET_BLOCK. */
  srpChallenges: Record<string, SrpChallengeState>;
  outbox: OutboxMessage[];
  /** The built-in upstream identity provider (absent until seeded or first used). */
  upstream?: UpstreamState;
}

/** An empty state (no pools). */
export function emptyState(): EmulatorState {
  return {
    version: 1,
    pools: nameIndex(),
    sessions: nameIndex(),
    srpChallenges: nameIndex(),
    outbox: [],
  };
}

/** The key a username is stored under in `pool.users`. */
export function userKey(pool: Pick<PoolState, 'usernameCaseSensitive'>, username: string): string {
  return pool.usernameCaseSensitive ? username : username.toLowerCase();
}
