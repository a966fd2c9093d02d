import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type TenantLocale, textDirection } from '../../../../domain/tenant-locales.ts';
import { loadOnce } from '../../../load-once.ts';
import { visualLine, visualLines } from './rtl-text.ts';

// Issue 21 (decision 028): how a letter's words reach pdfmake. Left-to-right languages go as they are, in
// Roboto, and pdfmake wraps them. Arabic goes in DejaVu Sans (Roboto has no Arabic), shaped and in visual order
// (src/server/modules/messages/letters/rtl-text.ts). pdfmake would wrap a reordered line from the wrong end, so Arabic text is wrapped
// here in logical order, measured with the same font engine pdfmake draws with (fontkit), and each printed
// line goes to pdfmake as one line it does not wrap again, aligned right.

export const ARABIC_FONT = 'GehoordLetterArabic';
// Debian's fonts-dejavu-core (CI installs it, .ci/run)
const DEJAVU_DIR = '/usr/share/fonts/truetype/dejavu';
const DEJAVU_FILES = { normal: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
/**
 * The text is shaped and ordered already: fontkit must neither shape it again nor reverse an Arabic run. A
 * string in the features slot is fontkit's script argument (`font.layout(text, script)`); a Latin script
 * lays the glyphs out left to right as given. pdfmake passes `fontFeatures` through pdfkit to fontkit.
 */
const AS_GIVEN = 'latn';

type FontkitFont = { unitsPerEm: number; layout(text: string, script: string): { advanceWidth: number } };

/** DejaVu Sans for Arabic letters: the files for pdfmake's virtual file system and a measure per weight. */
export const loadArabicFont = loadOnce(async () => {
  const fontkit = await import('fontkit');
  const files = Object.fromEntries(
    Object.entries(DEJAVU_FILES).map(([style, file]) => {
      const absolute = path.join(DEJAVU_DIR, file);
      try {
        return [style, { name: file, data: readFileSync(absolute) }];
      } catch (error) {
        throw new Error(
          `Arabic letters need ${absolute} (Debian package fonts-dejavu-core): ${String(error)}`,
        );
      }
    }),
  ) as Record<keyof typeof DEJAVU_FILES, { name: string; data: Buffer }>;
  const fonts = {
    normal: fontkit.create(files.normal.data) as FontkitFont,
    bold: fontkit.create(files.bold.data) as FontkitFont,
  };
  return { files, fonts };
});

type ArabicFont = Awaited<ReturnType<typeof loadArabicFont>>;
type TextStyle = { fontSize: number; bold?: boolean };

/** A letter's text in its script: single lines and wrapped blocks, ready for pdfmake. */
export type LetterScript = {
  direction: 'ltr' | 'rtl';
  /** Styles for the whole document (font; for Arabic the "as given" layout). */
  documentStyle: Record<string, unknown>;
  /** Where text starts: left, or right for Arabic. */
  alignment: 'left' | 'right';
  /** A short text that stays on one line (a label, a date, a code). */
  line(text: string): string;
  /** A line of the postal address: left to right in every letter (a Dutch address in the window). */
  addressLine(text: string): string;
  /** Running text in a column `width` points wide, with its style and any other pdfmake properties. */
  block(
    text: string,
    width: number,
    style: TextStyle,
    extra?: Record<string, unknown>,
  ): Record<string, unknown>;
};

const LEFT_TO_RIGHT: LetterScript = {
  direction: 'ltr',
  documentStyle: {},
  alignment: 'left',
  line: (text) => text,
  addressLine: (text) => text,
  block: (text, _width, style, extra = {}) => ({ text, ...style, ...extra }),
};

function rightToLeft(font: ArabicFont): LetterScript {
  const measure = (style: TextStyle) => {
    const face = style.bold === true ? font.fonts.bold : font.fonts.normal;
    return (text: string) => (face.layout(text, AS_GIVEN).advanceWidth * style.fontSize) / face.unitsPerEm;
  };
  return {
    direction: 'rtl',
    documentStyle: { font: ARABIC_FONT, fontFeatures: AS_GIVEN },
    alignment: 'right',
    line: (text) => visualLine(text),
    // an Arabic name in the address is still shaped, but the address reads left to right
    addressLine: (text) => visualLine(text, 'ltr'),
    block: (text, width, style, extra = {}) => ({
      // a hair narrower than the column, so rounding never makes pdfmake wrap a measured line
      stack: visualLines(text, width - 1, measure(style)).map((line) => ({
        text: line === '' ? ' ' : line,
        noWrap: true,
        alignment: 'right',
      })),
      ...style,
      ...extra,
    }),
  };
}

/** The script of a letter in this language (the Arabic font is loaded on the first Arabic letter). */
export async function letterScript(locale: TenantLocale): Promise<LetterScript> {
  return textDirection(locale) === 'rtl' ? rightToLeft(await loadArabicFont()) : LEFT_TO_RIGHT;
}
