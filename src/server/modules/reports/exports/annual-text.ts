import { displayCell } from '../../../../contract/report-format.ts';
import type { ReportDocument } from '../../../../contract/reports.ts';

// The paragraph for the annual report (policy 2.2: each department's overview goes into the annual report):
// the key figures in a sentence, written exactly as in the tables.

function figure(document: ReportDocument, key: string): string {
  const row = document.tables.find((t) => t.id === 'summary')?.rows.find((r) => r.key === key);
  const cell = row?.cells[0];
  return row && cell ? displayCell(cell, row.kind ?? 'count') : '–';
}

function topGroup(document: ReportDocument, tableId: string): string | null {
  const rows = document.tables.find((t) => t.id === tableId)?.rows ?? [];
  const top = [...rows]
    .filter(
      (r) => r.key !== null && typeof r.cells[0]?.value === 'number' && (r.cells[0]?.value as number) > 0,
    )
    .sort((a, b) => (b.cells[0]?.value as number) - (a.cells[0]?.value as number))[0];
  return top ? top.label.toLowerCase() : null;
}

export function annualReportText(document: ReportDocument): string[] {
  const who = document.department ? `afdeling ${document.department.name}` : document.organizationName;
  const f = (key: string) => figure(document, key);
  const category = topGroup(document, 'by_category');
  const handling = document.tables
    .find((t) => t.id === 'summary')
    ?.rows.find((r) => r.key === 'satisfaction_handling')?.cells[0]?.value;
  // decision 050: a withheld score is named as such, not written as a mark
  const score =
    typeof handling === 'number'
      ? `gaven de behandeling gemiddeld een ${f('satisfaction_handling')} (schaal 1–5).`
      : `waren te weinig om een score te noemen (${f('satisfaction_handling')}).`;
  return [
    `In ${document.period.label} ontving ${who} ${f('received')} klachten. ${f('taken_into_handling')} daarvan ` +
      `namen wij in behandeling; ${f('outside_procedure')} vielen buiten de klachtenprocedure en ` +
      `${f('not_a_complaint')} meldingen waren geen klacht en zijn doorverwezen.` +
      (category ? ` De meeste klachten gingen over: ${category}.` : ''),
    `Wij beantwoordden ${f('answered')} klachten, ${f('on_time_original_rate')} binnen de oorspronkelijke termijn ` +
      `en ${f('on_time_extended_rate')} binnen de (verlengde) termijn. De mediane behandeltijd was ` +
      `${f('median_working_days')} werkdagen. ${f('committee_referred')} klachten gingen naar de regionale ` +
      `klachtencommissie. Wij betaalden ${f('compensation_count')} keer een vergoeding, samen ${f('compensation_total')}.`,
    `Uit de klachten volgden ${f('actions_opened')} nieuwe verbeteracties; ${f('actions_done')} verbeteracties ` +
      `zijn afgerond. Klagers die de tevredenheidsvraag beantwoordden (respons ${f('satisfaction_response_rate')}) ` +
      score,
  ];
}
