import type { CellKind, ReportCell, ReportRow, ReportTable } from '../../../../contract/reports.ts';
import type { ComplaintSet, Dimension, ReportScope } from './report-sets.ts';

// The pieces every report table is made of: cells that carry the drill-down query listing their complaints.

/** The drill-down query string of a figure: the same set, period, scope and group (docs/measures.md). */
export function drillFor(
  scope: ReportScope,
  set: ComplaintSet,
  group?: { dimension: Dimension; key: string | null },
) {
  const params = new URLSearchParams({ from: scope.period.from, until: scope.period.until });
  if (scope.departmentId !== null) params.set('departmentId', scope.departmentId);
  if (scope.category) params.set('category', scope.category);
  params.set('set', set);
  if (group) {
    params.set('dimension', group.dimension);
    params.set('key', group.key ?? 'null');
  }
  return params.toString();
}

export const cell = (value: number | string | null, drill: string | null = null): ReportCell => ({
  value,
  drill,
});

export function table(
  id: string,
  title: string,
  columns: { key: string; label: string; kind: CellKind }[],
  rows: ReportRow[],
  description: string | null = null,
): ReportTable {
  return { id, title, description, columns, rows };
}
