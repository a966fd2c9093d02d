import type { SelfAssessmentDocument } from '../../../../contract/self-assessment.ts';
import { FRAMEWORKS, STATUS_LABELS } from '../../../../domain/index.ts';
import { loadReportPdfmake, REPORT_FONT } from '../../reports/index.ts';

// The self-assessment as PDF (issue 26, decision 050), in Dutch, with the report's font: per requirement its
// framework and section, the text, the status, the evidence figures and what is missing.

const BRAND = '#0b5394';
const MUTED = '#57606a';

export async function renderSelfAssessmentPdf(document: SelfAssessmentDocument): Promise<Buffer> {
  const pdfmake = await loadReportPdfmake();
  const title = `Zelfevaluatie klachtbehandeling ${document.year}`;
  const c = document.counts;
  const requirementNodes = document.requirements.flatMap((r) => [
    { text: `${r.id} — ${STATUS_LABELS[r.status].nl}`, style: 'h3', tocItem: true },
    { text: `${FRAMEWORKS[r.framework].nl}, ${r.section}`, fontSize: 8, color: MUTED },
    ...(r.sectionNote ? [{ text: r.sectionNote, fontSize: 7, color: MUTED, italics: true }] : []),
    { text: r.text.nl, margin: [0, 4, 0, 4] },
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
                  { text: 'Bewijs uit Gehoord', bold: true, color: BRAND },
                  { text: 'Waarde', bold: true, color: BRAND },
                ],
                ...r.figures.map((f) => [{ text: f.label.nl }, { text: f.value, alignment: 'right' }]),
              ],
            },
            layout: 'lightHorizontalLines',
            fontSize: 9,
          },
        ]),
    ...(r.missing ? [{ text: `Wat ontbreekt: ${r.missing.nl}`, margin: [0, 4, 0, 0], fontSize: 9 }] : []),
    { text: `Bron: ${r.sourceUrl}`, fontSize: 7, color: MUTED, margin: [0, 2, 0, 12] },
  ]);
  const definition = {
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    info: { title, author: document.organizationName, creator: 'Gehoord' },
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
        { text: `pagina ${page} van ${pages}`, alignment: 'right', fontSize: 8, color: MUTED },
      ],
    }),
    content: [
      { text: document.organizationName, fontSize: 12, bold: true, color: BRAND },
      { text: title, style: 'h1' },
      {
        text: `Eisenlijst versie ${document.requirementsVersion} (${document.requirementsDate}). Gemaakt op ${document.generatedAt.slice(0, 10)}. Alleen totalen: geen namen of klachtteksten.`,
        fontSize: 9,
        color: MUTED,
      },
      { text: 'Samenvatting', style: 'h2' },
      {
        text: `Voldaan: ${c.met} · Deels voldaan: ${c.partly} · Niet voldaan: ${c.not_met} · Niet meetbaar: ${c.not_measurable}`,
      },
      { text: 'Eisen en bewijs', style: 'h2' },
      ...requirementNodes,
    ],
  };
  return pdfmake.createPdf(definition as never).getBuffer();
}
