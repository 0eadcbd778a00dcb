/**
 * A fresh data directory for every test of a file, removed after it, so restarts in one test
 * never see another test's state.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * Registers beforeEach / afterEach that create and remove a directory named `prefix…` under the
 * OS temp dir; returns a getter for the current test's directory.
 *
 * @example
 * const dataDir = tempDirPerTest('ck-restart-');
 * it('…', async () => { await startEmulatorServer({ port: 0, dataDir: dataDir() }); });
 */
export function tempDirPerTest(prefix: string): () => string {
  let dir: string | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return () => {
    if (dir === undefined) throw new Error('tempDirPerTest: only inside a test');
    return dir;
  };
}
