import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CorruptStateError,
  createStateSaver,
  loadStateFile,
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

describe('createStateSaver', () => {
  it('collapses many requests into writes of the latest snapshot', async () => {
    let value = 0;
    let snapshots = 0;
    const saver = createStateSaver(
      dir,
      () => {
        snapshots++;
        return { value };
      },
      () => {},
    );
    for (value = 1; value <= 50; value++) saver.request();
    await saver.flush();
    expect(await loadStateFile(dir)).toEqual({ value: 51 });
    expect(snapshots).toBeLessThan(50);
  });

  it('reports write errors through onError and flush', async () => {
    const errors: unknown[] = [];
    // A regular file where the directory should be makes every write fail.
    const blocked = join(dir, 'blocked');
    await writeFile(blocked, 'x');
    const saver = createStateSaver(
      blocked,
      () => ({}),
      (e) => errors.push(e),
    );
    saver.request();
    await expect(saver.flush()).rejects.toThrow();
    expect(errors).toHaveLength(1);
  });

  it('survives a snapshot that throws', async () => {
    const errors: unknown[] = [];
    const saver = createStateSaver(
      dir,
      () => {
        throw new Error('boom');
      },
      (e) => errors.push(e),
    );
    saver.request();
    await expect(saver.flush()).rejects.toThrow('boom');
    expect(errors).toHaveLength(1);
  });
});
