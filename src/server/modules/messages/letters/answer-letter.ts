import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TenantLocale } from '../../../../domain/tenant-locales.ts';
import { loadOnce } from '../../../load-once.ts';
import { LETTER_TEXTS, type LetterTexts } from './letter-texts.ts';

export type AnswerLetter = {
  organizationName: string;
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
};

export type FollowBlock = {
  /** The private status link (with its token), only as the QR code. */
  privateLink: string;
  /** The status page where the code is typed, printed in full (short enough to type). */
  shortLink: string;
  code: string;
  reference: string;
};

/** The box under the text: scan the QR code, or type the short link, the code and the reference. */
function followBox(follow: FollowBlock, t: LetterTexts) {
  return {
    margin: [0, 6, 0, 0],
    unbreakable: true,
    table: {
      widths: [36 * MM, '*'],
      body: [
        [
          { qr: follow.privateLink, fit: 34 * MM, eccLevel: 'M', margin: [0, 2, 0, 2] },
          {
            stack: [
              { text: t.followTitle, bold: true, fontSize: 12, margin: [0, 0, 0, 4] },
              { text: t.followScan },
              { text: t.followNoCamera, margin: [0, 4, 0, 0] },
              { text: follow.shortLink, bold: true },
              { text: t.followTypeThere, margin: [0, 4, 0, 2] },
              {
                table: {
                  widths: ['auto', '*'],
                  body: [
                    [t.followCode, { text: follow.code, bold: true, fontSize: 13, characterSpacing: 1 }],
                    [t.followReference, { text: follow.reference, bold: true }],
                  ],
                },
                layout: 'noBorders',
              },
              {
                text: t.followNote,
                fontSize: 9,
                color: '#57606a',
                margin: [0, 4, 0, 0],
              },
            ],
          },
        ],
      ],
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
const MM = 72 / 25.4;

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

/**
 * The answer as a printable A4 letter: letterhead, the address where a Dutch window envelope shows it
 * (left window, 20 × 50 mm from the top-left corner, about 85 × 40 mm), date, reference and subject,
 * the text, and the signature the template ends with.
 */
export async function renderAnswerLetter(letter: AnswerLetter): Promise<Buffer> {
  const pdfmake = await loadPdfmake();
  const t = LETTER_TEXTS[letter.locale ?? 'nl'];
  const paragraphs = letter.body.split(/\n{2,}/).map((text) => ({ text, margin: [0, 0, 0, 9] as number[] }));
  const definition = {
    pageSize: 'A4',
    pageMargins: [25 * MM, 20 * MM, 22 * MM, 22 * MM],
    info: { title: `${letter.subject}`, author: letter.organizationName, subject: letter.reference },
    defaultStyle: { font: FONT, fontSize: 10.5, lineHeight: 1.25, color: '#1f2328' },
    footer: (page: number, pages: number) => ({
      margin: [25 * MM, 6 * MM, 22 * MM, 0],
      columns: [
        { text: letter.organizationName, fontSize: 8, color: '#57606a' },
        {
          text: `${letter.reference} · ${t.page(page, pages)}`,
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
                text: letter.organizationName,
                fontSize: 16,
                bold: true,
                color: '#0b5c8a',
                alignment: 'right',
              },
              { text: t.department, fontSize: 9, color: '#57606a', alignment: 'right' },
            ],
          },
        ],
      },
      {
        // Absolute, so the address sits in the envelope window however long the letterhead is
        absolutePosition: { x: 20 * MM + 4, y: 50 * MM },
        width: 85 * MM,
        stack: [
          {
            text: t.returnAddress(letter.organizationName),
            fontSize: 7,
            color: '#57606a',
            margin: [0, 0, 0, 4],
          },
          { text: letter.recipient.name },
          ...letter.recipient.addressLines.map((line) => ({ text: line })),
        ],
      },
      {
        margin: [0, 78 * MM - 20 * MM - 20, 0, 16],
        table: {
          widths: [75, '*'],
          body: [
            [{ text: t.date, color: '#57606a' }, letter.date],
            [{ text: t.ourReference, color: '#57606a' }, letter.reference],
            [{ text: t.subject, color: '#57606a' }, letter.subject],
          ],
        },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: () => 0,
          paddingLeft: () => 0,
          paddingRight: () => 8,
          paddingTop: () => 1,
          paddingBottom: () => 1,
        },
      },
      ...paragraphs,
      ...(letter.follow === undefined ? [] : [followBox(letter.follow, t)]),
    ],
  };
  return pdfmake.createPdf(definition).getBuffer();
}
