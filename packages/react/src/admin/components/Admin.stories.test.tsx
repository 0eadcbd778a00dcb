import { composeStories } from '@storybook/react-vite';
import { describe } from 'vitest';
import { testStories } from '../../../test/run-stories.js';
import * as stories from './Admin.stories.js';

describe('admin stories against the emulator and the real handler (each checked with axe)', () => {
  testStories(composeStories(stories));
});
