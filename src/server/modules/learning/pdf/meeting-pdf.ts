import type { z } from 'zod';
import type { meeting } from '../../../../contract/learning.ts';
import { MT_DECISIONS } from '../../../../domain/index.ts';
import { loadReportPdfmake, REPORT_FONT } from '../../reports/index.ts';
import { figuresBlock, type QuarterFigures, type QuarterThemes, themesBlock } from './quarter-blocks.ts';

// The MT meeting's record as a PDF for the minutes archive (policy 3.1): what was decided, by whom, and
// whether the record is approved. Dutch only: the archive is kept in the organisation's language.

export type MeetingRecord = {
  organizationName: string;
  meeting: z.infer<typeof meeting>;
  /** The improvement action each `new_action` decision created, by action id. */
  actions: Map<string, { title: string; ownerName: string | null; dueOn: string | null }>;
  /** The quarter's figures as on the agenda (satisfaction withheld below the minimum, decision 050). */
  figures: QuarterFigures;
  /** The quarter's recurring themes: name, size and trend only (decision 049). */
  themes: QuarterThemes;
};

const BRAND = '#0b5394';
const MUTED = '#57606a';
const dateTime = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});
const longDate = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' });
/** A calendar day ('2026-11-30') as Dutch text, without shifting it through a time zone. */
const day = (value: string) => longDate.format(new Date(`${value}T00:00:00Z`));

function attendeesText(record: MeetingRecord['meeting']): string {
  const names = record.attendees.map((a) => a.name).sort((a, b) => a.localeCompare(b, 'nl'));
  if (record.otherAttendees) names.push(record.otherAttendees);
  return names.length === 0 ? '–' : names.join(', ');
}

function decisionBlock(decision: MeetingRecord['meeting']['decisions'][number], record: MeetingRecord) {
  const action = decision.improvementActionId ? record.actions.get(decision.improvementActionId) : undefined;
  const lines: Record<string, unknown>[] = [
    { text: decision.subject, bold: true, margin: [0, 8, 0, 2] },
    { text: `Besluit: ${MT_DECISIONS[decision.decision].nl}` },
  ];
  if (decision.reason) lines.push({ text: `Toelichting: ${decision.reason}` });
  if (action) {
    const details = [
      action.ownerName ? `eigenaar ${action.ownerName}` : null,
      action.dueOn ? `gereed uiterlijk ${day(action.dueOn)}` : null,
    ].filter((part) => part !== null);
    lines.push({
      text: `Verbeteractie: ${action.title}${details.length > 0 ? ` (${details.join(', ')})` : ''}`,
    });
  }
  lines.push({
    text: `Vastgelegd door ${decision.decidedBy} op ${dateTime.format(new Date(decision.at))}`,
    fontSize: 8.5,
    color: MUTED,
  });
  return lines;
}

export async function renderMeetingPdf(record: MeetingRecord): Promise<Buffer> {
  const pdfmake = await loadReportPdfmake();
  const m = record.meeting;
  const title = `Verslag MT-kwartaalbespreking ${m.quarter}`;
  const approval =
    m.status === 'approved' && m.approvedAt
      ? `Vastgesteld op ${dateTime.format(new Date(m.approvedAt))} door ${m.approvedBy?.name ?? 'onbekend'}`
      : 'Concept: dit verslag is nog niet vastgesteld.';
  const definition = {
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    info: { title, author: record.organizationName, creator: 'Gehoord' },
    defaultStyle: { font: REPORT_FONT, fontSize: 10, lineHeight: 1.2, color: '#1f2328' },
    styles: { h2: { fontSize: 13, bold: true, color: BRAND, margin: [0, 12, 0, 4] } },
    footer: (page: number, pages: number) => ({
      margin: [50, 16, 50, 0],
      columns: [
        { text: `${record.organizationName} · ${title}`, fontSize: 8, color: MUTED },
        { text: `pagina ${page} van ${pages}`, alignment: 'right', fontSize: 8, color: MUTED },
      ],
    }),
    content: [
      { text: record.organizationName, bold: true, color: BRAND },
      { text: title, fontSize: 17, bold: true, margin: [0, 4, 0, 8] },
      {
        table: {
          widths: [110, '*'],
          body: [
            ['Kwartaal', m.quarter],
            ['Datum vergadering', day(m.heldOn)],
            ['Aanwezig', attendeesText(m)],
          ].map(([k, v]) => [{ text: k, color: MUTED }, { text: v }]),
        },
        layout: 'noBorders',
      },
      { text: approval, bold: m.status === 'approved', margin: [0, 8, 0, 0] },
      { text: `Kwartaalcijfers ${m.quarter}`, style: 'h2' },
      figuresBlock(record.figures),
      { text: 'Terugkerende thema’s', style: 'h2' },
      ...themesBlock(record.themes),
      { text: 'Verslag', style: 'h2' },
      m.minutes.trim() === '' ? { text: 'Geen verslag vastgelegd.', color: MUTED } : { text: m.minutes },
      { text: 'Besluiten', style: 'h2' },
      ...(m.decisions.length === 0
        ? [{ text: 'Geen besluiten vastgelegd.', color: MUTED }]
        : m.decisions.flatMap((d) => decisionBlock(d, record))),
    ],
  };
  return pdfmake.createPdf(definition).getBuffer();
}
