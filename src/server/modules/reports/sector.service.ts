import type { SectorBenchmark, SectorBenchmarkChoice } from '../../../contract/sector-benchmark.ts';
import {
  type ReportPeriod,
  SECTOR_MEASURES,
  SECTOR_MINIMUM_GROUP,
  type SectorFigures,
  sectorBenchmarkPeriods,
  sectorMeasureValue,
  sectorOwnTooFewAnswers,
  summarizeSector,
} from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { recordAuthEvent } from '../auth/index.ts';
import { countSets, satisfactionScores, unitCounts } from './measures/measures.repository.ts';
import { SECTOR_SETS, scoreSums, sectorFiguresOf } from './measures/sector-measure.ts';
import { SUMMARY_SETS, type SummarySet } from './measures/summary-measures.ts';
import * as sector from './sector.repository.ts';

// The sector report and the anonymised sector benchmark (issue 24, decision 040). The per-organisation figures
// are computed on the owner's connection by a scheduled job and stay inside this file: it stores only the
// sector's quartiles. A reader's own figures are counted under its own row-level security from the same report
// sets, so "on time" and "received" mean what they mean in the quarterly report.

/** One organisation's key-figure counts of the period, as the sector report holds them. */
export type SectorReportRow = Readonly<{
  organizationId: string;
  counts: Record<SummarySet, number>;
  units: number;
  satisfaction: Readonly<{ responses: number; handlingSum: number; outcomeSum: number }>;
}>;

const NO_COUNTS = Object.fromEntries(SUMMARY_SETS.map((set) => [set, 0])) as Record<SummarySet, number>;

/**
 * The quarterly key figures of every covered organisation in three grouped queries (complaint sets, units,
 * satisfaction) in one repeatable-read transaction on the owner's connection. For the owner's own use (the
 * benchmark below, the bench): it holds one row per organisation and must never be sent to a reader.
 */
export async function sectorReport(
  owner: Database,
  period: ReportPeriod,
  coverage: sector.SectorCoverage,
): Promise<SectorReportRow[]> {
  return owner
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const ids = await sector.coveredOrganizations(trx, coverage);
      const counts = await sector.countSetsPerOrganization(trx, period, SUMMARY_SETS, coverage);
      const units = await sector.unitsPerOrganization(trx, coverage);
      const scores = await sector.satisfactionPerOrganization(trx, period, coverage);
      const countsOf = new Map(counts.map((r) => [r.organizationId, r.counts]));
      const unitsOf = new Map(units.map((r) => [r.organizationId, r.units]));
      const scoresOf = new Map(scores.map((r) => [r.organizationId, r]));
      return ids.map((organizationId) => ({
        organizationId,
        counts: countsOf.get(organizationId) ?? NO_COUNTS,
        units: unitsOf.get(organizationId) ?? 0,
        satisfaction: scoresOf.get(organizationId) ?? { responses: 0, handlingSum: 0, outcomeSum: 0 },
      }));
    });
}

/** The benchmark's view of one organisation's key figures. */
export function toSectorFigures(row: SectorReportRow): SectorFigures {
  return sectorFiguresOf(row.counts, row.units, row.satisfaction);
}

async function readChoice(trx: Scoped, staff: StaffPrincipal): Promise<boolean> {
  const choice = await sector.findSectorBenchmarkChoice(trx, staff.organizationId);
  if (choice === null) throw new AppError('organization_not_found');
  return choice;
}

/**
 * The scheduled job (owner's connection): the sector's quartiles over the opted-in corporations for each kept
 * period, replacing what was stored. Only the aggregates are written; the per-organisation rows stay here.
 */
export async function refreshSectorBenchmark(owner: Database, now: Date) {
  const periods = sectorBenchmarkPeriods(now);
  for (const period of periods) {
    const rows = await sectorReport(owner, period, 'opted_in');
    const figures = summarizeSector(rows.map(toSectorFigures));
    await sector.replaceSectorFigures(owner, period.label, figures, now);
  }
  return { periods: periods.map((p) => p.label) };
}

/** This organisation's own figures, counted under its row-level security from the report's own sets. */
async function ownFigures(trx: Scoped, period: ReportPeriod): Promise<SectorFigures> {
  const scope = { period, departmentId: null, category: null };
  const counts = await countSets(trx, scope, SECTOR_SETS);
  const units = await unitCounts(trx);
  return sectorFiguresOf(counts, units.total, scoreSums(await satisfactionScores(trx, scope)));
}

/**
 * The reader's organisation beside the sector for a period. Not opted in: nothing but that fact (the screen
 * shows an invitation). Opted in: its own figures and, per measure, the opted-in sector's quartiles, or why
 * they are withheld — no organisation's id, name or single figure other than its own.
 */
export function loadSectorBenchmark(
  db: Database,
  staff: StaffPrincipal,
  period: ReportPeriod,
): Promise<SectorBenchmark> {
  return inOrganization(db, staff.organizationId, async (trx) => {
    if (!(await readChoice(trx, staff))) return { optedIn: false, period: period.label };
    const own = await ownFigures(trx, period);
    const stored = new Map(
      (await sector.findSectorFigures(trx, period.label)).map((row) => [row.measure, row]),
    );
    const computedAt = [...stored.values()][0]?.computed_at ?? null;
    return {
      optedIn: true,
      period: period.label,
      minimumGroup: SECTOR_MINIMUM_GROUP,
      computedAt: computedAt?.toISOString() ?? null,
      measures: SECTOR_MEASURES.map((measure) => {
        const row = stored.get(measure);
        return {
          measure,
          own: sectorMeasureValue(measure, own),
          ownTooFewAnswers: sectorOwnTooFewAnswers(measure, own),
          sector:
            row === undefined
              ? { status: 'pending' as const }
              : row.corporations === null || row.p25 === null || row.p50 === null || row.p75 === null
                ? { status: 'withheld' as const, minimum: SECTOR_MINIMUM_GROUP }
                : {
                    status: 'shown' as const,
                    corporations: row.corporations,
                    p25: row.p25,
                    p50: row.p50,
                    p75: row.p75,
                  },
        };
      }),
    };
  });
}

export function getSectorBenchmarkChoice(
  db: Database,
  staff: StaffPrincipal,
): Promise<SectorBenchmarkChoice> {
  return inOrganization(db, staff.organizationId, async (trx) => ({ optedIn: await readChoice(trx, staff) }));
}

/** An administrator opts in or out; the change is in the audit log (who, when, which way). */
export function saveSectorBenchmarkChoice(
  db: Database,
  staff: StaffPrincipal,
  input: SectorBenchmarkChoice,
): Promise<SectorBenchmarkChoice> {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const before = await sector.findSectorBenchmarkChoice(trx, staff.organizationId);
    if (
      before === null ||
      !(await sector.updateSectorBenchmarkChoice(trx, staff.organizationId, input.optedIn))
    )
      throw new AppError('organization_not_found');
    if (before !== input.optedIn) {
      await recordAuthEvent(trx, {
        organizationId: staff.organizationId,
        type: 'sector_benchmark_changed',
        actorUserId: staff.userId,
        ip: staff.origin?.ip ?? null,
        userAgent: staff.origin?.userAgent ?? null,
        details: { optedIn: input.optedIn },
      });
    }
    return { optedIn: input.optedIn };
  });
}
