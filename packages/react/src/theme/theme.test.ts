// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { themeCss } from './theme.js';

describe('themeCss', () => {
  const css = themeCss(
    {
      colors: { light: { accent: '#0a7d45', inputBorder: '#6b7a70' }, dark: { accent: '#7ee2a8' } },
      font: 'Georgia, serif',
      radius: '2px',
      spacing: '1.25rem',
      shadow: { light: 'none', dark: '0 0 0 1px #000' },
    },
    '.acme',
  );

  it('sets the common tokens and the light colours on the scope', () => {
    const first = css.split('\n')[0]!;
    expect(first).toMatch(/^\.acme \{/);
    expect(first).toContain('--ck-font: Georgia, serif;');
    expect(first).toContain('--ck-radius: 2px;');
    expect(first).toContain('--ck-gap: 1.25rem;');
    expect(first).toContain('--ck-accent: #0a7d45;');
    expect(first).toContain('--ck-input-border: #6b7a70;');
    expect(first).toContain('--ck-scheme: light;');
    expect(first).toContain('--ck-shadow: none;');
  });

  it('switches to the dark colours by the OS setting and by data-theme, and back by data-theme', () => {
    expect(css).toContain(
      '@media (prefers-color-scheme: dark) { .acme { --ck-scheme: dark; --ck-accent: #7ee2a8; --ck-shadow: 0 0 0 1px #000; } }',
    );
    expect(css).toContain(
      "[data-theme='dark'] .acme, .acme[data-theme='dark'] { --ck-scheme: dark;",
    );
    expect(css).toContain(
      "[data-theme='light'] .acme, .acme[data-theme='light'] { --ck-scheme: light;",
    );
  });

  it('keeps a light-only theme light in dark mode', () => {
    const lightOnly = themeCss({ colors: { light: { bg: '#fffbe6' } } });
    expect(lightOnly).toContain(
      '@media (prefers-color-scheme: dark) { :root { --ck-scheme: light; --ck-bg: #fffbe6; } }',
    );
  });

  it('refuses a value or scope that would break out of its declaration', () => {
    expect(() => themeCss({ font: 'x; } body { display: none' })).toThrow(TypeError);
    expect(() => themeCss({ colors: { light: { bg: 'red}' } } })).toThrow(TypeError);
    expect(() => themeCss({}, 'a{}')).toThrow(TypeError);
  });
});
