import type {
  CellKind,
  ReportCell,
  ReportDocument,
  ReportKind,
  ReportRow,
  ReportTable,
} from '../../../contract/reports.ts';
import { ACTION_STATUSES, toLocalDate } from '../../../domain/index.ts';
import {
  isActionOverdueOn,
  monthsOf,
  perThousandUnits,
  type ReportPeriod,
  rate,
  summarizeSatisfaction,
  summarizeTimeliness,
} from '../../../domain/report-measures.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import { getCurrentCalendarSettings } from '../reference-data/calendar-settings.repository.ts';
import type { ComplaintSet, Dimension, ReportScope } from './measures.ts';
import * as measures from './measures.ts';
import { allCodes, groupLabel } from './report-labels.ts';

// Builds the report document: every table of the quarterly and annual report (policy 2.2, 3.2) from the
// measures, each number with the drill-down query that lists its complaints.

export type ReportRequest = Readonly<{
  kind: ReportKind;
  period: ReportPeriod;
  departmentId: string | null;
  category?: string | null;
}>;

function drillFor(
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

const cell = (value: number | string | null, drill: string | null = null): ReportCell => ({ value, drill });

function table(
  id: string,
  title: string,
  columns: { key: string; label: string; kind: CellKind }[],
  rows: ReportRow[],
  description: string | null = null,
): ReportTable {
  return { id, title, description, columns, rows };
}

/** A breakdown of one set by one dimension as a table with one count column (zero rows for closed lists). */
async function breakdownTable(
  trx: Scoped,
  scope: ReportScope,
  spec: {
    id: string;
    title: string;
    set: ComplaintSet;
    dimension: Dimension;
    column: string;
    description?: string;
  },
): Promise<ReportTable> {
  const groups = await measures.countBy(trx, scope, spec.set, spec.dimension);
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

const SUMMARY_SETS = [
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

/** The whole report; `progress` hears fractions 0–1 as tables complete (for report jobs). */
export async function buildReport(
  trx: Scoped,
  request: ReportRequest,
  options: { now: Date; progress?: (fraction: number) => void | Promise<void> } = { now: new Date() },
): Promise<ReportDocument> {
  const scope: ReportScope = {
    period: request.period,
    departmentId: request.departmentId,
    category: request.category ?? null,
  };
  const step = async (fraction: number) => options.progress?.(fraction);
  const settings = await getCurrentCalendarSettings(trx);
  const [organizationName, departmentName, counts, answered, scores, compensation, units] = await Promise.all(
    [
      measures.organizationName(trx),
      request.departmentId === null ? null : measures.departmentName(trx, request.departmentId),
      measures.countSets(trx, scope, SUMMARY_SETS),
      measures.answeredComplaints(trx, scope),
      measures.satisfactionScores(trx, scope),
      measures.compensationPaid(trx, scope),
      measures.unitCounts(trx),
    ],
  );
  const timeliness = summarizeTimeliness(answered, settings);
  const satisfaction = summarizeSatisfaction(scores, timeliness.answered);
  await step(0.2);

  const actions = await measures.improvementActions(trx, scope);
  // Overdue as it stands at the end of the period, or today for a period still running.
  const today = toLocalDate(options.now);
  // biome-ignore lint/complexity/useMathMinMax: these are ISO date strings; Math.min would turn them into NaN
  const endDay = today < scope.period.until ? today : scope.period.until;
  const opened = actions.filter((a) => a.createdOn >= scope.period.from).length;
  const done = actions.filter(
    (a) =>
      a.status === 'done' &&
      a.completedOn !== null &&
      a.completedOn >= scope.period.from &&
      a.completedOn < scope.period.until,
  ).length;
  const overdue = actions.filter((a) =>
    isActionOverdueOn({ dueOn: a.dueOn, status: a.status, completedOn: a.completedOn }, endDay),
  ).length;

  const summaryRow = (
    key: string,
    label: string,
    kind: CellKind,
    value: number | null,
    set: ComplaintSet | null = null,
  ) => ({
    key,
    label,
    kind,
    cells: [cell(value, set === null ? null : drillFor(scope, set))],
  });
  const summary = table(
    'summary',
    'Kerncijfers',
    [{ key: 'value', label: 'Waarde', kind: 'count' }],
    [
      summaryRow('received', 'Klachten ontvangen', 'count', counts.received, 'received'),
      summaryRow(
        'taken_into_handling',
        'In behandeling genomen',
        'count',
        counts.taken_into_handling,
        'taken_into_handling',
      ),
      summaryRow('answered', 'Beantwoord', 'count', counts.answered, 'answered'),
      summaryRow('closed', 'Afgesloten', 'count', counts.closed, 'closed'),
      summaryRow(
        'outside_procedure',
        'Buiten de procedure',
        'count',
        counts.outside_procedure,
        'outside_procedure',
      ),
      summaryRow(
        'not_a_complaint',
        'Geen klacht, doorverwezen',
        'count',
        counts.not_a_complaint,
        'not_a_complaint',
      ),
      // policy 2.5: suspected criminal offences with the board, apart from the procedure's figures
      summaryRow(
        'board_track',
        'Bij de directie (vermoeden van een strafbaar feit)',
        'count',
        counts.board_track,
        'board_track',
      ),
      summaryRow(
        'board_track_explained_on_time',
        'Bij de directie: uitleg aan de klager binnen de termijn',
        'count',
        counts.board_track_explained_on_time,
        'board_track_explained_on_time',
      ),
      summaryRow(
        'board_track_explained_on_time_rate',
        'Bij de directie: uitleg binnen de termijn (%)',
        'rate',
        rate(counts.board_track_explained_on_time, counts.board_track),
        'board_track_explained_on_time',
      ),
      summaryRow(
        'on_time_original',
        'Op tijd beantwoord (oorspronkelijke termijn)',
        'count',
        timeliness.onTimeOriginal,
        'answered_on_time_original',
      ),
      summaryRow(
        'on_time_original_rate',
        'Op tijd, oorspronkelijke termijn (%)',
        'rate',
        timeliness.onTimeOriginalRate,
        'answered_on_time_original',
      ),
      summaryRow(
        'on_time_extended',
        'Op tijd beantwoord (verlengde termijn)',
        'count',
        timeliness.onTimeExtended,
        'answered_on_time_extended',
      ),
      summaryRow(
        'on_time_extended_rate',
        'Op tijd, verlengde termijn (%)',
        'rate',
        timeliness.onTimeExtendedRate,
        'answered_on_time_extended',
      ),
      summaryRow('extended', 'Termijn verlengd', 'count', timeliness.extended, 'extended'),
      summaryRow(
        'median_working_days',
        'Mediane behandeltijd (werkdagen)',
        'decimal',
        timeliness.medianWorkingDays,
        'answered',
      ),
      summaryRow(
        'p90_working_days',
        '90e percentiel behandeltijd (werkdagen)',
        'decimal',
        timeliness.p90WorkingDays,
        'answered',
      ),
      summaryRow('repeats', 'Herhaalde klachten', 'count', counts.repeats, 'repeats'),
      summaryRow('last_response', 'Laatste-reactiebrieven', 'count', counts.last_response, 'last_response'),
      summaryRow(
        'committee_referred',
        'Naar de klachtencommissie',
        'count',
        counts.committee_referred,
        'committee_referred',
      ),
      summaryRow(
        'committee_ruled',
        'Uitspraken klachtencommissie',
        'count',
        counts.committee_ruled,
        'committee_ruled',
      ),
      summaryRow(
        'compensation_count',
        'Vergoedingen betaald (aantal)',
        'count',
        compensation.count,
        'compensation_paid',
      ),
      summaryRow(
        'compensation_total',
        'Vergoedingen betaald (totaal)',
        'euro',
        compensation.cents / 100,
        'compensation_paid',
      ),
      summaryRow(
        'satisfaction_responses',
        'Tevredenheid: reacties',
        'count',
        satisfaction.responses,
        'satisfaction_responded',
      ),
      summaryRow(
        'satisfaction_response_rate',
        'Tevredenheid: respons (%)',
        'rate',
        satisfaction.responseRate,
        'satisfaction_responded',
      ),
      summaryRow(
        'satisfaction_handling',
        'Tevredenheid behandeling (gemiddeld, 1–5)',
        'decimal',
        satisfaction.meanHandling,
        'satisfaction_responded',
      ),
      summaryRow(
        'satisfaction_outcome',
        'Tevredenheid uitkomst (gemiddeld, 1–5)',
        'decimal',
        satisfaction.meanOutcome,
        'satisfaction_responded',
      ),
      summaryRow('units', 'Verhuureenheden', 'count', units.total),
      summaryRow(
        'per_thousand_units',
        'Klachten per 1.000 verhuureenheden',
        'decimal',
        perThousandUnits(counts.received, units.total),
        'received',
      ),
      summaryRow('actions_opened', 'Verbeteracties gestart', 'count', opened),
      summaryRow('actions_done', 'Verbeteracties gereed', 'count', done),
      summaryRow('actions_overdue', 'Verbeteracties over de streefdatum', 'count', overdue),
      summaryRow(
        'linked_share',
        'Klachten gekoppeld aan een verbeteractie (%)',
        'rate',
        rate(counts.linked_to_action, counts.received),
        'linked_to_action',
      ),
    ],
  );
  await step(0.3);

  const breakdowns = await Promise.all([
    breakdownTable(trx, scope, {
      id: 'by_channel',
      title: 'Ontvangen per kanaal',
      set: 'received',
      dimension: 'channel',
      column: 'Ontvangen',
    }),
    breakdownTable(trx, scope, {
      id: 'by_category',
      title: 'Ontvangen per categorie',
      set: 'received',
      dimension: 'category',
      column: 'Ontvangen',
    }),
    breakdownTable(trx, scope, {
      id: 'by_subject_kind',
      title: 'Ontvangen naar onderwerp',
      set: 'received',
      dimension: 'subject_kind',
      column: 'Ontvangen',
    }),
    breakdownTable(trx, scope, {
      id: 'by_department',
      title: 'Ontvangen per behandelende afdeling',
      set: 'received',
      dimension: 'department',
      column: 'Ontvangen',
      description:
        'De afdeling die de klacht behandelt; een doorgestuurde klacht telt waar hij is behandeld.',
    }),
    breakdownTable(trx, scope, {
      id: 'by_concerned_department',
      title: 'Ontvangen per betrokken afdeling',
      set: 'received',
      dimension: 'concerned_department',
      column: 'Ontvangen',
      description: 'De afdeling waar de klacht over gaat.',
    }),
    breakdownTable(trx, scope, {
      id: 'outside_procedure',
      title: 'Buiten de procedure, per grond',
      set: 'outside_procedure',
      dimension: 'ground',
      column: 'Aantal',
    }),
    breakdownTable(trx, scope, {
      id: 'referred',
      title: 'Geen klacht, doorverwezen naar soort',
      set: 'not_a_complaint',
      dimension: 'referral_kind',
      column: 'Aantal',
    }),
    breakdownTable(trx, scope, {
      id: 'outcome',
      title: 'Uitkomst van de beantwoorde klachten',
      set: 'answered',
      dimension: 'outcome',
      column: 'Beantwoord',
    }),
    breakdownTable(trx, scope, {
      id: 'repeat_rungs',
      title: 'Herhaalde klachten per trede',
      set: 'repeats',
      dimension: 'rung',
      column: 'Aantal',
    }),
    breakdownTable(trx, scope, {
      id: 'board_track',
      title: 'Bij de directie (vermoeden van een strafbaar feit), per besluit',
      set: 'board_track',
      dimension: 'board_decision',
      column: 'Aantal',
      description:
        'Buiten de klachtenprocedure (beleid 2.5): niet in de cijfers over op tijd beantwoorden. Teruggestuurd naar de procedure telt als gewone klacht.',
    }),
    breakdownTable(trx, scope, {
      id: 'committee_rulings',
      title: 'Uitspraken klachtencommissie',
      set: 'committee_ruled',
      dimension: 'verdict',
      column: 'Aantal',
    }),
  ]);
  await step(0.6);

  const [byComplex, allComplexes, byContractor, monthlyReceived, monthlyAnswered, monthlyOnTime] =
    await Promise.all([
      measures.countBy(trx, scope, 'received', 'complex'),
      measures.complexes(trx),
      measures.countBy(trx, scope, 'received', 'contractor'),
      measures.countBy(trx, scope, 'received', 'month'),
      measures.countBy(trx, scope, 'answered', 'month'),
      measures.countBy(trx, scope, 'answered_on_time_original', 'month'),
    ]);
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
  const complexTable = table(
    'by_complex',
    'Complexen: klachten per 1.000 verhuureenheden',
    [
      { key: 'units', label: 'Verhuureenheden', kind: 'count' },
      { key: 'received', label: 'Ontvangen', kind: 'count' },
      { key: 'per_thousand_units', label: 'Per 1.000 vhe', kind: 'decimal' },
    ],
    complexRows,
  );
  const contractorTable = table(
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
  const monthCount = (rows: measures.Breakdown, key: string) => rows.find((r) => r.key === key)?.n ?? 0;
  const trend = table(
    'monthly',
    'Verloop per maand',
    [
      { key: 'received', label: 'Ontvangen', kind: 'count' },
      { key: 'answered', label: 'Beantwoord', kind: 'count' },
      { key: 'on_time_original_rate', label: 'Op tijd (%)', kind: 'rate' },
    ],
    monthsOf(scope.period).map((month) => {
      const a = monthCount(monthlyAnswered, month);
      return {
        key: month,
        label: groupLabel('month', month, null),
        kind: null,
        cells: [
          cell(
            monthCount(monthlyReceived, month),
            drillFor(scope, 'received', { dimension: 'month', key: month }),
          ),
          cell(a, drillFor(scope, 'answered', { dimension: 'month', key: month })),
          cell(
            rate(monthCount(monthlyOnTime, month), a),
            drillFor(scope, 'answered_on_time_original', { dimension: 'month', key: month }),
          ),
        ],
      };
    }),
  );
  const satisfactionTable = table(
    'satisfaction',
    'Tevredenheid: verdeling van de scores',
    [
      { key: 'handling', label: 'Behandeling', kind: 'count' },
      { key: 'outcome', label: 'Uitkomst', kind: 'count' },
    ],
    [1, 2, 3, 4, 5].map((score) => ({
      key: String(score),
      label: `Score ${score}`,
      kind: null,
      cells: [
        cell(satisfaction.handlingDistribution[score - 1] ?? 0),
        cell(satisfaction.outcomeDistribution[score - 1] ?? 0),
      ],
    })),
  );
  const actionsTable = table(
    'improvement_actions',
    'Verbeteracties',
    [
      { key: 'status', label: 'Status', kind: 'text' },
      { key: 'due_on', label: 'Streefdatum', kind: 'date' },
      { key: 'linked', label: 'Gekoppelde klachten', kind: 'count' },
    ],
    actions.map((a) => ({
      key: a.id,
      label: a.title,
      kind: null,
      cells: [
        cell(ACTION_STATUSES[a.status as keyof typeof ACTION_STATUSES]?.nl ?? a.status),
        cell(a.dueOn),
        cell(a.linked),
      ],
    })),
    'Gestart in de periode of aan het begin ervan nog niet afgerond (beleid 2.2, 3.1).',
  );
  await step(0.9);

  return {
    kind: request.kind,
    organizationName,
    period: { ...request.period },
    department:
      request.departmentId === null || departmentName === null
        ? null
        : { id: request.departmentId, name: departmentName },
    category: request.category ?? null,
    generatedAt: options.now.toISOString(),
    tables: [
      summary,
      trend,
      ...breakdowns.slice(0, 5),
      complexTable,
      contractorTable,
      ...breakdowns.slice(5),
      satisfactionTable,
      actionsTable,
    ],
  };
}
