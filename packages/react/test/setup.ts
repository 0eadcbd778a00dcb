import { setProjectAnnotations } from '@storybook/react-vite';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import * as preview from '../../../.storybook/preview.js';

// Stories run as tests with the same decorators and parameters as in Storybook.
setProjectAnnotations([preview]);

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
});
