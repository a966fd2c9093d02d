import {
  figureValueIn,
  type SelfAssessmentDocument,
  type SelfAssessmentLocale,
  sectionNoteIn,
} from '../../../../contract/self-assessment.ts';
import { FRAMEWORKS, STATUS_LABELS } from '../../../../domain/index.ts';
import { loadReportPdfmake, REPORT_FONT } from '../../reports/index.ts';

// The self-assessment as PDF (issue 26, decision 050), in Dutch or English (`?lang=en`, decision 054), with the
// report's font: per requirement its framework and section, the text, the status, the evidence figures and what is
// missing.

const TEXT = {
  nl: {
    title: (year: number) => `Zelfevaluatie klachtbehandeling ${year}`,
    version: (version: string, date: string, made: string) =>
      `Eisenlijst versie ${version} (${date}). Gemaakt op ${made}. Alleen totalen: geen namen of klachtteksten.`,
    summary: 'Samenvatting',
    requirements: 'Eisen en bewijs',
    evidence: 'Bewijs uit Gehoord',
    value: 'Waarde',
    missing: 'Wat ontbreekt',
    source: 'Bron',
    page: (page: number, pages: number) => `pagina ${page} van ${pages}`,
  },
  en: {
    title: (year: number) => `Complaint handling self-assessment ${year}`,
    version: (version: string, date: string, made: string) =>
      `Requirements version ${version} (${date}). Made on ${made}. Totals only: no names or complaint texts.`,
    summary: 'Summary',
    requirements: 'Requirements and evidence',
    evidence: 'Evidence from Gehoord',
    value: 'Value',
    missing: 'What is missing',
    source: 'Source',
    page: (page: number, pages: number) => `page ${page} of ${pages}`,
  },
} as const;

const BRAND = '#0b5394';
const MUTED = '#57606a';

export async function renderSelfAssessmentPdf(
  document: SelfAssessmentDocument,
  locale: SelfAssessmentLocale = 'nl',
): Promise<Buffer> {
  const pdfmake = await loadReportPdfmake();
  const t = TEXT[locale];
  const title = t.title(document.year);
  const c = document.counts;
  const label = (status: keyof typeof STATUS_LABELS) => STATUS_LABELS[status][locale];
  const requirementNodes = document.requirements.flatMap((r) => [
    { text: `${r.id} — ${label(r.status)}`, style: 'h3', tocItem: true },
    { text: `${FRAMEWORKS[r.framework][locale]}, ${r.section}`, fontSize: 8, color: MUTED },
    ...(r.sectionNote
      ? [{ text: sectionNoteIn(r.sectionNote, locale), fontSize: 7, color: MUTED, italics: true }]
      : []),
    { text: r.text[locale], margin: [0, 4, 0, 4] },
    // a requirement Gehoord cannot prove (2026.2) has no figures: only what is missing
    ...(r.figures.length === 0
      ? []
      : [
          {
            table: {
              headerRows: 1,
              widths: ['*', 'auto'],
              body: [
                [
                  { text: t.evidence, bold: true, color: BRAND },
                  { text: t.value, bold: true, color: BRAND },
                ],
                ...r.figures.map((f) => [
                  { text: f.label[locale] },
                  { text: figureValueIn(f.value, locale), alignment: 'right' },
                ]),
              ],
            },
            layout: 'lightHorizontalLines',
            fontSize: 9,
          },
        ]),
    ...(r.missing ? [{ text: `${t.missing}: ${r.missing[locale]}`, margin: [0, 4, 0, 0], fontSize: 9 }] : []),
    { text: `${t.source}: ${r.sourceUrl}`, fontSize: 7, color: MUTED, margin: [0, 2, 0, 12] },
  ]);
  const definition = {
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    info: { title, author: document.organizationName, creator: 'Gehoord' },
    language: locale === 'en' ? 'en-GB' : 'nl-NL',
    defaultStyle: { font: REPORT_FONT, fontSize: 10, color: '#1f2328' },
    styles: {
      h1: { fontSize: 20, bold: true, color: BRAND, margin: [0, 0, 0, 8] },
      h2: { fontSize: 14, bold: true, color: BRAND, margin: [0, 10, 0, 6] },
      h3: { fontSize: 11, bold: true, margin: [0, 6, 0, 2] },
    },
    footer: (page: number, pages: number) => ({
      margin: [40, 16, 40, 0],
      columns: [
        { text: `${document.organizationName} · ${title}`, fontSize: 8, color: MUTED },
        { text: t.page(page, pages), alignment: 'right', fontSize: 8, color: MUTED },
      ],
    }),
    content: [
      { text: document.organizationName, fontSize: 12, bold: true, color: BRAND },
      { text: title, style: 'h1' },
      {
        text: t.version(
          document.requirementsVersion,
          document.requirementsDate,
          document.generatedAt.slice(0, 10),
        ),
        fontSize: 9,
        color: MUTED,
      },
      { text: t.summary, style: 'h2' },
      {
        text: `${label('met')}: ${c.met} · ${label('partly')}: ${c.partly} · ${label('not_met')}: ${c.not_met} · ${label('not_measurable')}: ${c.not_measurable}`,
      },
      { text: t.requirements, style: 'h2' },
      ...requirementNodes,
    ],
  };
  return pdfmake.createPdf(definition as never).getBuffer();
}
