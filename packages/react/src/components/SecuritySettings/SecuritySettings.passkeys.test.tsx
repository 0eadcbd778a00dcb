import { composeStories } from '@storybook/react-vite';
import { describe } from 'vitest';
import { testStories } from '../../../test/run-stories.js';
import * as stories from './SecuritySettings.passkeys.stories.js';

describe('SecuritySettings passkeys stories (each checked with axe)', () => {
  testStories(composeStories(stories));
});
