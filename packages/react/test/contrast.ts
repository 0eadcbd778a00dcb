/** WCAG 2 contrast of `#rgb` / `#rrggbb` colours, and the token pairs the stylesheet promises. */

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

/** The contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Text on its background, 4.5:1 (WCAG 1.4.3): foreground token, background token. */
export const TEXT: ReadonlyArray<readonly [string, string]> = [
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

/** Boundaries a user must see to find a control, and the focus ring, 3:1 (WCAG 1.4.11). */
export const BOUNDARY: ReadonlyArray<readonly [string, string]> = [
  ['input-border', 'input-bg'],
  ['input-border', 'bg'],
  ['danger', 'input-bg'], // an invalid field's border
  ['accent', 'bg'], // the primary button's edge
  ['focus', 'bg'],
  ['focus', 'input-bg'],
];
