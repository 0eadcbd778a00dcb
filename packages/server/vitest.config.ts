import { defineProject } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared';

export default defineProject({
  ...sourceConditions,
  test: {
    name: 'server',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Integration tests start an emulator over HTTP and generate RSA keys; on a loaded 2-core
    // box 5 s is not enough. A hang guard, not a speed check (benchmarks measure speed).
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
