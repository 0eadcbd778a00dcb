import { composeStories } from '@storybook/react-vite';
import { describe } from 'vitest';
import { testStories } from '../../../test/run-stories.js';
import * as stories from './PasskeyStep.stories.js';

describe('PasskeyStep stories (each checked with axe)', () => {
  testStories(composeStories(stories));
});
