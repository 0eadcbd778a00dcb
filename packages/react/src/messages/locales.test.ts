import { describe, expect, it as test } from 'vitest';
import { de } from './de.js';
import { en } from './en.js';
import { ar } from './locales/ar.js';
import { es } from './locales/es.js';
import { fr } from './locales/fr.js';
import { it } from './locales/it.js';
import { ja } from './locales/ja.js';
import { ko } from './locales/ko.js';
import { nl } from './locales/nl.js';
import { pl } from './locales/pl.js';
import { ptBR } from './locales/pt-BR.js';
import { sv } from './locales/sv.js';
import { zhCN } from './locales/zh-CN.js';
import { shortDate } from './locale-support.js';
import { pickMessages } from './pick-messages.js';
import type { Messages } from './types.js';

const TRANSLATIONS: readonly Messages[] = [de, es, fr, it, ptBR, nl, sv, pl, ja, zhCN, ko, ar];

/**
 * Strings a translation may share with English because the language uses the same word
 * (Italian says "password"). Anything else equal to English is an untranslated leftover.
 */
const SAME_AS_ENGLISH: Readonly<Record<string, readonly string[]>> = {
  de: ['fields.code', 'passkeys.title'],
  it: ['fields.password'],
};

/** Sample arguments for every function-valued message, by path. */
const SAMPLE_DATE = new Date(2026, 0, 15);
const CALLS: Readonly<Record<string, readonly unknown[]>> = {
  'fields.attribute': ['given_name'],
  'mfa.codeSent': ['SMS', '+*******1234'],
  'mfa.method': ['SOFTWARE_TOKEN_MFA'],
  'confirmSignUp.codeSent': ['EMAIL', 'a***@e***.com'],
  'security.lastUsed': [SAMPLE_DATE],
  'passkeys.created': [SAMPLE_DATE],
  'passwordRules.minimumLength': [8],
  'federation.continueWith': ['Acme SSO'],
};

/** Every leaf of a messages object as [path, value]; functions are called with their samples. */
function leaves(messages: Messages): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'function') {
      const args = CALLS[path];
      if (!args) throw new Error(`no sample arguments for the message function ${path}`);
      out.set(path, String((value as (...a: unknown[]) => unknown)(...args)));
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(messages, '');
  return out;
}

const english = leaves(en);

describe.each(TRANSLATIONS.map((m) => [m.locale, m] as const))('locale %s', (locale, messages) => {
  const translated = leaves(messages);

  test('has every key of English and no other', () => {
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
  });

  test('keeps every placeholder', () => {
    expect(translated.get('mfa.codeSent')).toContain('+*******1234');
    expect(translated.get('confirmSignUp.codeSent')).toContain('a***@e***.com');
    expect(translated.get('federation.continueWith')).toContain('Acme SSO');
    expect(translated.get('security.lastUsed')).toContain(shortDate(locale, SAMPLE_DATE));
    expect(translated.get('passwordRules.minimumLength')).toContain(
      new Intl.NumberFormat(locale).format(8),
    );
    // Attributes the locale has no label for fall back to their readable name.
    expect(messages.fields.attribute('custom:team_name')).toBe('team name');
    expect(messages.fields.attribute('constructor')).toBe('constructor');
  });

  test('leaves no English behind', () => {
    const allowed = new Set(SAME_AS_ENGLISH[locale] ?? []);
    const leftovers = [...translated].filter(
      ([path, text]) =>
        path !== 'locale' &&
        path !== 'direction' &&
        !allowed.has(path) &&
        text === english.get(path),
    );
    expect(leftovers).toEqual([]);
  });

  test('names its writing direction', () => {
    expect(messages.direction).toBe(locale === 'ar' ? 'rtl' : 'ltr');
  });
});

describe('plural rules (Intl.PluralRules)', () => {
  test('English singular and plural', () => {
    expect(en.passwordRules.minimumLength(1)).toBe('at least 1 character');
    expect(en.passwordRules.minimumLength(8)).toBe('at least 8 characters');
  });

  test('Polish one, few and many', () => {
    expect(pl.passwordRules.minimumLength(1)).toBe('co najmniej 1 znak');
    expect(pl.passwordRules.minimumLength(3)).toBe('co najmniej 3 znaki');
    expect(pl.passwordRules.minimumLength(12)).toBe('co najmniej 12 znaków');
    expect(pl.passwordRules.minimumLength(22)).toBe('co najmniej 22 znaki');
  });

  test('Arabic two, few and many', () => {
    expect(ar.passwordRules.minimumLength(2)).toBe('حرفين على الأقل');
    expect(ar.passwordRules.minimumLength(8)).toContain('أحرف');
    expect(ar.passwordRules.minimumLength(12)).toContain('حرفًا');
  });
});

describe('pickMessages', () => {
  const shipped = [en, de, ptBR, zhCN, ar] as const;

  test('takes the first of the user languages that is shipped', () => {
    expect(pickMessages(shipped, ['fr-FR', 'de-AT', 'en'])).toBe(de);
  });

  test('matches a language without region to its regional locale', () => {
    expect(pickMessages(shipped, ['pt'])).toBe(ptBR);
    expect(pickMessages(shipped, ['zh-Hans'])).toBe(zhCN);
  });

  test('never gives Simplified Chinese to a Traditional Chinese reader', () => {
    expect(pickMessages(shipped, ['zh-TW'])).toBe(en);
  });

  test('falls back to the first shipped locale, skipping invalid tags', () => {
    expect(pickMessages(shipped, ['not a tag', 'sw'])).toBe(en);
    expect(pickMessages([de, en], [])).toBe(de);
  });
});
