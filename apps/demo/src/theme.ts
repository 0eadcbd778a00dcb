/** Light / dark theme: follows the system unless the user picked one (kept in localStorage). */
export type Theme = 'light' | 'dark';

const KEY = 'demo.theme';

/** The saved choice, else the system's. `?theme=dark` in the URL wins (screenshots). */
export function initialTheme(): Theme {
  const forced = new URLSearchParams(location.search).get('theme');
  if (forced === 'light' || forced === 'dark') return forced;
  const saved = localStorage.getItem(KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Sets `data-theme` on <html> (styles.css and demo.css both follow it). */
export function applyTheme(theme: Theme, save = false): void {
  document.documentElement.dataset['theme'] = theme;
  if (save) localStorage.setItem(KEY, theme);
}
