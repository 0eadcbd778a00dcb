import { describe, expect, it } from 'vitest';
import { CognitoError } from '../errors/index.js';
import { createRefreshScheduler, type SchedulableSession } from './scheduler.js';
import { FakeSession, FakeTimers, flush } from './scheduler.test-helpers.js';

const networkError = () => new CognitoError({ code: 'NetworkError', message: 'offline' });

describe('createRefreshScheduler', () => {
  it('refreshes margin + jitter before expiry, then again for the new token', async () => {
    const timers = new FakeTimers();
    const session = new FakeSession(timers, 3600);
    const scheduler = createRefreshScheduler(session, {
      timers,
      margin: 60_000,
      jitter: 4_000,
      random: () => 0.5,
    });
    await timers.advance(3_537_999);
    expect(session.refreshTimes).toEqual([]);
    await timers.advance(1);
    expect(session.refreshTimes).toEqual([3_538_000]);
    await timers.advance(3_538_000);
    expect(session.refreshTimes).toEqual([3_538_000, 7_076_000]);
    scheduler.dispose();
    expect(timers.size).toBe(0);
  });

  it('scales the jitter into a quarter of a short token life, so tabs keep apart', async () => {
    // 8 s tokens, 2 s margin, 5 s jitter: the lead is drawn from [0, 2 s), not clipped to 2 s.
    const dueTimes = await Promise.all(
      [0.25, 0.75].map(async (draw) => {
        const timers = new FakeTimers();
        const session = new FakeSession(timers, 8);
        const scheduler = createRefreshScheduler(session, {
          timers,
          margin: 2_000,
          jitter: 5_000,
          random: () => draw,
        });
        await timers.advance(7_000);
        scheduler.dispose();
        return session.refreshTimes[0];
      }),
    );
    expect(dueTimes).toEqual([8_000 - 2_000 - 500, 8_000 - 2_000 - 1_500]);
  });

  it('fires soon after a sleep that jumps past the due time', async () => {
    const timers = new FakeTimers();
    const session = new FakeSession(timers, 3600);
    createRefreshScheduler(session, { timers, jitter: 0, recheckInterval: 10_000 });
    await timers.advance(1_000);
    timers.sleep(2 * 3600 * 1000);
    expect(session.refreshTimes).toEqual([]);
    await timers.advance(10_000);
    expect(session.refreshTimes).toHaveLength(1);
  });

  it('check() refreshes at once when woken past the due time (visibilitychange)', async () => {
    const timers = new FakeTimers();
    const session = new FakeSession(timers, 3600);
    const scheduler = createRefreshScheduler(session, { timers, jitter: 0 });
    timers.sleep(3600 * 1000);
    scheduler.check();
    await flush();
    expect(session.refreshTimes).toEqual([3_600_000]);
  });

  it('backs off exponentially on network errors and recovers', async () => {
    const timers = new FakeTimers();
    const session = new FakeSession(timers, 3600);
    const errors: unknown[] = [];
    session.failNext = [networkError(), networkError(), networkError()];
    createRefreshScheduler(session, {
      timers,
      jitter: 0,
      backoffInitial: 1_000,
      backoffMax: 3_000,
      onError: (e) => errors.push(e),
    });
    await timers.advance(3_540_000 + 20_000);
    const due = 3_540_000;
    expect(session.refreshTimes).toEqual([due, due + 1_000, due + 3_000, due + 6_000]);
    expect(errors).toHaveLength(3);
    // The fourth attempt succeeded: the next refresh is planned from the new token.
    expect(session.current()?.accessClaims.exp).toBe(Math.floor((due + 6_000) / 1000) + 3600);
  });

  /** A scheduler whose session fails its next four refreshes with a network error. */
  function failingFourTimes() {
    const timers = new FakeTimers();
    const session = new FakeSession(timers, 3600);
    session.failNext = [networkError(), networkError(), networkError(), networkError()];
    const scheduler = createRefreshScheduler(session, {
      timers,
      jitter: 0,
      backoffInitial: 1_000,
      backoffMax: 60_000,
    });
    return { session, scheduler, timers };
  }

  it('check({ resetBackoff }) cuts a running backoff short; a plain check() waits it out', async () => {
    const { session, scheduler, timers } = failingFourTimes();
    const due = 3_540_000;
    // Fails at due, +1 s, +3 s, +7 s: the next retry waits 8 s, until +15 s.
    await timers.advance(due + 7_000);
    expect(session.refreshTimes).toEqual([due, due + 1_000, due + 3_000, due + 7_000]);
    await timers.advance(2_000);
    scheduler.check(); // e.g. focus: the backoff still holds
    await flush();
    expect(session.refreshTimes).toHaveLength(4);
    scheduler.check({ resetBackoff: true }); // online: retry at once
    await flush();
    expect(session.refreshTimes).toEqual([due, due + 1_000, due + 3_000, due + 7_000, due + 9_000]);
    expect(session.current()?.accessClaims.exp).toBe(Math.floor((due + 9_000) / 1000) + 3600);
    scheduler.dispose();
  });

  it('check({ resetBackoff }) restarts the backoff from its initial delay', async () => {
    const { session, scheduler, timers } = failingFourTimes();
    const due = 3_540_000;
    await timers.advance(due + 3_000); // failed at due, +1 s, +3 s; next retry at +7 s
    scheduler.check({ resetBackoff: true }); // fails once more (the fourth failure queued)
    await flush();
    expect(session.refreshTimes).toEqual([due, due + 1_000, due + 3_000, due + 3_000]);
    await timers.advance(1_000); // first-failure delay again, not 8 s
    expect(session.refreshTimes).toHaveLength(5);
    scheduler.dispose();
  });

  it('stops when the session ends and resumes with a new one', async () => {
    const timers = new FakeTimers();
    const session = new FakeSession(timers, 3600);
    createRefreshScheduler(session, { timers, jitter: 0 });
    session.end();
    expect(timers.size).toBe(0);
    await timers.advance(10 * 3600 * 1000);
    expect(session.refreshTimes).toEqual([]);
    session.claims = { iat: 36_000, exp: 36_000 + 3600 };
    session.emit();
    await timers.advance(3_540_000);
    expect(session.refreshTimes).toEqual([36_000_000 + 3_540_000]);
  });

  it('after an auth error ends the session, it does not retry', async () => {
    const timers = new FakeTimers();
    const session = new FakeSession(timers, 3600);
    session.refresh = async () => {
      session.refreshTimes.push(timers.now());
      session.end();
      throw new CognitoError({ code: 'NotAuthorizedException', message: 'revoked' });
    };
    createRefreshScheduler(session, { timers, jitter: 0 });
    await timers.advance(4 * 3600 * 1000);
    expect(session.refreshTimes).toHaveLength(1);
    expect(timers.size).toBe(0);
  });

  it('plans with the session clock offset when the local clock is wrong', async () => {
    const timers = new FakeTimers();
    // The local clock is 10 minutes slow: tokens were issued at server time 600 s = local 0.
    const offset = 600_000;
    const refreshes: number[] = [];
    let claims: { iat: number; exp: number } | null = { iat: 600, exp: 4200 };
    const session: SchedulableSession = {
      current: () => (claims ? { accessClaims: claims, clockOffset: offset } : null),
      refresh: async () => {
        refreshes.push(timers.now());
        claims = null;
      },
      onChange: () => () => {},
    };
    createRefreshScheduler(session, { timers, jitter: 0 });
    await timers.advance(3_540_000);
    // Due at server time 4140 s, which is local 3540 s (not local 4140 s).
    expect(refreshes).toEqual([3_540_000]);
  });
});
