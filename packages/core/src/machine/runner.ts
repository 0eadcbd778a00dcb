import { invalidInput, type CognitoError } from '../errors/index.js';
// Shared shorthand kept out of the public errors API.
import { invalidState } from '../errors/cognito-error.js';
import type { OwnedDeviceSecrets } from '../session/token-store.js';
import { createSrpEphemeral, type SrpEphemeral } from '../srp/index.js';
import {
  asCognitoError,
  performSignInEffect,
  toSignedInUser,
  type AttemptSecrets,
} from './effects.js';
import type { AuthEffect, AuthEvent } from './events.js';
import type { AuthRunnerPorts } from './ports.js';
import { endReason, freeze, isResting } from './runner-support.js';
import { createSubscribable } from '../subscribable.js';
import type { AuthRunner, AuthRunnerOptions, SignInInput } from './runner-types.js';
import { DEFAULT_PENDING_TTL_MS, pendingSignInOf, type PendingRecord } from './pending.js';
import {
  INITIAL_MACHINE_STATE,
  type AuthState,
  type MachineState,
  type PendingSignIn,
} from './state.js';
import { transition } from './transition.js';

export type { AuthListener, AuthRunner, AuthRunnerOptions, SignInInput } from './runner-types.js';

interface Waiter {
  resolve(state: AuthState): void;
  reject(error: CognitoError): void;
  /** Sign-out resolves even when Cognito failed: the local part always succeeds. */
  tolerant?: boolean;
}

/** Secrets of an attempt that holds none yet (a resumed sign-in, or a password picked later). */
function emptySecrets(attempt: number): AttemptSecrets {
  return {
    attempt,
    password: undefined,
    ephemeral: undefined,
    deviceEphemeral: undefined,
    device: undefined,
  };
}

/**
 * Runs the auth machine: stores the snapshot, notifies subscribers, then performs the effects
 * and feeds their results back as events. Holds the secrets of the sign-in in progress (never
 * in the snapshot) and drops them when that sign-in ends.
 *
 * @example
 * const runner = createAuthRunner(ports, { rememberDevice: 'ask' });
 * runner.subscribe((s) => render(s));
 * await runner.start();
 * const state = await runner.signIn({ username, password });
 * if (state.status === 'challenge') showChallenge(state.challenge);
 */
export function createAuthRunner(
  ports: AuthRunnerPorts,
  options: AuthRunnerOptions = {},
): AuthRunner {
  const authFlow = options.authFlow ?? 'USER_SRP_AUTH';
  const rememberPolicy = options.rememberDevice ?? 'never';
  const totpIssuer = options.totpIssuer ?? 'Cognito';
  const reportBackground = ports.onBackgroundError ?? (() => undefined);
  const pendingTtl = options.pendingSignInTtl ?? DEFAULT_PENDING_TTL_MS;
  const now = ports.now ?? Date.now;

  let machine: MachineState = INITIAL_MACHINE_STATE;
  const changes = createSubscribable<[AuthState]>(ports.onBackgroundError);
  let waiters: Waiter[] = [];
  let attempts = 0;
  let secrets: AttemptSecrets | undefined;
  let prepared: SrpEphemeral | undefined;
  let starting: Promise<AuthState> | undefined;
  let beginning = false;
  let disposed = false;

  const secretsFor = (attempt: number) =>
    secrets && secrets.attempt === attempt && machine.flow?.attempt === attempt
      ? secrets
      : undefined;
  const ctx = { ports, secretsFor };

  function dispatch(event: AuthEvent): void {
    if (disposed) return;
    const [next, effects] = transition(machine, event);
    if (next !== machine) {
      const previous = machine.state;
      machine = freeze(next);
      // The sign-in is over (or replaced): its secrets must not outlive it.
      if (secrets && machine.flow?.attempt !== secrets.attempt) secrets = undefined;
      // Flow bookkeeping alone (an SRP step) is invisible: notify only when the state changed.
      if (next.state !== previous) {
        keepPending(machine);
        changes.notify(machine.state);
      }
      settle(machine.state);
    }
    for (const effect of effects) track(perform(effect).catch(reportBackground));
  }

  // Writes of the pending sign-in, one after another so the last state wins.
  let pendingWrites: Promise<void> = Promise.resolve();
  let pendingStored = false;
  // When Cognito's session of the kept sign-in runs out: set when a new Session arrives, never
  // pushed back by saving the same one again (an error shown, a reload restoring it).
  let pendingExpiry: { session: string | undefined; expiresAt: number } | undefined;
  function keepPending(current: MachineState): void {
    const store = ports.pending;
    if (!store) return;
    const pending = pendingSignInOf(current);
    if (!pending && !pendingStored) return;
    // A challenge being answered keeps its record; anything else than a challenge ends it.
    if (!pending && current.state.status === 'challenge') return;
    pendingStored = pending !== null;
    const record: PendingRecord | null = pending
      ? { ...pending, expiresAt: expiryOf(pending.flow.session) }
      : null;
    pendingWrites = pendingWrites
      .then(() => (record ? store.save(record) : store.clear()))
      .catch(reportBackground);
    track(pendingWrites);
  }

  function expiryOf(session: string | undefined): number {
    const known = pendingExpiry?.session === session ? pendingExpiry : undefined;
    const expiry = known ?? { session, expiresAt: now() + pendingTtl };
    pendingExpiry = expiry;
    return expiry.expiresAt;
  }

  /** The stored pending sign-in, if it is still within Cognito's session lifetime. */
  async function loadPending(): Promise<PendingSignIn | undefined> {
    const store = ports.pending;
    if (!store) return undefined;
    const record = await store.load().catch(() => null);
    if (!record) return undefined;
    if (!(record.expiresAt > now())) {
      await store.clear().catch(reportBackground);
      return undefined;
    }
    pendingStored = true;
    pendingExpiry = { session: record.flow.session, expiresAt: record.expiresAt };
    const attempt = ++attempts;
    secrets = emptySecrets(attempt);
    return {
      flow: { ...record.flow, attempt },
      username: record.username,
      challenge: record.challenge,
    };
  }

  const inFlight = new Set<Promise<void>>();
  function track(work: Promise<void>): void {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  }

  function settle(state: AuthState): void {
    if (!isResting(state) || waiters.length === 0) return;
    const pending = waiters;
    waiters = [];
    const error =
      state.status === 'signedOut' || state.status === 'challenge' ? state.error : undefined;
    for (const w of pending) {
      if (error && !w.tolerant) w.reject(error);
      else w.resolve(state);
    }
  }

  function untilRest(event: AuthEvent, tolerant = false): Promise<AuthState> {
    return new Promise<AuthState>((resolve, reject) => {
      waiters.push({ resolve, reject, tolerant });
      dispatch(event);
    });
  }

  async function perform(effect: AuthEffect): Promise<void> {
    switch (effect.type) {
      case 'restoreSession': {
        try {
          const restored = await ports.session.restore();
          const pending = restored ? undefined : await loadPending();
          dispatch({
            type: 'RESTORED',
            user: restored ? toSignedInUser(restored) : null,
            ...(pending ? { pending } : {}),
          });
        } catch (error) {
          dispatch({ type: 'RESTORED', user: null, error: asCognitoError(error) });
        }
        return;
      }
      case 'forgetDevice':
        await ports.devices.forget(effect.deviceOwner).catch(reportBackground);
        return;
      case 'linkDeviceOwner':
        await ports.devices.linkOwner(effect.login, effect.owner).catch(reportBackground);
        return;
      case 'confirmDevice': {
        const current = ports.session.current();
        if (!current) return;
        await ports
          .confirmDevice({
            deviceOwner: effect.deviceOwner,
            device: effect.device,
            session: current,
          })
          .catch(reportBackground);
        return;
      }
      case 'signOut': {
        let failure: CognitoError | undefined;
        const current = ports.session.current();
        if (current) {
          await ports
            .revokeSession({ global: effect.global, session: current })
            .catch((e: unknown) => {
              failure = asCognitoError(e);
            });
        }
        // Local state is cleared whatever Cognito said.
        await ports.session.clear().catch(reportBackground);
        dispatch({ type: 'SIGNED_OUT', error: failure });
        return;
      }
      default: {
        const event = await performSignInEffect(ctx, effect);
        if (event) dispatch(event);
      }
    }
  }

  const unsubscribeSession = ports.session.onChange((session, reason) => {
    if (session) dispatch({ type: 'SESSION_UPDATED', user: toSignedInUser(session) });
    else dispatch({ type: 'SESSION_ENDED', ...endReason(reason) });
  });

  /** Starts sign-in attempt of `flowOfAttempt` (the typed checks are done by the caller). */
  async function begin(
    input: SignInInput,
    flowOfAttempt: typeof authFlow,
    passwordless: boolean,
    signUpSession?: string,
  ): Promise<AuthState> {
    if (typeof input.username !== 'string' || input.username.trim() === '') {
      throw invalidInput('Enter your username.');
    }
    if (machine.state.status === 'initializing') await runner.start();
    const status = machine.state.status;
    if (beginning || status === 'signingIn' || status === 'signingOut') {
      throw invalidState('A sign-in or sign-out is already in progress.');
    }
    if (status === 'signedIn' || status === 'rememberDevice') {
      throw invalidState('Already signed in: sign out first.');
    }
    const username = input.username.trim();
    beginning = true;
    let found: OwnedDeviceSecrets | null;
    try {
      // Under the typed name, else under the internal name its alias pointer names.
      found = await ports.devices.find(username).catch(() => null);
    } finally {
      beginning = false;
    }
    if (disposed) throw invalidState('The auth runner was disposed.');
    const attempt = ++attempts;
    const ephemeral =
      flowOfAttempt !== 'USER_PASSWORD_AUTH' && !passwordless ? prepared : undefined;
    if (ephemeral) prepared = undefined;
    secrets = {
      attempt,
      password: input.password,
      ephemeral,
      deviceEphemeral: undefined,
      device: found?.secrets,
    };
    return untilRest({
      type: 'SIGN_IN',
      attempt,
      username,
      authFlow: flowOfAttempt,
      device: found ? { deviceKey: found.secrets.deviceKey, owner: found.owner } : undefined,
      clientMetadata: input.clientMetadata,
      rememberDevice: rememberPolicy,
      totpIssuer,
      preferredChallenge:
        flowOfAttempt === 'USER_AUTH'
          ? input.password !== undefined
            ? 'PASSWORD'
            : input.preferredChallenge
          : undefined,
      session: signUpSession,
    });
  }

  const runner: AuthRunner = {
    getSnapshot: () => machine.state,
    subscribe: (listener) => changes.subscribe(listener),
    start() {
      if (disposed) return Promise.reject(invalidState('The auth runner was disposed.'));
      starting ??=
        machine.state.status !== 'initializing'
          ? Promise.resolve(machine.state)
          : untilRest({ type: 'START' }).catch(() => machine.state);
      return starting;
    },
    prepareSignIn() {
      prepared ??= createSrpEphemeral(ports.random);
    },
    async signIn(input) {
      if (typeof input.username !== 'string' || input.username.trim() === '') {
        throw invalidInput('Enter your username.');
      }
      const passwordless =
        (authFlow === 'CUSTOM_AUTH' || authFlow === 'USER_AUTH') && input.password === undefined;
      if (!passwordless && (typeof input.password !== 'string' || input.password === '')) {
        throw invalidInput('Enter your password.');
      }
      return begin(input, authFlow, passwordless);
    },
    async autoSignIn(input) {
      if (typeof input.session !== 'string' || input.session === '') {
        throw invalidInput('Auto sign-in needs the session ConfirmSignUp answered.');
      }
      return begin(
        { username: input.username, clientMetadata: input.clientMetadata },
        'USER_AUTH',
        true,
        input.session,
      );
    },
    async answerChallenge(answer) {
      const state = machine.state;
      if (state.status !== 'challenge' || state.submitting) {
        throw invalidState('There is no challenge waiting for an answer.');
      }
      if (state.challenge.name !== answer.name) {
        throw invalidState(`The pending challenge is ${state.challenge.name}, not ${answer.name}.`);
      }
      // A password chosen at SELECT_CHALLENGE is a secret of this attempt, like a typed one.
      if (answer.name === 'SELECT_CHALLENGE' && answer.factor === 'PASSWORD') {
        const attempt = machine.flow?.attempt;
        if (attempt === undefined) throw invalidState('There is no sign-in in progress.');
        if (secrets?.attempt !== attempt) {
          secrets = emptySecrets(attempt);
        }
        secrets.password = answer.password;
      }
      return untilRest({ type: 'ANSWER', answer });
    },
    async rememberDevice(remember) {
      if (machine.state.status !== 'rememberDevice') {
        throw invalidState('No device is waiting to be remembered.');
      }
      const state = await untilRest({ type: 'REMEMBER_DEVICE', remember });
      return state;
    },
    async signOut(opts = {}) {
      const status = machine.state.status;
      if (status === 'signedOut' || status === 'initializing') return machine.state;
      if (status === 'signingOut') {
        return new Promise((resolve, reject) => waiters.push({ resolve, reject, tolerant: true }));
      }
      return untilRest({ type: 'SIGN_OUT', global: opts.global ?? false }, true);
    },
    async idle() {
      // Effects may start further effects: wait until a round finds nothing running.
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      unsubscribeSession();
      changes.clear();
      secrets = undefined;
      prepared = undefined;
      const pending = waiters;
      waiters = [];
      for (const w of pending) w.reject(invalidState('The auth runner was disposed.'));
    },
  };
  return runner;
}
