import { composeStories } from '@storybook/react-vite';
import { describe } from 'vitest';
import { testStories } from '../../test/run-stories.js';
import * as stories from './Federation.stories.js';

describe('Redirect sign-in stories against the emulator (each checked with axe)', () => {
  testStories(composeStories(stories));
});
