import { describe, expect, it } from 'vitest';
import { CognitoError } from '../errors/index.js';
import { FakeSession, FakeTimers, flush } from '../session/scheduler.test-helpers.js';
import { autoRefreshOptions, startAutoRefresh } from './auto-refresh.js';
import type { PageEvent, PageEventSource } from './page-events.js';

/** A page-event source the test drives, as an app would swap in React Native's AppState. */
function manualPageEvents() {
  const listening = new Set<(event: PageEvent) => void>();
  const source: PageEventSource = (notify) => {
    listening.add(notify);
    return () => void listening.delete(notify);
  };
  return {
    source,
    listening,
    fire: async (event: PageEvent) => {
      for (const notify of listening) notify(event);
      await flush();
    },
  };
}

describe('startAutoRefresh', () => {
  it('refreshes at once when the page wakes after its timers slept past the due time', async () => {
    const timers = new FakeTimers();
    const session = new FakeSession(timers, 3600);
    const page = manualPageEvents();
    const stop = startAutoRefresh(session, { timers, jitter: 0, pageEvents: page.source });
    timers.sleep(2 * 3600_000); // a laptop lid closed: no timer fired
    expect(session.refreshTimes).toEqual([]);
    await page.fire('wake');
    expect(session.refreshTimes).toEqual([2 * 3600_000]);
    stop();
    expect(page.listening.size).toBe(0);
    expect(timers.size).toBe(0);
  });

  it('retries at once when the network comes back, without waiting out the backoff', async () => {
    const timers = new FakeTimers();
    const session = new FakeSession(timers, 3600);
    const page = manualPageEvents();
    const offline = () => new CognitoError({ code: 'NetworkError', message: 'offline' });
    session.failNext = [offline(), offline(), offline()];
    const errors: unknown[] = [];
    const stop = startAutoRefresh(session, {
      timers,
      jitter: 0,
      pageEvents: page.source,
      onError: (e) => errors.push(e),
    });
    await timers.advance(3_540_000); // due: fails, retry in 1 s
    await timers.advance(1_000); // fails, retry in 2 s
    expect(errors).toHaveLength(2);
    await page.fire('wake'); // a wake-up respects the backoff…
    expect(session.refreshTimes).toHaveLength(2);
    await page.fire('online'); // …the network's return does not
    expect(session.refreshTimes).toHaveLength(3);
    stop();
  });

  it('listens to nothing with pageEvents: false', async () => {
    const timers = new FakeTimers();
    const session = new FakeSession(timers, 3600);
    const stop = startAutoRefresh(session, { timers, pageEvents: false });
    timers.sleep(2 * 3600_000);
    await flush();
    expect(session.refreshTimes).toEqual([]);
    stop();
  });
});

describe('autoRefreshOptions', () => {
  it('is off by default where there is no page (servers, scripts), on when asked', () => {
    expect(typeof document).toBe('undefined');
    expect(autoRefreshOptions(undefined)).toBeNull();
    expect(autoRefreshOptions(false)).toBeNull();
    expect(autoRefreshOptions(true)).toEqual({});
    expect(autoRefreshOptions({ jitter: 0 })).toEqual({ jitter: 0 });
  });
});
