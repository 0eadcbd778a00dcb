import { defineProject } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared';

// The demo's Node side (server/): its HTTP server started on port 0. The browser side is
// covered end to end by apps/e2e.
export default defineProject({
  ...sourceConditions,
  test: {
    name: 'demo',
    environment: 'node',
    include: ['server/**/*.test.mjs'],
    testTimeout: 30_000,
  },
});
