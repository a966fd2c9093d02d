import type { ReportDocument, ReportKind } from '../../../../contract/reports.ts';
import { type ReportPeriod, summarizeTimeliness } from '../../../../domain/report-measures.ts';
import { serverNow } from '../../../clock.ts';
import type { Scoped } from '../../../db/tenant-scope.ts';
import { calendarSettingsFor } from '../../reference-data/index.ts';
import { actionsTable, countActions } from '../measures/action-measures.ts';
import { breakdownTable, OUTCOME_BREAKDOWNS, RECEIVED_BREAKDOWNS } from '../measures/breakdown-measures.ts';
import * as measures from '../measures/measures.repository.ts';
import type { ReportScope } from '../measures/report-sets.ts';
import { satisfactionFigureTables } from '../measures/satisfaction-figures-measure.ts';
import { satisfactionTable } from '../measures/satisfaction-measure.ts';
import { scoreSums, sectorFiguresOf, sectorTable } from '../measures/sector-measure.ts';
import { SUMMARY_SETS, summaryTable } from '../measures/summary-measures.ts';
import { trendTable } from '../measures/trend-measure.ts';
import { complexTable, contractorTable } from '../measures/unit-measures.ts';
import { sectorFiguresForReport } from '../sector.repository.ts';

// Builds the report document: every table of the quarterly and annual report (policy 2.2, 3.2), composed of
// the named measures in ./measures (docs/measures.md), each number with the drill-down query that lists its
// complaints.

export type ReportRequest = Readonly<{
  kind: ReportKind;
  period: ReportPeriod;
  departmentId: string | null;
  category?: string | null;
}>;

/** The whole report; `progress` hears fractions 0–1 as tables complete (for report jobs). */
export async function buildReport(
  trx: Scoped,
  request: ReportRequest,
  options: { now: Date; progress?: (fraction: number) => void | Promise<void> } = { now: serverNow() },
): Promise<ReportDocument> {
  const scope: ReportScope = {
    period: request.period,
    departmentId: request.departmentId,
    category: request.category ?? null,
  };
  const step = async (fraction: number) => options.progress?.(fraction);
  const settings = await calendarSettingsFor(trx);
  // The satisfaction scores of the sector comparison come with the satisfaction figures' rows (one statement)
  const [organizationName, departmentName, counts, answered, compensation, units, satisfaction] =
    await Promise.all([
      measures.organizationName(trx),
      request.departmentId === null ? null : measures.departmentName(trx, request.departmentId),
      measures.countSets(trx, scope, SUMMARY_SETS),
      measures.answeredComplaints(trx, scope),
      measures.compensationPaid(trx, scope),
      measures.unitCounts(trx),
      satisfactionFigureTables(trx, scope),
    ]);
  const timeliness = summarizeTimeliness(answered, settings);
  await step(0.2);

  const actions = await measures.improvementActions(trx, scope);
  const summary = summaryTable(scope, {
    counts,
    timeliness,
    satisfaction: satisfaction.overall,
    compensation,
    units: units.total,
    actions: countActions(actions, scope.period, options.now),
  });
  await step(0.3);

  const [receivedBreakdowns, outcomeBreakdowns] = await Promise.all([
    Promise.all(RECEIVED_BREAKDOWNS.map((spec) => breakdownTable(trx, scope, spec))),
    Promise.all(OUTCOME_BREAKDOWNS.map((spec) => breakdownTable(trx, scope, spec))),
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
  const tables = [
    summary,
    trendTable(scope, { received: monthlyReceived, answered: monthlyAnswered, onTime: monthlyOnTime }),
    ...receivedBreakdowns,
    complexTable(scope, byComplex, allComplexes, units),
    contractorTable(scope, byContractor, units),
    ...outcomeBreakdowns,
    satisfactionTable(satisfaction.overall),
    ...satisfaction.tables,
    actionsTable(actions),
  ];
  // issue 24: the organisation-wide report of a corporation that opted in compares itself with the sector, for a
  // quarter or year the hourly job has computed (a custom period has no sector figures)
  const sector =
    scope.departmentId === null && !scope.category
      ? await sectorFiguresForReport(trx, request.period.label)
      : null;
  if (sector !== null && sector.length > 0)
    tables.push(sectorTable(sectorFiguresOf(counts, units.total, scoreSums(satisfaction.scores)), sector));
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
    tables,
  };
}
