import { composeStories } from '@storybook/react-vite';
import { describe } from 'vitest';
import { testStories } from '../../test/run-stories.js';
import * as stories from './Locales.stories.js';

describe('the sign-in form in every shipped language, against the emulator (axe on each)', () => {
  testStories(composeStories(stories));
});
