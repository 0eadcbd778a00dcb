/**
 * The journal: one line of JSON per group commit, appended to `emulator-journal.ndjson` and
 * fsync'd before the requests it covers are answered. Each entry sets or deletes whole records
 * (see state-tracker.ts) by path, so replaying entries in order over the snapshot they follow
 * gives back the state. A line cut short by a crash was never acknowledged and is ignored.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CorruptStateError } from './persistence.js';
import type { RecordPath } from './state-tracker.js';

/** File name of the journal inside the data directory. */
export const JOURNAL_FILE_NAME = 'emulator-journal.ndjson';

/** Path of the journal in `dataDir`. */
export function journalFilePath(dataDir: string): string {
  return join(dataDir, JOURNAL_FILE_NAME);
}

/** One change: `[path, value]` sets a record, `[path]` deletes it. */
export type JournalOp = readonly [RecordPath, unknown] | readonly [RecordPath];

/** One group commit. */
export interface JournalEntry {
  seq: number;
  ops: JournalOp[];
}

/** The current value of every record in `paths`, read from `root`, as one journal line. */
export function journalLine(seq: number, root: object, paths: readonly RecordPath[]): string {
  const ops: JournalOp[] = paths.map((path) => {
    const found = readPath(root, path);
    return found.exists ? [path, found.value] : [path];
  });
  return `${JSON.stringify({ seq, ops } satisfies JournalEntry)}\n`;
}

function readPath(root: object, path: RecordPath): { exists: boolean; value?: unknown } {
  let node: unknown = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) {
      return { exists: false };
    }
    node = (node as Record<string, unknown>)[key];
  }
  return { exists: node !== undefined, value: node };
}

/**
 * Applies one entry to `root` in place. Keys are set as own properties, so a record named
 * `__proto__` is data, never a prototype change.
 */
export function applyJournalEntry(root: Record<string, unknown>, entry: JournalEntry): void {
  for (const op of entry.ops) {
    const path = op[0];
    const last = path.at(-1);
    if (last === undefined) continue;
    let node: Record<string, unknown> = root;
    for (const key of path.slice(0, -1)) {
      let next = Object.hasOwn(node, key) ? node[key] : undefined;
      if (typeof next !== 'object' || next === null) {
        if (op.length === 1) break;
        next = {};
        setOwn(node, key, next);
      }
      node = next as Record<string, unknown>;
    }
    if (op.length === 2) setOwn(node, last, op[1]);
    else if (Object.hasOwn(node, last)) delete node[last];
  }
}

function setOwn(node: Record<string, unknown>, key: string, value: unknown): void {
  if (Array.isArray(node)) {
    // Array keys are indexes or `length`; plain assignment keeps `length` consistent.
    (node as unknown as Record<string, unknown>)[key] = value;
    return;
  }
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
}

/** What reading the journal found. */
export interface JournalContents {
  entries: JournalEntry[];
  /** Bytes of complete lines; a torn tail after them is cut off at start-up. */
  validBytes: number;
  /** Whether the file ended in a line cut short by a crash. */
  tornTail: boolean;
}

/**
 * Reads the journal (empty when missing).
 *
 * @throws CorruptStateError for a damaged line that is not the last one
 */
export async function readJournal(dataDir: string): Promise<JournalContents> {
  const path = journalFilePath(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { entries: [], validBytes: 0, tornTail: false };
    throw error;
  }
  const entries: JournalEntry[] = [];
  let offset = 0;
  let lineNumber = 0;
  while (offset < text.length) {
    const end = text.indexOf('\n', offset);
    lineNumber++;
    if (end === -1) {
      // No newline: the append of this line never completed, so it was never acknowledged.
      return { entries, validBytes: Buffer.byteLength(text.slice(0, offset)), tornTail: true };
    }
    const line = text.slice(offset, end);
    offset = end + 1;
    if (line.trim() === '') continue;
    entries.push(parseEntry(line, path, lineNumber));
  }
  return { entries, validBytes: Buffer.byteLength(text), tornTail: false };
}

function parseEntry(line: string, path: string, lineNumber: number): JournalEntry {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new CorruptStateError(path, `line ${lineNumber} is not valid JSON`);
  }
  const entry = value as Partial<JournalEntry>;
  if (
    typeof value !== 'object' ||
    value === null ||
    !Number.isSafeInteger(entry.seq) ||
    !Array.isArray(entry.ops) ||
    !entry.ops.every(
      (op) =>
        Array.isArray(op) &&
        (op.length === 1 || op.length === 2) &&
        Array.isArray(op[0]) &&
        (op[0] as unknown[]).every((key) => typeof key === 'string'),
    )
  ) {
    throw new CorruptStateError(path, `line ${lineNumber} is not a journal entry`);
  }
  return entry as JournalEntry;
}
