import type { StorybookConfig } from '@storybook/react-vite';
import { defaultClientConditions, mergeConfig } from 'vite';

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
      resolve: { conditions: ['@cognito-kit/source', ...defaultClientConditions] },
    }),
};

export default config;
