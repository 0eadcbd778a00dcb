import type { StorybookConfig } from '@storybook/react-vite';
import { mergeConfig } from 'vite';
import { sourceConditions } from '../vitest.shared';

// One Storybook for packages/react. Stories sit next to their components and run against the
// emulator's in-process fetch, so Storybook needs no server and no AWS account.
const config: StorybookConfig = {
  stories: ['../packages/react/src/**/*.stories.tsx'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
  typescript: { reactDocgen: false },
  // Workspace packages resolve to their TypeScript source, as in the tests.
  viteFinal: (vite) => mergeConfig(vite, sourceConditions),
};

export default config;
