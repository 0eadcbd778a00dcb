import { CognitoError, isCognitoError } from '../errors/index.js';
import { endsSession } from './refresh-request.js';
import { readableSession, toStored } from './session-record.js';
import type { Session } from './session-types.js';
import {
  sessionOf,
  type RefreshingState,
  type SessionEffect,
  type SessionEvent,
  type SessionMachine,
  type SessionOutcome,
  type SessionState,
  type SessionTransitionResult,
} from './session-machine.js';
import type { StoredSession } from './token-store.js';
import { decodeAccessToken, decodeIdToken, refreshDueAt } from './tokens.js';

const notSignedIn = (message = 'There is no signed-in session.') =>
  new CognitoError({ code: 'NotSignedIn', message });

/**
 * The session machine: a pure function from the current state and an event to the next state
 * and the effects the runner performs (storage, verification, the refresh lock, broadcasts,
 * the refresh request, answering callers). It performs no I/O and reads no clock. An event
 * that does not apply returns the very same machine and no effects — except a lock granted to
 * an operation nobody waits for any more, which is released at once.
 *
 * @example
 * const [next, effects] = sessionTransition(machine, { type: 'REFRESH', op: 1 });
 * // from active: next.state.status === 'refreshing', effects = [{ type: 'lock', op: 1 }]
 */
export function sessionTransition(
  machine: SessionMachine,
  event: SessionEvent,
): SessionTransitionResult {
  const { policy, state } = machine;
  const unchanged: SessionTransitionResult = [machine, []];
  const to = (next: SessionState, effects: SessionEffect[] = []): SessionTransitionResult => [
    { policy, state: next },
    effects,
  ];

  /** The refresh of `op`, if that is what the machine is doing now. */
  const refreshing = (op: number) =>
    (state.status === 'refreshing' || state.status === 'waitingForOtherTab') && state.op === op
      ? state
      : null;

  /** Ends a refresh without new tokens: back to the session it had (or none). */
  const fail = (s: RefreshingState | WaitingState, error: unknown) =>
    to(
      s.session ? { status: 'active', session: s.session } : { status: 'signedOut' },
      finish(s.op, { error }),
    );

  /** Cognito refused the refresh token and no other tab has newer tokens: the session ends. */
  const endRefused = (s: RefreshingState | WaitingState, error: CognitoError) =>
    to({ status: 'signedOut', reason: { type: 'refreshRejected', code: error.code } }, [
      { type: 'clearSession' },
      { type: 'broadcast', message: { type: 'signedOut' } },
      ...finish(s.op, { error }),
    ]);

  /** Sends the refresh request for `s.base`. */
  const request = (s: RefreshingState): SessionTransitionResult => {
    const { refreshToken } = s.base;
    if (refreshToken === undefined) {
      return fail(s, notSignedIn('The session has no refresh token; sign in again.'));
    }
    return to({ ...s, step: 'request', wait: false }, [
      { type: 'requestRefresh', op: s.op, base: { ...s.base, refreshToken } },
    ]);
  };

  /** Takes another tab's tokens as this refresh's answer (the same object when already current). */
  const adoptNews = (s: RefreshingState | WaitingState, news: Session) => {
    const session = s.session?.tokens.accessToken === news.tokens.accessToken ? s.session : news;
    return to({ status: 'active', session }, finish(s.op, { session }));
  };

  /**
   * Another tab refreshed: after a refusal its tokens save the session while they are valid;
   * otherwise they are used unless they are due as well, then refreshed with their (possibly
   * rotated) refresh token.
   */
  const decideNews = (s: RefreshingState | WaitingState, news: Session, now: number) => {
    const serverNow = now + (news.clockOffset ?? 0);
    if (s.refusal)
      return serverNow < news.expiresAt ? adoptNews(s, news) : endRefused(s, s.refusal);
    if (serverNow < refreshDueAt(news.accessClaims, policy.refreshMargin))
      return adoptNews(s, news);
    return request(asRefreshing(s, { base: toStored(news) }));
  };

  /** Looks for tokens newer than the base: already received from a tab, else in storage. */
  const lookForNews = (s: RefreshingState, now: number) =>
    s.session !== null && s.session.tokens.accessToken !== s.base.accessToken
      ? decideNews(s, s.session, now)
      : to({ ...s, step: 'news' }, [{ type: 'loadNews', op: s.op }]);

  /** Another tab's tokens reached this tab (broadcast or storage event). */
  const adoptFromTab = (
    session: Session,
    now: number,
    effects: SessionEffect[],
  ): SessionTransitionResult => {
    switch (state.status) {
      case 'signedOut':
      case 'active':
        return to({ status: 'active', session }, effects);
      case 'restoring':
        // What restore() would have found; the stored record's late answer is ignored.
        return to({ status: 'active', session }, [
          ...effects,
          { type: 'settle', op: state.op, outcome: { session } },
        ]);
      case 'refreshing':
        // The refresh goes on; the lock step or a refusal will find these tokens as news.
        return to({ ...state, session }, effects);
      case 'waitingForOtherTab': {
        // The wait is over: these tokens are the news, or storage is read once more.
        const [next, more] = lookForNews(asRefreshing(state, { session, wait: false }), now);
        return [next, [...effects, ...more]];
      }
      default:
        state satisfies never;
        return unchanged;
    }
  };

  /** Another tab signed out or lost the session: this tab follows. */
  const endFromTab = (effects: SessionEffect[]) =>
    state.status === 'signedOut'
      ? ([machine, effects] as const)
      : to({ status: 'signedOut', reason: { type: 'otherTab' } }, [
          ...effects,
          ...abandon(state, null),
        ]);

  switch (event.type) {
    case 'RESTORE':
      switch (state.status) {
        case 'signedOut':
          return to({ status: 'restoring', op: event.op, step: 'load' }, [
            { type: 'loadSession', op: event.op },
          ]);
        case 'restoring':
          return [machine, [{ type: 'join', op: event.op, into: state.op }]];
        default: {
          const session = sessionOf(state);
          // Restoring through a refresh: wait for it; with a session, that is the answer.
          if (session === null)
            return [machine, [{ type: 'join', op: event.op, into: opOf(state) }]];
          return [machine, [{ type: 'settle', op: event.op, outcome: { session } }]];
        }
      }

    case 'LOADED': {
      if (state.status !== 'restoring' || state.op !== event.op || state.step !== 'load') {
        return unchanged;
      }
      const { stored } = event;
      const done = (outcome: SessionOutcome, effects: SessionEffect[] = []) =>
        to({ status: 'signedOut' }, [...effects, { type: 'settle', op: event.op, outcome }]);
      if (stored === null) return done({ session: null });
      const discard = () => done({ session: null }, [{ type: 'clearSession' }]);
      let expired: boolean;
      try {
        expired =
          event.now + (stored.clockOffset ?? 0) >= decodeAccessToken(stored.accessToken).exp * 1000;
        decodeIdToken(stored.idToken);
      } catch {
        return discard(); // garbage tokens: treated as signed out
      }
      if (!expired) {
        return to({ status: 'restoring', op: event.op, step: 'verify' }, [
          { type: 'verify', op: event.op, purpose: 'restore', stored, fresh: false },
        ]);
      }
      if (stored.refreshToken === undefined) return discard();
      return to(
        {
          status: 'refreshing',
          op: event.op,
          session: null,
          base: stored,
          step: 'lock',
          wait: false,
        },
        [{ type: 'lock', op: event.op }],
      );
    }

    case 'LOAD_FAILED':
      if (state.status !== 'restoring' || state.op !== event.op || state.step !== 'load') {
        return unchanged;
      }
      return to({ status: 'signedOut' }, [
        { type: 'settle', op: event.op, outcome: { error: event.error } },
      ]);

    case 'REFRESH':
      switch (state.status) {
        case 'active':
          return to(
            {
              status: 'refreshing',
              op: event.op,
              session: state.session,
              base: toStored(state.session),
              step: 'lock',
              wait: false,
            },
            [{ type: 'lock', op: event.op }],
          );
        case 'refreshing':
        case 'waitingForOtherTab':
          return [machine, [{ type: 'join', op: event.op, into: state.op }]];
        case 'signedOut':
        case 'restoring':
          return [machine, [{ type: 'settle', op: event.op, outcome: { error: notSignedIn() } }]];
        default:
          state satisfies never;
          return unchanged;
      }

    case 'LOCKED': {
      const s = refreshing(event.op);
      // Granted after the refresh was abandoned (signed out, signed in anew): let it go.
      if (s?.status !== 'refreshing' || s.step !== 'lock')
        return [machine, [{ type: 'release', op: event.op }]];
      // Another tab may have refreshed while this one waited for the lock: having held it, it
      // most likely refreshed these very tokens, and refreshing again would spend the refresh
      // token twice (fatal under rotation) — so look for its news, and wait for it when the
      // lock was held.
      return policy.locking ? lookForNews({ ...s, wait: event.waited }, event.now) : request(s);
    }

    case 'NEWS': {
      const s = refreshing(event.op);
      if (s?.status !== 'refreshing' || s.step !== 'news') return unchanged;
      const { stored } = event;
      const news =
        stored !== null && stored.accessToken !== s.base.accessToken
          ? readableSession(stored)
          : null;
      if (news !== null) return decideNews(s, news, event.now);
      if (s.wait) {
        return to(
          {
            status: 'waitingForOtherTab',
            op: s.op,
            session: s.session,
            base: s.base,
            refusal: s.refusal,
          },
          [{ type: 'waitForNews', op: s.op, ms: policy.newsWait }],
        );
      }
      return s.refusal ? endRefused(s, s.refusal) : request(s);
    }

    case 'NEWS_TIMEOUT': {
      const s = refreshing(event.op);
      if (s?.status !== 'waitingForOtherTab') return unchanged;
      return to({ ...asRefreshing(s, { wait: false }), step: 'news' }, [
        { type: 'loadNews', op: s.op },
      ]);
    }

    case 'REFRESHED': {
      const s = refreshing(event.op);
      if (s?.status !== 'refreshing' || s.step !== 'request') return unchanged;
      const { tokens } = event;
      const stored: StoredSession = {
        ...s.base,
        idToken: tokens.idToken,
        accessToken: tokens.accessToken,
        // Without rotation Cognito sends no new refresh token: keep the old one.
        refreshToken: tokens.refreshToken ?? s.base.refreshToken,
        deviceKey: tokens.deviceKeyAccepted ? s.base.deviceKey : undefined,
      };
      return to({ ...s, step: 'verify' }, [
        { type: 'verify', op: s.op, purpose: 'refresh', stored, fresh: true },
      ]);
    }

    case 'REFRESH_FAILED': {
      const s = refreshing(event.op);
      if (s === null) return unchanged;
      const { error } = event;
      if (s.status === 'refreshing' && s.step === 'request' && endsSession(error)) {
        // Taken uncontended, the lock says nothing of a tab that released it a moment ago with
        // news still on the way; if that tab spent this refresh token, its tokens are the
        // answer here, not a sign-out of every tab.
        return policy.locking
          ? lookForNews({ ...s, refusal: error, wait: true }, event.now)
          : endRefused(s, error);
      }
      return fail(s, error);
    }

    case 'ESTABLISH':
      return [
        machine,
        [{ type: 'verify', op: event.op, purpose: 'establish', stored: event.stored, fresh: true }],
      ];

    case 'VERIFIED': {
      const { session } = event;
      switch (event.purpose) {
        case 'establish': {
          // A sign-in replaces whatever was going on; a refresh of the old tokens is stale.
          const stored = toStored(session);
          return to({ status: 'active', session }, [
            ...abandon(state, session),
            { type: 'saveSession', stored },
            { type: 'broadcast', message: { type: 'session', session: stored } },
            { type: 'settle', op: event.op, outcome: { session } },
          ]);
        }
        case 'restore':
          if (state.status !== 'restoring' || state.op !== event.op || state.step !== 'verify') {
            return unchanged;
          }
          return to({ status: 'active', session }, [
            { type: 'settle', op: event.op, outcome: { session } },
          ]);
        case 'refresh': {
          const s = refreshing(event.op);
          if (s?.status !== 'refreshing' || s.step !== 'verify') return unchanged;
          const stored = toStored(session);
          return to({ status: 'active', session }, [
            { type: 'saveSession', stored },
            { type: 'broadcast', message: { type: 'session', session: stored } },
            ...finish(s.op, { session }),
          ]);
        }
        default:
          event.purpose satisfies never;
          return unchanged;
      }
    }

    case 'VERIFY_FAILED': {
      const { error } = event;
      switch (event.purpose) {
        case 'establish':
          return [machine, [{ type: 'settle', op: event.op, outcome: { error } }]];
        case 'restore': {
          if (state.status !== 'restoring' || state.op !== event.op || state.step !== 'verify') {
            return unchanged;
          }
          // Bad tokens are removed; unreachable keys keep the record for the next try.
          const invalid = isCognitoError(error, 'InvalidToken');
          return to({ status: 'signedOut' }, [
            ...(invalid ? [{ type: 'clearSession' } as const] : []),
            { type: 'settle', op: event.op, outcome: invalid ? { session: null } : { error } },
          ]);
        }
        case 'refresh': {
          const s = refreshing(event.op);
          if (s?.status !== 'refreshing' || s.step !== 'verify') return unchanged;
          return fail(s, error);
        }
        default:
          event.purpose satisfies never;
          return unchanged;
      }
    }

    case 'CLEAR':
      return to({ status: 'signedOut', reason: { type: 'signedOut' } }, [
        { type: 'clearSession' },
        { type: 'broadcast', message: { type: 'signedOut' } },
        ...abandon(state, null),
      ]);

    case 'TAB_SESSION': {
      // Decoded, not re-verified: the sibling tab of the same origin verified them, and the
      // origin is the trust boundary. Unreadable tokens are ignored rather than signing out.
      const session = readableSession(event.stored);
      if (session === null) return unchanged;
      // A shared localStorage already holds them; other storages are per tab.
      const save: SessionEffect[] = policy.sharedStorage
        ? []
        : [{ type: 'saveSession', stored: event.stored }];
      return adoptFromTab(session, event.now, save);
    }

    case 'TAB_SIGNED_OUT':
      // Never touch a shared localStorage here: it may already hold this tab's next sign-in.
      return endFromTab(policy.sharedStorage ? [] : [{ type: 'clearSession' }]);

    case 'TAB_RELOAD':
      return [machine, [{ type: 'reload' }]];

    case 'RELOADED': {
      const { stored } = event;
      if (stored === null) return endFromTab([]);
      if (stored.accessToken === sessionOf(state)?.tokens.accessToken) return unchanged;
      const session = readableSession(stored);
      // Garbage written from elsewhere: keep what this tab has.
      return session === null ? unchanged : adoptFromTab(session, event.now, []);
    }

    default:
      event satisfies never;
      return unchanged;
  }
}

type WaitingState = Extract<SessionState, { status: 'waitingForOtherTab' }>;

/** A refreshing state from a refresh that was waiting (or was refreshing already). */
function asRefreshing(
  s: RefreshingState | WaitingState,
  changes: Partial<Pick<RefreshingState, 'session' | 'base' | 'wait'>>,
): RefreshingState {
  const base: RefreshingState =
    s.status === 'refreshing'
      ? s
      : {
          status: 'refreshing',
          op: s.op,
          session: s.session,
          base: s.base,
          step: 'news',
          wait: false,
          refusal: s.refusal,
        };
  return { ...base, ...changes };
}

/** A refresh ends: its lock goes, then its callers get `outcome`. */
function finish(op: number, outcome: SessionOutcome): SessionEffect[] {
  return [
    { type: 'release', op },
    { type: 'settle', op, outcome },
  ];
}

/** The operation a pending state waits for. */
function opOf(state: SessionState): number {
  return state.status === 'restoring' ||
    state.status === 'refreshing' ||
    state.status === 'waitingForOtherTab'
    ? state.op
    : -1;
}

/**
 * Effects that end the pending operation of `state` because something replaced it: a restore
 * answers with `session` (the session that replaced it, or none), a refresh lets go of its lock
 * and fails — NotSignedIn, or the refusal it already had.
 */
function abandon(state: SessionState, session: Session | null): SessionEffect[] {
  switch (state.status) {
    case 'restoring':
      return [{ type: 'settle', op: state.op, outcome: { session } }];
    case 'refreshing':
    case 'waitingForOtherTab':
      return finish(state.op, { error: state.refusal ?? notSignedIn() });
    default:
      return [];
  }
}
