import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import { defaultClientConditions, mergeConfig } from 'vite';

const react = (path: string) =>
  fileURLToPath(new URL(`../packages/react/${path}`, import.meta.url));

// TEMPORARY, as in packages/react/vitest.config.ts: stand-ins for hooks not written yet.
const ACCOUNT_HOOKS = [
  'useSignUp',
  'usePasswordReset',
  'useMfa',
  'useDevices',
  'useChangePassword',
];
const standIns = ACCOUNT_HOOKS.filter((name) => !existsSync(react(`src/hooks/${name}.ts`))).map(
  (name) => ({
    find: new RegExp(`^(\\.\\./)+hooks/${name}\\.js$`),
    replacement: react('test/shim/hooks.ts'),
  }),
);

// One Storybook for packages/react. Stories sit next to their components and run against the
// emulator's in-process fetch, so Storybook needs no server and no AWS account.
const config: StorybookConfig = {
  stories: ['../packages/react/src/**/*.stories.tsx'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
  typescript: { reactDocgen: false },
  // Workspace packages resolve to their TypeScript source (as in the tests, vitest.shared.ts).
  viteFinal: (vite) =>
    mergeConfig(vite, {
      resolve: { conditions: ['@cognito-kit/source', ...defaultClientConditions], alias: standIns },
    }),
};

export default config;
