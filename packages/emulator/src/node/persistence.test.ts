import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CorruptStateError,
  loadSnapshot,
  loadStateFile,
  removeStaleTempFiles,
  saveStateFile,
  stateFilePath,
} from './persistence.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ck-persist-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('state file', () => {
  it('returns undefined when nothing was saved yet', async () => {
    expect(await loadStateFile(join(dir, 'missing'))).toBeUndefined();
  });

  it('round-trips a state and leaves no temporary files behind', async () => {
    const state = {
      version: 1,
      pools: { 'us-east-1_A': { name: 'a', users: { alice: { n: 1 } } } },
    };
    await saveStateFile(join(dir, 'nested'), state);
    expect(await loadStateFile(join(dir, 'nested'))).toEqual(state);
    expect(await readdir(join(dir, 'nested'))).toEqual(['emulator-state.json']);
  });

  it('replaces the previous state on the next save', async () => {
    await saveStateFile(dir, { n: 1 });
    await saveStateFile(dir, { n: 2 });
    expect(await loadStateFile(dir)).toEqual({ n: 2 });
  });

  it.each([
    [
      'truncated JSON',
      '{"format":"cognito-kit-emulator-state","formatVersion":1,"state":{',
      /not valid JSON/,
    ],
    ['a foreign JSON file', '{"hello":"world"}', /not a cognito-kit-emulator-state file/],
    [
      'an unknown format version',
      '{"format":"cognito-kit-emulator-state","formatVersion":9,"state":{}}',
      /version 9/,
    ],
    [
      'an envelope without state',
      '{"format":"cognito-kit-emulator-state","formatVersion":1}',
      /no state object/,
    ],
  ])('refuses %s and leaves the file untouched', async (_name, content, reason) => {
    await writeFile(stateFilePath(dir), content);
    const error = await loadStateFile(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptStateError);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).toContain(stateFilePath(dir));
    expect(await readFile(stateFilePath(dir), 'utf8')).toBe(content);
  });
});

describe('snapshot details', () => {
  it('keeps the journal position with the state', async () => {
    await saveStateFile(dir, { n: 1 }, 42);
    expect(await loadSnapshot(dir)).toEqual({ state: { n: 1 }, journalSeq: 42 });
  });

  it('removes only its own stale temporary files', async () => {
    await writeFile(join(dir, 'emulator-state.json.123.4.tmp'), '{');
    await writeFile(join(dir, 'notes.tmp'), 'mine');
    expect(await removeStaleTempFiles(dir)).toEqual(['emulator-state.json.123.4.tmp']);
    expect(await readdir(dir)).toEqual(['notes.tmp']);
  });
});
