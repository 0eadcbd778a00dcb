import type { AuthenticationResultType } from '../cognito/types.js';
import type { CognitoError } from '../errors/index.js';
import type { PasskeyAssertionJSON, PasskeyRequestOptionsJSON } from '../webauthn/types.js';
import type { ChallengeAnswer, FirstFactor } from './challenge.js';
import type {
  NewDevice,
  PendingSignIn,
  PresentedDevice,
  RememberDevicePolicy,
  SignedInUser,
  SignedOutReason,
  SignInAuthFlow,
} from './state.js';

/** What InitiateAuth and RespondToAuthChallenge answer (the members the machine reads). */
export interface AuthStepOutput {
  readonly ChallengeName?: string | undefined;
  readonly ChallengeParameters?: Readonly<Record<string, string>> | undefined;
  readonly Session?: string | undefined;
  readonly AuthenticationResult?: AuthenticationResultType | undefined;
  /** USER_AUTH's SELECT_CHALLENGE: the first factors this user may choose. */
  readonly AvailableChallenges?: readonly string[] | undefined;
}

/** `PREFERRED_CHALLENGE` of a USER_AUTH InitiateAuth (the wire names). */
export type PreferredChallenge =
  'PASSWORD' | 'PASSWORD_SRP' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

/**
 * Everything that can happen to the machine: user intents (upper-case verbs) and results the
 * runner feeds back. Results carry the `attempt` of the sign-in that caused them so late answers
 * of an abandoned sign-in are ignored.
 */
export type AuthEvent =
  | { readonly type: 'START' }
  | {
      readonly type: 'RESTORED';
      readonly user: SignedInUser | null;
      /** Why no session could be restored (offline, keys unreachable); the store is kept. */
      readonly error?: CognitoError | undefined;
      /** A sign-in that was waiting for an answer when the page unloaded, still valid. */
      readonly pending?: PendingSignIn | undefined;
    }
  | {
      readonly type: 'SIGN_IN';
      readonly attempt: number;
      readonly username: string;
      readonly authFlow: SignInAuthFlow;
      /** Remembered device for the typed name (stored under it, or under its alias pointer's owner). */
      readonly device?: PresentedDevice | undefined;
      readonly clientMetadata?: Readonly<Record<string, string>> | undefined;
      readonly rememberDevice: RememberDevicePolicy;
      readonly totpIssuer: string;
      /** USER_AUTH: start with this first factor instead of SELECT_CHALLENGE. */
      readonly preferredChallenge?: FirstFactor | undefined;
      /** USER_AUTH: ConfirmSignUp's `Session`, which signs the new user in without asking again. */
      readonly session?: string | undefined;
    }
  | {
      readonly type: 'AUTH_RESULT';
      readonly attempt: number;
      readonly output: AuthStepOutput;
      /**
       * A device the step found late and presented (PASSWORD_VERIFIER, under `USER_ID_FOR_SRP`);
       * the device challenges that follow need it.
       */
      readonly device?: PresentedDevice | undefined;
    }
  | {
      readonly type: 'STEP_FAILED';
      readonly attempt: number;
      /** The effect that failed (see {@link AuthEffect}). */
      readonly step: AuthEffect['type'];
      readonly error: CognitoError;
      /** As on AUTH_RESULT: the device the failed step presented (Cognito may not know it). */
      readonly device?: PresentedDevice | undefined;
    }
  | { readonly type: 'ANSWER'; readonly answer: ChallengeAnswer }
  | {
      /** The passkey authenticator signed a WEB_AUTHN challenge. */
      readonly type: 'PASSKEY_ASSERTED';
      readonly attempt: number;
      readonly credential: PasskeyAssertionJSON;
    }
  | {
      readonly type: 'TOTP_ASSOCIATED';
      readonly attempt: number;
      readonly secretCode: string;
      readonly session?: string | undefined;
    }
  | {
      readonly type: 'TOTP_VERIFIED';
      readonly attempt: number;
      readonly session?: string | undefined;
    }
  | { readonly type: 'SESSION_ESTABLISHED'; readonly attempt: number; readonly user: SignedInUser }
  | { readonly type: 'REMEMBER_DEVICE'; readonly remember: boolean }
  | { readonly type: 'SIGN_OUT'; readonly global: boolean }
  | { readonly type: 'SIGNED_OUT'; readonly error?: CognitoError | undefined }
  | { readonly type: 'SESSION_UPDATED'; readonly user: SignedInUser }
  | {
      readonly type: 'SESSION_ENDED';
      readonly reason: SignedOutReason;
      readonly error?: CognitoError | undefined;
    };

/** One of the `type` values of {@link AuthEvent}. */
export type AuthEventType = AuthEvent['type'];

/**
 * Work the runner does on the machine's behalf. Data only: the transition never performs I/O.
 * Every sign-in effect carries its `attempt`, echoed back in the resulting event.
 */
export type AuthEffect =
  | { readonly type: 'restoreSession' }
  | {
      readonly type: 'initiateAuth';
      readonly attempt: number;
      readonly authFlow: SignInAuthFlow;
      /** The typed username (InitiateAuth USERNAME and its SECRET_HASH). */
      readonly username: string;
      /** Sent in AuthParameters for USER_PASSWORD_AUTH only; SRP sends it with the claim. */
      readonly deviceKey?: string | undefined;
      readonly clientMetadata?: Readonly<Record<string, string>> | undefined;
      /** USER_AUTH: `PREFERRED_CHALLENGE` (the runner adds SRP_A / PASSWORD for the password ones). */
      readonly preferredChallenge?: PreferredChallenge | undefined;
      /** USER_AUTH: ConfirmSignUp's `Session` (auto sign-in). */
      readonly session?: string | undefined;
    }
  | {
      /**
       * SELECT_CHALLENGE answered with the password the runner holds: `ANSWER: PASSWORD_SRP`
       * with a fresh SRP_A (then PASSWORD_VERIFIER), or `ANSWER: PASSWORD` with the password.
       */
      readonly type: 'answerWithPassword';
      readonly attempt: number;
      readonly username: string;
      readonly srp: boolean;
      /** The remembered device, for the plain-password answer (SRP presents it with the claim). */
      readonly deviceKey?: string | undefined;
      readonly session?: string | undefined;
      readonly clientMetadata?: Readonly<Record<string, string>> | undefined;
    }
  | {
      /** Ask the passkey authenticator to sign a WEB_AUTHN challenge. */
      readonly type: 'getPasskeyAssertion';
      readonly attempt: number;
      readonly requestOptions: PasskeyRequestOptionsJSON;
    }
  | {
      readonly type: 'answerPasswordVerifier';
      readonly attempt: number;
      /** `USER_ID_FOR_SRP`: hashed into x and the signature, and the answer's USERNAME. */
      readonly userIdForSrp: string;
      readonly salt: string;
      readonly srpB: string;
      readonly secretBlock: string;
      readonly session?: string | undefined;
      /** The device found at SIGN_IN, presented as DEVICE_KEY. */
      readonly deviceKey?: string | undefined;
      /**
       * No device was found at SIGN_IN: look one up under `userIdForSrp` (the internal name)
       * and present it; the resulting event reports it.
       */
      readonly lookUpDevice: boolean;
      readonly clientMetadata?: Readonly<Record<string, string>> | undefined;
    }
  | {
      readonly type: 'answerDeviceSrp';
      readonly attempt: number;
      readonly username: string;
      /** Where the device's secrets are stored (see {@link PresentedDevice.owner}). */
      readonly deviceOwner: string;
      readonly deviceKey: string;
      readonly session?: string | undefined;
      readonly clientMetadata?: Readonly<Record<string, string>> | undefined;
    }
  | {
      readonly type: 'answerDevicePasswordVerifier';
      readonly attempt: number;
      readonly username: string;
      readonly deviceOwner: string;
      readonly deviceKey: string;
      readonly salt: string;
      readonly srpB: string;
      readonly secretBlock: string;
      readonly session?: string | undefined;
      readonly clientMetadata?: Readonly<Record<string, string>> | undefined;
    }
  | {
      readonly type: 'respond';
      readonly attempt: number;
      readonly challengeName: string;
      /** ChallengeResponses without SECRET_HASH (the runner adds it for `USERNAME`). */
      readonly responses: Readonly<Record<string, string>>;
      readonly session?: string | undefined;
      readonly clientMetadata?: Readonly<Record<string, string>> | undefined;
    }
  | { readonly type: 'associateSoftwareToken'; readonly attempt: number; readonly session: string }
  | {
      readonly type: 'verifySoftwareToken';
      readonly attempt: number;
      readonly session: string;
      readonly code: string;
      readonly friendlyDeviceName?: string | undefined;
    }
  | {
      readonly type: 'establishSession';
      readonly attempt: number;
      readonly result: AuthenticationResultType;
      /** Internal username (refresh SECRET_HASH). */
      readonly username: string;
      readonly deviceKey?: string | undefined;
    }
  /** Drop the secrets stored under `deviceOwner` (Cognito no longer knows that device). */
  | { readonly type: 'forgetDevice'; readonly deviceOwner: string }
  | {
      readonly type: 'confirmDevice';
      /** The internal username: the device secrets are stored under it. */
      readonly deviceOwner: string;
      readonly device: NewDevice;
    }
  /**
   * The typed name signed in as another internal name: record the alias pointer so the next
   * sign-in with `login` finds `owner`'s device at once.
   */
  | { readonly type: 'linkDeviceOwner'; readonly login: string; readonly owner: string }
  | { readonly type: 'signOut'; readonly global: boolean };

/** One of the `type` values of {@link AuthEffect}. */
export type AuthEffectType = AuthEffect['type'];
