import {
  COMPLAINT_CATEGORIES,
  type ComplaintCategory,
  formatCount,
  formatDecimal,
  formatEuroCents,
  formatRate,
  roundForExport,
} from '../domain/index.ts';
import type { CellKind, ReportCell, ReportRow, ReportTable } from './reports.ts';

// How a report cell is written in each format (web page, PDF, Excel, CSV). Rates and decimals are rounded
// once, here, so every format shows the same figure.

export function kindOf(table: ReportTable, row: ReportRow, column: number): CellKind {
  return row.kind ?? table.columns[column]?.kind ?? 'count';
}

/** The number as exported: rates as fractions to 3 decimals, decimals to 1, euros to the cent. */
export function exportNumber(value: number, kind: CellKind): number {
  if (kind === 'rate') return roundForExport(value, 'rate') as number;
  if (kind === 'decimal') return roundForExport(value, 'decimal') as number;
  if (kind === 'euro') return Math.round(value * 100) / 100;
  return value;
}

/** The cell as people read it (PDF, web): '83,3%', '4,5', '€ 1.234,50', '31-12-2026'. */
export function displayCell(cell: ReportCell, kind: CellKind): string {
  const { value } = cell;
  if (value === null) return '–';
  if (typeof value === 'string') {
    if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('-');
    return value;
  }
  switch (kind) {
    case 'rate':
      return formatRate(value);
    case 'decimal':
      return formatDecimal(value);
    case 'euro':
      return formatEuroCents(Math.round(value * 100)).replace(/\s/g, ' ');
    default:
      return formatCount(value);
  }
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text starting like a formula gets a leading quote, so a spreadsheet shows it instead of running it. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function categoryLabel(category: string | null): string | null {
  if (category === null) return null;
  return COMPLAINT_CATEGORIES[category as ComplaintCategory]?.label ?? category;
}
