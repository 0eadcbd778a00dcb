/**
 * The seed document's shape: pools, app clients, users and groups to start with. Kept apart from
 * `seed.ts` (which turns a seed into state) so validation and application both depend on the
 * shape without depending on each other.
 */
import type {
  AliasAttribute,
  CustomAttributeDefinition,
  ExplicitAuthFlow,
  FirstAuthFactor,
  MfaFactor,
  MfaMode,
  PasswordPolicy,
  UserStatus,
  VerifiableAttribute,
} from '../model/state.js';

/** Seed of a whole emulator. */
export interface EmulatorSeed {
  pools?: PoolSeed[];
  /**
   * Fake accounts of the built-in upstream OIDC provider (`/upstream-idp`), offered on its
   * account-picker page. Absent: two default accounts (see the README).
   */
  upstreamIdp?: { accounts: UpstreamAccountSeed[] };
}

/** A fake account of the built-in upstream provider: `sub` plus any OIDC claims. */
export interface UpstreamAccountSeed {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  given_name?: string;
  family_name?: string;
  [claim: string]: string | boolean | undefined;
}

/** A resource server with custom scopes (`<identifier>/<scope>`). */
export interface ResourceServerSeed {
  identifier: string;
  /** Default: the identifier. */
  name?: string;
  scopes: { name: string; description?: string }[];
}

/**
 * A federated identity provider. `details` are Cognito's ProviderDetails; to federate offline
 * point `details.oidc_issuer` at the built-in provider (`http://<emulator>/upstream-idp`).
 */
export interface IdentityProviderSeed {
  name: string;
  type: 'OIDC' | 'Google' | 'SignInWithApple' | 'Facebook' | 'LoginWithAmazon' | 'SAML';
  details?: Record<string, string>;
  /** User-pool attribute → IdP claim. */
  attributeMapping?: Record<string, string>;
  idpIdentifiers?: string[];
}

/** A client's OAuth 2.0 settings; giving them sets `AllowedOAuthFlowsUserPoolClient: true`. */
export interface ClientOAuthSeed {
  /** Default `['code']`. */
  flows?: ('code' | 'implicit' | 'client_credentials')[];
  /** Default `['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin']` (none for client_credentials). */
  scopes?: string[];
  callbackUrls?: string[];
  logoutUrls?: string[];
  /** Default `['COGNITO']`. */
  identityProviders?: string[];
  defaultRedirectUri?: string;
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
  /**
   * First factors choice-based sign-in (USER_AUTH) may offer: Cognito's
   * `SignInPolicy.AllowedFirstAuthFactors`. Must include `PASSWORD`; default `['PASSWORD']`.
   */
  allowedFirstAuthFactors?: FirstAuthFactor[];
  /**
   * Passkeys (Cognito's `WebAuthnConfiguration`): the relying-party id (e.g. `localhost` for a
   * page on http://localhost:<port>) and whether user verification is `required` or
   * `preferred` (default).
   */
  webAuthn?: { relyingPartyId: string; userVerification?: 'required' | 'preferred' };
  /** Custom attributes (`mutable` defaults to true). */
  customAttributes?: (Omit<CustomAttributeDefinition, 'mutable'> & { mutable?: boolean })[];
  clients?: ClientSeed[];
  users?: UserSeed[];
  groups?: GroupSeed[];
  /** Domain prefix (`CreateUserPoolDomain`); the OAuth 2.0 endpoints need one. */
  domain?: string;
  resourceServers?: ResourceServerSeed[];
  identityProviders?: IdentityProviderSeed[];
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
  /** OAuth 2.0 settings (hosted sign-in, redirect flows, client credentials). */
  oauth?: ClientOAuthSeed;
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
