import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// TEMPORARY: hooks another engineer is still writing run on test-only stand-ins over the same
// real core + emulator, one file at a time, until each lands in src/hooks.
const ACCOUNT_HOOKS = [
  'useSignUp',
  'usePasswordReset',
  'useMfa',
  'useDevices',
  'useChangePassword',
];
const standIns = ACCOUNT_HOOKS.filter((name) => !existsSync(here(`./src/hooks/${name}.ts`))).map(
  (name) => ({
    find: new RegExp(`^(\\.\\./)+hooks/${name}\\.js$`),
    replacement: here('./test/shim/hooks.ts'),
  }),
);

export default defineProject({
  ...sourceConditions,
  plugins: [react()],
  resolve: { ...sourceConditions.resolve, alias: standIns },
  test: {
    name: 'react',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.tsx'],
    setupFiles: ['./test/setup.ts'],
    // Stories sign in with real SRP against the emulator; a cold first run is slow.
    testTimeout: 20_000,
  },
});
