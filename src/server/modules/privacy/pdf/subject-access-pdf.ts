import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadOnce } from '../../../load-once.ts';

export type SubjectSummary = {
  organizationName: string;
  generatedOn: string;
  person: { name: string; lines: string[] };
  complaints: {
    reference: string;
    lines: string[];
    description: string;
    answer: string | null;
  }[];
  messages: { date: string; direction: string; subject: string }[];
  attachments: { reference: string; fileName: string; note: string }[];
  access: { date: string; who: string; what: string; from: string }[];
};

const FONT = 'GehoordPrivacy';

// Roboto from pdfmake itself, in pdfmake's virtual file system under our own names: the summary reads
// nothing from disk or the network at render time, whatever policy another module set.
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
    if (!pdfmake.virtualfs.existsSync(`gehoord-privacy/${file}`))
      pdfmake.virtualfs.writeFileSync(`gehoord-privacy/${file}`, readFileSync(path.join(fontDir, file)));
  }
  pdfmake.addFonts({
    [FONT]: Object.fromEntries(
      Object.entries(files).map(([style, file]) => [style, `gehoord-privacy/${file}`]),
    ) as {
      normal: string;
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  if (pdfmake.localAccessPolicy === undefined) pdfmake.setLocalAccessPolicy(() => false);
  return pdfmake;
});

const heading = (text: string) => ({ text, style: 'h2', margin: [0, 14, 0, 6] as number[] });
const none = (text: string) => ({ text, italics: true, color: '#555555' });

function table(headers: string[], rows: string[][], widths: (string | number)[]) {
  return {
    table: { headerRows: 1, widths, body: [headers.map((h) => ({ text: h, bold: true })), ...rows] },
    layout: 'lightHorizontalLines',
    fontSize: 9,
  };
}

/** A readable summary for the person: what is held about them, in Dutch with English headings. */
export async function renderSubjectSummary(summary: SubjectSummary): Promise<Buffer> {
  const pdfmake = await loadPdfmake();
  const definition = {
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    info: { title: `Inzage persoonsgegevens — ${summary.organizationName}` },
    defaultStyle: { font: FONT, fontSize: 10, lineHeight: 1.2 },
    styles: { h1: { fontSize: 16, bold: true }, h2: { fontSize: 12, bold: true } },
    content: [
      { text: 'Overzicht van uw persoonsgegevens', style: 'h1' },
      { text: 'Personal data summary (AVG/GDPR art. 15)', italics: true, margin: [0, 0, 0, 8] },
      `${summary.organizationName} — opgesteld op / produced on ${summary.generatedOn}`,
      heading('Uw gegevens / Your details'),
      { text: summary.person.name, bold: true },
      ...summary.person.lines,
      heading(`Klachten / Complaints (${summary.complaints.length})`),
      ...(summary.complaints.length === 0
        ? [none('Geen klachten / No complaints')]
        : summary.complaints.flatMap((c) => [
            { text: c.reference, bold: true, margin: [0, 8, 0, 2] as number[] },
            ...c.lines,
            { text: 'Uw klacht / Your complaint:', bold: true, margin: [0, 4, 0, 0] as number[] },
            c.description,
            ...(c.answer === null
              ? []
              : [
                  { text: 'Ons antwoord / Our answer:', bold: true, margin: [0, 4, 0, 0] as number[] },
                  c.answer,
                ]),
          ])),
      heading(`Berichten / Messages (${summary.messages.length})`),
      summary.messages.length === 0
        ? none('Geen berichten / No messages')
        : table(
            ['Datum / Date', 'Richting / Direction', 'Onderwerp / Subject'],
            summary.messages.map((m) => [m.date, m.direction, m.subject]),
            [90, 90, '*'],
          ),
      heading(`Bijlagen / Attachments (${summary.attachments.length})`),
      summary.attachments.length === 0
        ? none('Geen bijlagen / No attachments')
        : table(
            ['Klacht / Complaint', 'Bestand / File', ''],
            summary.attachments.map((a) => [a.reference, a.fileName, a.note]),
            [90, '*', 120],
          ),
      heading(`Wie uw gegevens inzag / Who accessed your data (${summary.access.length})`),
      summary.access.length === 0
        ? none('Niemand / Nobody')
        : table(
            ['Datum / Date', 'Wie / Who', 'Wat / What', 'Vanaf / From'],
            summary.access.map((a) => [a.date, a.who, a.what, a.from]),
            [95, 110, 110, '*'],
          ),
      {
        text: 'De volledige gegevens staan in gegevens.json in dit ZIP-bestand; bijlagen en e-mails staan in de mappen ernaast. / The complete data is in gegevens.json in this ZIP file; attachments and e-mails are in the folders beside it.',
        margin: [0, 16, 0, 0],
        fontSize: 9,
      },
    ],
  };
  return pdfmake.createPdf(definition).getBuffer();
}
