import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestLocks } from '../../test/test-locks.js';
import { createCrossTab, type CrossTabMessage } from './cross-tab.js';

const nextMessage = (box: CrossTabMessage[]) =>
  vi.waitFor(() => {
    expect(box.length).toBeGreaterThan(0);
    return box.shift();
  });

describe('createCrossTab', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('delivers sessions and sign-outs between tabs over BroadcastChannel', async () => {
    const inA: CrossTabMessage[] = [];
    const inB: CrossTabMessage[] = [];
    const a = createCrossTab({
      name: 'client1',
      onMessage: (m) => inA.push(m),
      locks: null,
      broadcastChannel: BroadcastChannel,
    });
    const b = createCrossTab({
      name: 'client1',
      onMessage: (m) => inB.push(m),
      locks: null,
      broadcastChannel: BroadcastChannel,
    });
    const other = createCrossTab({
      name: 'client2',
      onMessage: (m) => inA.push(m),
      locks: null,
      broadcastChannel: BroadcastChannel,
    });
    expect(a.mode).toBe('broadcast');
    const session = { idToken: 'i', accessToken: 'a', username: 'alice' };
    a.post({ type: 'session', session });
    expect(await nextMessage(inB)).toEqual({ type: 'session', session });
    b.post({ type: 'signedOut' });
    expect(await nextMessage(inA)).toEqual({ type: 'signedOut' });
    // A foreign message on the channel is ignored.
    const raw = new BroadcastChannel('cognito-kit.client1');
    raw.postMessage({ type: 'session' });
    raw.postMessage({ type: 'signedOut' });
    expect(await nextMessage(inA)).toEqual({ type: 'signedOut' });
    expect(inA).toEqual([]);
    raw.close();
    for (const t of [a, b, other]) t.close();
    a.post({ type: 'signedOut' }); // after close: no throw
  });

  it('detects BroadcastChannel in pages but not in Node (SSR)', () => {
    const server = createCrossTab({ name: 'c', onMessage: () => {} });
    expect(server.mode).toBe('single-tab');
    vi.stubGlobal('window', {});
    const page = createCrossTab({ name: 'c', onMessage: () => {} });
    expect(page.mode).toBe('broadcast');
    page.close();
  });

  it('serialises withLock through Web Locks', async () => {
    const locks = createTestLocks();
    const tab = createCrossTab({ name: 'c', onMessage: () => {}, locks, broadcastChannel: null });
    expect(tab.locking).toBe(true);
    const order: string[] = [];
    let release!: () => void;
    const first = tab.withLock(async ({ waited }) => {
      order.push(`first:start waited=${waited}`);
      await new Promise<void>((r) => (release = r));
      order.push('first:end');
      return 1;
    });
    const second = tab.withLock(async ({ waited }) => {
      order.push(`second waited=${waited}`);
      return 2;
    });
    await vi.waitFor(() => expect(order).toEqual(['first:start waited=false']));
    release();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    // The second learns that another holder came first (its news may still be on the way).
    expect(order).toEqual(['first:start waited=false', 'first:end', 'second waited=true']);
    expect(locks.held).toEqual([]);
  });

  it('falls back to storage events, then to single-tab mode', () => {
    const listeners: ((e: { key: string | null }) => void)[] = [];
    vi.stubGlobal('window', {
      addEventListener: (_: string, l: (e: { key: string | null }) => void) => listeners.push(l),
      removeEventListener: (_: string, l: (e: { key: string | null }) => void) =>
        listeners.splice(listeners.indexOf(l), 1),
    });
    const got: CrossTabMessage[] = [];
    const tab = createCrossTab({
      name: 'c',
      storageKey: 'cognito-kit.c.session',
      onMessage: (m) => got.push(m),
      locks: null,
      broadcastChannel: null,
    });
    expect(tab.mode).toBe('storage-events');
    listeners[0]?.({ key: 'unrelated' });
    listeners[0]?.({ key: 'cognito-kit.c.session' });
    expect(got).toEqual([{ type: 'reload' }]);
    tab.close();
    expect(listeners).toHaveLength(0);

    const single = createCrossTab({
      name: 'c',
      onMessage: () => {},
      locks: null,
      broadcastChannel: null,
    });
    expect(single.mode).toBe('single-tab');
    expect(single.locking).toBe(false);
  });
});
