import { CognitoError, protocolError, type CognitoErrorCode } from '../errors/index.js';
import { parseChallenge, parseSelectChallenge } from './challenge.js';
import type { AuthEffect, AuthEffectType, AuthStepOutput, PreferredChallenge } from './events.js';
import type { MachineState, NewDevice, SignInFlow } from './state.js';

/** What a transition returns: the next machine state and the effects to run, in order. */
export type TransitionResult = readonly [MachineState, readonly AuthEffect[]];

/** Ends the sign-in: signed out with the error the UI should show. */
export function failSignIn(error: CognitoError): TransitionResult {
  return [{ state: { status: 'signedOut', error }, flow: null }, []];
}

/**
 * The InitiateAuth that starts (or, without an unknown device, restarts) `flow`. A preferred
 * password is asked for as `PASSWORD_SRP`: the password never leaves the browser.
 */
export function initiateEffect(flow: SignInFlow): AuthEffect & { type: 'initiateAuth' } {
  const preferred: PreferredChallenge | undefined =
    flow.preferredChallenge === 'PASSWORD' ? 'PASSWORD_SRP' : flow.preferredChallenge;
  return {
    type: 'initiateAuth',
    attempt: flow.attempt,
    authFlow: flow.authFlow,
    username: flow.typedUsername,
    // SRP presents the device with the password claim; the plain flow has no later step.
    deviceKey: flow.authFlow === 'USER_PASSWORD_AUTH' ? flow.device?.deviceKey : undefined,
    clientMetadata: flow.clientMetadata,
    ...(preferred ? { preferredChallenge: preferred } : {}),
  };
}

/** Whether a PASSWORD_VERIFIER may come now: after an SRP start, or a password chosen at SELECT_CHALLENGE. */
function expectsPasswordVerifier(machine: MachineState, flow: SignInFlow): boolean {
  if (flow.authFlow === 'USER_PASSWORD_AUTH') return false;
  const { state } = machine;
  if (state.status === 'signingIn') return true;
  return (
    state.status === 'challenge' && state.submitting && state.challenge.name === 'SELECT_CHALLENGE'
  );
}

/**
 * Cognito answered a sign-in step (InitiateAuth or RespondToAuthChallenge): tokens, an automatic
 * challenge the runner answers by itself (SRP, device), or one the user must answer.
 */
export function onStepOutput(
  machine: MachineState,
  flow: SignInFlow,
  output: AuthStepOutput,
): TransitionResult {
  // Always answer with the newest Session; PASSWORD_VERIFIER comes without one.
  const session = output.Session ?? flow.session;
  const result = output.AuthenticationResult;
  if (result) {
    if (typeof result.AccessToken !== 'string' || typeof result.IdToken !== 'string') {
      return failSignIn(protocolError('AuthenticationResult without tokens'));
    }
    const next: SignInFlow = { ...flow, session: undefined, newDevice: newDevice(result) };
    const effect: AuthEffect = {
      type: 'establishSession',
      attempt: flow.attempt,
      result,
      username: flow.username,
      deviceKey: flow.device?.deviceKey,
    };
    return [{ state: machine.state, flow: next }, [effect]];
  }

  const name = output.ChallengeName;
  if (typeof name !== 'string') {
    return failSignIn(protocolError('Cognito answered with neither tokens nor a challenge'));
  }
  const params = output.ChallengeParameters ?? {};
  const reported = params['USERNAME'];
  const username = typeof reported === 'string' && reported !== '' ? reported : flow.username;
  const common = { attempt: flow.attempt, session, clientMetadata: flow.clientMetadata };

  switch (name) {
    case 'PASSWORD_VERIFIER': {
      const srp = srpParameters(params);
      const userIdForSrp = params['USER_ID_FOR_SRP'];
      if (!srp || typeof userIdForSrp !== 'string' || userIdForSrp === '') {
        return failSignIn(protocolError('PASSWORD_VERIFIER challenge is missing SRP parameters'));
      }
      if (!expectsPasswordVerifier(machine, flow)) {
        return failSignIn(protocolError('Unexpected PASSWORD_VERIFIER challenge'));
      }
      // Later answers use the internal name; when USERNAME is absent USER_ID_FOR_SRP is it.
      const internal = typeof reported === 'string' && reported !== '' ? reported : userIdForSrp;
      const next: SignInFlow = { ...flow, username: internal, session };
      const effect: AuthEffect = {
        type: 'answerPasswordVerifier',
        ...common,
        userIdForSrp,
        ...srp,
        deviceKey: flow.device?.deviceKey,
        // Not found under the typed name: the device may be stored under the internal name.
        lookUpDevice: !flow.device && !flow.deviceRetried,
      };
      return [{ state: machine.state, flow: next }, [effect]];
    }
    case 'DEVICE_SRP_AUTH': {
      const { device } = flow;
      if (!device) return failSignIn(protocolError('DEVICE_SRP_AUTH without a device'));
      const effect: AuthEffect = {
        type: 'answerDeviceSrp',
        ...common,
        username,
        deviceOwner: device.owner,
        deviceKey: device.deviceKey,
      };
      return [{ state: machine.state, flow: { ...flow, username, session } }, [effect]];
    }
    case 'DEVICE_PASSWORD_VERIFIER': {
      const srp = srpParameters(params);
      const { device } = flow;
      if (!device || !srp) {
        return failSignIn(protocolError('DEVICE_PASSWORD_VERIFIER without a device or SRP data'));
      }
      const effect: AuthEffect = {
        type: 'answerDevicePasswordVerifier',
        ...common,
        username,
        deviceOwner: device.owner,
        deviceKey: device.deviceKey,
        ...srp,
      };
      return [{ state: machine.state, flow: { ...flow, username, session } }, [effect]];
    }
    default: {
      const challenge =
        name === 'SELECT_CHALLENGE'
          ? parseSelectChallenge(output.AvailableChallenges)
          : parseChallenge(name, params);
      if (challenge instanceof CognitoError) return failSignIn(challenge);
      const next: SignInFlow = {
        ...flow,
        username,
        session,
        ...(name === 'SELECT_CHALLENGE'
          ? {
              passwordChallenge: output.AvailableChallenges?.includes('PASSWORD_SRP')
                ? ('PASSWORD_SRP' as const)
                : ('PASSWORD' as const),
            }
          : {}),
      };
      const base = { status: 'challenge', username: flow.typedUsername, challenge } as const;
      // With TOTP as the only option there is nothing to choose: associate the secret at once.
      const onlyTotp =
        challenge.name === 'MFA_SETUP' &&
        challenge.options.length === 1 &&
        challenge.options[0] === 'SOFTWARE_TOKEN_MFA';
      if (onlyTotp && session) {
        const effect: AuthEffect = {
          type: 'associateSoftwareToken',
          attempt: flow.attempt,
          session,
        };
        return [{ state: { ...base, submitting: true }, flow: next }, [effect]];
      }
      return [{ state: { ...base, submitting: false }, flow: next }, []];
    }
  }
}

/**
 * Refusals of the answer itself, after which the user may correct it and answer again. Failures
 * of the way there (network, throttling, 5xx from Cognito or a gateway) are the other reason to
 * stay in the challenge: every error marked `retryable` (see {@link canAnswerAgain}).
 */
const ANSWER_REFUSALS: ReadonlySet<CognitoErrorCode> = new Set<CognitoErrorCode>([
  'CodeMismatchException',
  'EnableSoftwareTokenMFAException',
  'InvalidPasswordException',
  'PasswordHistoryPolicyViolationException',
  'InvalidParameterException',
  'InvalidInput',
  'CodeDeliveryFailureException',
  // No answer reached Cognito: the user may try the passkey again or choose another way.
  'PasskeyCancelled',
  'PasskeyFailed',
  'PasskeyUnavailable',
]);

/** Whether the user may answer the same challenge again after `error`. */
function canAnswerAgain(error: CognitoError): boolean {
  return error.retryable || ANSWER_REFUSALS.has(error.code);
}

/** Steps driven by a user's answer (as opposed to automatic SRP / device / session steps). */
const ANSWER_STEPS: ReadonlySet<AuthEffectType> = new Set<AuthEffectType>([
  'respond',
  'associateSoftwareToken',
  'verifySoftwareToken',
  'answerWithPassword',
  'getPasskeyAssertion',
]);

/** Steps that sent a remembered device's key, so Cognito may answer "device does not exist". */
const DEVICE_STEPS: ReadonlySet<AuthEffectType> = new Set<AuthEffectType>([
  'initiateAuth',
  'answerPasswordVerifier',
  'answerDeviceSrp',
  'answerDevicePasswordVerifier',
  'respond',
  'answerWithPassword',
]);

/** A sign-in step failed: retry without an unknown device, let the user retry, or give up. */
export function onStepFailed(
  machine: MachineState,
  flow: SignInFlow,
  step: AuthEffectType,
  error: CognitoError,
): TransitionResult {
  const { device } = flow;
  if (
    error.code === 'ResourceNotFoundException' &&
    device &&
    !flow.deviceRetried &&
    DEVICE_STEPS.has(step)
  ) {
    // Cognito no longer knows the stored device: forget it and start over once without it.
    const next: SignInFlow = {
      ...flow,
      username: flow.typedUsername,
      session: undefined,
      device: undefined,
      deviceRetried: true,
    };
    return [
      { state: { status: 'signingIn', username: flow.typedUsername }, flow: next },
      [{ type: 'forgetDevice', deviceOwner: device.owner }, initiateEffect(next)],
    ];
  }
  const { state } = machine;
  if (state.status === 'challenge' && ANSWER_STEPS.has(step) && canAnswerAgain(error)) {
    return [{ state: { ...state, submitting: false, error }, flow }, []];
  }
  return failSignIn(error);
}

function srpParameters(
  params: Readonly<Record<string, unknown>>,
): { salt: string; srpB: string; secretBlock: string } | undefined {
  const salt = params['SALT'];
  const srpB = params['SRP_B'];
  const secretBlock = params['SECRET_BLOCK'];
  const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v !== '';
  return nonEmpty(salt) && nonEmpty(srpB) && nonEmpty(secretBlock)
    ? { salt, srpB, secretBlock }
    : undefined;
}

function newDevice(
  result: NonNullable<AuthStepOutput['AuthenticationResult']>,
): NewDevice | undefined {
  const meta = result.NewDeviceMetadata;
  if (!meta || typeof meta.DeviceKey !== 'string' || typeof meta.DeviceGroupKey !== 'string') {
    return undefined;
  }
  return { deviceKey: meta.DeviceKey, deviceGroupKey: meta.DeviceGroupKey };
}
