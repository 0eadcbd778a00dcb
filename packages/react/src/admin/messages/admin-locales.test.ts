import { describe, expect, it as test } from 'vitest';
import { adminDe } from './de.js';
import { adminEn } from './en.js';
import { adminAr } from './locales/ar.js';
import { adminEs } from './locales/es.js';
import { adminFr } from './locales/fr.js';
import { adminIt } from './locales/it.js';
import { adminJa } from './locales/ja.js';
import { adminKo } from './locales/ko.js';
import { adminNl } from './locales/nl.js';
import { adminPl } from './locales/pl.js';
import { adminPtBR } from './locales/pt-BR.js';
import { adminSv } from './locales/sv.js';
import { adminZhCN } from './locales/zh-CN.js';
import type { AdminMessages } from './types.js';

const TRANSLATIONS: readonly AdminMessages[] = [
  adminDe,
  adminEs,
  adminFr,
  adminIt,
  adminPtBR,
  adminNl,
  adminSv,
  adminPl,
  adminJa,
  adminZhCN,
  adminKo,
  adminAr,
];
/** The twelve locales of the main messages besides English, one admin catalogue each. */
const MAIN_LOCALES = ['de', 'es', 'fr', 'it', 'pt-BR', 'nl', 'sv', 'pl', 'ja', 'zh-CN', 'ko', 'ar'];

/** Words a language shares with English (Status, Actions…); anything else equal is a leftover. */
const SAME_AS_ENGLISH: Readonly<Record<string, readonly string[]>> = {
  de: ['users.status', 'users.state', 'users.searchFields.name'],
  fr: ['detail.actions', 'groups.description'],
  nl: ['users.status', 'users.state'],
  sv: ['users.status', 'users.state'],
};

const NAME = 'zoë_42';

/** Every leaf as [path, text]; functions are called with a sample name. */
function leaves(messages: AdminMessages): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'function')
      out.set(path, String((value as (n: string) => string)(NAME)));
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(messages, '');
  return out;
}

const english = leaves(adminEn);
const functions = [...english.entries()].filter(([, text]) => text.includes(NAME)).map(([p]) => p);

test('one admin catalogue per main locale', () => {
  expect(TRANSLATIONS.map((m) => m.locale)).toEqual(MAIN_LOCALES);
});

describe.each(TRANSLATIONS.map((m) => [m.locale, m] as const))(
  'admin locale %s',
  (locale, messages) => {
    const translated = leaves(messages);

    test('has every key of English and no other', () => {
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    });

    test('names the user or group wherever English does', () => {
      expect(functions.length).toBeGreaterThan(10);
      for (const path of functions) expect(translated.get(path), path).toContain(NAME);
    });

    test('leaves no English behind', () => {
      const allowed = new Set(['locale', ...(SAME_AS_ENGLISH[locale] ?? [])]);
      const leftovers = [...translated].filter(
        ([path, text]) =>
          !allowed.has(path) && text === english.get(path) && !/^[\s\p{P}]*$/u.test(text),
      );
      expect(leftovers.map(([path]) => path)).toEqual([]);
    });
  },
);
