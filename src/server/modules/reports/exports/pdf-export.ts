import { reportCharts } from '../../../../contract/report-charts.ts';
import { categoryLabel, displayCell, kindOf } from '../../../../contract/report-format.ts';
import type { ReportDocument, ReportTable } from '../../../../contract/reports.ts';
import { addCalendarDays } from '../../../../domain/index.ts';
import { annualReportText } from './annual-text.ts';
import { renderChartSvg } from './chart-svg.ts';
import { REPORT_FONT as FONT, loadReportPdfmake } from './pdf-fonts.ts';

// The report as PDF (pdfmake): cover with the corporation's name, table of contents, charts as vector
// SVG, every table, page numbers. Text only from the report document: no complainant names exist in it.

const BRAND = '#0b5c8a';
const MUTED = '#57606a';
const PAGE_WIDTH = 515; // A4 minus margins, in points

const dayFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' });

/** '1 oktober 2025 t/m 31 december 2025': the period's last day is the day before `until`. */
function periodText(document: ReportDocument): string {
  const day = (local: string) => dayFormat.format(new Date(`${local}T00:00:00Z`));
  return `${day(document.period.from)} t/m ${day(addCalendarDays(document.period.until, -1))}`;
}

export function reportTitle(document: ReportDocument): string {
  return document.kind === 'annual'
    ? `Jaarrapportage klachten ${document.period.label}`
    : `Kwartaalrapportage klachten ${document.period.label}`;
}

function tableNode(table: ReportTable) {
  const numeric = table.columns.map((c) => c.kind !== 'text');
  const header = [
    { text: 'Omschrijving', style: 'th' },
    ...table.columns.map((c, i) => ({
      text: c.label,
      style: 'th',
      alignment: numeric[i] ? 'right' : 'left',
    })),
  ];
  const body = table.rows.map((row) => [
    { text: row.label },
    ...row.cells.map((cell, i) => {
      const kind = kindOf(table, row, i);
      return {
        text: displayCell(cell, kind),
        alignment: kind === 'text' ? 'left' : 'right',
        // a number stays on one line; a text in its place (a withheld score, decision 050) may wrap
        noWrap: kind !== 'text' && typeof cell.value === 'number',
      };
    }),
  ]);
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['*', ...table.columns.map(() => 'auto')],
      body:
        body.length === 0
          ? [
              header,
              [
                {
                  text: 'Geen gegevens in deze periode.',
                  colSpan: table.columns.length + 1,
                  italics: true,
                  color: MUTED,
                },
                ...table.columns.map(() => ({})),
              ],
            ]
          : [header, ...body],
    },
    layout: {
      hLineWidth: (i: number) => (i <= 1 ? 0.8 : 0.3),
      vLineWidth: () => 0,
      hLineColor: (i: number) => (i <= 1 ? BRAND : '#d0d7de'),
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    fontSize: 9,
    margin: [0, 0, 0, 14],
  };
}

/** Renders the whole report as one PDF in memory (report jobs do this off the request path). */
export async function renderReportPdf(document: ReportDocument): Promise<Buffer> {
  const pdfmake = await loadReportPdfmake();
  const title = reportTitle(document);
  const category = categoryLabel(document.category);
  const scope = [
    document.department ? `Afdeling ${document.department.name}` : 'Hele organisatie',
    ...(category ? [`categorie ${category}`] : []),
  ].join(' · ');
  const generated = new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(document.generatedAt));
  const charts = reportCharts(document);
  const chartNodes = await Promise.all(
    charts.map(async (chart) => {
      const height = chart.id === 'on_time' ? 180 : chart.id === 'monthly' ? 220 : 200;
      return {
        stack: [
          { text: chart.title, style: 'h3' },
          { svg: await renderChartSvg(chart, { width: PAGE_WIDTH, height }), width: PAGE_WIDTH },
          {
            text: 'De cijfers staan ook in de tabel van dit onderdeel.',
            fontSize: 7,
            color: MUTED,
            margin: [0, 2, 0, 12],
          },
        ],
        unbreakable: true,
      };
    }),
  );
  const tableSections = document.tables.flatMap((table, index) => [
    {
      text: table.title,
      style: 'h2',
      tocItem: true,
      pageBreak: index === 0 || table.rows.length > 25 ? 'before' : undefined,
    },
    ...(table.description
      ? [{ text: table.description, fontSize: 8, color: MUTED, margin: [0, 0, 0, 6] }]
      : []),
    tableNode(table),
  ]);
  const definition = {
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    info: { title, author: document.organizationName, creator: 'Gehoord' },
    defaultStyle: { font: FONT, fontSize: 10, color: '#1f2328' },
    styles: {
      h1: { fontSize: 22, bold: true, color: BRAND, margin: [0, 0, 0, 8] },
      h2: { fontSize: 14, bold: true, color: BRAND, margin: [0, 10, 0, 6] },
      h3: { fontSize: 11, bold: true, margin: [0, 6, 0, 4] },
      th: { bold: true, color: BRAND },
    },
    header: (page: number) =>
      page === 1
        ? null
        : {
            margin: [40, 20, 40, 0],
            columns: [
              { text: document.organizationName, fontSize: 8, color: BRAND, bold: true },
              { text: title, fontSize: 8, color: MUTED, alignment: 'right' },
            ],
          },
    footer: (page: number, pages: number) => ({
      margin: [40, 16, 40, 0],
      columns: [
        {
          text: `${scope} · ${periodText(document)}`,
          fontSize: 8,
          color: MUTED,
        },
        { text: `pagina ${page} van ${pages}`, alignment: 'right', fontSize: 8, color: MUTED },
      ],
    }),
    content: [
      { text: document.organizationName, fontSize: 12, bold: true, color: BRAND, margin: [0, 120, 0, 10] },
      { text: title, style: 'h1' },
      { text: scope, fontSize: 13, margin: [0, 0, 0, 4] },
      { text: `Gemaakt op ${generated}`, fontSize: 9, color: MUTED },
      {
        text: 'Deze rapportage bevat geen namen van klagers. Begrippen en berekeningen: zie "Definities van de cijfers" (docs/measures.md).',
        fontSize: 8,
        color: MUTED,
        margin: [0, 20, 0, 0],
      },
      { toc: { title: { text: 'Inhoud', style: 'h2' } }, pageBreak: 'before' },
      ...(document.kind === 'annual'
        ? [
            { text: 'Tekst voor het jaarverslag', style: 'h2', tocItem: true, pageBreak: 'before' },
            ...annualReportText(document).map((text) => ({ text, margin: [0, 0, 0, 8], lineHeight: 1.3 })),
          ]
        : []),
      { text: 'Grafieken', style: 'h2', tocItem: true, pageBreak: 'before' },
      ...chartNodes,
      ...tableSections,
    ],
  };
  return pdfmake.createPdf(definition).getBuffer();
}
