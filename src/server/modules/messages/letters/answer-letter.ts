import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TenantLocale } from '../../../../domain/tenant-locales.ts';
import { loadOnce } from '../../../load-once.ts';
import { ARABIC_FONT, type LetterScript, letterScript, loadArabicFont } from './letter-script.ts';
import { LETTER_TEXTS, type LetterTexts } from './letter-texts.ts';

export type AnswerLetter = {
  organizationName: string;
  /** Issue 22: the organisation's postal address (administrator's organisation page), the return address. */
  organizationAddress?: string | null;
  recipient: { name: string; addressLines: string[] };
  date: string;
  reference: string;
  subject: string;
  /** The letter text, paragraphs separated by blank lines (the same text as the e-mail). */
  body: string;
  /** Issue 21: how the tenant follows the complaint without e-mail: a QR code, a short link and a code. */
  follow?: FollowBlock;
  /** The language of the letter's own words (date, reference, the box); the body is already in it. */
  locale?: TenantLocale;
  /** Issue 26 (decision 051): the complainant asked for large print: 16 pt text with more space between lines. */
  largePrint?: boolean;
};

/** The sender on the envelope window's small line: the name, then the postal address on one line. */
export function returnAddressOf(
  letter: Pick<AnswerLetter, 'organizationName' | 'organizationAddress'>,
): string {
  const lines = (letter.organizationAddress ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return [letter.organizationName, ...lines].join(', ');
}

export type FollowBlock = {
  /** The private status link (with its token), only as the QR code. */
  privateLink: string;
  /** The status page where the code is typed, printed in full (short enough to type). */
  shortLink: string;
  code: string;
  reference: string;
};

/** The box under the text: scan the QR code, or type the short link, the code and the reference. */
function followBox(follow: FollowBlock, t: LetterTexts, s: LetterScript) {
  const rtl = s.direction === 'rtl';
  const qr = { qr: follow.privateLink, fit: 34 * MM, eccLevel: 'M', margin: [0, 2, 0, 2] };
  // the detail table's label and value swap sides in a right-to-left letter
  const detail = (label: string, value: Record<string, unknown>) =>
    rtl
      ? [
          { ...value, alignment: 'right' },
          { text: s.line(label), alignment: 'right' },
        ]
      : [label, value];
  const text = {
    stack: [
      s.block(t.followTitle, FOLLOW_TEXT_WIDTH, { fontSize: 12, bold: true }, { margin: [0, 0, 0, 4] }),
      s.block(t.followScan, FOLLOW_TEXT_WIDTH, { fontSize: 10.5 }),
      s.block(t.followNoCamera, FOLLOW_TEXT_WIDTH, { fontSize: 10.5 }, { margin: [0, 4, 0, 0] }),
      { text: s.line(follow.shortLink), bold: true, alignment: s.alignment },
      s.block(t.followTypeThere, FOLLOW_TEXT_WIDTH, { fontSize: 10.5 }, { margin: [0, 4, 0, 2] }),
      {
        table: {
          widths: rtl ? ['*', 'auto'] : ['auto', '*'],
          body: [
            detail(t.followCode, {
              text: s.line(follow.code),
              bold: true,
              fontSize: 13,
              characterSpacing: 1,
            }),
            detail(t.followReference, { text: s.line(follow.reference), bold: true }),
          ],
        },
        layout: 'noBorders',
      },
      s.block(t.followNote, FOLLOW_TEXT_WIDTH, { fontSize: 9 }, { color: '#57606a', margin: [0, 4, 0, 0] }),
    ],
  };
  return {
    margin: [0, 6, 0, 0],
    unbreakable: true,
    table: {
      // the QR code stands where the reader starts: left, or right in Arabic
      widths: rtl ? ['*', 36 * MM] : [36 * MM, '*'],
      body: [rtl ? [text, qr] : [qr, text]],
    },
    layout: {
      hLineColor: () => '#0b5c8a',
      vLineColor: () => '#0b5c8a',
      vLineWidth: (i: number) => (i === 1 ? 0 : 1),
      paddingLeft: () => 6,
      paddingRight: () => 6,
      paddingTop: () => 6,
      paddingBottom: () => 6,
    },
  };
}

const FONT = 'GehoordLetter';
/** The text size and line spacing of a letter, and of one in large print (decision 051: at least 16 pt). */
export const LETTER_TEXT = { fontSize: 10.5, lineHeight: 1.25 } as const;
export const LARGE_PRINT_TEXT = { fontSize: 16, lineHeight: 1.5 } as const;
const MM = 72 / 25.4;
/** A4 less the side margins: the width of the letter's text. */
const CONTENT_WIDTH = (210 - 25 - 22) * MM;
/** The follow box's text column: the text width less the QR column, the cell paddings and the borders. */
const FOLLOW_TEXT_WIDTH = CONTENT_WIDTH - 36 * MM - 4 * 6 - 2;
/** The value column of the date/reference/subject block. */
const DETAILS_LABEL_WIDTH = 75;
const DETAILS_VALUE_WIDTH = CONTENT_WIDTH - DETAILS_LABEL_WIDTH - 8;

// Roboto ships with pdfmake and covers Dutch (ë, ï, é, ĳ). The files go into pdfmake's own virtual file
// system, so rendering never reads from disk or the network whatever access policy others set.
const loadPdfmake = loadOnce(async () => {
  const pdfmake = (await import('pdfmake')).default;
  const fontDir = path.join(
    path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
    'fonts/Roboto',
  );
  const files = {
    normal: 'Roboto-Regular.ttf',
    bold: 'Roboto-Medium.ttf',
    italics: 'Roboto-Italic.ttf',
    bolditalics: 'Roboto-MediumItalic.ttf',
  };
  for (const file of Object.values(files)) {
    pdfmake.virtualfs.writeFileSync(`gehoord-letter/${file}`, readFileSync(path.join(fontDir, file)));
  }
  pdfmake.addFonts({
    [FONT]: Object.fromEntries(
      Object.entries(files).map(([style, file]) => [style, `gehoord-letter/${file}`]),
    ) as {
      normal: string;
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  // Letters read nothing from disk; a policy another module set for its own files is left alone
  if (pdfmake.localAccessPolicy === undefined) pdfmake.setLocalAccessPolicy(() => false);
  return pdfmake;
});

// DejaVu Sans for Arabic letters, in the virtual file system as Roboto is (letter-script.ts)
const loadArabicPdfmake = loadOnce(async () => {
  const [pdfmake, arabic] = await Promise.all([loadPdfmake(), loadArabicFont()]);
  for (const { name, data } of Object.values(arabic.files))
    pdfmake.virtualfs.writeFileSync(`gehoord-letter/${name}`, data);
  pdfmake.addFonts({
    [ARABIC_FONT]: {
      normal: `gehoord-letter/${arabic.files.normal.name}`,
      bold: `gehoord-letter/${arabic.files.bold.name}`,
    },
  });
  return pdfmake;
});

/**
 * The answer as a printable A4 letter: letterhead, the address where a Dutch window envelope shows it
 * (left window, 20 × 50 mm from the top-left corner, about 85 × 40 mm), date, reference and subject,
 * the text, and the signature the template ends with.
 */
export async function renderAnswerLetter(letter: AnswerLetter): Promise<Buffer> {
  const locale = letter.locale ?? 'nl';
  const s = await letterScript(locale);
  const pdfmake = s.direction === 'rtl' ? await loadArabicPdfmake() : await loadPdfmake();
  const t = LETTER_TEXTS[locale];
  const text = letter.largePrint === true ? LARGE_PRINT_TEXT : LETTER_TEXT;
  const paragraphs = letter.body
    .split(/\n{2,}/)
    .map((part) => s.block(part, CONTENT_WIDTH, { fontSize: text.fontSize }, { margin: [0, 0, 0, 9] }));
  const rtl = s.direction === 'rtl';
  // label and value swap sides in a right-to-left letter
  const details = [
    [t.date, letter.date],
    [t.ourReference, letter.reference],
    [t.subject, letter.subject],
  ].map(([label = '', value = '']) => {
    const labelCell = { text: s.line(label), color: '#57606a', alignment: s.alignment };
    const valueCell = s.block(value, DETAILS_VALUE_WIDTH, { fontSize: text.fontSize });
    return rtl ? [valueCell, labelCell] : [labelCell, valueCell];
  });
  const definition = {
    pageSize: 'A4',
    pageMargins: [25 * MM, 20 * MM, 22 * MM, 22 * MM],
    info: { title: `${letter.subject}`, author: letter.organizationName, subject: letter.reference },
    defaultStyle: { font: FONT, ...text, color: '#1f2328', ...s.documentStyle },
    footer: (page: number, pages: number) => ({
      margin: [25 * MM, 6 * MM, 22 * MM, 0],
      columns: [
        { text: s.line(letter.organizationName), fontSize: 8, color: '#57606a' },
        {
          text: s.line(`${letter.reference} · ${t.page(page, pages)}`),
          alignment: 'right',
          fontSize: 8,
          color: '#57606a',
        },
      ],
    }),
    content: [
      {
        columns: [
          { width: '*', text: '' },
          {
            width: 'auto',
            stack: [
              {
                text: s.line(letter.organizationName),
                fontSize: 16,
                bold: true,
                color: '#0b5c8a',
                alignment: 'right',
              },
              { text: s.line(t.department), fontSize: 9, color: '#57606a', alignment: 'right' },
            ],
          },
        ],
      },
      {
        // Absolute, so the address sits in the envelope window however long the letterhead is. A Dutch
        // postal address: left to right in every language (only its words are shaped in an Arabic letter).
        absolutePosition: { x: 20 * MM + 4, y: 50 * MM },
        width: 85 * MM,
        alignment: 'left',
        stack: [
          {
            text: s.line(t.returnAddress(returnAddressOf(letter))),
            fontSize: 7,
            color: '#57606a',
            margin: [0, 0, 0, 4],
          },
          { text: s.addressLine(letter.recipient.name) },
          ...letter.recipient.addressLines.map((line) => ({ text: s.addressLine(line) })),
        ],
      },
      {
        margin: [0, 78 * MM - 20 * MM - 20, 0, 16],
        table: {
          widths: rtl ? ['*', DETAILS_LABEL_WIDTH] : [DETAILS_LABEL_WIDTH, '*'],
          body: details,
        },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: () => 0,
          paddingLeft: (i: number) => (rtl && i === 1 ? 8 : 0),
          paddingRight: () => (rtl ? 0 : 8),
          paddingTop: () => 1,
          paddingBottom: () => 1,
        },
      },
      ...paragraphs,
      ...(letter.follow === undefined ? [] : [followBox(letter.follow, t, s)]),
    ],
  };
  return pdfmake.createPdf(definition).getBuffer();
}
