import { exportNumber, kindOf, neutralizeFormula } from '../../../../contract/report-format.ts';
import type { ReportDocument, ReportTable } from '../../../../contract/reports.ts';

// CSV the way Dutch spreadsheet software opens it: UTF-8 with BOM, semicolons, decimal commas.
// Rates are percentages (83,3), so a column headed "(%)" reads right.

const SEPARATOR = ';';

function quote(text: string): string {
  const safe = neutralizeFormula(text);
  return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function numberText(value: number): string {
  return String(value).replace('.', ',');
}

function tableLines(table: ReportTable): string[] {
  const header = ['Omschrijving', 'Sleutel', ...table.columns.map((c) => c.label)].map(quote).join(SEPARATOR);
  const lines = [header];
  for (const row of table.rows) {
    const cells = row.cells.map((cell, i) => {
      const kind = kindOf(table, row, i);
      if (cell.value === null) return '';
      if (typeof cell.value === 'string') return quote(cell.value);
      const value = exportNumber(cell.value, kind);
      return numberText(kind === 'rate' ? Math.round(value * 1000) / 10 : value);
    });
    lines.push([quote(row.label), quote(row.key ?? ''), ...cells].join(SEPARATOR));
  }
  return lines;
}

/** One table, or every table one after the other with its title line, as CSV text. */
export function renderCsv(document: ReportDocument, tableId?: string): string {
  const tables = tableId === undefined ? document.tables : document.tables.filter((t) => t.id === tableId);
  const blocks = tables.map((t) =>
    (tableId === undefined ? [quote(t.title), ...tableLines(t)] : tableLines(t)).join('\r\n'),
  );
  return `\uFEFF${blocks.join('\r\n\r\n')}\r\n`;
}
