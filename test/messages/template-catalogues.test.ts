import { describe, expect, test } from 'vitest';
import { letterLocale, TENANT_LOCALES } from '../../src/domain/index.ts';
import { LETTER_TEXTS } from '../../src/server/modules/messages/letters/letter-texts.ts';
import {
  COMPLAINANT_TEMPLATES,
  DEFAULT_TEMPLATES,
  defaultTemplate,
} from '../../src/server/modules/messages/templates/default-templates.ts';
import {
  type ComplainantKind,
  MESSAGE_KINDS,
  type MessageKind,
} from '../../src/server/modules/messages/templates/message-kinds.ts';
import {
  exampleValues,
  placeholdersIn,
  renderTemplate,
  validateTemplate,
} from '../../src/server/modules/messages/templates/render-template.ts';

// Issue 21: every message a complainant can receive exists in every tenant language, with the same
// placeholders as the Dutch text, and none of it is left in Dutch or English.

const KINDS = Object.keys(MESSAGE_KINDS) as MessageKind[];
const COMPLAINANT_KINDS = KINDS.filter(
  (kind) => MESSAGE_KINDS[kind].audience === 'complainant',
) as ComplainantKind[];
const NEW_LOCALES = ['tr', 'ar', 'pl'] as const;

describe('complainant messages in every tenant language (issue 21)', () => {
  test.each(NEW_LOCALES)('%s has every complainant message and nothing else', (locale) => {
    expect(Object.keys(COMPLAINANT_TEMPLATES[locale]).sort()).toEqual([...COMPLAINANT_KINDS].sort());
  });

  test.each(NEW_LOCALES)('%s uses exactly the Dutch placeholders and renders without braces', (locale) => {
    for (const kind of COMPLAINANT_KINDS) {
      const template = defaultTemplate(kind, locale);
      const dutch = DEFAULT_TEMPLATES[kind].nl;
      expect(validateTemplate(kind, template), `${locale}/${kind}`).toEqual([]);
      for (const field of ['subject', 'body'] as const)
        expect(new Set(placeholdersIn(template[field])), `${locale}/${kind}.${field}`).toEqual(
          new Set(placeholdersIn(dutch[field])),
        );
      const rendered = renderTemplate(kind, template, exampleValues(kind) as never);
      expect(rendered.subject + rendered.bodyText).not.toMatch(/\{\{|\}\}/);
      expect(rendered.subject).not.toContain('\n');
    }
  });

  test.each(NEW_LOCALES)('%s has no Dutch or English text left', (locale) => {
    for (const kind of COMPLAINANT_KINDS) {
      const template = defaultTemplate(kind, locale);
      for (const other of ['nl', 'en'] as const) {
        const original = DEFAULT_TEMPLATES[kind][other];
        expect(template.subject, `${locale}/${kind} subject`).not.toBe(original.subject);
        // no paragraph of the other language survives (placeholder-only paragraphs aside)
        const theirs = new Set(
          original.body.split('\n\n').filter((p) => p.replace(/\{\{\w+\}\}/g, '').trim()),
        );
        for (const paragraph of template.body.split('\n\n'))
          expect(theirs.has(paragraph), `${locale}/${kind}: "${paragraph}"`).toBe(false);
      }
    }
  });

  test('Arabic messages are in Arabic script', () => {
    for (const kind of COMPLAINANT_KINDS)
      expect(defaultTemplate(kind, 'ar').subject + defaultTemplate(kind, 'ar').body).toMatch(
        /[\u0600-\u06FF]{4}/,
      );
  });

  test('messages to staff stay Dutch whatever the complainant speaks', () => {
    for (const kind of KINDS.filter((k) => MESSAGE_KINDS[k].audience === 'staff'))
      for (const locale of NEW_LOCALES)
        expect(defaultTemplate(kind, locale)).toEqual(DEFAULT_TEMPLATES[kind].nl);
  });

  test('the printed letter has its own words in every language it can be printed in', () => {
    const dutchKeys = Object.keys(LETTER_TEXTS.nl).sort();
    for (const locale of TENANT_LOCALES) {
      expect(Object.keys(LETTER_TEXTS[locale]).sort()).toEqual(dutchKeys);
      for (const [key, value] of Object.entries(LETTER_TEXTS[locale])) {
        const text = typeof value === 'function' ? (value as (...a: unknown[]) => string)('X', 2, 3) : value;
        expect(text.trim(), `${locale}.${key}`).not.toBe('');
        const dutch = LETTER_TEXTS.nl[key as keyof typeof LETTER_TEXTS.nl];
        const dutchText =
          typeof dutch === 'function' ? (dutch as (...a: unknown[]) => string)('X', 2, 3) : dutch;
        // "Code" is the same word in Dutch and English
        if (locale !== 'nl' && !(locale === 'en' && key === 'followCode'))
          expect(text, `${locale}.${key}`).not.toBe(dutchText);
      }
    }
    expect(letterLocale('ar')).toBe('ar');
  });
});
