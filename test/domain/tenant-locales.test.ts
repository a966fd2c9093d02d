import { describe, expect, test } from 'vitest';
import {
  isTenantLocale,
  letterLocale,
  TENANT_LOCALE_INFO,
  TENANT_LOCALES,
  type TenantLocale,
  tenantLocaleOf,
  tenantLocaleOfPath,
  textDirection,
} from '../../src/domain/index.ts';

describe('the tenant languages (issue 21, decision 028)', () => {
  test('Dutch, English, Turkish, Arabic and Polish; Dutch first (the default)', () => {
    expect(TENANT_LOCALES).toEqual(['nl', 'en', 'tr', 'ar', 'pl']);
  });

  test.each<[TenantLocale, 'ltr' | 'rtl']>([
    ['nl', 'ltr'],
    ['en', 'ltr'],
    ['tr', 'ltr'],
    ['ar', 'rtl'],
    ['pl', 'ltr'],
  ])('%s is written %s', (locale, direction) => {
    expect(textDirection(locale)).toBe(direction);
  });

  test.each<[string, TenantLocale]>([
    ['/', 'nl'],
    ['/klacht', 'nl'],
    ['/klacht/status/abc/bericht', 'nl'],
    ['/en', 'en'],
    ['/complaint/status', 'en'],
    ['/tr', 'tr'],
    ['/tr/klacht', 'tr'],
    ['/tr/klacht/status/abc?sent=1', 'tr'],
    ['/ar', 'ar'],
    ['/ar/klacht/status/abc/tevredenheid', 'ar'],
    ['/pl/klacht/status', 'pl'],
    ['/pl', 'pl'],
    // not a prefix of a word: `/trein` is no Turkish page, `/ar-foo` no Arabic one
    ['/trein', 'nl'],
    ['/ar-foo', 'nl'],
    ['/api/complaints', 'nl'],
  ])('%s is in %s', (path, locale) => {
    expect(tenantLocaleOfPath(path)).toBe(locale);
  });

  test('every language keeps the Dutch and English addresses unchanged and has its own prefix', () => {
    expect(TENANT_LOCALE_INFO.nl).toMatchObject({ home: '/', base: '/klacht' });
    expect(TENANT_LOCALE_INFO.en).toMatchObject({ home: '/en', base: '/complaint' });
    for (const locale of ['tr', 'ar', 'pl'] as const)
      expect(TENANT_LOCALE_INFO[locale]).toMatchObject({ home: `/${locale}`, base: `/${locale}/klacht` });
    const addresses = TENANT_LOCALES.flatMap((l) => [TENANT_LOCALE_INFO[l].home, TENANT_LOCALE_INFO[l].base]);
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  test.each<[TenantLocale, TenantLocale]>([
    ['nl', 'nl'],
    ['en', 'en'],
    ['tr', 'tr'],
    ['pl', 'pl'],
    // the letter PDF shapes Arabic script and orders it right to left (rtl-text.ts): the letter is Arabic
    ['ar', 'ar'],
  ])('a letter on paper to a %s complainant is in %s', (locale, letter) => {
    expect(letterLocale(locale)).toBe(letter);
  });

  test.each<[unknown, boolean, TenantLocale]>([
    ['tr', true, 'tr'],
    ['ar', true, 'ar'],
    ['de', false, 'nl'],
    ['', false, 'nl'],
    [null, false, 'nl'],
    [undefined, false, 'nl'],
  ])('%s is a tenant language: %s (else Dutch)', (value, known, fallback) => {
    expect(isTenantLocale(value)).toBe(known);
    expect(tenantLocaleOf(value)).toBe(fallback);
  });
});
