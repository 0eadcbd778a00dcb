/**
 * Durable state for the Node host: a snapshot plus an append-only journal, with group commit.
 *
 * Why a journal: rewriting the whole state file per change costs time proportional to the
 * state (every user, token and message) for each sign-up or sign-in; appending only the
 * records a change touched costs time proportional to the change. The journal is folded into a
 * new snapshot ("compaction") once it is larger than the snapshot (at least
 * {@link DEFAULT_COMPACT_MIN_BYTES}), so replay at start-up stays short and the amortised cost
 * of a change stays bounded.
 *
 * Group commit: changes that arrive while a write is running are written together by the next
 * one, with one fsync. A request is answered only after {@link DurableStore.durable} resolved,
 * i.e. after every change made so far is on disk.
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { applyJournalEntry, journalFilePath, journalLine, readJournal } from './journal.js';
import { loadSnapshot, removeStaleTempFiles, saveStateFile, syncDirectory } from './persistence.js';
import type { StateTracker } from './state-tracker.js';

/** Journal size below which it is never compacted. */
export const DEFAULT_COMPACT_MIN_BYTES = 1024 * 1024;

/** What the data directory held at start-up. */
export interface LoadedState {
  /** The state (snapshot with the journal replayed), or `undefined` for an empty directory. */
  state: unknown;
  /** Last journal entry applied. */
  seq: number;
  /** Stale temporary files that were removed. */
  removedTempFiles: string[];
}

/**
 * Reads the snapshot and replays the journal entries written after it.
 *
 * @throws CorruptStateError when a file is damaged beyond a torn last journal line
 */
export async function loadDurableState(dataDir: string): Promise<LoadedState> {
  const removedTempFiles = await removeStaleTempFiles(dataDir);
  const snapshot = await loadSnapshot(dataDir);
  const journal = await readJournal(dataDir);
  let seq = snapshot?.journalSeq ?? 0;
  const state = (snapshot?.state ?? undefined) as Record<string, unknown> | undefined;
  for (const entry of journal.entries) {
    if (entry.seq <= seq || state === undefined) continue;
    applyJournalEntry(state, entry);
    seq = entry.seq;
  }
  return { state, seq, removedTempFiles };
}

/** Figures of the store, for the load bench and tests. */
export interface DurableStoreStats {
  /** Journal appends (each one fsync). */
  appends: number;
  /** Total time spent in appends (write + fsync), ms. */
  appendMs: number;
  /** Snapshots written (start-up and compactions). */
  compactions: number;
  /** Total time spent writing snapshots, ms. */
  compactionMs: number;
  journalBytes: number;
  snapshotBytes: number;
}

/** The persisting side of the Node host. */
export interface DurableStore {
  /** Resolves once every change made so far is on disk; rejects when writing failed. */
  durable(): Promise<void>;
  stats(): DurableStoreStats;
  /** Makes the last changes durable and closes the journal. */
  close(): Promise<void>;
}

/** Options of {@link openDurableStore}. */
export interface DurableStoreOptions {
  /** Last journal entry already applied (from {@link loadDurableState}). */
  seq: number;
  /** Journal size that triggers compaction, at least; default {@link DEFAULT_COMPACT_MIN_BYTES}. */
  compactMinBytes?: number;
  /** Reports write failures (the requests waiting for them get an error answer). */
  onError?: (error: unknown) => void;
}

interface Waiter {
  version: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Writes a fresh snapshot of the tracked state (so start-up begins with an empty journal) and
 * returns the store that journals every later change.
 */
export async function openDurableStore(
  dataDir: string,
  tracker: StateTracker,
  options: DurableStoreOptions,
): Promise<DurableStore> {
  const compactMinBytes = options.compactMinBytes ?? DEFAULT_COMPACT_MIN_BYTES;
  const stats: DurableStoreStats = {
    appends: 0,
    appendMs: 0,
    compactions: 0,
    compactionMs: 0,
    journalBytes: 0,
    snapshotBytes: 0,
  };
  let seq = options.seq;
  let committed = tracker.version;
  let waiters: Waiter[] = [];
  let running: Promise<void> | undefined;

  await mkdir(dataDir, { recursive: true });
  const journal: FileHandle = await open(journalFilePath(dataDir), 'a', 0o600);
  await syncDirectory(dataDir);

  const root = (): object => {
    const state = tracker.raw();
    if (state === undefined) throw new Error('The state tracker holds no state.');
    return state;
  };

  const compact = async (): Promise<void> => {
    const started = performance.now();
    tracker.take(); // everything is in the snapshot
    stats.snapshotBytes = await saveStateFile(dataDir, root(), seq);
    // The snapshot includes every entry up to `seq`; a crash before the truncation only leaves
    // entries that start-up skips.
    await journal.truncate(0);
    await journal.sync();
    stats.journalBytes = 0;
    stats.compactions++;
    stats.compactionMs += performance.now() - started;
  };

  const append = async (line: string): Promise<void> => {
    const started = performance.now();
    await journal.write(line);
    await journal.datasync();
    stats.journalBytes += Buffer.byteLength(line);
    stats.appends++;
    stats.appendMs += performance.now() - started;
  };

  const settle = (error?: unknown): void => {
    const still: Waiter[] = [];
    for (const waiter of waiters) {
      if (error !== undefined) waiter.reject(error);
      else if (waiter.version <= committed) waiter.resolve();
      else still.push(waiter);
    }
    waiters = still;
  };

  const run = async (): Promise<void> => {
    // Let the changes of this turn of the event loop join the same write.
    await new Promise((resolve) => setImmediate(resolve));
    while (committed < tracker.version) {
      const version = tracker.version;
      const taken = tracker.take();
      try {
        if (taken === 'all') {
          seq++;
          await compact();
        } else if (taken.length > 0) {
          await append(journalLine(++seq, root(), taken));
        }
        committed = version;
        settle();
        if (stats.journalBytes > Math.max(compactMinBytes, stats.snapshotBytes)) await compact();
      } catch (error) {
        tracker.giveBack(taken);
        options.onError?.(error);
        settle(error);
        break;
      }
    }
    running = undefined;
  };

  const durable = (): Promise<void> => {
    const version = tracker.version;
    if (committed >= version) return Promise.resolve();
    const promise = new Promise<void>((resolve, reject) => {
      waiters.push({ version, resolve, reject });
    });
    running ??= run();
    return promise;
  };

  await compact();
  committed = tracker.version;

  return {
    durable,
    stats: () => ({ ...stats }),
    async close() {
      try {
        await durable();
      } finally {
        while (running) await running;
        await journal.close();
      }
    },
  };
}
