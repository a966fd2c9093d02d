import {
  COMMITTEE_VERDICTS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_STATUSES,
  INTAKE_CHANNELS,
  VERDICTS,
} from '../../../../domain/index.ts';
import { loadReportPdfmake, REPORT_FONT } from '../exports/pdf-fonts.ts';

// One complaint's case file (dossier) as PDF: the facts, the decisions, the timeline and the messages.
// Only a complaint the reader may see whole gets here (mayShowComplaint in dossier.ts); the board's copy
// leaves the complainant's name out.

export type CaseFile = {
  organizationName: string;
  complexLabel: string;
  reference: string;
  status: string;
  channel: string;
  confidential: boolean;
  receivedAt: Date;
  /** null: no answer term (policy 2.6, a repeat recorded after the last response). */
  originalDueAt: Date | null;
  dueAt: Date | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  complainant: string;
  handler: string;
  subject: string;
  category: string | null;
  description: string;
  desiredOutcome: string | null;
  triage: Record<string, unknown> | null;
  assessment: Record<string, unknown> | null;
  outcome: string | null;
  committee: Record<string, unknown> | null;
  answerText: string | null;
  timeline: { at: Date; type: string; actor: string; summary: string | null }[];
  messages: { createdAt: Date; subject: string; bodyText: string; status: string }[];
  attachmentNames: string[];
};

const BRAND = '#0b5c8a';
const MUTED = '#57606a';
const when = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});
const at = (date: Date | null) => (date === null ? '–' : when.format(date));
const label = (record: Record<string, unknown>, key: string | null | undefined) => {
  if (!key) return '–';
  const entry = record[key];
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object' && 'label' in entry)
    return String((entry as { label: unknown }).label);
  return key;
};

function facts(rows: [string, string][]) {
  return {
    table: { widths: [150, '*'], body: rows.map(([k, v]) => [{ text: k, color: MUTED }, { text: v }]) },
    layout: 'noBorders',
    margin: [0, 0, 0, 10],
  };
}

function decisions(file: CaseFile): [string, string][] {
  const rows: [string, string][] = [];
  const triage = file.triage;
  if (triage) {
    rows.push(['Beoordeling intake', String(triage.outcome ?? '–')]);
    if (triage.ground) rows.push(['Grond buiten procedure', String(triage.ground)]);
    if (triage.kind) rows.push(['Soort melding', String(triage.kind)]);
  }
  if (file.assessment) {
    rows.push(['Oordeel', label(VERDICTS, file.assessment.verdict as string)]);
    const compensation = file.assessment.compensation as {
      amountCents?: number;
      paidAt?: string | null;
    } | null;
    if (compensation?.amountCents) {
      rows.push([
        'Vergoeding',
        `€ ${(compensation.amountCents / 100).toFixed(2).replace('.', ',')}${compensation.paidAt ? `, betaald ${at(new Date(compensation.paidAt))}` : ''}`,
      ]);
    }
  }
  if (file.outcome) rows.push(['Uitkomst', label(VERDICTS, file.outcome)]);
  const committee = file.committee;
  if (committee) {
    rows.push([
      'Naar klachtencommissie',
      at(committee.referredAt ? new Date(String(committee.referredAt)) : null),
    ]);
    if (committee.reference) rows.push(['Zaaknummer commissie', String(committee.reference)]);
    const ruling = committee.ruling as { verdict?: string; summary?: string; at?: string } | null;
    if (ruling) {
      rows.push([
        'Uitspraak commissie',
        `${label(COMMITTEE_VERDICTS, ruling.verdict)} (${at(ruling.at ? new Date(ruling.at) : null)})`,
      ]);
      if (ruling.summary) rows.push(['Samenvatting uitspraak', ruling.summary]);
    }
    const board = committee.boardDecision as { text?: string } | null;
    if (board?.text) rows.push(['Besluit directie', board.text]);
  }
  return rows;
}

export async function renderCaseFilePdf(file: CaseFile): Promise<Buffer> {
  const pdfmake = await loadReportPdfmake();
  const definition = {
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    info: { title: `Klachtdossier ${file.reference}`, author: file.organizationName, creator: 'Gehoord' },
    defaultStyle: { font: REPORT_FONT, fontSize: 9.5, color: '#1f2328' },
    styles: { h2: { fontSize: 13, bold: true, color: BRAND, margin: [0, 10, 0, 6] } },
    footer: (page: number, pages: number) => ({
      margin: [40, 16, 40, 0],
      columns: [
        { text: `${file.organizationName} · klachtdossier ${file.reference}`, fontSize: 8, color: MUTED },
        { text: `pagina ${page} van ${pages}`, alignment: 'right', fontSize: 8, color: MUTED },
      ],
    }),
    content: [
      { text: file.organizationName, bold: true, color: BRAND },
      { text: `Klachtdossier ${file.reference}`, fontSize: 18, bold: true, margin: [0, 4, 0, 2] },
      { text: file.complexLabel, color: MUTED, margin: [0, 0, 0, 10] },
      ...(file.confidential
        ? [{ text: 'Vertrouwelijke klacht', bold: true, color: '#c22f4b', margin: [0, 0, 0, 6] }]
        : []),
      facts([
        ['Status', label(COMPLAINT_STATUSES, file.status)],
        ['Kanaal', label(INTAKE_CHANNELS, file.channel)],
        ['Ontvangen', at(file.receivedAt)],
        [
          'Oorspronkelijke termijn',
          file.originalDueAt === null ? 'Geen antwoordtermijn' : at(file.originalDueAt),
        ],
        ['Geldende termijn', file.dueAt === null ? 'Geen antwoordtermijn' : at(file.dueAt)],
        ['Beantwoord', at(file.answeredAt)],
        ['Afgesloten', at(file.closedAt)],
        ['Klager', file.complainant],
        ['Behandelaar', file.handler],
        ['Categorie', label(COMPLAINT_CATEGORIES, file.category)],
        ['Over', file.subject],
      ]),
      { text: 'Klacht', style: 'h2' },
      { text: file.description, margin: [0, 0, 0, 6] },
      ...(file.desiredOutcome ? [{ text: `Gewenste oplossing: ${file.desiredOutcome}`, italics: true }] : []),
      { text: 'Beslissingen', style: 'h2' },
      decisions(file).length === 0
        ? { text: 'Nog geen beslissingen.', color: MUTED }
        : facts(decisions(file)),
      ...(file.answerText ? [{ text: 'Antwoord', style: 'h2' }, { text: file.answerText }] : []),
      { text: 'Tijdlijn', style: 'h2' },
      {
        table: {
          headerRows: 1,
          widths: [85, 110, 90, '*'],
          body: [
            ['Wanneer', 'Gebeurtenis', 'Door', 'Toelichting'].map((text) => ({
              text,
              bold: true,
              color: BRAND,
            })),
            ...file.timeline.map((e) => [at(e.at), e.type.replaceAll('_', ' '), e.actor, e.summary ?? '']),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 8.5,
      },
      { text: 'Berichten', style: 'h2' },
      ...(file.messages.length === 0
        ? [{ text: 'Geen berichten verstuurd.', color: MUTED }]
        : file.messages.flatMap((m) => [
            { text: `${at(m.createdAt)} · ${m.subject} (${m.status})`, bold: true, margin: [0, 4, 0, 2] },
            { text: m.bodyText, fontSize: 8.5, margin: [0, 0, 0, 6] },
          ])),
      { text: 'Bijlagen', style: 'h2' },
      file.attachmentNames.length === 0
        ? { text: 'Geen bijlagen.', color: MUTED }
        : { ul: file.attachmentNames.map((name) => `bijlagen/${name}`) },
    ],
  };
  return pdfmake.createPdf(definition).getBuffer();
}
