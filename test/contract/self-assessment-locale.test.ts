import { describe, expect, test } from 'vitest';
import {
  figureValueIn,
  sectionNoteIn,
  selfAssessmentPdfQuery,
  selfAssessmentPublicPath,
} from '../../src/contract/self-assessment.ts';
import { SELF_ASSESSMENT_REQUIREMENTS } from '../../src/domain/index.ts';

// Decision 054: the self-assessment in the reader's language — the public paths, the PDF's language, the section
// notes written "Dutch / English" and the stored figure values with their Dutch decimal comma.

describe('the self-assessment in Dutch and English', () => {
  test('the public page has a Dutch and an English address', () => {
    expect(selfAssessmentPublicPath(2025)).toBe('/zelfevaluatie/2025');
    expect(selfAssessmentPublicPath(2025, 'en')).toBe('/en/self-assessment/2025');
  });

  test('the PDF is Dutch by default, English on ?lang=en, and refuses other languages', () => {
    expect(selfAssessmentPdfQuery.parse({})).toEqual({ lang: 'nl' });
    expect(selfAssessmentPdfQuery.parse({ lang: 'en' })).toEqual({ lang: 'en' });
    expect(selfAssessmentPdfQuery.safeParse({ lang: 'fr' }).success).toBe(false);
  });

  test('every section note of the requirements file has a Dutch and an English half', () => {
    for (const r of SELF_ASSESSMENT_REQUIREMENTS.requirements) {
      if (r.sectionNote === null) continue;
      const nl = sectionNoteIn(r.sectionNote, 'nl');
      const en = sectionNoteIn(r.sectionNote, 'en');
      expect(nl).not.toBe(en);
      expect(r.sectionNote).toBe(`${nl} / ${en}`);
    }
    expect(sectionNoteIn('Only one language', 'en')).toBe('Only one language');
  });

  test('figure values take the decimal point in English; counts and dashes stay as they are', () => {
    expect(figureValueIn('9 (75,0%)', 'en')).toBe('9 (75.0%)');
    expect(figureValueIn('9 (75,0%)', 'nl')).toBe('9 (75,0%)');
    expect(figureValueIn('4,0', 'en')).toBe('4.0');
    expect(figureValueIn('26068', 'en')).toBe('26068');
    expect(figureValueIn('— (n=3)', 'en')).toBe('— (n=3)');
    expect(figureValueIn('2 / 4', 'en')).toBe('2 / 4');
  });
});
