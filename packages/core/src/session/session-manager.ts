import { CognitoError, isCognitoError, protocolError } from '../errors/index.js';
import { createSubscribable, rethrowLater } from '../subscribable.js';
import { createCrossTab, type CrossTab, type LockGrant } from './cross-tab.js';
import { readQuietly } from './device-store.js';
import { endsSession } from './refresh-request.js';
import { createSessionEffects } from './session-effects.js';
import {
  sessionOf,
  type SessionEffect,
  type SessionEvent,
  type SessionMachine,
  type SessionOutcome,
} from './session-machine.js';
import { sessionTransition } from './session-transition.js';
import type {
  Session,
  SessionListener,
  SessionManager,
  SessionManagerOptions,
} from './session-types.js';
import { DEFAULT_STORAGE_TIMEOUT_MS, memoryStorage, withStorageTimeout } from './storage.js';
import { createTokenStore, type StoredSession } from './token-store.js';
import { decodeAccessToken, refreshDueAt } from './tokens.js';
import { cognitoIssuer, createTokenVerifier } from './verify.js';

/**
 * How long a tab that waited for the refresh lock waits for the holder's new tokens to arrive
 * before refreshing itself (the holder may also have failed, e.g. offline).
 */
const TAB_NEWS_WAIT_MS = 1_000;

const notSignedIn = () =>
  new CognitoError({ code: 'NotSignedIn', message: 'There is no signed-in session.' });

/**
 * Creates the session manager of one app client: it restores and verifies stored tokens,
 * establishes the tokens of a sign-in, refreshes them (single-flight, one tab at a time),
 * ends the session only when Cognito refuses the refresh token, and keeps tabs in step.
 *
 * It is the runner of the session machine (`sessionTransition`): the machine decides, this
 * performs the effects (storage, verification, the refresh lock, broadcasts, the refresh
 * request), feeds their results back as events and answers the callers of each operation.
 *
 * @example
 * const client = createCognitoClient({ userPoolId }, { clientId });
 * const sessions = createSessionManager({ client, userPoolId, storage: localStorageAdapter() });
 * const session = await sessions.restore();
 * const token = await sessions.getAccessToken();
 */
export function createSessionManager(options: SessionManagerOptions): SessionManager {
  const { client } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  // Time-boxed: a store that never answers reads as a storage failure (signed out, nothing
  // deleted), not as a restore() that never settles.
  const storage = withStorageTimeout(
    options.storage ?? memoryStorage(),
    options.storageTimeout ?? DEFAULT_STORAGE_TIMEOUT_MS,
  );
  const store = createTokenStore(storage, client.clientId);
  const margin = options.refreshMargin ?? 60_000;
  const skewMs = (options.clockSkew ?? 60) * 1000;
  /** The server's idea of now, as far as this session's tokens tell. */
  const serverNow = (session: { clockOffset?: number | undefined }) =>
    clock.now() + (session.clockOffset ?? 0);
  const reportStorageError =
    options.onStorageError ?? ((e: CognitoError) => console.warn(`cognito-kit: ${e.message}`));
  /** Runs a storage operation; a failure is reported and read as `null`, never thrown. */
  const quietly = readQuietly(reportStorageError);
  const verifier = createTokenVerifier({
    issuer: options.issuer ?? cognitoIssuer({ userPoolId: options.userPoolId }),
    clientId: client.clientId,
    fetch: options.fetch,
    clock,
    clockSkew: options.clockSkew,
    jwksCooldown: options.jwksCooldown,
  });

  const crossTab: CrossTab | null =
    options.crossTab === false
      ? null
      : createCrossTab({
          name: client.clientId,
          storageKey: storage.kind === 'local' ? store.keys.session : undefined,
          onMessage: (message) => {
            switch (message.type) {
              case 'session':
                return void dispatch({
                  type: 'TAB_SESSION',
                  stored: message.session,
                  now: clock.now(),
                });
              case 'signedOut':
                return void dispatch({ type: 'TAB_SIGNED_OUT' });
              case 'reload':
                return void dispatch({ type: 'TAB_RELOAD' });
              default:
                message satisfies never;
            }
          },
          ...(typeof options.crossTab === 'object' ? options.crossTab : {}),
        });
  const perform = createSessionEffects({
    client,
    store,
    verifier,
    crossTab,
    clock,
    skewMs,
    rotation: options.refreshTokenRotation ?? false,
    reportStorageError,
    quietly,
  });

  let machine: SessionMachine = {
    policy: {
      refreshMargin: margin,
      locking: crossTab?.locking ?? false,
      sharedStorage: storage.kind === 'local',
      newsWait: TAB_NEWS_WAIT_MS,
    },
    state: { status: 'signedOut' },
  };
  let ops = 0;
  /** Callers of each pending operation. */
  const callers = new Map<number, ((outcome: SessionOutcome) => void)[]>();
  /** Releases of the refresh locks held, by operation. */
  const locks = new Map<number, () => void>();
  /** Timers of waits for another tab's news, by operation. */
  const waits = new Map<number, ReturnType<typeof setTimeout>>();
  // Listener errors are rethrown in a microtask (the shared policy): reported, and neither
  // stopping the other listeners nor interrupting the manager halfway through a change.
  const changes = createSubscribable<Parameters<SessionListener>>();

  /**
   * Feeds an event to the machine: stores the next state, tells listeners when the session
   * changed, then performs the effects in order. Resolves when they are done; events the
   * effects report are dispatched in turn (not awaited here).
   */
  function dispatch(event: SessionEvent): Promise<void> {
    const [next, effects] = sessionTransition(machine, event);
    const before = sessionOf(machine.state);
    machine = next;
    const { state } = next;
    for (const [op, timer] of waits) {
      if (state.status !== 'waitingForOtherTab' || state.op !== op) {
        clearTimeout(timer);
        waits.delete(op);
      }
    }
    const after = sessionOf(state);
    if (after !== before)
      changes.notify(
        after,
        after === null && state.status === 'signedOut' ? state.reason : undefined,
      );
    return effects.length === 0 ? Promise.resolve() : performAll(effects);
  }

  async function performAll(effects: readonly SessionEffect[]): Promise<void> {
    for (const effect of effects) {
      try {
        const event = await performOne(effect);
        if (event) void dispatch(event);
      } catch (error) {
        // Unexpected (not a storage failure): reported like a listener's error, not thrown.
        rethrowLater(error);
      }
    }
  }

  async function performOne(effect: SessionEffect): Promise<SessionEvent | undefined> {
    switch (effect.type) {
      case 'lock': {
        const { op } = effect;
        const withLock =
          crossTab?.withLock.bind(crossTab) ??
          (<T>(task: (grant: LockGrant) => Promise<T>) => task({ waited: false }));
        // Held until the machine lets go of it (`release`); a failed request fails the refresh.
        withLock(
          ({ waited }) =>
            new Promise<void>((release) => {
              locks.set(op, release);
              void dispatch({ type: 'LOCKED', op, waited, now: clock.now() });
            }),
        ).catch(
          (error: unknown) =>
            void dispatch({ type: 'REFRESH_FAILED', op, error, now: clock.now() }),
        );
        return undefined;
      }
      case 'release':
        locks.get(effect.op)?.();
        locks.delete(effect.op);
        return undefined;
      case 'waitForNews': {
        const { op } = effect;
        waits.set(
          op,
          setTimeout(() => void dispatch({ type: 'NEWS_TIMEOUT', op }), effect.ms),
        );
        return undefined;
      }
      case 'settle': {
        const waiting = callers.get(effect.op) ?? [];
        callers.delete(effect.op);
        for (const answer of waiting) answer(effect.outcome);
        return undefined;
      }
      case 'join': {
        const waiting = callers.get(effect.op) ?? [];
        callers.delete(effect.op);
        callers.set(effect.into, [...(callers.get(effect.into) ?? []), ...waiting]);
        return undefined;
      }
      default:
        return perform(effect);
    }
  }

  /** Starts an operation and resolves with its outcome. */
  function run(start: (op: number) => SessionEvent): Promise<SessionOutcome> {
    const op = ++ops;
    return new Promise((resolve) => {
      callers.set(op, [resolve]);
      void dispatch(start(op));
    });
  }

  const sessionOrThrow = (outcome: SessionOutcome): Session => {
    if ('error' in outcome) throw outcome.error;
    if (outcome.session === null) throw notSignedIn();
    return outcome.session;
  };

  const current = () => sessionOf(machine.state);

  function refresh(): Promise<Session> {
    return run((op) => ({ type: 'REFRESH', op })).then(sessionOrThrow);
  }

  async function restore(): Promise<Session | null> {
    const outcome = await run((op) => ({ type: 'RESTORE', op }));
    if (!('error' in outcome)) return outcome.session;
    const { error } = outcome;
    // Refused refresh token (keys removed), or signed out while it ran: no session.
    if (endsSession(error) || isCognitoError(error, 'NotSignedIn')) return null;
    throw error; // keys or Cognito unreachable: keep the stored session for the next try
  }

  async function establish(
    result: Parameters<SessionManager['establish']>[0],
    context: Parameters<SessionManager['establish']>[1],
  ): Promise<Session> {
    if (result.IdToken === undefined || result.AccessToken === undefined) {
      throw protocolError('The authentication result has no IdToken or AccessToken.');
    }
    const access = decodeAccessToken(result.AccessToken);
    const stored: StoredSession = {
      idToken: result.IdToken,
      accessToken: result.AccessToken,
      refreshToken: result.RefreshToken,
      // The token's `username` is the internal one even when the user typed an alias.
      username: access.username || context.username,
      deviceKey: context.deviceKey ?? access.device_key,
    };
    return sessionOrThrow(await run((op) => ({ type: 'ESTABLISH', op, stored })));
  }

  /**
   * The current access or ID token, refreshed first when it is within the margin of its expiry
   * (or with `forceRefresh`).
   */
  async function validToken(
    kind: 'access' | 'id',
    opts: { forceRefresh?: boolean } | undefined,
  ): Promise<string> {
    const session = current();
    if (session === null) throw notSignedIn();
    const claims = kind === 'access' ? session.accessClaims : session.idClaims;
    const pick = (s: Session) => (kind === 'access' ? s.tokens.accessToken : s.tokens.idToken);
    const due = serverNow(session) >= refreshDueAt(claims, margin);
    if (!opts?.forceRefresh && !due) return pick(session);
    try {
      return pick(await refresh());
    } catch (error) {
      // Inside the margin but not yet expired: a transient failure need not fail the caller.
      const stillValid = serverNow(session) < claims.exp * 1000;
      if (!opts?.forceRefresh && stillValid && current() === session && !endsSession(error)) {
        return pick(session);
      }
      throw error;
    }
  }

  return {
    restore,
    establish,
    current,
    refresh,
    getAccessToken: (opts) => validToken('access', opts),
    getIdToken: (opts) => validToken('id', opts),
    clear: () => dispatch({ type: 'CLEAR' }),
    onChange: (listener) => changes.subscribe(listener),
    dispose() {
      crossTab?.close();
      for (const timer of waits.values()) clearTimeout(timer);
      waits.clear();
    },
  };
}
