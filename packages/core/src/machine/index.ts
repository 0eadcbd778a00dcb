/**
 * The auth state machine: a pure `transition` over discriminated unions and the runner that
 * performs its effects.
 */
export {
  FIRST_FACTORS,
  parseChallenge,
  parseSelectChallenge,
  type FirstFactor,
  totpUri,
  type Challenge,
  type ChallengeAnswer,
  type ChallengeName,
  type MfaSetupType,
  type MfaType,
  type TotpSetupDetails,
} from './challenge.js';
export type {
  AuthEffect,
  AuthEffectType,
  AuthEvent,
  AuthEventType,
  AuthStepOutput,
  PreferredChallenge,
} from './events.js';
export {
  DEFAULT_PENDING_TTL_MS,
  pendingSignInOf,
  storagePendingSignIn,
  type PendingRecord,
} from './pending.js';
export type { PendingSignInStore } from './ports.js';
export type { AuthListener, AuthRunner, AuthRunnerOptions, SignInInput } from './runner.js';
export {
  INITIAL_AUTH_STATE,
  INITIAL_MACHINE_STATE,
  type AuthState,
  type AuthStatus,
  type MachineState,
  type NewDevice,
  type PendingSignIn,
  type PresentedDevice,
  type RememberDevicePolicy,
  type SignedInUser,
  type SignedOutReason,
  type SignInAuthFlow,
  type SignInFlow,
} from './state.js';
export { transition, type TransitionResult } from './transition.js';
