/** The `createCognitoAuth` facade: wire client, session and auth machine composed. */
export {
  createCognitoAuth,
  type CognitoAuth,
  type CognitoAuthConfig,
  type CognitoLocation,
} from './create-auth.js';
export { internalsOf, type AuthInternals } from './internals.js';
export {
  MFA_FACTORS,
  mfaEnabledFor,
  mfaPreferenceFor,
  mfaSettingsOf,
  type MfaFactor,
  type MfaSettings,
} from './mfa-settings.js';
export type {
  DeviceOperations,
  MfaOperations,
  PasskeyOperations,
  PasswordOperations,
  RegistrationOperations,
  TotpSetupResult,
  UserOperations,
} from './operations.js';
export { confirmNewDevice } from './remember-device.js';
export { revokeSession } from './session-end.js';
export type { AdoptedTokens, SessionInfo } from './session-info.js';
export { autoRefreshOptions, startAutoRefresh, type AutoRefreshOptions } from './auto-refresh.js';
export { browserPageEvents, type PageEvent, type PageEventSource } from './page-events.js';
export { toAuthView, type AuthActions, type AuthView, type AuthViewOf } from './auth-view.js';
export { isSameUser, signedInUserOf } from './signed-in-user.js';
