import { describe, expect, it } from 'vitest';
import { de } from '../../messages/de.js';
import { en } from '../../messages/en.js';
import { ar } from '../../messages/locales/ar.js';
import { es } from '../../messages/locales/es.js';
import { fr } from '../../messages/locales/fr.js';
import { it as itMain } from '../../messages/locales/it.js';
import { ja } from '../../messages/locales/ja.js';
import { ko } from '../../messages/locales/ko.js';
import { nl } from '../../messages/locales/nl.js';
import { pl } from '../../messages/locales/pl.js';
import { ptBR } from '../../messages/locales/pt-BR.js';
import { sv } from '../../messages/locales/sv.js';
import { zhCN } from '../../messages/locales/zh-CN.js';
import * as catalogues from './index.js';
import type { FederationMessages } from './types.js';

const { federationEn } = catalogues;
const TRANSLATIONS: readonly FederationMessages[] = [
  catalogues.federationDe,
  catalogues.federationEs,
  catalogues.federationFr,
  catalogues.federationIt,
  catalogues.federationPtBR,
  catalogues.federationNl,
  catalogues.federationSv,
  catalogues.federationPl,
  catalogues.federationJa,
  catalogues.federationZhCN,
  catalogues.federationKo,
  catalogues.federationAr,
];
const MAIN_LOCALES = [en, de, es, fr, itMain, ptBR, nl, sv, pl, ja, zhCN, ko, ar].map(
  (m) => m.locale,
);

const texts = (m: FederationMessages) =>
  Object.fromEntries(
    Object.entries(m).map(([k, v]) => [k, typeof v === 'function' ? String(v('Acme SSO')) : v]),
  ) as Record<string, string>;

describe('federation catalogues', () => {
  it('cover exactly the main locales', () => {
    expect([federationEn, ...TRANSLATIONS].map((m) => m.locale).sort()).toEqual(
      [...MAIN_LOCALES].sort(),
    );
  });

  describe.each(TRANSLATIONS.map((m) => [m.locale, m] as const))('%s', (_locale, messages) => {
    it('has every key of English, keeps the provider name and leaves no English behind', () => {
      const english = texts(federationEn);
      const translated = texts(messages);
      expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
      expect(translated['continueWith']).toContain('Acme SSO');
      for (const key of Object.keys(english)) {
        if (key !== 'locale') expect(translated[key], key).not.toBe(english[key]);
      }
    });
  });
});
