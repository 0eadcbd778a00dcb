// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

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

/** WCAG relative luminance of a `#rgb` / `#rrggbb` colour. */
function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Text on its background, 4.5:1: foreground token, background token. */
const TEXT: ReadonlyArray<readonly [string, string]> = [
  ['fg', 'bg'],
  ['fg', 'input-bg'],
  ['muted', 'bg'],
  ['accent', 'bg'], // links
  ['accent-fg', 'accent'], // the primary button
  ['danger', 'bg'], // field errors, unmet rules after a refusal
  ['success', 'bg'], // met rules, "A new code is on its way."
  ['danger', 'danger-bg'], // the error callout
  ['success', 'success-bg'], // the success callout
];

/** Boundaries a user must see to find a control, and the focus ring, 3:1. */
const BOUNDARY: ReadonlyArray<readonly [string, string]> = [
  ['input-border', 'input-bg'],
  ['input-border', 'bg'],
  ['danger', 'input-bg'], // an invalid field's border
  ['accent', 'bg'], // the primary button's edge
  ['focus', 'bg'],
  ['focus', 'input-bg'],
];

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
