import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDurableState, openDurableStore } from './durable-store.js';
import { journalFilePath } from './journal.js';
import { CorruptStateError } from './persistence.js';
import { createStateTracker, type StateTracker } from './state-tracker.js';

interface TestState {
  version: 1;
  pools: Record<string, { name: string; users: Record<string, { n: number; tags: string[] }> }>;
  sessions: Record<string, { user: string }>;
  outbox: { id: string }[];
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ck-durable-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fresh(): TestState {
  return { version: 1, pools: { p1: { name: 'one', users: {} } }, sessions: {}, outbox: [] };
}

async function open(tracker: StateTracker, compactMinBytes?: number) {
  const loaded = await loadDurableState(dir);
  const state = tracker.wrap((loaded.state as TestState | undefined) ?? fresh());
  const store = await openDurableStore(dir, tracker, {
    seq: loaded.seq,
    ...(compactMinBytes !== undefined && { compactMinBytes }),
  });
  return { state, store, loaded };
}

describe('state tracker', () => {
  it('marks the record a write falls in, and a replaced subtree as a whole', () => {
    const tracker = createStateTracker();
    const state = tracker.wrap(fresh());
    state.pools['p1']!.users['alice'] = { n: 1, tags: [] };
    state.pools['p1']!.users['alice'].tags.push('x');
    state.sessions['s1'] = { user: 'alice' };
    delete state.sessions['s1'];
    state.outbox.push({ id: 'm1' });
    const taken = tracker.take();
    expect(taken).toHaveLength(4);
    expect(taken).toEqual(
      expect.arrayContaining([
        ['pools', 'p1', 'users', 'alice'],
        ['sessions', 's1'],
        ['outbox', '0'],
        ['outbox', 'length'],
      ]),
    );
    state.pools['p2'] = { name: 'two', users: {} };
    state.pools['p2'].users['bob'] = { n: 2, tags: [] };
    expect(tracker.take()).toEqual([['pools', 'p2']]);
    expect(tracker.take()).toEqual([]);
  });

  it('never stores a proxy inside the state', () => {
    const tracker = createStateTracker();
    const state = tracker.wrap(fresh());
    state.pools['p1']!.users['a'] = { n: 1, tags: ['t'] };
    const copied = { ...state.pools['p1']!.users['a']! };
    state.pools['p1']!.users['b'] = copied;
    const raw = tracker.raw() as TestState;
    expect(structuredClone(raw).pools['p1']!.users['b']).toEqual({ n: 1, tags: ['t'] });
  });
});

describe('durable store', () => {
  it('journals only the changed records and replays them after a restart', async () => {
    const tracker = createStateTracker();
    const { state, store } = await open(tracker);
    for (let i = 0; i < 20; i++) {
      state.pools['p1']!.users[`u${i}`] = { n: i, tags: [] };
      await store.durable();
    }
    state.pools['p1']!.users['u3']!.n = 33;
    delete state.pools['p1']!.users['u4'];
    await store.durable();
    const journal = await readFile(journalFilePath(dir), 'utf8');
    expect(journal.trim().split('\n')).toHaveLength(21);
    // One line carries one user, not the state.
    expect(journal.split('\n')[10]).not.toContain('"u0"');
    // No close: as after kill -9.
    const again = await loadDurableState(dir);
    const users = (again.state as TestState).pools['p1']!.users;
    expect(Object.keys(users)).toHaveLength(19);
    expect(users['u3']).toEqual({ n: 33, tags: [] });
    expect(users['u4']).toBeUndefined();
    await store.close();
  });

  it('groups the changes of one moment into one write', async () => {
    const tracker = createStateTracker();
    const { state, store } = await open(tracker);
    const waits: Promise<void>[] = [];
    for (let i = 0; i < 50; i++) {
      state.sessions[`s${i}`] = { user: 'x' };
      waits.push(store.durable());
    }
    await Promise.all(waits);
    expect(store.stats().appends).toBe(1);
    await store.close();
  });

  it('compacts the journal into the snapshot once it outgrows it', async () => {
    const tracker = createStateTracker();
    const { state, store } = await open(tracker, 2000);
    for (let i = 0; i < 100; i++) {
      state.pools['p1']!.users[`u${i}`] = { n: i, tags: ['a'.repeat(50)] };
      await store.durable();
    }
    expect(store.stats().compactions).toBeGreaterThan(1);
    expect((await stat(journalFilePath(dir))).size).toBeLessThan(
      Math.max(2000, store.stats().snapshotBytes) + 200,
    );
    const again = await loadDurableState(dir);
    expect(Object.keys((again.state as TestState).pools['p1']!.users)).toHaveLength(100);
    await store.close();
  });

  it('ignores a line cut short by a crash, and refuses a damaged line before the end', async () => {
    const tracker = createStateTracker();
    const { state, store } = await open(tracker);
    state.pools['p1']!.users['kept'] = { n: 1, tags: [] };
    await store.durable();
    await store.close();
    await appendFile(journalFilePath(dir), '{"seq":99,"ops":[[["pools","p1","users","torn"],{"n"');
    const loaded = await loadDurableState(dir);
    expect(Object.keys((loaded.state as TestState).pools['p1']!.users)).toEqual(['kept']);

    // Reopening rewrites the snapshot and starts a clean journal.
    const reopened = await open(createStateTracker());
    await reopened.store.close();
    expect(await readFile(journalFilePath(dir), 'utf8')).toBe('');

    await writeFile(journalFilePath(dir), 'garbage\n{"seq":1,"ops":[]}\n');
    await expect(loadDurableState(dir)).rejects.toBeInstanceOf(CorruptStateError);
  });

  it('rejects the waiters of a failed write, reports it, and writes the change with the next one', async () => {
    const tracker = createStateTracker();
    const errors: unknown[] = [];
    const loaded = await loadDurableState(dir);
    const state = tracker.wrap(fresh());
    const store = await openDurableStore(dir, tracker, {
      seq: loaded.seq,
      onError: (e) => errors.push(e),
    });
    // A value JSON cannot write makes the journal line fail.
    (state.sessions as Record<string, unknown>)['bad'] = { user: 1n };
    await expect(store.durable()).rejects.toThrow(/BigInt/);
    expect(errors).toHaveLength(1);
    state.sessions['bad'] = { user: 'fixed' };
    await store.durable();
    const again = await loadDurableState(dir);
    expect((again.state as TestState).sessions['bad']).toEqual({ user: 'fixed' });
    await store.close();
  });

  it('sets records named like Object.prototype members as data', async () => {
    const tracker = createStateTracker();
    const { state, store } = await open(tracker);
    for (const name of ['__proto__', 'constructor', 'toString']) {
      Object.defineProperty(state.pools['p1']!.users, name, {
        value: { n: 7, tags: [] },
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
    await store.durable();
    const loaded = await loadDurableState(dir);
    const users = (loaded.state as TestState).pools['p1']!.users;
    expect(Object.keys(users).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(({} as Record<string, unknown>)['n']).toBeUndefined();
    await store.close();
  });
});
