export {
  decodeAccessToken,
  decodeIdToken,
  refreshDueAt,
  type AccessTokenClaims,
  type CommonTokenClaims,
  type IdTokenClaims,
  type TokenSet,
  type TokenUse,
} from './tokens.js';
export {
  cognitoIssuer,
  createTokenVerifier,
  type FetchLike,
  type TokenVerifier,
  type TokenVerifierOptions,
} from './verify.js';
export {
  keyValueStorage,
  localStorageAdapter,
  memoryStorage,
  sessionStorageAdapter,
  type KeyValueStore,
  type StorageKind,
  type TokenStorage,
} from './storage.js';
export type {
  DeviceSecrets,
  JwksCacheRecord,
  OwnedDeviceSecrets,
  StoredSession,
} from './token-store.js';
export type {
  BroadcastChannelLike,
  CrossTabMessage,
  LockGrant,
  LockManagerLike,
} from './cross-tab.js';
export type { RefreshClient, RefreshedTokens } from './refresh-request.js';
export {
  createRefreshScheduler,
  type RefreshScheduler,
  type RefreshSchedulerOptions,
  type SchedulableSession,
  type SchedulerCheckOptions,
  type SchedulerTimers,
} from './scheduler.js';
export { createSessionManager } from './session-manager.js';
export { sessionTransition } from './session-transition.js';
export {
  sessionOf,
  type RefreshingState,
  type SessionEffect,
  type SessionEvent,
  type SessionEventType,
  type SessionMachine,
  type SessionOutcome,
  type SessionPolicy,
  type SessionState,
  type SessionTransitionResult,
  type VerifyPurpose,
} from './session-machine.js';
export type {
  CrossTabSetting,
  Session,
  SessionEndReason,
  SessionListener,
  SessionManager,
  SessionManagerOptions,
} from './session-types.js';
export {
  createDeviceSecretStore,
  type DeviceSecretStore,
  type StorageErrorReporter,
} from './device-store.js';
