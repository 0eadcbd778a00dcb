/**
 * @cognito-kit/core — the public API an app uses, listed name by name (the API report in
 * `etc/core.api.md` records it; a change there is a visible decision).
 *
 * Start with `createCognitoAuth`. The building blocks behind it (wire client, SRP, the auth
 * machine, session internals, free account functions) are in `@cognito-kit/core/low-level`,
 * which this entry does not re-export.
 */

// The facade and its operations.
export {
  createCognitoAuth,
  MFA_FACTORS,
  mfaEnabledFor,
  mfaPreferenceFor,
  mfaSettingsOf,
  type AdoptedTokens,
  type CognitoAuth,
  type CognitoAuthConfig,
  type CognitoLocation,
  type DeviceOperations,
  type MfaFactor,
  type MfaOperations,
  type MfaSettings,
  type PasskeyOperations,
  type PasswordOperations,
  type RegistrationOperations,
  type SessionInfo,
  type TotpSetupResult,
  type UserOperations,
} from './auth/index.js';

// The flat view UI code shows (every framework adapter projects this).
export {
  isSameUser,
  signedInUserOf,
  toAuthView,
  type AuthActions,
  type AuthView,
  type AuthViewOf,
} from './auth/index.js';

// Keeping tokens fresh (`config.autoRefresh`).
export {
  browserPageEvents,
  type AutoRefreshOptions,
  type PageEvent,
  type PageEventSource,
} from './auth/index.js';
export type { RefreshSchedulerOptions, SchedulerTimers } from './session/scheduler.js';
export type { BroadcastChannelLike, LockGrant, LockManagerLike } from './session/cross-tab.js';
export type { CrossTabSetting } from './session/session-types.js';
export type { RandomBytes } from './srp/ephemeral.js';

// The pool's password rules (`config.passwordPolicy`), checked as a user types.
export {
  checkPassword,
  policyRules,
  refusedPasswordRule,
  type PasswordPolicy,
  type PasswordRule,
} from './password/index.js';

// Errors and their guard.
export {
  CognitoError,
  COGNITO_EXCEPTION_CODES,
  isCognitoError,
  isCognitoExceptionCode,
  isRetryableCode,
  LOCAL_ERROR_CODES,
  type CognitoErrorCode,
  type CognitoErrorInit,
  type CognitoExceptionCode,
  type LocalErrorCode,
} from './errors/index.js';

// Where tokens persist.
export {
  keyValueStorage,
  localStorageAdapter,
  memoryStorage,
  sessionStorageAdapter,
  type KeyValueStore,
  type StorageKind,
  type TokenStorage,
} from './session/storage.js';
export { cookieStorage, type CookieStorageOptions } from './session/cookie-storage.js';

// Calling your API with the session's tokens.
export {
  createAuthFetch,
  createAuthKyHooks,
  type AuthFetchOptions,
  type AuthHeaderOptions,
  type AuthKyHooks,
  type AuthKyHooksOptions,
  type AuthorizeOptions,
  type BearerTokenSource,
  type OriginRule,
} from './http/index.js';

// State and its parts, as `getSnapshot()` / `subscribe()` deliver them.
export { FIRST_FACTORS } from './machine/challenge.js';
export type {
  Challenge,
  ChallengeAnswer,
  ChallengeName,
  FirstFactor,
  MfaSetupType,
  MfaType,
  TotpSetupDetails,
} from './machine/challenge.js';
export type {
  AuthListener,
  AuthRunner,
  AuthRunnerOptions,
  SignInInput,
} from './machine/runner-types.js';
export {
  INITIAL_AUTH_STATE,
  type AuthState,
  type AuthStatus,
  type PresentedDevice,
  type RememberDevicePolicy,
  type SignedInUser,
  type SignedOutReason,
  type SignInAuthFlow,
} from './machine/state.js';
export type { AccessTokenClaims, CommonTokenClaims, IdTokenClaims } from './session/tokens.js';

// What the account operations take and return.
export type {
  ClientMetadata,
  CodeDelivery,
  ConfirmForgotPasswordInput,
  ConfirmSignUpInput,
  ConfirmSignUpResult,
  Device,
  DevicePage,
  MfaMethod,
  MfaPreferenceInput,
  Passkey,
  SignUpInput,
  SignUpResult,
  UserAttributes,
  UserProfile,
} from './account/index.js';
export type { CallOptions, RetryPolicy } from './cognito/transport.js';

export { isPasskeySupported } from './webauthn/support.js';
// Passkeys: the JSON forms the auth machine carries (the browser code is in
// `@cognito-kit/core/webauthn`).
export type * from './webauthn/types.js';
export type { UserMfaSettingName } from './cognito/types.js';

// The admin handler's JSON contract (types only; `@cognito-kit/server` serves it, `@cognito-kit/react/admin` calls it).
export type {
  AdminAction,
  AdminContract,
  AdminDeviceSummary,
  AdminErrorBody,
  AdminErrorCode,
  AdminGroupSummary,
  AdminMembershipRef,
  AdminOk,
  AdminPage,
  AdminRequest,
  AdminResponse,
  AdminSearchField,
  AdminStatusFilter,
  AdminUserDetail,
  AdminUserRef,
  AdminUserStatus,
  AdminUserSummary,
} from './admin-contract.js';
