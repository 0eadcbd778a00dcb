/**
 * The snapshot file of the emulator state in a data directory (`emulator-state.json`); the
 * changes made since it was written are in the journal (see journal.ts, durable-store.ts).
 *
 * Writes are atomic (write a temporary file, fsync, rename over the old one, fsync the
 * directory), so a crash leaves either the old or the new snapshot, never half a file. A file
 * that cannot be read back stops start-up with {@link CorruptStateError}; it is never deleted or
 * overwritten silently.
 */

import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** File name of the state inside the data directory. */
export const STATE_FILE_NAME = 'emulator-state.json';

/** Marker stored with the state so a foreign JSON file is not mistaken for it. */
const FORMAT = 'cognito-kit-emulator-state';
const FORMAT_VERSION = 1;

interface StateEnvelope {
  format: typeof FORMAT;
  formatVersion: typeof FORMAT_VERSION;
  savedAt: string;
  /** Number of the last journal entry the snapshot includes (absent in older files: 0). */
  journalSeq?: number;
  state: unknown;
}

/** A snapshot read back: the state and the last journal entry it includes. */
export interface Snapshot {
  state: unknown;
  journalSeq: number;
}

/** The data file exists but cannot be used; start-up must stop and the user decides what to do. */
export class CorruptStateError extends Error {
  /** Absolute path of the offending file. */
  readonly path: string;

  constructor(path: string, reason: string) {
    super(
      `The emulator data file ${path} cannot be read (${reason}). ` +
        'It was left untouched. Move it away or delete it to start with a fresh state, or point --data at another directory.',
    );
    this.name = 'CorruptStateError';
    this.path = path;
  }
}

/** Path of the state file in `dataDir`. */
export function stateFilePath(dataDir: string): string {
  return join(dataDir, STATE_FILE_NAME);
}

/**
 * Reads the saved state, or `undefined` when there is none yet.
 *
 * @throws CorruptStateError when the file exists but is not a state file this version can read
 */
export async function loadStateFile(dataDir: string): Promise<unknown> {
  return (await loadSnapshot(dataDir))?.state;
}

/**
 * Reads the snapshot with its journal position, or `undefined` when there is none yet.
 *
 * @throws CorruptStateError when the file exists but is not a state file this version can read
 */
export async function loadSnapshot(dataDir: string): Promise<Snapshot | undefined> {
  const path = stateFilePath(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CorruptStateError(path, 'it is not valid JSON');
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    (parsed as { format?: unknown }).format !== FORMAT
  ) {
    throw new CorruptStateError(path, `it is not a ${FORMAT} file`);
  }
  const envelope = parsed as Partial<StateEnvelope>;
  if (envelope.formatVersion !== FORMAT_VERSION) {
    throw new CorruptStateError(
      path,
      `format version ${String(envelope.formatVersion)} is not supported`,
    );
  }
  if (typeof envelope.state !== 'object' || envelope.state === null) {
    throw new CorruptStateError(path, 'it holds no state object');
  }
  const journalSeq = envelope.journalSeq ?? 0;
  if (!Number.isSafeInteger(journalSeq) || journalSeq < 0) {
    throw new CorruptStateError(path, 'its journal position is not a whole number');
  }
  return { state: envelope.state, journalSeq };
}

let tempCounter = 0;

/** Temporary files this module writes; a crash can leave one behind. */
const TEMP_FILE = /^emulator-state\.json\.\d+\.\d+\.tmp$/;

/** Deletes temporary files a crashed run left in `dataDir`; returns their names. */
export async function removeStaleTempFiles(dataDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dataDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const stale = names.filter((name) => TEMP_FILE.test(name));
  await Promise.all(stale.map((name) => rm(join(dataDir, name), { force: true })));
  return stale;
}

/**
 * Makes a rename or a new file in `dir` durable (fsync of the directory). Platforms that cannot
 * open a directory for syncing (Windows) skip it.
 */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Writes `state` to the data directory atomically (temp file + fsync + rename + directory
 * fsync); returns the bytes written.
 */
export async function saveStateFile(
  dataDir: string,
  state: unknown,
  journalSeq = 0,
  now = new Date(),
): Promise<number> {
  await mkdir(dataDir, { recursive: true });
  const path = stateFilePath(dataDir);
  const temp = `${path}.${process.pid}.${++tempCounter}.tmp`;
  const envelope: StateEnvelope = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    savedAt: now.toISOString(),
    journalSeq,
    state,
  };
  const text = JSON.stringify(envelope);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dataDir);
  return Buffer.byteLength(text);
}
