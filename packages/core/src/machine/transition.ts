import { CognitoError } from '../errors/index.js';
import { answerEffect } from './answer.js';
import { totpUri } from './challenge.js';
import type { AuthEffect, AuthEvent } from './events.js';
import {
  initiateEffect,
  onStepFailed,
  onStepOutput,
  type TransitionResult,
} from './sign-in-step.js';
import type { MachineState, PresentedDevice, SignInFlow } from './state.js';

export type { TransitionResult } from './sign-in-step.js';

/**
 * The auth machine: a pure function from the current state and an event to the next state and
 * the effects the runner must perform. It performs no I/O and reads no clock. An event that
 * does not apply to the current state returns the very same state object and no effects.
 *
 * @example
 * const [next, effects] = transition(INITIAL_MACHINE_STATE, { type: 'START' });
 * // next === INITIAL_MACHINE_STATE, effects = [{ type: 'restoreSession' }]
 */
export function transition(machine: MachineState, event: AuthEvent): TransitionResult {
  const { state, flow } = machine;
  const unchanged: TransitionResult = [machine, []];

  switch (event.type) {
    case 'START':
      return state.status === 'initializing' ? [machine, [{ type: 'restoreSession' }]] : unchanged;

    case 'RESTORED':
      if (state.status !== 'initializing') return unchanged;
      if (!event.user && event.pending) {
        // Back from a reload (reading an e-mailed code): continue where the user was.
        const { flow: pendingFlow, username, challenge } = event.pending;
        return [
          {
            state: { status: 'challenge', username, challenge, submitting: false },
            flow: pendingFlow,
          },
          [],
        ];
      }
      return [
        {
          state: event.user
            ? { status: 'signedIn', user: event.user }
            : event.error
              ? { status: 'signedOut', error: event.error }
              : { status: 'signedOut' },
          flow: null,
        },
        [],
      ];

    case 'SIGN_IN': {
      // A new sign-in may replace an abandoned challenge, never a sign-in still in flight.
      if (state.status !== 'signedOut' && state.status !== 'challenge') return unchanged;
      const next: SignInFlow = {
        attempt: event.attempt,
        authFlow: event.authFlow,
        typedUsername: event.username,
        username: event.username,
        device: event.device,
        deviceRetried: false,
        clientMetadata: event.clientMetadata,
        rememberDevice: event.rememberDevice,
        totpIssuer: event.totpIssuer,
        preferredChallenge: event.authFlow === 'USER_AUTH' ? event.preferredChallenge : undefined,
      };
      const effect: AuthEffect = {
        ...initiateEffect(next),
        // ConfirmSignUp's session is good for this one InitiateAuth only.
        ...(event.authFlow === 'USER_AUTH' && event.session ? { session: event.session } : {}),
      };
      return [{ state: { status: 'signingIn', username: event.username }, flow: next }, [effect]];
    }

    case 'AUTH_RESULT':
      return flow && awaitingStep(machine, event.attempt)
        ? onStepOutput(machine, withDevice(flow, event.device), event.output)
        : unchanged;

    case 'STEP_FAILED':
      return flow && awaitingStep(machine, event.attempt)
        ? onStepFailed(machine, withDevice(flow, event.device), event.step, event.error)
        : unchanged;

    case 'ANSWER': {
      if (state.status !== 'challenge' || state.submitting || !flow) return unchanged;
      if (state.challenge.name !== event.answer.name) return unchanged;
      const effect = answerEffect(state.challenge, event.answer, flow);
      if (effect instanceof CognitoError) return [{ state: { ...state, error: effect }, flow }, []];
      return [{ state: { ...state, submitting: true, error: undefined }, flow }, [effect]];
    }

    case 'PASSKEY_ASSERTED': {
      if (!flow || !awaitingStep(machine, event.attempt)) return unchanged;
      if (state.status !== 'challenge' || state.challenge.name !== 'WEB_AUTHN') return unchanged;
      const effect: AuthEffect = {
        type: 'respond',
        attempt: flow.attempt,
        challengeName: 'WEB_AUTHN',
        responses: { USERNAME: flow.username, CREDENTIAL: JSON.stringify(event.credential) },
        session: flow.session,
        clientMetadata: flow.clientMetadata,
      };
      return [machine, [effect]];
    }

    case 'TOTP_ASSOCIATED': {
      if (!flow || !awaitingStep(machine, event.attempt)) return unchanged;
      if (state.status !== 'challenge' || state.challenge.name !== 'MFA_SETUP') return unchanged;
      const totp = {
        secretCode: event.secretCode,
        uri: totpUri(flow.totpIssuer, flow.typedUsername, event.secretCode),
      };
      return [
        {
          state: { ...state, challenge: { ...state.challenge, totp }, submitting: false },
          flow: { ...flow, session: event.session ?? flow.session },
        },
        [],
      ];
    }

    case 'TOTP_VERIFIED': {
      if (!flow || !awaitingStep(machine, event.attempt)) return unchanged;
      if (state.status !== 'challenge' || state.challenge.name !== 'MFA_SETUP') return unchanged;
      const session = event.session ?? flow.session;
      const effect: AuthEffect = {
        type: 'respond',
        attempt: flow.attempt,
        challengeName: 'MFA_SETUP',
        responses: { USERNAME: flow.username },
        session,
        clientMetadata: flow.clientMetadata,
      };
      return [{ state, flow: { ...flow, session } }, [effect]];
    }

    case 'SESSION_ESTABLISHED': {
      if (!flow || !awaitingStep(machine, event.attempt)) return unchanged;
      const device = flow.newDevice;
      // Devices belong to the internal name; remember which one the typed name stands for.
      const owner = event.user.username;
      const link: AuthEffect[] =
        flow.typedUsername !== owner
          ? [{ type: 'linkDeviceOwner', login: flow.typedUsername, owner }]
          : [];
      if (device && flow.rememberDevice === 'ask') {
        return [{ state: { status: 'rememberDevice', user: event.user }, flow }, link];
      }
      const effects: AuthEffect[] =
        device && flow.rememberDevice === 'always'
          ? [...link, { type: 'confirmDevice', deviceOwner: owner, device }]
          : link;
      return [{ state: { status: 'signedIn', user: event.user }, flow: null }, effects];
    }

    case 'REMEMBER_DEVICE': {
      if (state.status !== 'rememberDevice') return unchanged;
      const device = flow?.newDevice;
      const effects: AuthEffect[] =
        event.remember && flow && device
          ? [{ type: 'confirmDevice', deviceOwner: state.user.username, device }]
          : [];
      return [{ state: { status: 'signedIn', user: state.user }, flow: null }, effects];
    }

    case 'SIGN_OUT':
      switch (state.status) {
        case 'signedIn':
        case 'rememberDevice':
          return [
            { state: { status: 'signingOut', global: event.global }, flow: null },
            [{ type: 'signOut', global: event.global }],
          ];
        case 'signingIn':
        case 'challenge':
          // Nothing was issued yet: abandoning the sign-in is all there is to do.
          return [{ state: { status: 'signedOut', reason: 'signedOut' }, flow: null }, []];
        case 'initializing':
        case 'signedOut':
        case 'signingOut':
          return unchanged;
        default:
          state satisfies never;
          return unchanged;
      }

    case 'SIGNED_OUT':
      if (state.status !== 'signingOut') return unchanged;
      return [
        { state: { status: 'signedOut', reason: 'signedOut', error: event.error }, flow: null },
        [],
      ];

    case 'SESSION_UPDATED':
      if (state.status === 'signedIn' || state.status === 'rememberDevice') {
        return [{ state: { ...state, user: event.user }, flow }, []];
      }
      // Another tab signed in: this one follows.
      if (state.status === 'signedOut') {
        return [{ state: { status: 'signedIn', user: event.user }, flow: null }, []];
      }
      return unchanged;

    case 'SESSION_ENDED':
      if (state.status !== 'signedIn' && state.status !== 'rememberDevice') return unchanged;
      return [
        { state: { status: 'signedOut', reason: event.reason, error: event.error }, flow: null },
        [],
      ];

    default:
      event satisfies never;
      return unchanged;
  }
}

/** The flow with a device a step found late (at PASSWORD_VERIFIER), unless it has one already. */
function withDevice(flow: SignInFlow, device: PresentedDevice | undefined): SignInFlow {
  return device && !flow.device ? { ...flow, device } : flow;
}

/** Whether the machine waits for the result of a step of sign-in `attempt`. */
function awaitingStep(machine: MachineState, attempt: number): boolean {
  const { state, flow } = machine;
  if (!flow || flow.attempt !== attempt) return false;
  return state.status === 'signingIn' || (state.status === 'challenge' && state.submitting);
}
