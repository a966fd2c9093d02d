import { describe, expect, test } from 'vitest';
import { shapeArabic, visualLine, visualLines } from '../../src/server/modules/messages/letters/rtl-text.ts';

const codes = (text: string) =>
  Array.from(text, (c) => (c.codePointAt(0) ?? 0).toString(16).padStart(4, '0'));
/** Right-to-left text as printed left to right: its characters the other way round. */
const reversed = (text: string) => Array.from(text).reverse().join('');

describe('Arabic letters in their contextual forms (issue 21, letters in Arabic)', () => {
  test.each<[string, string, string[]]>([
    ['isolated beh', 'ب', ['fe8f']],
    ['initial and final beh', 'بب', ['fe91', 'fe90']],
    ['initial, medial and final beh', 'ببب', ['fe91', 'fe92', 'fe90']],
    ['alef joins only to the letter before it', 'باب', ['fe91', 'fe8e', 'fe8f']],
    ['dal, reh and waw do not join to the next letter', 'دور', ['fea9', 'feed', 'fead']],
    ['alef maksura at the end of a word', 'على', ['fecb', 'fee0', 'fef0']],
    ['teh marbuta at the end of a word', 'لجنة', ['fedf', 'fea0', 'fee8', 'fe94']],
    ['lam-alef alone', 'لا', ['fefb']],
    ['lam-alef after a joining letter', 'سلام', ['feb3', 'fefc', 'fee1']],
    ['lam-alef with hamza above', 'لأن', ['fef7', 'fee5']],
    ['lam-alef with hamza below, after alef', 'الإرجاع', ['fe8d', 'fef9', 'fead', 'fe9f', 'fe8e', 'fec9']],
    ['lam-alef with madda', 'الآن', ['fe8d', 'fef5', 'fee5']],
    ['hamza on the line joins to nothing', 'شيء', ['feb7', 'fef2', 'fe80']],
    ['hamza on waw', 'سؤال', ['feb3', 'fe86', 'fe8d', 'fedd']],
    ['hamza on yeh, medial', 'بئر', ['fe91', 'fe8c', 'feae']],
    ['alef with hamza above at the start', 'أن', ['fe83', 'fee5']],
    ['tatweel joins both sides and keeps its form', 'بـب', ['fe91', '0640', 'fe90']],
    ['a mark is transparent to joining', 'شكرًا', ['feb7', 'fedc', 'feae', '064b', 'fe8d']],
    ['Latin, digits and punctuation stay', 'K-2026-00012.', codes('K-2026-00012.')],
  ])('%s', (_name, text, expected) => {
    expect(codes(shapeArabic(text))).toEqual(expected);
    // the presentation forms are compatibility forms of the base letters: text extraction gets them back
    expect(shapeArabic(text).normalize('NFKC')).toBe(text.normalize('NFKC'));
  });
});

describe('a line in visual order (Unicode bidi algorithm)', () => {
  test.each<[string, string, string]>([
    ['Arabic only: the words right to left', 'تابع شكواك', reversed(shapeArabic('تابع شكواك'))],
    [
      'a reference number stays left to right',
      'رقم الملف K-2026-00012',
      `K-2026-00012 ${reversed(shapeArabic('رقم الملف'))}`,
    ],
    [
      'a link and a full stop after it',
      'اذهب إلى https://example.nl/ar/klacht/status.',
      `.https://example.nl/ar/klacht/status ${reversed(shapeArabic('اذهب إلى'))}`,
    ],
    [
      'a date in Western digits inside Arabic',
      'استلمنا شكواك بتاريخ 7 ديسمبر 2026.',
      `.2026 ${reversed(shapeArabic('ديسمبر'))} 7 ${reversed(shapeArabic('استلمنا شكواك بتاريخ'))}`,
    ],
    ['brackets are mirrored', '(رقم)', `(${reversed(shapeArabic('رقم'))})`],
    ['a page number', 'صفحة 1 من 2', `2 ${reversed(shapeArabic('من'))} 1 ${reversed(shapeArabic('صفحة'))}`],
  ])('%s', (_name, text, expected) => {
    expect(codes(visualLine(text))).toEqual(codes(expected));
  });

  test('a left-to-right line keeps its order; an Arabic name in it reads right to left', () => {
    expect(visualLine('Fatima فاطمة, Kerkstraat 12', 'ltr')).toBe(
      `Fatima ${reversed(shapeArabic('فاطمة'))}, Kerkstraat 12`,
    );
  });

  test('a mark stays next to its letter, on the side Arabic fonts expect (left of it)', () => {
    expect(codes(visualLine('شكرًا'))).toEqual(['fe8d', '064b', 'feae', 'fedc', 'feb7']);
  });
});

describe('a paragraph wrapped before it is reordered', () => {
  // one point per character: easy to reason about, the real letter measures with the font
  const measure = (text: string) => text.length;
  const paragraph = 'واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة';

  test.each([11, 16, 25, 60])('at width %i every line fits and the lines read on in order', (width) => {
    const lines = visualLines(paragraph, width, measure);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
    // read each printed line right to left: together they are the paragraph, first line first
    const read = lines.map((line) => reversed(line).normalize('NFKC')).join(' ');
    expect(read).toBe(paragraph);
    expect(lines.length > 1).toBe(width < paragraph.length);
  });

  test('the first words of a paragraph are on the first line, at its right end', () => {
    const [first, second] = visualLines(paragraph, 16, measure);
    expect(first?.endsWith(reversed(shapeArabic('واحد')))).toBe(true);
    expect(second?.endsWith(reversed(shapeArabic('أربعة')))).toBe(true);
  });

  test('a reference number that falls at a line end stays whole and left to right', () => {
    const lines = visualLines('رقم ملف شكواك هو K-2026-00012 اذكر هذا الرقم', 24, measure);
    expect(lines.some((line) => line.includes('K-2026-00012'))).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(24);
  });

  test('hard line breaks stay; a word wider than the line is cut', () => {
    expect(visualLines('مع أطيب التحيات،\nEva de Vries', 100, measure)).toEqual([
      visualLine('مع أطيب التحيات،'),
      'Eva de Vries',
    ]);
    expect(visualLines('https://example.nl/abcdef', 10, measure)).toEqual([
      'https://ex',
      'ample.nl/a',
      'bcdef',
    ]);
  });
});
