import { composeStories } from '@storybook/react-vite';
import { describe } from 'vitest';
import { testStories } from '../../../test/run-stories.js';
import * as stories from './SignIn.passwordless.stories.js';

describe('choice-based SignIn stories against the emulator (each checked with axe)', () => {
  testStories(composeStories(stories));
});
