/**
 * @cognito-kit/server — the server half of cognito-kit, on web-standard APIs only (Node, Deno,
 * Bun, Workers, Next.js route handlers): the SigV4-signed admin API (`createCognitoAdmin`),
 * server-side token verification (`createCognitoJwtVerifier`) and a guard for fetch handlers
 * (`withCognitoAuth`), and `createAdminHandler`, the JSON API behind the admin screens of
 * `@cognito-kit/react/admin`. The Node / Express middleware is in `@cognito-kit/server/node`.
 */
export { createCognitoAdmin, type CognitoAdmin } from './admin/create-admin.js';
export type { CognitoAdminOptions } from './admin/caller.js';
export type {
  AwsCredentials,
  AwsCredentialsProvider,
  EnvironmentVariables,
} from './credentials.js';
export type {
  AdminUsers,
  CreateUserInput,
  ListUsersOptions,
  MfaPreferenceInput,
} from './admin/users.js';
export type { AdminUser, AdminUserDetails, AttributesInput, UserStatus } from './admin/convert.js';
export {
  userFilter,
  FILTERABLE_ATTRIBUTES,
  type FilterableAttribute,
  type UserFilter,
} from './admin/filter.js';
export type { Page, PageOptions } from './admin/pages.js';
export type { AdminDevice, AdminDevices } from './admin/devices.js';
export type { AdminGroup, AdminGroups, GroupSettings } from './admin/groups.js';
export type {
  AdminIdentityProvider,
  AdminIdentityProviders,
  CreateIdentityProviderInput,
  IdentityProviderSummary,
  IdentityProviderType,
} from './admin/identity-providers.js';
export type {
  AdminAppClients,
  AppClient,
  AppClientSettings,
  AppClientSummary,
} from './admin/app-clients.js';
export type { AdminPool, MfaConfig, MfaMode, UserPoolDescription } from './admin/pool.js';
export type {
  AdminSignIn,
  AdminSignInInput,
  AdminSignInStep,
  AdminTokens,
} from './admin/sign-in.js';
export { CognitoError, isCognitoError, type CognitoErrorCode } from './low-level.js';
export {
  createCognitoJwtVerifier,
  type ClaimsFor,
  type CognitoJwtVerifier,
  type CognitoJwtVerifierOptions,
  type CognitoTokenUse,
  type CustomCheckInput,
  type JwksOptions,
  type VerifyRules,
} from './verify/verifier.js';
export type { Jwks } from './verify/jwks.js';
export type { JsonObject } from './verify/decompose.js';
export type { SignatureBackend } from './verify/signature.js';
export { TokenRejectedError, isTokenRejected, type TokenRule } from './verify/errors.js';
export type { AccessTokenClaims, IdTokenClaims } from '@cognito-kit/core';
export { withCognitoAuth } from './guards/with-cognito-auth.js';
export {
  createAdminHandler,
  type AdminAuditEvent,
  type AdminAuditOutcome,
  type AdminAuthorizeInput,
  type AdminHandler,
  type AdminHandlerOptions,
} from './admin-handler/handler.js';
export type { AdminTarget } from './admin-handler/actions.js';
export {
  createClientCredentialsSource,
  getClientCredentialsToken,
  type ClientCredentialsOptions,
  type ClientCredentialsSource,
  type ClientCredentialsToken,
} from './oauth/client-credentials.js';
export { isClientCredentialsToken, type ClientCredentialsClaims } from './oauth/machine-claims.js';
export type {
  AuthOutcome,
  CognitoAuthContext,
  CognitoAuthOptions,
  Refusal,
} from './guards/authenticate.js';
export {
  getServerSession,
  cookiesOf,
  setCookieHeaders,
  type CookieSource,
  type CookieToSet,
  type ServerSession,
  type ServerSessionOptions,
  type ServerSessionResult,
  type SessionTokenVerifier,
  type SignedOutReason,
} from './session/server-session.js';
