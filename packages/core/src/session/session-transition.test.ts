import { describe, expect, it } from 'vitest';
import { CognitoError } from '../errors/index.js';
import type {
  SessionEffect,
  SessionEvent,
  SessionEventType,
  SessionMachine,
  SessionPolicy,
  SessionState,
  SessionTransitionResult,
} from './session-machine.js';
import { toSession } from './session-record.js';
import type { Session } from './session-types.js';
import { sessionTransition } from './session-transition.js';
import type { StoredSession } from './token-store.js';

// Made-up unsigned tokens: the machine only decodes (verification is an effect).
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: Record<string, unknown>) =>
  `${b64url({ alg: 'RS256', kid: 'k1' })}.${b64url(payload)}.c2ln`;

/** A stored record whose tokens were issued at `iat` and expire at `exp` (epoch seconds). */
function record(name: string, iat: number, exp: number, over: Partial<StoredSession> = {}) {
  const common = {
    sub: 'sub-1',
    iss: 'https://issuer.example',
    iat,
    exp,
    auth_time: iat,
    jti: name,
  };
  return {
    idToken: jwt({ ...common, token_use: 'id', aud: 'client', 'cognito:username': 'internal-1' }),
    accessToken: jwt({
      ...common,
      token_use: 'access',
      client_id: 'client',
      username: 'internal-1',
    }),
    refreshToken: `refresh-${name}`,
    username: 'internal-1',
    ...over,
  } satisfies StoredSession;
}

/** Tokens of this tab: valid 1 000 s – 4 600 s, due from 4 540 s (60 s margin). */
const A = record('a', 1_000, 4_600);
/** Another tab's newer tokens: valid 2 000 s – 5 600 s. */
const B = record('b', 2_000, 5_600);
const sessionA = toSession(A);
const sessionB = toSession(B);
const NOW = 2_500_000; // ms: A and B valid, neither due
const LATE = 4_550_000; // ms: A due (inside its margin), B not
const GARBAGE = { ...A, accessToken: 'not-a-jwt' };

const policy: SessionPolicy = {
  refreshMargin: 60_000,
  locking: true,
  sharedStorage: false,
  newsWait: 1_000,
};
const at = (state: SessionState, over: Partial<SessionPolicy> = {}): SessionMachine => ({
  policy: { ...policy, ...over },
  state,
});
const refused = new CognitoError({ code: 'RefreshTokenReuseException', message: 'reused' });
const offline = new CognitoError({ code: 'NetworkError', message: 'offline' });
const invalid = new CognitoError({ code: 'InvalidToken', message: 'bad signature' });
const notSignedIn = expect.objectContaining({ code: 'NotSignedIn' }) as unknown;

/** The pending operation of every representative state is op 1; new calls are op 2. */
const refreshing = (over: Partial<Extract<SessionState, { status: 'refreshing' }>> = {}) =>
  ({
    status: 'refreshing',
    op: 1,
    session: sessionA,
    base: A,
    step: 'request',
    wait: false,
    ...over,
  }) as const;

const STATES = {
  signedOut: { status: 'signedOut' },
  ended: { status: 'signedOut', reason: { type: 'signedOut' } },
  restoringLoad: { status: 'restoring', op: 1, step: 'load' },
  restoringVerify: { status: 'restoring', op: 1, step: 'verify' },
  active: { status: 'active', session: sessionA },
  refreshingLock: refreshing({ step: 'lock' }),
  refreshingNews: refreshing({ step: 'news', wait: true }),
  refreshingRequest: refreshing(),
  refreshingVerify: refreshing({ step: 'verify' }),
  /** Restoring expired tokens: a refresh with no session yet. */
  refreshingRestore: refreshing({ step: 'request', session: null }),
  /** Refused by Cognito, looking for another tab's tokens. */
  refusedNews: refreshing({ step: 'news', wait: true, refusal: refused }),
  waiting: { status: 'waitingForOtherTab', op: 1, session: sessionA, base: A },
  waitingRefused: {
    status: 'waitingForOtherTab',
    op: 1,
    session: sessionA,
    base: A,
    refusal: refused,
  },
} satisfies Record<string, SessionState>;
type StateKey = keyof typeof STATES;

const tokensB = { idToken: B.idToken, accessToken: B.accessToken, deviceKeyAccepted: true };

const EVENTS = {
  RESTORE: { type: 'RESTORE', op: 2 },
  LOADED: { type: 'LOADED', op: 1, stored: A, now: NOW },
  'LOADED+expired': { type: 'LOADED', op: 1, stored: A, now: 4_600_000 },
  'LOADED+none': { type: 'LOADED', op: 1, stored: null, now: NOW },
  'LOADED+garbage': { type: 'LOADED', op: 1, stored: GARBAGE, now: NOW },
  LOAD_FAILED: { type: 'LOAD_FAILED', op: 1, error: offline },
  REFRESH: { type: 'REFRESH', op: 2 },
  LOCKED: { type: 'LOCKED', op: 1, waited: false, now: NOW },
  'LOCKED+waited': { type: 'LOCKED', op: 1, waited: true, now: NOW },
  NEWS: { type: 'NEWS', op: 1, stored: B, now: NOW },
  'NEWS+none': { type: 'NEWS', op: 1, stored: A, now: NOW },
  NEWS_TIMEOUT: { type: 'NEWS_TIMEOUT', op: 1 },
  REFRESHED: { type: 'REFRESHED', op: 1, tokens: tokensB },
  REFRESH_FAILED: { type: 'REFRESH_FAILED', op: 1, error: offline, now: NOW },
  'REFRESH_FAILED+refused': { type: 'REFRESH_FAILED', op: 1, error: refused, now: NOW },
  ESTABLISH: { type: 'ESTABLISH', op: 2, stored: B },
  'VERIFIED+restore': { type: 'VERIFIED', op: 1, purpose: 'restore', session: sessionA },
  'VERIFIED+refresh': { type: 'VERIFIED', op: 1, purpose: 'refresh', session: sessionB },
  'VERIFIED+establish': { type: 'VERIFIED', op: 2, purpose: 'establish', session: sessionB },
  'VERIFY_FAILED+restore': { type: 'VERIFY_FAILED', op: 1, purpose: 'restore', error: invalid },
  'VERIFY_FAILED+refresh': { type: 'VERIFY_FAILED', op: 1, purpose: 'refresh', error: offline },
  'VERIFY_FAILED+establish': { type: 'VERIFY_FAILED', op: 2, purpose: 'establish', error: invalid },
  CLEAR: { type: 'CLEAR' },
  TAB_SESSION: { type: 'TAB_SESSION', stored: B, now: NOW },
  TAB_SIGNED_OUT: { type: 'TAB_SIGNED_OUT' },
  TAB_RELOAD: { type: 'TAB_RELOAD' },
  RELOADED: { type: 'RELOADED', stored: B, now: NOW },
  'RELOADED+none': { type: 'RELOADED', stored: null, now: NOW },
} satisfies Record<string, SessionEvent>;
type EventKey = keyof typeof EVENTS;

// Every event type has at least one representative.
({}) as Record<SessionEventType, unknown> satisfies Record<
  (typeof EVENTS)[EventKey]['type'],
  unknown
>;

type Check = (result: SessionTransitionResult) => void;
type Status = SessionState['status'];

/** Expects the status and exactly these effects (types, or full objects where given). */
const to =
  (status: Status, effects: (SessionEffect['type'] | SessionEffect)[] = []): Check =>
  ([next, fx]) => {
    expect(next.state.status).toBe(status);
    expect(fx.map((e, i) => (typeof effects[i] === 'object' ? e : e.type))).toEqual(effects);
  };
const and =
  (...checks: Check[]): Check =>
  (result) => {
    for (const check of checks) check(result);
  };
const session =
  (expected: Session | null): Check =>
  ([next]) =>
    expect('session' in next.state ? next.state.session : null).toEqual(expected);
const settles =
  (outcome: unknown, op = 1): Check =>
  ([, fx]) =>
    expect(fx).toContainEqual({ type: 'settle', op, outcome });
const stateIs =
  (expected: Partial<SessionState>): Check =>
  ([next]) =>
    expect(next.state).toMatchObject(expected);

const releaseAndFail = (error: unknown = notSignedIn) =>
  and(
    ([, fx]) => expect(fx.slice(-2).map((e) => e.type)).toEqual(['release', 'settle']),
    settles({ error }),
  );

/** Sign-out here: storage cleared, other tabs told; a pending operation is abandoned. */
const clears = (after: SessionEffect['type'][] = []): Check =>
  and(
    to('signedOut', ['clearSession', 'broadcast', ...after]),
    stateIs({ reason: { type: 'signedOut' } }),
  );
/** Another tab signed out: per-tab storage cleared, this tab follows. */
const followsSignOut = (after: SessionEffect['type'][] = []): Check =>
  and(to('signedOut', ['clearSession', ...after]), stateIs({ reason: { type: 'otherTab' } }));
const followsReloadSignOut = (after: SessionEffect['type'][] = []): Check =>
  and(to('signedOut', after), stateIs({ reason: { type: 'otherTab' } }));
/** A sign-in here: saved, told to other tabs, its caller answered (op 2). */
const established = (before: SessionEffect['type'][] = []): Check =>
  and(
    to('active', [...before, 'saveSession', 'broadcast', 'settle']),
    session(sessionB),
    settles({ session: sessionB }, 2),
  );
/** With a session: a restore call is answered with it at once. */
const answersRestore: Check = and(([next, fx]) => {
  expect(fx).toEqual([
    {
      type: 'settle',
      op: 2,
      outcome: { session: 'session' in next.state ? next.state.session : null },
    },
  ]);
});
const joinsOp1 = (status: Status): Check => to(status, [{ type: 'join', op: 2, into: 1 }]);
const refusesRefresh = (status: Status): Check =>
  and(to(status, ['settle']), settles({ error: notSignedIn }, 2));
/** Another tab's tokens replace this tab's session while the refresh goes on. */
const takesTabTokens = (status: Status, effects: SessionEffect['type'][] = ['saveSession']) =>
  and(to(status, effects), session(sessionB));
const reload = (status: Status): Check => to(status, ['reload']);
const verifyEstablish = (status: Status): Check =>
  to(status, [{ type: 'verify', op: 2, purpose: 'establish', stored: B, fresh: true }]);
const establishFails = (status: Status): Check =>
  and(to(status, ['settle']), settles({ error: invalid }, 2));
/** Another tab's tokens B end the wait for news: B is this refresh's answer. */
const newsAnswers = (effects: SessionEffect['type'][]): Check =>
  and(to('active', effects), session(sessionB), settles({ session: sessionB }));

/** Rows every state shares (calls and other tabs' messages), before the per-state rows. */
const always = (status: Status): Partial<Record<EventKey, Check>> => ({
  ESTABLISH: verifyEstablish(status),
  'VERIFY_FAILED+establish': establishFails(status),
  TAB_RELOAD: reload(status),
});

/**
 * Rows both restoring steps share: a refresh is refused, and a sign-in, a sign-out or another
 * tab's tokens settle the pending restore() (what it would have found).
 */
const settlesRestore: Partial<Record<EventKey, Check>> = {
  REFRESH: refusesRefresh('restoring'),
  'VERIFIED+establish': established(['settle']),
  CLEAR: and(clears(['settle']), settles({ session: null })),
  TAB_SESSION: and(
    takesTabTokens('active', ['saveSession', 'settle']),
    settles({ session: sessionB }),
  ),
  TAB_SIGNED_OUT: and(followsSignOut(['settle']), settles({ session: null })),
  RELOADED: and(takesTabTokens('active', ['settle']), settles({ session: sessionB })),
  'RELOADED+none': and(followsReloadSignOut(['settle']), settles({ session: null })),
};

/**
 * Rows the refresh steps that hold the lock share: a sign-in or a sign-out (here or in another
 * tab) ends the refresh and lets the lock go; another tab's tokens are taken as the refresh goes on.
 */
const endsRefreshUnderLock: Partial<Record<EventKey, Check>> = {
  'VERIFIED+establish': established(['release', 'settle']),
  CLEAR: clears(['release', 'settle']),
  TAB_SESSION: takesTabTokens('refreshing'),
  TAB_SIGNED_OUT: followsSignOut(['release', 'settle']),
  RELOADED: takesTabTokens('refreshing', []),
  'RELOADED+none': followsReloadSignOut(['release', 'settle']),
};

const TABLE: Record<StateKey, Partial<Record<EventKey, Check>>> = {
  signedOut: {
    ...always('signedOut'),
    RESTORE: to('restoring', [{ type: 'loadSession', op: 2 }]),
    REFRESH: refusesRefresh('signedOut'),
    'VERIFIED+establish': established(),
    CLEAR: clears(),
    // Another tab signed in: this one follows.
    TAB_SESSION: takesTabTokens('active'),
    TAB_SIGNED_OUT: ([next, fx]) => {
      expect(next.state).toBe(STATES.signedOut);
      expect(fx).toEqual([{ type: 'clearSession' }]);
    },
    RELOADED: takesTabTokens('active', []),
  },
  ended: {
    ...always('signedOut'),
    RESTORE: to('restoring', ['loadSession']),
    REFRESH: refusesRefresh('signedOut'),
    'VERIFIED+establish': established(),
    CLEAR: clears(),
    TAB_SESSION: takesTabTokens('active'),
    TAB_SIGNED_OUT: to('signedOut', ['clearSession']),
    RELOADED: takesTabTokens('active', []),
  },
  restoringLoad: {
    ...always('restoring'),
    RESTORE: joinsOp1('restoring'),
    LOADED: to('restoring', [
      { type: 'verify', op: 1, purpose: 'restore', stored: A, fresh: false },
    ]),
    // Expired by server time: refreshed (under the lock) before it is used.
    'LOADED+expired': and(
      to('refreshing', [{ type: 'lock', op: 1 }]),
      stateIs({ session: null, base: A, step: 'lock' }),
    ),
    // No record, or a storage failure read as none: signed out, nothing deleted.
    'LOADED+none': and(to('signedOut', ['settle']), settles({ session: null })),
    // Tokens that do not even decode are removed.
    'LOADED+garbage': and(to('signedOut', ['clearSession', 'settle']), settles({ session: null })),
    LOAD_FAILED: and(to('signedOut', ['settle']), settles({ error: offline })),
    ...settlesRestore,
  },
  restoringVerify: {
    ...always('restoring'),
    RESTORE: joinsOp1('restoring'),
    'VERIFIED+restore': and(
      to('active', ['settle']),
      session(sessionA),
      settles({ session: sessionA }),
    ),
    // A bad signature removes the record; unreachable keys keep it (see the race rows).
    'VERIFY_FAILED+restore': and(
      to('signedOut', ['clearSession', 'settle']),
      settles({ session: null }),
    ),
    ...settlesRestore,
  },
  active: {
    ...always('active'),
    RESTORE: answersRestore,
    REFRESH: and(
      to('refreshing', [{ type: 'lock', op: 2 }]),
      stateIs({ op: 2, session: sessionA, base: A, step: 'lock' }),
    ),
    'VERIFIED+establish': established(),
    CLEAR: clears(),
    TAB_SESSION: takesTabTokens('active'),
    TAB_SIGNED_OUT: followsSignOut(),
    RELOADED: takesTabTokens('active', []),
    'RELOADED+none': followsReloadSignOut(),
  },
  refreshingLock: {
    ...always('refreshing'),
    RESTORE: answersRestore,
    REFRESH: joinsOp1('refreshing'),
    // Granted at once: still look in shared storage (a tab may have just released it).
    LOCKED: and(
      to('refreshing', [{ type: 'loadNews', op: 1 }]),
      stateIs({ step: 'news', wait: false }),
    ),
    // Granted after another tab held it: look, and wait for its news if none is there yet.
    'LOCKED+waited': and(to('refreshing', ['loadNews']), stateIs({ step: 'news', wait: true })),
    REFRESH_FAILED: and(
      to('active', ['release', 'settle']),
      session(sessionA),
      settles({ error: offline }),
    ),
    'REFRESH_FAILED+refused': and(to('active', ['release', 'settle']), settles({ error: refused })),
    'VERIFIED+establish': established(['release', 'settle']),
    CLEAR: and(clears(['release', 'settle']), releaseAndFail()),
    TAB_SESSION: takesTabTokens('refreshing'),
    TAB_SIGNED_OUT: and(followsSignOut(['release', 'settle']), releaseAndFail()),
    RELOADED: takesTabTokens('refreshing', []),
    'RELOADED+none': and(followsReloadSignOut(['release', 'settle']), releaseAndFail()),
  },
  refreshingNews: {
    ...always('refreshing'),
    RESTORE: answersRestore,
    REFRESH: joinsOp1('refreshing'),
    // Another tab's tokens, not yet due: they are the answer, no request.
    NEWS: newsAnswers(['release', 'settle']),
    'NEWS+none': and(
      to('waitingForOtherTab', [{ type: 'waitForNews', op: 1, ms: 1_000 }]),
      stateIs({ base: A }),
    ),
    REFRESH_FAILED: and(to('active', ['release', 'settle']), settles({ error: offline })),
    'REFRESH_FAILED+refused': and(to('active', ['release', 'settle']), settles({ error: refused })),
    ...endsRefreshUnderLock,
  },
  refreshingRequest: {
    ...always('refreshing'),
    RESTORE: answersRestore,
    REFRESH: joinsOp1('refreshing'),
    REFRESHED: and(
      to('refreshing', [
        {
          type: 'verify',
          op: 1,
          purpose: 'refresh',
          // Without rotation no new refresh token comes: the old one is kept.
          stored: { ...A, idToken: B.idToken, accessToken: B.accessToken },
          fresh: true,
        },
      ]),
      stateIs({ step: 'verify' }),
    ),
    // Network, throttling, 5xx: the session stays.
    REFRESH_FAILED: and(
      to('active', ['release', 'settle']),
      session(sessionA),
      settles({ error: offline }),
    ),
    // Refused: before signing every tab out, look for another tab that spent the token.
    'REFRESH_FAILED+refused': and(
      to('refreshing', [{ type: 'loadNews', op: 1 }]),
      stateIs({ step: 'news', wait: true, refusal: refused }),
    ),
    ...endsRefreshUnderLock,
  },
  refreshingVerify: {
    ...always('refreshing'),
    RESTORE: answersRestore,
    REFRESH: joinsOp1('refreshing'),
    REFRESH_FAILED: and(to('active', ['release', 'settle']), settles({ error: offline })),
    'REFRESH_FAILED+refused': and(to('active', ['release', 'settle']), settles({ error: refused })),
    // Saved, told to the other tabs, then the lock goes and the callers get the session.
    'VERIFIED+refresh': and(
      to('active', ['saveSession', 'broadcast', 'release', 'settle']),
      session(sessionB),
      settles({ session: sessionB }),
    ),
    'VERIFY_FAILED+refresh': and(
      to('active', ['release', 'settle']),
      session(sessionA),
      settles({ error: offline }),
    ),
    ...endsRefreshUnderLock,
  },
  refreshingRestore: {
    ...always('refreshing'),
    // Nothing to answer with yet: wait for the refresh.
    RESTORE: joinsOp1('refreshing'),
    REFRESH: joinsOp1('refreshing'),
    REFRESHED: to('refreshing', ['verify']),
    // A transient failure restores nothing and keeps the record for the next try.
    REFRESH_FAILED: and(to('signedOut', ['release', 'settle']), settles({ error: offline })),
    'REFRESH_FAILED+refused': and(to('refreshing', ['loadNews']), stateIs({ refusal: refused })),
    ...endsRefreshUnderLock,
  },
  refusedNews: {
    ...always('refreshing'),
    RESTORE: answersRestore,
    REFRESH: joinsOp1('refreshing'),
    // The tab that spent the token has valid tokens: they are the answer, not a sign-out.
    NEWS: newsAnswers(['release', 'settle']),
    'NEWS+none': to('waitingForOtherTab', ['waitForNews']),
    REFRESH_FAILED: and(to('active', ['release', 'settle']), settles({ error: offline })),
    'REFRESH_FAILED+refused': and(to('active', ['release', 'settle']), settles({ error: refused })),
    'VERIFIED+establish': established(['release', 'settle']),
    CLEAR: and(clears(['release', 'settle']), releaseAndFail(refused)),
    TAB_SESSION: takesTabTokens('refreshing'),
    TAB_SIGNED_OUT: and(followsSignOut(['release', 'settle']), releaseAndFail(refused)),
    RELOADED: takesTabTokens('refreshing', []),
    'RELOADED+none': followsReloadSignOut(['release', 'settle']),
  },
  waiting: {
    ...always('waitingForOtherTab'),
    RESTORE: answersRestore,
    REFRESH: joinsOp1('waitingForOtherTab'),
    // Nothing came within the wait: look once more, then refresh.
    NEWS_TIMEOUT: and(
      to('refreshing', [{ type: 'loadNews', op: 1 }]),
      stateIs({ step: 'news', wait: false }),
    ),
    REFRESH_FAILED: and(to('active', ['release', 'settle']), settles({ error: offline })),
    'REFRESH_FAILED+refused': and(to('active', ['release', 'settle']), settles({ error: refused })),
    'VERIFIED+establish': established(['release', 'settle']),
    // Another tab signed out while this one waited: NotSignedIn, not a refresh.
    CLEAR: and(clears(['release', 'settle']), releaseAndFail()),
    TAB_SESSION: newsAnswers(['saveSession', 'release', 'settle']),
    TAB_SIGNED_OUT: and(followsSignOut(['release', 'settle']), releaseAndFail()),
    RELOADED: newsAnswers(['release', 'settle']),
    'RELOADED+none': followsReloadSignOut(['release', 'settle']),
  },
  waitingRefused: {
    ...always('waitingForOtherTab'),
    RESTORE: answersRestore,
    REFRESH: joinsOp1('waitingForOtherTab'),
    NEWS_TIMEOUT: and(to('refreshing', ['loadNews']), stateIs({ refusal: refused, wait: false })),
    REFRESH_FAILED: and(to('active', ['release', 'settle']), settles({ error: offline })),
    'REFRESH_FAILED+refused': and(to('active', ['release', 'settle']), settles({ error: refused })),
    'VERIFIED+establish': established(['release', 'settle']),
    CLEAR: and(clears(['release', 'settle']), releaseAndFail(refused)),
    TAB_SESSION: newsAnswers(['saveSession', 'release', 'settle']),
    TAB_SIGNED_OUT: and(followsSignOut(['release', 'settle']), releaseAndFail(refused)),
    RELOADED: newsAnswers(['release', 'settle']),
    'RELOADED+none': followsReloadSignOut(['release', 'settle']),
  },
};

/** An event that finds no row: a lock granted to nobody is released, anything else is ignored. */
const UNLISTED: Partial<Record<EventKey, (status: Status) => Check>> = {
  LOCKED: (status) => to(status, [{ type: 'release', op: 1 }]),
  'LOCKED+waited': (status) => to(status, [{ type: 'release', op: 1 }]),
};

describe('sessionTransition table: every state × every event', () => {
  const events = Object.keys(EVENTS) as EventKey[];
  for (const key of Object.keys(STATES) as StateKey[]) {
    for (const type of events) {
      const check = TABLE[key][type];
      const unlisted = UNLISTED[type];
      const machine = at(STATES[key]);
      it(`${key} + ${type} → ${check ? 'acts' : unlisted ? 'releases a stale lock' : 'unchanged'}`, () => {
        const result = sessionTransition(machine, EVENTS[type]);
        if (check) {
          expect(result[0] !== machine || result[1].length > 0).toBe(true);
          check(result);
        } else if (unlisted) {
          expect(result[0]).toBe(machine);
          unlisted(STATES[key].status)(result);
        } else {
          expect(result[0]).toBe(machine);
          expect(result[1]).toEqual([]);
        }
      });
    }
  }
});

/** Runs events in order from `state`; returns every step's result. */
function run(state: SessionState, events: SessionEvent[], over: Partial<SessionPolicy> = {}) {
  let machine = at(state, over);
  const steps: SessionTransitionResult[] = [];
  for (const event of events) {
    const result = sessionTransition(machine, event);
    steps.push(result);
    machine = result[0];
  }
  return { machine, steps, effects: steps.flatMap(([, fx]) => fx) };
}

describe('races past commits fixed, as rows', () => {
  it('f0880ad: a tab granted the lock after another held it takes that tab’s tokens instead of spending the refresh token again', () => {
    const { machine, effects } = run(STATES.refreshingLock, [
      EVENTS['LOCKED+waited'],
      EVENTS['NEWS+none'], // storage lags (Chromium hands writes to other processes late)
      EVENTS.TAB_SESSION, // the holder's broadcast arrives within the wait
    ]);
    expect(machine.state).toEqual({ status: 'active', session: sessionB });
    expect(effects.map((e) => e.type)).not.toContain('requestRefresh');
    expect(effects).toContainEqual({ type: 'settle', op: 1, outcome: { session: sessionB } });
  });

  it('f0880ad: nothing arrives within the wait: storage is read once more, then the tab refreshes', () => {
    const { machine, effects } = run(STATES.refreshingLock, [
      EVENTS['LOCKED+waited'],
      EVENTS['NEWS+none'],
      EVENTS.NEWS_TIMEOUT,
      EVENTS['NEWS+none'],
    ]);
    expect(machine.state).toMatchObject({ status: 'refreshing', step: 'request' });
    expect(effects.at(-1)).toEqual({
      type: 'requestRefresh',
      op: 1,
      base: { ...A, refreshToken: 'refresh-a' },
    });
  });

  it('414629e: a refresh refused because another tab just spent the token ends in that tab’s tokens, not a sign-out', () => {
    const { machine, effects } = run(STATES.refreshingRequest, [
      EVENTS['REFRESH_FAILED+refused'],
      EVENTS['NEWS+none'],
      EVENTS.TAB_SESSION,
    ]);
    expect(machine.state).toEqual({ status: 'active', session: sessionB });
    expect(effects).not.toContainEqual({ type: 'clearSession' });
    expect(effects).not.toContainEqual({ type: 'broadcast', message: { type: 'signedOut' } });
  });

  it('414629e: refused and no other tab brought tokens: the session ends in every tab', () => {
    const { machine, effects } = run(STATES.refreshingRequest, [
      EVENTS['REFRESH_FAILED+refused'],
      EVENTS['NEWS+none'],
      EVENTS.NEWS_TIMEOUT,
      EVENTS['NEWS+none'],
    ]);
    expect(machine.state).toEqual({
      status: 'signedOut',
      reason: { type: 'refreshRejected', code: 'RefreshTokenReuseException' },
    });
    expect(effects.slice(-4)).toEqual([
      { type: 'clearSession' },
      { type: 'broadcast', message: { type: 'signedOut' } },
      { type: 'release', op: 1 },
      { type: 'settle', op: 1, outcome: { error: refused } },
    ]);
  });

  it('414629e: refused, and the other tab’s tokens have expired too: the session ends', () => {
    const { machine } = run(STATES.refusedNews, [{ ...EVENTS.NEWS, now: 5_600_000 }]);
    expect(machine.state).toMatchObject({
      status: 'signedOut',
      reason: { type: 'refreshRejected' },
    });
  });

  it('single-tab mode (no Web Locks): a refusal ends the session at once, a grant refreshes at once', () => {
    const noLocks = { locking: false };
    expect(
      run(STATES.refreshingRequest, [EVENTS['REFRESH_FAILED+refused']], noLocks).machine.state,
    ).toMatchObject({
      status: 'signedOut',
      reason: { type: 'refreshRejected' },
    });
    expect(run(STATES.refreshingLock, [EVENTS.LOCKED], noLocks).effects).toEqual([
      { type: 'requestRefresh', op: 1, base: { ...A, refreshToken: 'refresh-a' } },
    ]);
  });

  it('another tab’s tokens that are due as well are refreshed with their (possibly rotated) refresh token', () => {
    const { effects } = run(STATES.refreshingNews, [{ ...EVENTS.NEWS, now: 5_550_000 }]);
    expect(effects).toEqual([
      { type: 'requestRefresh', op: 1, base: { ...B, refreshToken: 'refresh-b' } },
    ]);
  });

  it('tokens a tab broadcast during the lock wait are news without reading storage', () => {
    const { machine, effects } = run(STATES.refreshingLock, [
      EVENTS.TAB_SESSION,
      { ...EVENTS.LOCKED, now: LATE },
    ]);
    expect(machine.state).toEqual({ status: 'active', session: sessionB });
    expect(effects.map((e) => e.type)).toEqual(['saveSession', 'release', 'settle']);
  });

  it('generation: a refresh in flight when the user signs out cannot bring the session back', () => {
    const { machine, effects } = run(STATES.refreshingRequest, [
      EVENTS.CLEAR,
      EVENTS.REFRESHED,
      { ...EVENTS['VERIFIED+refresh'] },
    ]);
    expect(machine.state).toEqual({ status: 'signedOut', reason: { type: 'signedOut' } });
    expect(effects).toContainEqual({ type: 'settle', op: 1, outcome: { error: notSignedIn } });
    expect(effects.map((e) => e.type)).not.toContain('saveSession');
  });

  it('generation: a refresh in flight when a new sign-in replaces the session cannot overwrite it', () => {
    const signIn = { ...EVENTS['VERIFIED+establish'], session: sessionA };
    const { machine, effects } = run(STATES.refreshingVerify, [signIn, EVENTS['VERIFIED+refresh']]);
    expect(machine.state).toEqual({ status: 'active', session: sessionA });
    expect(effects).toContainEqual({ type: 'settle', op: 1, outcome: { error: notSignedIn } });
  });

  it('generation: a refresh refused after a sign-out does not sign out (or clear) again', () => {
    const { effects } = run(STATES.refreshingRequest, [
      EVENTS.CLEAR,
      EVENTS['REFRESH_FAILED+refused'],
    ]);
    expect(effects.filter((e) => e.type === 'clearSession')).toHaveLength(1);
  });

  it('a lock granted after its refresh was abandoned is released at once', () => {
    const { effects } = run(STATES.refreshingLock, [EVENTS.CLEAR, EVENTS.LOCKED]);
    expect(effects.filter((e) => e.type === 'release')).toHaveLength(2);
    expect(effects.at(-1)).toEqual({ type: 'release', op: 1 });
  });

  it('d46a58c: restore resolves signed out when a sign-out lands during its refresh', () => {
    const { machine, effects } = run(STATES.restoringLoad, [
      EVENTS['LOADED+expired'],
      EVENTS.LOCKED,
      EVENTS['NEWS+none'],
      EVENTS.TAB_SIGNED_OUT,
      EVENTS.REFRESHED,
    ]);
    expect(machine.state).toEqual({ status: 'signedOut', reason: { type: 'otherTab' } });
    // The restore caller maps NotSignedIn to null.
    expect(effects).toContainEqual({ type: 'settle', op: 1, outcome: { error: notSignedIn } });
  });

  it('d46a58c: unreadable tokens from another tab are ignored rather than signing out', () => {
    for (const key of Object.keys(STATES) as StateKey[]) {
      const machine = at(STATES[key]);
      expect(
        sessionTransition(machine, { type: 'TAB_SESSION', stored: GARBAGE, now: NOW }),
      ).toEqual([machine, []]);
      expect(sessionTransition(machine, { type: 'RELOADED', stored: GARBAGE, now: NOW })).toEqual([
        machine,
        [],
      ]);
    }
  });

  it('a storage event with this tab’s own tokens changes nothing', () => {
    const machine = at(STATES.active);
    expect(sessionTransition(machine, { type: 'RELOADED', stored: A, now: NOW })).toEqual([
      machine,
      [],
    ]);
  });

  it('shared localStorage: another tab’s sign-out or tokens never write it (it may hold this tab’s next sign-in)', () => {
    const shared = { sharedStorage: true };
    expect(run(STATES.active, [EVENTS.TAB_SIGNED_OUT], shared).effects).toEqual([]);
    expect(run(STATES.active, [EVENTS.TAB_SESSION], shared).effects).toEqual([]);
  });

  it('abded10 / e9b313d: expiry is judged by server time (the clock offset stored with the record)', () => {
    // Locally still valid, but the device clock is 20 min slow: by server time it has expired.
    const slow = { ...A, clockOffset: 1_200_000 };
    const { machine } = run(STATES.restoringLoad, [
      { ...EVENTS.LOADED, stored: slow, now: 3_500_000 },
    ]);
    expect(machine.state).toMatchObject({ status: 'refreshing', step: 'lock' });
  });

  it('ba819c6: a store that fails or does not answer reads as no record: signed out, nothing deleted', () => {
    const { effects } = run(STATES.restoringLoad, [EVENTS['LOADED+none']]);
    expect(effects).toEqual([{ type: 'settle', op: 1, outcome: { session: null } }]);
  });

  it('e9b313d: unreachable keys keep the stored record for the next try', () => {
    const { machine, effects } = run(STATES.restoringVerify, [
      { ...EVENTS['VERIFY_FAILED+restore'], error: offline },
    ]);
    expect(machine.state).toEqual({ status: 'signedOut' });
    expect(effects).toEqual([{ type: 'settle', op: 1, outcome: { error: offline } }]);
  });

  it('expired stored tokens without a refresh token are removed', () => {
    const { effects } = run(STATES.restoringLoad, [
      { ...EVENTS['LOADED+expired'], stored: { ...A, refreshToken: undefined } },
    ]);
    expect(effects.map((e) => e.type)).toEqual(['clearSession', 'settle']);
  });

  it('a session without a refresh token cannot refresh: NotSignedIn, the session stays', () => {
    const noRefresh = { ...STATES.refreshingLock, base: { ...A, refreshToken: undefined } };
    const { machine, effects } = run(noRefresh, [EVENTS.LOCKED, EVENTS['NEWS+none']]);
    expect(machine.state).toEqual({ status: 'active', session: sessionA });
    expect(effects.at(-1)).toEqual({ type: 'settle', op: 1, outcome: { error: notSignedIn } });
  });

  it('a88d9e6: a refresh that went without an unknown device key drops it from the session', () => {
    const withDevice = { ...STATES.refreshingRequest, base: { ...A, deviceKey: 'eu-west-1_gone' } };
    const { effects } = run(withDevice, [
      {
        type: 'REFRESHED',
        op: 1,
        tokens: { ...tokensB, refreshToken: 'rotated', deviceKeyAccepted: false },
      },
    ]);
    expect(effects).toMatchObject([
      { type: 'verify', stored: { deviceKey: undefined, refreshToken: 'rotated' } },
    ]);
  });

  it('results of another operation are ignored in every state', () => {
    const stale: SessionEvent[] = [
      { ...EVENTS.LOADED, op: 9 },
      { ...EVENTS.NEWS, op: 9 },
      { ...EVENTS.NEWS_TIMEOUT, op: 9 },
      { ...EVENTS.REFRESHED, op: 9 },
      { ...EVENTS.REFRESH_FAILED, op: 9 },
      { ...EVENTS['VERIFIED+restore'], op: 9 },
      { ...EVENTS['VERIFIED+refresh'], op: 9 },
      { ...EVENTS['VERIFY_FAILED+restore'], op: 9 },
      { ...EVENTS['VERIFY_FAILED+refresh'], op: 9 },
    ];
    for (const key of Object.keys(STATES) as StateKey[]) {
      const machine = at(STATES[key]);
      for (const event of stale) expect(sessionTransition(machine, event)).toEqual([machine, []]);
    }
  });
});
