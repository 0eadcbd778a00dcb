import type { Messages } from './types.js';

/** The languages the browser asks for, best first; none outside a browser (e.g. on a server). */
function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length
    ? navigator.languages
    : navigator.language
      ? [navigator.language]
      : [];
}

/** Language, script and region of a BCP 47 tag with likely subtags filled in; null when invalid. */
function expand(tag: string): { language: string; script?: string; region?: string } | null {
  try {
    const { language, script, region } = new Intl.Locale(tag).maximize();
    return { language, ...(script ? { script } : {}), ...(region ? { region } : {}) };
  } catch {
    return null;
  }
}

/**
 * Chooses the locale to show from the ones an app ships: for each of the user's languages in
 * order (`navigator.languages` unless `languages` is given, e.g. from `Accept-Language` on a
 * server), the first shipped locale with the same language and script — the same region
 * preferred — wins; none matching gives the first shipped locale. Scripts are compared after
 * `Intl.Locale.maximize()`, so `zh-TW` (Traditional) does not get `zh-CN` (Simplified) while
 * `pt` does get `pt-BR`.
 *
 * Only the locales passed in are bundled: import the ones you ship.
 *
 * @example
 * <MessagesProvider messages={pickMessages([en, de, fr, ar])}>…</MessagesProvider>
 */
export function pickMessages(
  available: readonly [Messages, ...Messages[]],
  languages: readonly string[] = browserLanguages(),
): Messages {
  const shipped = available.map((messages) => ({ messages, tag: expand(messages.locale) }));
  for (const wanted of languages) {
    const want = expand(wanted);
    if (!want) continue;
    const sameScript = shipped.filter(
      ({ tag }) => tag && tag.language === want.language && tag.script === want.script,
    );
    const best = sameScript.find(({ tag }) => tag?.region === want.region) ?? sameScript[0];
    if (best) return best.messages;
  }
  return available[0];
}
