import type { ReportRow, ReportTable } from '../../../../contract/reports.ts';
import { quarterRange } from '../../../../domain/learning.ts';
import {
  type SatisfactionFigures,
  type SatisfactionRecord,
  satisfactionFiguresBy,
  scoreDistributionOrWithheld,
  scoreMeanOrWithheld,
  summarizeSatisfactionFigures,
  tooFewAnswersText,
  trendQuarters,
} from '../../../../domain/satisfaction-figures.ts';
import type { Scoped } from '../../../db/tenant-scope.ts';
import { groupLabel } from '../document/report-labels.ts';
import type { Dimension, ReportScope } from './report-sets.ts';
import { cell, drillFor, table } from './report-table.ts';
import { type SatisfactionRow, satisfactionRows } from './satisfaction.repository.ts';

// The satisfaction figures of the report (issue 26, decision 050, docs/measures.md "Tevredenheid"): response rate,
// the handling and outcome scores (mean and distribution) and the share that went on to the committee — overall,
// per category, channel, handling department, handler's team, verdict and quarter. A score on fewer than
// SATISFACTION_MINIMUM_ANSWERS answers is replaced by 'te weinig antwoorden (n=…)'; the count always stays.

const COLUMNS = [
  { key: 'asked', label: 'Gevraagd', kind: 'count' as const },
  { key: 'answers', label: 'Antwoorden', kind: 'count' as const },
  { key: 'response_rate', label: 'Respons (%)', kind: 'rate' as const },
  { key: 'handling_mean', label: 'Behandeling (gem. 1–5)', kind: 'decimal' as const },
  { key: 'handling_distribution', label: 'Behandeling (verdeling)', kind: 'text' as const },
  { key: 'outcome_mean', label: 'Uitkomst (gem. 1–5)', kind: 'decimal' as const },
  { key: 'outcome_distribution', label: 'Uitkomst (verdeling)', kind: 'text' as const },
  { key: 'committee_share', label: 'Daarna naar de commissie (%)', kind: 'rate' as const },
];

/** Key of the pooled row of teams a department report does not show one by one (need-to-know). */
export const OTHER_TEAMS = 'other_teams';

const record = (row: SatisfactionRow): SatisfactionRecord => ({
  requested: row.requested,
  scores:
    row.handling === null || row.outcome === null ? null : { handling: row.handling, outcome: row.outcome },
  toCommittee: row.toCommittee,
});

function figureCells(f: SatisfactionFigures, drill: string | null) {
  const committee =
    f.committeeShare === null && f.answers > 0 ? tooFewAnswersText(f.answers) : f.committeeShare;
  return [
    cell(f.asked),
    cell(f.answers, drill),
    cell(f.responseRate),
    cell(scoreMeanOrWithheld(f.handling)),
    cell(scoreDistributionOrWithheld(f.handling)),
    cell(scoreMeanOrWithheld(f.outcome)),
    cell(scoreDistributionOrWithheld(f.outcome)),
    cell(committee),
  ];
}

type Grouping = Readonly<{
  id: string;
  title: string;
  key: (row: SatisfactionRow) => string | null;
  label: (key: string | null, row: SatisfactionRow) => string;
  /** The report dimension whose drill-down lists a group's respondents, when there is one. */
  dimension: Dimension | null;
  description?: string;
}>;

function groupedTable(scope: ReportScope, rows: readonly SatisfactionRow[], grouping: Grouping): ReportTable {
  const labels = new Map<string | null, string>();
  for (const row of rows) {
    const key = grouping.key(row);
    if (!labels.has(key)) labels.set(key, grouping.label(key, row));
  }
  const figures = satisfactionFiguresBy(rows, grouping.key);
  const ordered = [...figures].sort(
    (a, b) => b[1].answers - a[1].answers || String(a[0] ?? '~').localeCompare(String(b[0] ?? '~')),
  );
  const out: ReportRow[] = ordered.map(([key, f]) => ({
    key,
    label: labels.get(key) ?? '',
    kind: null,
    cells: figureCells(
      f,
      grouping.dimension === null
        ? null
        : drillFor(scope, 'satisfaction_responded', { dimension: grouping.dimension, key }),
    ),
  }));
  return table(grouping.id, grouping.title, COLUMNS, out, grouping.description ?? null);
}

function groupings(scope: ReportScope): Grouping[] {
  const own = scope.departmentId;
  return [
    {
      id: 'satisfaction_by_category',
      title: 'Tevredenheid per categorie',
      key: (r) => r.category,
      label: (k) => groupLabel('category', k, null),
      dimension: 'category',
    },
    {
      id: 'satisfaction_by_channel',
      title: 'Tevredenheid per kanaal',
      key: (r) => r.channel,
      label: (k) => groupLabel('channel', k, null),
      dimension: 'channel',
    },
    {
      id: 'satisfaction_by_department',
      title: 'Tevredenheid per behandelende afdeling',
      key: (r) => r.department,
      label: (k, r) => groupLabel('department', k, r.departmentName),
      dimension: 'department',
      description:
        'De afdeling die de klacht behandelde; een doorgestuurde klacht telt waar hij is behandeld.',
    },
    {
      id: 'satisfaction_by_team',
      title: 'Tevredenheid per team van de behandelaar',
      // need-to-know (decision 050): a department's report shows its own team; other teams only pooled
      key: (r) => (own === null || r.team === own ? r.team : OTHER_TEAMS),
      label: (k, r) =>
        k === OTHER_TEAMS
          ? 'Andere teams (samen)'
          : k === null
            ? 'Geen behandelaar of team'
            : (r.teamName ?? k),
      dimension: null,
      description:
        own === null
          ? 'Het team (de afdeling) waartoe de behandelaar hoort.'
          : 'Het team (de afdeling) waartoe de behandelaar hoort; andere teams dan dat van deze afdeling alleen samen.',
    },
    {
      id: 'satisfaction_by_verdict',
      title: 'Tevredenheid naar oordeel (uitkomst van de beoordeling)',
      key: (r) => r.verdict,
      label: (k) => groupLabel('outcome', k, null),
      dimension: 'outcome',
    },
  ];
}

/** The last day of a half-open period [from, until). */
function lastDayOf(scope: ReportScope): string {
  return new Date(Date.parse(`${scope.period.until}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** Every satisfaction table of the report, the overall figures the key figures show, and the period's scores. */
export async function satisfactionFigureTables(
  trx: Scoped,
  scope: ReportScope,
): Promise<{
  overall: SatisfactionFigures;
  tables: ReportTable[];
  /** The scores of the period's answered complaints (the sector comparison's sums). */
  scores: { handling: number; outcome: number }[];
}> {
  const quarters = trendQuarters(lastDayOf(scope));
  const trendScope: ReportScope = {
    ...scope,
    period: {
      from: quarterRange(quarters[0] as `${number}-Q1`).from,
      until: quarterRange(quarters[3] as `${number}-Q1`).until,
      label: `${quarters[0]} – ${quarters[3]}`,
    },
  };
  // One statement for the period and its trend (issue 24, run D: two passes, the trend's over a whole year)
  const all = await satisfactionRows(trx, scope, trendScope);
  const rows = all.filter((row) => row.inScope);
  const trendRows = all.filter((row) => row.inTrend);
  const overall = summarizeSatisfactionFigures(rows.map(record));
  const overallTable = table('satisfaction_overall', 'Tevredenheid: respons en scores', COLUMNS, [
    {
      key: 'all',
      label: 'Alle beantwoorde klachten',
      kind: null,
      cells: figureCells(overall, drillFor(scope, 'satisfaction_responded')),
    },
  ]);
  const byQuarter = satisfactionFiguresBy(trendRows, (row) => row.quarter);
  const empty = summarizeSatisfactionFigures([]);
  const trend = table(
    'satisfaction_by_quarter',
    'Tevredenheid per kwartaal (verloop)',
    COLUMNS,
    quarters.map((q) => ({
      key: q,
      label: q,
      kind: null,
      cells: figureCells(byQuarter.get(q) ?? empty, null),
    })),
    'De vier kwartalen tot en met het laatste kwartaal van de periode, naar de dag van het antwoord.',
  );
  const scores = rows.flatMap((row) =>
    row.handling === null || row.outcome === null ? [] : [{ handling: row.handling, outcome: row.outcome }],
  );
  return {
    overall,
    tables: [overallTable, ...groupings(scope).map((g) => groupedTable(scope, rows, g)), trend],
    scores,
  };
}

/** The overall satisfaction figures of a scope (the annual self-assessment's evidence, issue 26). */
export async function satisfactionOverall(trx: Scoped, scope: ReportScope): Promise<SatisfactionFigures> {
  return summarizeSatisfactionFigures((await satisfactionRows(trx, scope)).map(record));
}
