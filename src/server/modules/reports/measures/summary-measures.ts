import type { CellKind, ReportTable } from '../../../../contract/reports.ts';
import { perThousandUnits, rate, type TimelinessSummary } from '../../../../domain/report-measures.ts';
import { type SatisfactionFigures, scoreMeanOrWithheld } from '../../../../domain/satisfaction-figures.ts';
import type { ComplaintSet, ReportScope } from './report-sets.ts';
import { cell, drillFor, table } from './report-table.ts';

// The key figures ("Kerncijfers") of the quarterly and annual report (policy 2.2, 3.2), one named measure per
// row: what it shows, how it is computed from the period's figures, and which set its drill-down lists.

/** The sets whose size the key figures need, counted in one pass. */
export const SUMMARY_SETS = [
  'received',
  'taken_into_handling',
  'answered',
  'closed',
  'answered_on_time_original',
  'answered_on_time_extended',
  'extended',
  'repeats',
  'last_response',
  'committee_referred',
  'committee_ruled',
  'outside_procedure',
  'not_a_complaint',
  'linked_to_action',
  'satisfaction_responded',
  'board_track',
  'board_track_explained_on_time',
] as const satisfies readonly ComplaintSet[];
export type SummarySet = (typeof SUMMARY_SETS)[number];

export type ActionFigures = Readonly<{ opened: number; done: number; overdue: number }>;

/** Everything the key figures are computed from. */
export type ReportFigures = Readonly<{
  counts: Record<SummarySet, number>;
  timeliness: TimelinessSummary;
  /** The satisfaction figures of the period (decision 050): scores withheld below the minimum. */
  satisfaction: SatisfactionFigures;
  compensation: Readonly<{ count: number; cents: number }>;
  units: number;
  actions: ActionFigures;
}>;

export type SummaryMeasure = Readonly<{
  key: string;
  label: string;
  kind: CellKind;
  /** A number, or the text that stands in for a withheld score. */
  value: (figures: ReportFigures) => number | string | null;
  /** The set the figure's drill-down lists; null for figures that are not about complaints. */
  drill: ComplaintSet | null;
}>;

/** A figure that is the size of one set, drilling down to that set. */
const sizeOf = (key: SummarySet, label: string): SummaryMeasure => ({
  key,
  label,
  kind: 'count',
  value: (f) => f.counts[key],
  drill: key,
});

export const SUMMARY_MEASURES: readonly SummaryMeasure[] = [
  sizeOf('received', 'Klachten ontvangen'),
  sizeOf('taken_into_handling', 'In behandeling genomen'), // policy 2.2
  sizeOf('answered', 'Beantwoord'),
  sizeOf('closed', 'Afgesloten'),
  sizeOf('outside_procedure', 'Buiten de procedure'), // policy 2.5
  sizeOf('not_a_complaint', 'Geen klacht, doorverwezen'), // policy 1.2
  // policy 2.5: suspected criminal offences with the board, apart from the procedure's figures
  sizeOf('board_track', 'Bij de directie (vermoeden van een strafbaar feit)'),
  sizeOf('board_track_explained_on_time', 'Bij de directie: uitleg aan de klager binnen de termijn'),
  {
    key: 'board_track_explained_on_time_rate',
    label: 'Bij de directie: uitleg binnen de termijn (%)',
    kind: 'rate',
    value: (f) => rate(f.counts.board_track_explained_on_time, f.counts.board_track),
    drill: 'board_track_explained_on_time',
  },
  // policy 2.3: on time against the original term and against the term in force
  {
    key: 'on_time_original',
    label: 'Op tijd beantwoord (oorspronkelijke termijn)',
    kind: 'count',
    value: (f) => f.timeliness.onTimeOriginal,
    drill: 'answered_on_time_original',
  },
  {
    key: 'on_time_original_rate',
    label: 'Op tijd, oorspronkelijke termijn (%)',
    kind: 'rate',
    value: (f) => f.timeliness.onTimeOriginalRate,
    drill: 'answered_on_time_original',
  },
  {
    key: 'on_time_extended',
    label: 'Op tijd beantwoord (verlengde termijn)',
    kind: 'count',
    value: (f) => f.timeliness.onTimeExtended,
    drill: 'answered_on_time_extended',
  },
  {
    key: 'on_time_extended_rate',
    label: 'Op tijd, verlengde termijn (%)',
    kind: 'rate',
    value: (f) => f.timeliness.onTimeExtendedRate,
    drill: 'answered_on_time_extended',
  },
  {
    key: 'extended',
    label: 'Termijn verlengd',
    kind: 'count',
    value: (f) => f.timeliness.extended,
    drill: 'extended',
  },
  {
    key: 'median_working_days',
    label: 'Mediane behandeltijd (werkdagen)',
    kind: 'decimal',
    value: (f) => f.timeliness.medianWorkingDays,
    drill: 'answered',
  },
  {
    key: 'p90_working_days',
    label: '90e percentiel behandeltijd (werkdagen)',
    kind: 'decimal',
    value: (f) => f.timeliness.p90WorkingDays,
    drill: 'answered',
  },
  sizeOf('repeats', 'Herhaalde klachten'), // policy 2.6
  sizeOf('last_response', 'Laatste-reactiebrieven'), // policy 2.6
  sizeOf('committee_referred', 'Naar de klachtencommissie'), // policy 1.3
  sizeOf('committee_ruled', 'Uitspraken klachtencommissie'),
  // policy 2.4: compensation of demonstrable damage
  {
    key: 'compensation_count',
    label: 'Vergoedingen betaald (aantal)',
    kind: 'count',
    value: (f) => f.compensation.count,
    drill: 'compensation_paid',
  },
  {
    key: 'compensation_total',
    label: 'Vergoedingen betaald (totaal)',
    kind: 'euro',
    value: (f) => f.compensation.cents / 100,
    drill: 'compensation_paid',
  },
  // title of the policy: customer satisfaction is measured
  {
    key: 'satisfaction_responses',
    label: 'Tevredenheid: reacties',
    kind: 'count',
    value: (f) => f.satisfaction.answers,
    drill: 'satisfaction_responded',
  },
  {
    key: 'satisfaction_response_rate',
    label: 'Tevredenheid: respons (%)',
    kind: 'rate',
    value: (f) => f.satisfaction.responseRate,
    drill: 'satisfaction_responded',
  },
  {
    key: 'satisfaction_handling',
    label: 'Tevredenheid behandeling (gemiddeld, 1–5)',
    kind: 'decimal',
    value: (f) => scoreMeanOrWithheld(f.satisfaction.handling),
    drill: 'satisfaction_responded',
  },
  {
    key: 'satisfaction_outcome',
    label: 'Tevredenheid uitkomst (gemiddeld, 1–5)',
    kind: 'decimal',
    value: (f) => scoreMeanOrWithheld(f.satisfaction.outcome),
    drill: 'satisfaction_responded',
  },
  { key: 'units', label: 'Verhuureenheden', kind: 'count', value: (f) => f.units, drill: null },
  {
    key: 'per_thousand_units',
    label: 'Klachten per 1.000 verhuureenheden',
    kind: 'decimal',
    value: (f) => perThousandUnits(f.counts.received, f.units),
    drill: 'received',
  },
  // policy 3.1: improvement actions
  {
    key: 'actions_opened',
    label: 'Verbeteracties gestart',
    kind: 'count',
    value: (f) => f.actions.opened,
    drill: null,
  },
  {
    key: 'actions_done',
    label: 'Verbeteracties gereed',
    kind: 'count',
    value: (f) => f.actions.done,
    drill: null,
  },
  {
    key: 'actions_overdue',
    label: 'Verbeteracties over de streefdatum',
    kind: 'count',
    value: (f) => f.actions.overdue,
    drill: null,
  },
  {
    key: 'linked_share',
    label: 'Klachten gekoppeld aan een verbeteractie (%)',
    kind: 'rate',
    value: (f) => rate(f.counts.linked_to_action, f.counts.received),
    drill: 'linked_to_action',
  },
];

/** The key figures as one table, each row a named measure. */
export function summaryTable(scope: ReportScope, figures: ReportFigures): ReportTable {
  return table(
    'summary',
    'Kerncijfers',
    [{ key: 'value', label: 'Waarde', kind: 'count' }],
    SUMMARY_MEASURES.map((m) => ({
      key: m.key,
      label: m.label,
      kind: m.kind,
      cells: [cell(m.value(figures), m.drill === null ? null : drillFor(scope, m.drill))],
    })),
  );
}
