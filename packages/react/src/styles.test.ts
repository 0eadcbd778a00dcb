// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOUNDARY, TEXT, contrast } from '../test/contrast.js';

/**
 * The stylesheet's promises, checked from its text: every token pair that carries text reaches
 * WCAG 1.4.3 (4.5:1), every control boundary and the focus ring WCAG 1.4.11 (3:1), in light and
 * dark; and it mirrors by itself for right-to-left scripts. axe cannot check any of this in
 * happy-dom (no layout, and 1.4.11 is not an axe rule at all).
 */
const css = readFileSync(new URL('./styles.css', import.meta.url).pathname, 'utf8');

/** The `--ck-*` declarations of the block opened by `selector` (the first one in the file). */
function tokensOf(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no block ${selector}`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries(
    Array.from(body.matchAll(/--ck-([\w-]+):\s*([^;]+);/g), (m) => [m[1]!, m[2]!.trim()]),
  );
}

const light = tokensOf(":where(:root, [data-theme='light'])");
const darkByMedia = tokensOf(":where(:root:not([data-theme='light']))");
const dark = { ...light, ...tokensOf(":where([data-theme='dark'])") };

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s tokens', (_, tokens) => {
  const color = (name: string) => {
    const value = tokens[name];
    expect(value, `--ck-${name}`).toMatch(/^#[0-9a-f]{3,6}$/i);
    return value!;
  };
  it.each(TEXT)('text --ck-%s on --ck-%s reaches 4.5:1', (fg, bg) => {
    expect(contrast(color(fg), color(bg))).toBeGreaterThanOrEqual(4.5);
  });
  it.each(BOUNDARY)('--ck-%s against --ck-%s reaches 3:1', (edge, bg) => {
    expect(contrast(color(edge), color(bg))).toBeGreaterThanOrEqual(3);
  });
  it('tells native controls the scheme', () => {
    expect(tokens['scheme']).toBe(tokens === light ? 'light' : 'dark');
  });
});

describe('the stylesheet', () => {
  it('sets dark once for the OS setting and once for data-theme="dark", the same way', () => {
    expect(darkByMedia).toEqual(tokensOf(":where([data-theme='dark'])"));
  });

  it('reads every token it uses from the set (no typo falls back to nothing)', () => {
    const used = new Set(Array.from(css.matchAll(/var\(--ck-([\w-]+)\)/g), (m) => m[1]!));
    // `--ck-icon` is set by each callout tone, next to where it is read.
    const known = [...Object.keys(light), 'icon'];
    for (const name of used) expect(known, `--ck-${name}`).toContain(name);
  });

  it('lets native checkboxes and radios follow dark mode and the accent colour', () => {
    const root = css.slice(css.indexOf('.ck-root {'), css.indexOf('}', css.indexOf('.ck-root {')));
    expect(root).toMatch(/color-scheme:\s*var\(--ck-scheme\)/);
    expect(root).toMatch(/accent-color:\s*var\(--ck-accent\)/);
  });

  it('mirrors by itself: no physical left/right, only logical properties', () => {
    const physical = css.match(
      /^\s*(?:margin|padding|border|inset)-(?:left|right)\b.*$|^\s*(?:left|right)\s*:.*$|text-align:\s*(?:left|right)|float:\s*(?:left|right)/gm,
    );
    expect(physical).toBeNull();
  });
});
