import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared';

export default defineProject({
  ...sourceConditions,
  plugins: [react()],
  test: {
    name: 'react',
    environment: 'happy-dom',
    // Type tests (`*.test-d.ts`, `expectTypeOf`) are checked by tsc, not run.
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'test/**/*.test.tsx'],
    setupFiles: ['./test/setup.ts'],
    // Stories sign in with real SRP against the emulator; a cold first run is slow.
    testTimeout: 20_000,
  },
});
