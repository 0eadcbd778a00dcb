import { defineConfig } from 'vitest/config';

// One Vitest run for the whole workspace: each package is a project with its own config.
// Packages resolve each other through the `@cognito-kit/source` export condition, so tests
// see source edits in sibling packages without a build.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts'],
  },
});
