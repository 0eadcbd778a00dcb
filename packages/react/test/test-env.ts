import { afterEach } from 'vitest';
import { createEmulatorEnv, type EmulatorEnv } from './emulator-env.js';

const live: EmulatorEnv[] = [];
afterEach(() => {
  for (const env of live.splice(0)) env.auth.dispose();
});

/**
 * {@link createEmulatorEnv} for tests: the env's auth (timers, tab channel) is disposed after
 * each test of the file that imports this.
 */
export function testEmulatorEnv(
  poolId?: string,
  extra?: Parameters<typeof createEmulatorEnv>[1],
): EmulatorEnv {
  const env = createEmulatorEnv(poolId, extra);
  live.push(env);
  return env;
}
