import { composeStories } from '@storybook/react-vite';
import { describe, expect, it } from 'vitest';
import { FOREST, SUNSET } from '../../test/brands.js';
import { BOUNDARY, TEXT, contrast } from '../../test/contrast.js';
import { testStories } from '../../test/run-stories.js';
import type { ThemeColors } from './theme.js';
import * as stories from './Theming.stories.js';

describe('Theming stories against the emulator (each checked with axe)', () => {
  testStories(composeStories(stories));
});

const camel = (token: string) =>
  token.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as keyof ThemeColors;

describe.each([
  ['Forest light', FOREST.colors?.light],
  ['Forest dark', FOREST.colors?.dark],
  ['Sunset light', SUNSET.colors?.light],
  ['Sunset dark', SUNSET.colors?.dark],
])('the %s colours of the Theming page keep the contrast promises', (_, colors) => {
  const color = (token: string) => colors?.[camel(token)] ?? '';
  it.each(TEXT)('text %s on %s reaches 4.5:1', (fg, bg) => {
    expect(contrast(color(fg), color(bg))).toBeGreaterThanOrEqual(4.5);
  });
  it.each(BOUNDARY)('%s against %s reaches 3:1', (edge, bg) => {
    expect(contrast(color(edge), color(bg))).toBeGreaterThanOrEqual(3);
  });
});
