// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('right-to-left layout', () => {
  it('the stylesheet mirrors by itself: no physical left/right, only logical properties', () => {
    const css = readFileSync(new URL('./styles.css', import.meta.url).pathname, 'utf8');
    const physical = css.match(
      /^\s*(?:margin|padding|border)-(?:left|right)\b.*$|^\s*(?:left|right)\s*:.*$|text-align:\s*(?:left|right)/gm,
    );
    expect(physical).toBeNull();
  });
});
