import type { ReportRow, ReportTable } from '../../../../contract/reports.ts';
import { perThousandUnits } from '../../../../domain/report-measures.ts';
import { groupLabel } from '../document/report-labels.ts';
import type { Breakdown } from './measures.repository.ts';
import type { ReportScope } from './report-sets.ts';
import { cell, drillFor, table } from './report-table.ts';

// Complaints per 1,000 units (verhuureenheden), per complex and per contractor (policy 2.2 "per complex", 1.1
// insight into volume; docs/measures.md).

export type UnitCounts = Readonly<{
  total: number;
  byComplex: readonly { key: string | null; units: number }[];
}>;

/** The complexes with complaints in the period, highest rate per 1,000 units first. */
export function complexTable(
  scope: ReportScope,
  byComplex: Breakdown,
  allComplexes: readonly { key: string; label: string }[],
  units: UnitCounts,
): ReportTable {
  const unitsOf = new Map(units.byComplex.map((u) => [u.key, u.units]));
  const complaintsOf = new Map(byComplex.map((c) => [c.key, c.n]));
  const complexRows: ReportRow[] = [
    // Complexes with complaints in the period: an overview of hundreds of empty rows helps nobody.
    ...allComplexes.filter((c) => complaintsOf.has(c.key)).map((c) => ({ key: c.key, label: c.label })),
    ...(complaintsOf.has(null) ? [{ key: null, label: groupLabel('complex', null, null) }] : []),
  ]
    .map((c) => {
      const n = complaintsOf.get(c.key) ?? 0;
      const u = c.key === null ? 0 : (unitsOf.get(c.key) ?? 0);
      const drill = drillFor(scope, 'received', { dimension: 'complex', key: c.key });
      return { c, n, u, drill, per: c.key === null ? null : perThousandUnits(n, u) };
    })
    .sort((a, b) => (b.per ?? -1) - (a.per ?? -1) || b.n - a.n || a.c.label.localeCompare(b.c.label))
    .map(({ c, n, u, per, drill }) => ({
      key: c.key,
      label: c.label,
      kind: null,
      cells: [cell(u), cell(n, drill), cell(per, drill)],
    }));
  return table(
    'by_complex',
    'Complexen: klachten per 1.000 verhuureenheden',
    [
      { key: 'units', label: 'Verhuureenheden', kind: 'count' },
      { key: 'received', label: 'Ontvangen', kind: 'count' },
      { key: 'per_thousand_units', label: 'Per 1.000 vhe', kind: 'decimal' },
    ],
    complexRows,
  );
}

/** Complaints about a contractor, per 1,000 units of the whole organisation. */
export function contractorTable(scope: ReportScope, byContractor: Breakdown, units: UnitCounts): ReportTable {
  return table(
    'by_contractor',
    'Aannemers: klachten en klachten per 1.000 verhuureenheden',
    [
      { key: 'received', label: 'Ontvangen', kind: 'count' },
      { key: 'per_thousand_units', label: 'Per 1.000 vhe (totaal bezit)', kind: 'decimal' },
    ],
    byContractor
      .filter((c) => c.key !== null)
      .map((c) => {
        const drill = drillFor(scope, 'received', { dimension: 'contractor', key: c.key });
        return {
          key: c.key,
          label: groupLabel('contractor', c.key, c.label),
          kind: null,
          cells: [cell(c.n, drill), cell(perThousandUnits(c.n, units.total), drill)],
        };
      }),
    'Klachten over een aannemer als onderwerp.',
  );
}
