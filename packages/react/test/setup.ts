import { setProjectAnnotations } from '@storybook/react-vite';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import * as preview from '../../../.storybook/preview.js';

// Stories run as tests with the same decorators and parameters as in Storybook.
setProjectAnnotations([preview]);

// Every step of a component test is a real round trip to the emulator (RSA-signed tokens, SRP);
// on a loaded 2-core CI box that can exceed Testing Library's 1 s default wait.
configure({ asyncUtilTimeout: 5000 });

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  // Each test is a new tab: a challenge a test left pending (kept in session storage across
  // reloads) must not be picked up by the next one.
  globalThis.sessionStorage?.clear();
});
