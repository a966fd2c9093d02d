import { describe, expect, test } from 'vitest';
import { TENANT_LOCALES } from '../../src/domain/index.ts';
import { CATALOGUES } from '../../src/server/modules/portal/i18n/messages.ts';

// Issue 21: one catalogue per language, every key in every language, nothing empty, nothing left in Dutch
// (or English) in the new languages unless it is meant to be the same word.

type Leaf = { path: string; value: string };

/** Every text of a catalogue by its path; a function is called with sample arguments. */
function leaves(value: unknown, path = ''): Leaf[] {
  if (typeof value === 'string') return [{ path, value }];
  if (typeof value === 'function')
    return [{ path: `${path}()`, value: String((value as (...a: unknown[]) => unknown)('«X»', 4)) }];
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => leaves(item, path === '' ? key : `${path}.${key}`));
  return [{ path, value: String(value) }];
}

// The same word on purpose: Polish writes "E-mail" as Dutch and English do.
const SAME_AS_DUTCH: Record<string, readonly string[]> = {
  tr: [],
  ar: [],
  pl: ['preferred.email', 'frontDoorEmail'],
};
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  tr: [],
  ar: [],
  pl: ['preferred.email', 'frontDoorEmail'],
};
const NEVER_COMPARED = new Set(['locale', 'dateLocale', 'languageName']);

describe('the portal catalogues (issue 21)', () => {
  const dutch = leaves(CATALOGUES.nl);
  const dutchByPath = new Map(dutch.map((leaf) => [leaf.path, leaf.value]));

  test.each(TENANT_LOCALES)('%s has exactly the Dutch keys, none empty', (locale) => {
    const texts = leaves(CATALOGUES[locale]);
    expect(texts.map((leaf) => leaf.path)).toEqual(dutch.map((leaf) => leaf.path));
    for (const leaf of texts) expect(leaf.value.trim(), `${locale}: ${leaf.path}`).not.toBe('');
    expect(CATALOGUES[locale].locale).toBe(locale);
  });

  test.each(['tr', 'ar', 'pl'] as const)('%s has no Dutch or English left in it', (locale) => {
    const english = new Map(leaves(CATALOGUES.en).map((leaf) => [leaf.path, leaf.value]));
    const leftDutch: string[] = [];
    const leftEnglish: string[] = [];
    for (const leaf of leaves(CATALOGUES[locale])) {
      if (NEVER_COMPARED.has(leaf.path)) continue;
      if (leaf.value === dutchByPath.get(leaf.path) && !SAME_AS_DUTCH[locale]?.includes(leaf.path))
        leftDutch.push(leaf.path);
      if (leaf.value === english.get(leaf.path) && !SAME_AS_ENGLISH[locale]?.includes(leaf.path))
        leftEnglish.push(leaf.path);
    }
    expect(leftDutch).toEqual([]);
    expect(leftEnglish).toEqual([]);
  });

  test('Arabic texts are in Arabic script', () => {
    for (const leaf of leaves(CATALOGUES.ar)) {
      if (NEVER_COMPARED.has(leaf.path)) continue;
      expect(leaf.value, leaf.path).toMatch(/[\u0600-\u06FF]/);
    }
  });
});
