/**
 * Small pure helpers every locale file uses, so the rules they carry (own-property lookups,
 * CLDR plural rules, one date style) live in one place rather than in fourteen copies.
 * Nothing here runs at import time: a locale an app does not import costs it nothing.
 */

/**
 * A locale's `fields.attribute` answer: the translated label of a standard attribute, or the
 * attribute's own name made readable (`custom:team_name` → `team name`). Own properties only,
 * so an attribute called `constructor` is a name, not `Object.prototype.constructor`. Locale
 * files call it inside an arrow function rather than building a closure at module level: a
 * call at the top of a module is kept by bundlers, so it would pull every locale into apps
 * that import one.
 */
export function labelAttribute(labels: Readonly<Record<string, string>>, name: string): string {
  return Object.hasOwn(labels, name)
    ? (labels[name] as string)
    : name.replace(/^custom:/, '').replace(/_/g, ' ');
}

/** `date` as a short calendar date in `locale` (15 Jan 2026, 15.01.2026, 2026年1月15日 …). */
export function shortDate(locale: string, date: Date): string {
  return date.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
}

/**
 * The forms of a counted phrase, keyed by CLDR plural category; `other` is required because
 * every language has it. `#` stands for the number, formatted for the locale.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The phrase for `count` in `locale`, chosen by `Intl.PluralRules` (Polish, Arabic, … included). */
export function plural(locale: string, count: number, forms: PluralForms): string {
  const form = forms[new Intl.PluralRules(locale).select(count)] ?? forms.other;
  return form.replace('#', new Intl.NumberFormat(locale).format(count));
}
