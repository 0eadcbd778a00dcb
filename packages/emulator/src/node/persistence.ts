/**
 * Saving and loading the emulator state as one JSON file in a data directory.
 *
 * Writes are atomic (write a temporary file, fsync, rename over the old one), so a crash leaves
 * either the old or the new state, never half a file. A file that cannot be read back stops
 * start-up with {@link CorruptStateError}; it is never deleted or overwritten silently.
 */

import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
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
  state: unknown;
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
  return envelope.state;
}

let tempCounter = 0;

/** Writes `state` to the data directory atomically (temp file + fsync + rename). */
export async function saveStateFile(
  dataDir: string,
  state: unknown,
  now = new Date(),
): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const path = stateFilePath(dataDir);
  const temp = `${path}.${process.pid}.${++tempCounter}.tmp`;
  const envelope: StateEnvelope = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    savedAt: now.toISOString(),
    state,
  };
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(JSON.stringify(envelope), 'utf8');
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
}

/**
 * Serialises saves: at most one write runs, and requests made meanwhile collapse into one more
 * write of the latest state. `flush()` waits until everything requested so far is on disk.
 */
export interface StateSaver {
  /** Asks for the current state to be written soon. */
  request(): void;
  /** Resolves once every requested save has completed (rejects with the last write error). */
  flush(): Promise<void>;
}

/**
 * Creates a {@link StateSaver} writing `snapshot()` to `dataDir`.
 *
 * @example
 * const saver = createStateSaver(dir, () => emulator.api.snapshot(), (e) => console.error(e));
 * saver.request(); await saver.flush();
 */
export function createStateSaver(
  dataDir: string,
  snapshot: () => unknown,
  onError: (error: unknown) => void,
): StateSaver {
  let running: Promise<void> | undefined;
  let pending = false;
  let lastError: unknown;

  const run = async (): Promise<void> => {
    // Yield first: requests made in the same tick share one write, and `running` is assigned
    // before this function can finish.
    await Promise.resolve();
    while (pending) {
      pending = false;
      try {
        await saveStateFile(dataDir, snapshot());
        lastError = undefined;
      } catch (error) {
        lastError = error;
        onError(error);
      }
    }
    running = undefined;
  };

  return {
    request() {
      pending = true;
      running ??= run();
    },
    async flush() {
      while (running) await running;
      if (lastError !== undefined) throw lastError;
    },
  };
}
