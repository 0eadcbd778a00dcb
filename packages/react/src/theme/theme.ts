/**
 * A typed theme for the optional stylesheet: the same `--ck-*` custom properties `styles.css`
 * reads, written out by {@link themeCss} for a scope of the page. Every field is optional; what
 * a theme leaves out keeps the stylesheet's default.
 */

/** The colour tokens, one scheme's worth. Any CSS colour; the defaults' contrast is tested. */
export interface ThemeColors {
  /** Screen background. */
  readonly bg?: string;
  /** Text. */
  readonly fg?: string;
  /** Secondary text (descriptions, unmet rules); keep 4.5:1 against `bg`. */
  readonly muted?: string;
  /** The screen's outline and separators (decorative). */
  readonly border?: string;
  readonly inputBg?: string;
  /** Field outlines; keep 3:1 against `inputBg` and `bg` (WCAG 1.4.11). */
  readonly inputBorder?: string;
  /** Links, the primary button, native checkboxes and radios. */
  readonly accent?: string;
  /** Text on the primary button. */
  readonly accentFg?: string;
  readonly danger?: string;
  /** Tint of the error callout. */
  readonly dangerBg?: string;
  readonly success?: string;
  /** Tint of the success callout. */
  readonly successBg?: string;
  /** The focus ring; keep 3:1 against `bg`. */
  readonly focus?: string;
}

/** Everything a theme can set. */
export interface Theme {
  /**
   * Colours for the light scheme and the dark one (under `prefers-color-scheme: dark` or
   * `data-theme="dark"`). With `light` only, the theme stays light in dark mode.
   */
  readonly colors?: { readonly light?: ThemeColors; readonly dark?: ThemeColors };
  /** `font-family` of the screens. */
  readonly font?: string;
  /** Corner radius of the screen; fields and buttons take three quarters of it. */
  readonly radius?: string;
  /** The spacing unit between fields (`--ck-gap`). */
  readonly spacing?: string;
  /** Largest width of a screen. */
  readonly width?: string;
  /** `box-shadow` of the screen, per scheme (a string sets both). */
  readonly shadow?: string | { readonly light?: string; readonly dark?: string };
}

const COLOR_TOKENS: Readonly<Record<keyof ThemeColors, string>> = {
  bg: 'bg',
  fg: 'fg',
  muted: 'muted',
  border: 'border',
  inputBg: 'input-bg',
  inputBorder: 'input-border',
  accent: 'accent',
  accentFg: 'accent-fg',
  danger: 'danger',
  dangerBg: 'danger-bg',
  success: 'success',
  successBg: 'success-bg',
  focus: 'focus',
};

/** A value that cannot end its declaration or block early (themes may come from user settings). */
function checked(name: string, value: string): string {
  if (/[;{}<>]|\/\*/.test(value) || value.trim() === '') {
    throw new TypeError(`Theme value for --ck-${name} is not a single CSS value: ${value}`);
  }
  return value.trim();
}

function declarations(tokens: ReadonlyArray<readonly [string, string | undefined]>): string {
  return tokens
    .filter((t): t is readonly [string, string] => t[1] !== undefined)
    .map(([name, value]) => `--ck-${name}: ${checked(name, value)};`)
    .join(' ');
}

function scheme(
  name: 'light' | 'dark',
  colors: ThemeColors | undefined,
  shadow: string | undefined,
): string {
  return declarations([
    ['scheme', name],
    ...Object.entries(colors ?? {}).map(
      ([key, value]) => [COLOR_TOKENS[key as keyof ThemeColors], value as string] as const,
    ),
    ['shadow', shadow],
  ]);
}

/**
 * The CSS that applies `theme` to the screens inside `scope` (a selector; default `:root`, the
 * whole page): the theme's light colours by default, its dark ones under `prefers-color-scheme:
 * dark`, and `data-theme="light" | "dark"` on the scope or an ancestor forcing one, as the
 * stylesheet does. Put it in a `<style>` after `styles.css`. Throws `TypeError` on a value that
 * is not a single CSS value (it would break out of its declaration).
 *
 * @example
 * const css = themeCss({ colors: { light: { accent: '#0a7d45' }, dark: { accent: '#7ee2a8' } },
 *   radius: '2px', font: 'Georgia, serif' }, '.acme');
 * // <style>{css}</style><div className="acme"><Authenticator /></div>
 */
export function themeCss(theme: Theme, scope = ':root'): string {
  if (/[{};]/.test(scope)) throw new TypeError(`themeCss scope is not a selector: ${scope}`);
  const shadow =
    typeof theme.shadow === 'string' ? { light: theme.shadow, dark: theme.shadow } : theme.shadow;
  const common = declarations([
    ['font', theme.font],
    ['radius', theme.radius],
    ['gap', theme.spacing],
    ['width', theme.width],
  ]);
  const light = scheme('light', theme.colors?.light, shadow?.light);
  // A theme with light colours only stays light in dark mode: its colours are set on the scope,
  // so the stylesheet's dark defaults would not reach the screens anyway.
  const dark =
    theme.colors?.light && !theme.colors.dark
      ? light
      : scheme('dark', theme.colors?.dark, shadow?.dark);
  const forced = (name: string) =>
    `[data-theme='${name}'] ${scope}, ${scope}[data-theme='${name}']`;
  return [
    `${scope} { ${common} ${light} }`,
    `@media (prefers-color-scheme: dark) { ${scope} { ${dark} } }`,
    `${forced('light')} { ${light} }`,
    `${forced('dark')} { ${dark} }`,
  ].join('\n');
}
