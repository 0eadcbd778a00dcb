import { defineProject } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared';

export default defineProject({
  ...sourceConditions,
  test: {
    name: 'core',
    environment: 'node',
    // Type tests (`*.test-d.ts`, `expectTypeOf`) are checked by tsc, not run.
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Integration tests do RSA key generation, SRP and spawn processes; on a loaded 2-core CI
    // box 5 s is not enough. A hang guard, not a speed check (benchmarks measure speed).
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
