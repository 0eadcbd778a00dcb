/**
 * @cognito-kit/core/low-level — the building blocks `createCognitoAuth` is made of, for code
 * that composes its own: the wire client, SRP, the auth machine and its runner, the session
 * manager and refresh scheduler, token verification, and the account functions that take a
 * client and an access-token source. Nothing here is re-exported by `@cognito-kit/core`; names
 * here may change between minor versions more freely than the main entry's.
 */

// The parts behind a facade object.
export {
  confirmNewDevice,
  internalsOf,
  startAutoRefresh,
  revokeSession,
  type AuthInternals,
} from './auth/index.js';

// Free account functions (the facade's operations call these with its client and session).
export {
  associateTotp,
  buildTotpUri,
  changePassword,
  confirmForgotPassword,
  confirmSignUp,
  deletePasskey,
  deleteUser,
  deleteUserAttributes,
  forgetDevice,
  forgotPassword,
  getDevice,
  getUserAttributes,
  globalSignOut,
  listAllDevices,
  listDevices,
  listPasskeys,
  registerPasskey,
  rememberDevice,
  resendSignUpCode,
  revokeToken,
  sendAttributeVerificationCode,
  setDeviceRemembered,
  setMfaPreference,
  signUp,
  updateUserAttributes,
  verifyTotp,
  verifyUserAttribute,
  type AccessTokenSource,
  type RememberDeviceInput,
  type RememberedDevice,
  type TotpSetup,
  type TotpUriInput,
} from './account/index.js';

// Shares one running task among callers (one refresh, one token request).
export { createSingleFlight, type SingleFlight } from './single-flight.js';

// The wire client.
export {
  createCognitoClient,
  createWireTransport,
  regionFromUserPoolId,
  resolveEndpoint,
  type CognitoClient,
  type CognitoClientOptions,
  type CognitoTarget,
  type TransportOptions,
  type WireActionShapes,
  type WireSend,
  type WireTransportOptions,
} from './cognito/index.js';
export type * from './cognito/types.js';
export { invalidInput, protocolError } from './errors/index.js';

// The auth machine: a pure transition and the runner that performs its effects.
export {
  INITIAL_MACHINE_STATE,
  parseChallenge,
  parseSelectChallenge,
  storagePendingSignIn,
  totpUri,
  transition,
  type AuthEffect,
  type AuthEffectType,
  type AuthEvent,
  type AuthEventType,
  type AuthStepOutput,
  type MachineState,
  type PendingRecord,
  type PendingSignIn,
  type PendingSignInStore,
  type PreferredChallenge,
  type NewDevice,
  type SignInFlow,
  type TransitionResult,
} from './machine/index.js';

// The session: its pure machine and the manager that runs it, refresh scheduler, token verification.
export {
  cognitoIssuer,
  createDeviceSecretStore,
  createRefreshScheduler,
  createSessionManager,
  createTokenVerifier,
  decodeAccessToken,
  decodeIdToken,
  refreshDueAt,
  sessionOf,
  sessionTransition,
  type CrossTabMessage,
  type DeviceSecrets,
  type DeviceSecretStore,
  type FetchLike,
  type JwksCacheRecord,
  type OwnedDeviceSecrets,
  type RefreshClient,
  type RefreshingState,
  type RefreshScheduler,
  type SchedulableSession,
  type SchedulerCheckOptions,
  type Session,
  type SessionEffect,
  type SessionEndReason,
  type SessionEvent,
  type SessionEventType,
  type SessionListener,
  type SessionMachine,
  type SessionManager,
  type SessionManagerOptions,
  type SessionOutcome,
  type SessionPolicy,
  type SessionState,
  type SessionTransitionResult,
  type StorageErrorReporter,
  type TokenSet,
  type TokenUse,
  type TokenVerifier,
  type TokenVerifierOptions,
  type VerifyPurpose,
} from './session/index.js';

// Cookie-kept sessions: the chunked cookie format the browser adapter and the server share,
// the storage over any cookie jar, the session record and the refresh request.
export {
  chunkCookie,
  chunkNamesOf,
  cookieWrites,
  COOKIE_CHUNK_SIZE,
  MAX_COOKIE_CHUNKS,
  parseCookieHeader,
  readChunkedCookie,
  serializeCookie,
  type CookieAttributes,
  type CookieEntry,
} from './session/cookie-chunks.js';
export { cookieAttributes, cookieJarStorage, type CookieJar } from './session/cookie-storage.js';
export {
  createTokenStore,
  storageKeys,
  type StoredSession,
  type TokenStore,
} from './session/token-store.js';
export {
  endsSession,
  requestRefresh,
  type RefreshedTokens,
  type RefreshInput,
} from './session/refresh-request.js';

// SRP-6a as Cognito does it, and SECRET_HASH.
export {
  computeDeviceClaim,
  computePasswordClaim,
  computeSecretHash,
  createSrpEphemeral,
  formatCognitoTimestamp,
  generateDeviceVerifier,
  poolNameOf,
  srpEphemeralFrom,
  type DeviceClaimInput,
  type DeviceVerifier,
  type PasswordClaim,
  type PasswordClaimInput,
  type SrpEphemeral,
} from './srp/index.js';
