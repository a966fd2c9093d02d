import type { ReportTable } from '../../../../contract/reports.ts';
import type { Scoped } from '../../../db/tenant-scope.ts';
import { allCodes, groupLabel } from '../document/report-labels.ts';
import { countBy } from './measures.repository.ts';
import type { ComplaintSet, Dimension, ReportScope } from './report-sets.ts';
import { cell, drillFor, table } from './report-table.ts';

// The breakdowns of the report (policy 2.2, 3.2 "de aard van alle klachten"): one set counted per group of one
// dimension, one count column each (docs/measures.md, "Per kanaal, categorie, …").

export type BreakdownMeasure = Readonly<{
  id: string;
  title: string;
  set: ComplaintSet;
  dimension: Dimension;
  column: string;
  description?: string;
}>;

/** Received per channel, category, subject and department: shown before the complex and contractor tables. */
export const RECEIVED_BREAKDOWNS: readonly BreakdownMeasure[] = [
  {
    id: 'by_channel',
    title: 'Ontvangen per kanaal',
    set: 'received',
    dimension: 'channel',
    column: 'Ontvangen',
  },
  {
    id: 'by_category',
    title: 'Ontvangen per categorie',
    set: 'received',
    dimension: 'category',
    column: 'Ontvangen',
  },
  {
    id: 'by_subject_kind',
    title: 'Ontvangen naar onderwerp',
    set: 'received',
    dimension: 'subject_kind',
    column: 'Ontvangen',
  },
  {
    id: 'by_department',
    title: 'Ontvangen per behandelende afdeling',
    set: 'received',
    dimension: 'department',
    column: 'Ontvangen',
    description: 'De afdeling die de klacht behandelt; een doorgestuurde klacht telt waar hij is behandeld.',
  },
  {
    id: 'by_concerned_department',
    title: 'Ontvangen per betrokken afdeling',
    set: 'received',
    dimension: 'concerned_department',
    column: 'Ontvangen',
    description: 'De afdeling waar de klacht over gaat.',
  },
];

/** How complaints left or went through the procedure: shown after the complex and contractor tables. */
export const OUTCOME_BREAKDOWNS: readonly BreakdownMeasure[] = [
  {
    id: 'outside_procedure',
    title: 'Buiten de procedure, per grond',
    set: 'outside_procedure',
    dimension: 'ground',
    column: 'Aantal',
  },
  {
    id: 'referred',
    title: 'Geen klacht, doorverwezen naar soort',
    set: 'not_a_complaint',
    dimension: 'referral_kind',
    column: 'Aantal',
  },
  {
    id: 'outcome',
    title: 'Uitkomst van de beantwoorde klachten',
    set: 'answered',
    dimension: 'outcome',
    column: 'Beantwoord',
  },
  {
    id: 'repeat_rungs',
    title: 'Herhaalde klachten per trede',
    set: 'repeats',
    dimension: 'rung',
    column: 'Aantal',
  },
  {
    id: 'board_track',
    title: 'Bij de directie (vermoeden van een strafbaar feit), per besluit',
    set: 'board_track',
    dimension: 'board_decision',
    column: 'Aantal',
    description:
      'Buiten de klachtenprocedure (beleid 2.5): niet in de cijfers over op tijd beantwoorden. Teruggestuurd naar de procedure telt als gewone klacht.',
  },
  {
    id: 'committee_rulings',
    title: 'Uitspraken klachtencommissie',
    set: 'committee_ruled',
    dimension: 'verdict',
    column: 'Aantal',
  },
];

/** A breakdown of one set by one dimension as a table with one count column (zero rows for closed lists). */
export async function breakdownTable(
  trx: Scoped,
  scope: ReportScope,
  spec: BreakdownMeasure,
): Promise<ReportTable> {
  const groups = await countBy(trx, scope, spec.set, spec.dimension);
  for (const code of allCodes(spec.dimension)) {
    if (!groups.some((g) => g.key === code)) groups.push({ key: code, label: null, n: 0 });
  }
  return table(
    spec.id,
    spec.title,
    [{ key: 'count', label: spec.column, kind: 'count' }],
    groups.map((g) => ({
      key: g.key,
      label: groupLabel(spec.dimension, g.key, g.label),
      kind: null,
      cells: [cell(g.n, drillFor(scope, spec.set, { dimension: spec.dimension, key: g.key }))],
    })),
    spec.description ?? null,
  );
}
