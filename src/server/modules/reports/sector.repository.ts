import { sql } from 'kysely';
import type { ReportPeriod } from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import { memberOf } from './measures/measures.repository.ts';
import type { ComplaintSet, ReportScope } from './measures/report-sets.ts';

// The sector report (issue 24, decision 040): the quarterly report's complaint sets counted for every
// organisation at once, in grouped SQL on the owner's connection. Row-level security keeps the application role
// inside one organisation, so these queries run only on the owner's connection (never inside `inOrganization`)
// and return counts per organisation, never a complaint. Only sector.service.ts calls them, and it lets no
// organisation's row leave: it answers with one organisation's own figures and the sector's quartiles.

/** Which organisations a pass covers: every one (the sector report) or those that opted in (the benchmark). */
export type SectorCoverage = 'all' | 'opted_in';

export type OrganizationCounts<S extends ComplaintSet> = Readonly<{
  organizationId: string;
  counts: Record<S, number>;
}>;

const covered = (coverage: SectorCoverage, column: ReturnType<typeof sql.ref>) =>
  coverage === 'all'
    ? sql<boolean>`true`
    : sql<boolean>`${column} in (select o.id from organization o where o.sector_benchmark and o.suspended_at is null)`;

/** The organisations a pass covers, also those without complaints or units in the period. */
export async function coveredOrganizations(owner: Database, coverage: SectorCoverage): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select o.id from organization o where ${covered(coverage, sql.ref('o.id'))} order by o.id`.execute(owner);
  return rows.map((r) => r.id);
}

/** The size of several report sets per organisation, in one grouped pass over the complaints. */
export async function countSetsPerOrganization<S extends ComplaintSet>(
  owner: Database,
  period: ReportPeriod,
  sets: readonly S[],
  coverage: SectorCoverage,
): Promise<OrganizationCounts<S>[]> {
  const scope: ReportScope = { period, departmentId: null, category: null };
  const columns = sets.map(
    (set) => sql`count(*) filter (where ${memberOf(set, scope)})::int as ${sql.ref(set)}`,
  );
  const any = sets.map((set) => memberOf(set, scope));
  const { rows } = await sql<Record<S, number> & { organization_id: string }>`
    select c.organization_id, ${sql.join(columns)} from complaint c
    where (${sql.join(any, sql` or `)}) and ${covered(coverage, sql.ref('c.organization_id'))}
    group by c.organization_id`.execute(owner);
  return rows.map(({ organization_id, ...counts }) => ({
    organizationId: organization_id,
    counts: counts as unknown as Record<S, number>,
  }));
}

/** Units (verhuureenheden) per organisation as registered now (as the quarterly report's per-1,000 figure). */
export async function unitsPerOrganization(owner: Database, coverage: SectorCoverage) {
  const { rows } = await sql<{ organizationId: string; units: number }>`
    select u.organization_id as "organizationId", count(*)::int as units from unit u
    where ${covered(coverage, sql.ref('u.organization_id'))} group by u.organization_id`.execute(owner);
  return rows;
}

/** Satisfaction responses to the complaints answered in the period, per organisation: count and score sums. */
export async function satisfactionPerOrganization(
  owner: Database,
  period: ReportPeriod,
  coverage: SectorCoverage,
) {
  const scope: ReportScope = { period, departmentId: null, category: null };
  const { rows } = await sql<{
    organizationId: string;
    responses: number;
    handlingSum: number;
    outcomeSum: number;
  }>`
    select c.organization_id as "organizationId", count(*)::int as responses,
           sum(s.handling)::int as "handlingSum", sum(s.outcome)::int as "outcomeSum"
    from complaint_satisfaction s join complaint c on c.id = s.complaint_id
    where ${memberOf('answered', scope)} and ${covered(coverage, sql.ref('c.organization_id'))}
    group by c.organization_id`.execute(owner);
  return rows;
}

/** Whether this organisation takes part in the sector benchmark (its own row, under row-level security). */
export async function findSectorBenchmarkChoice(
  trx: Scoped,
  organizationId: string,
): Promise<boolean | null> {
  const row = await trx
    .selectFrom('organization')
    .select('sector_benchmark')
    .where('id', '=', organizationId)
    .executeTakeFirst();
  return row?.sector_benchmark ?? null;
}

export async function updateSectorBenchmarkChoice(
  trx: Scoped,
  organizationId: string,
  optedIn: boolean,
): Promise<boolean> {
  const result = await trx
    .updateTable('organization')
    .set({ sector_benchmark: optedIn })
    .where('id', '=', organizationId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

type StoredFigure = Readonly<{
  measure: string;
  sector:
    | Readonly<{
        status: 'shown';
        corporations: number;
        quartiles: { p25: number; p50: number; p75: number };
      }>
    | Readonly<{ status: 'withheld'; minimum: number }>;
}>;

/** Owner only: the period's quartiles replace what was stored, in one transaction. */
export async function replaceSectorFigures(
  owner: Database,
  period: string,
  figures: readonly StoredFigure[],
  computedAt: Date,
) {
  await owner.transaction().execute(async (trx) => {
    await trx.deleteFrom('sector_benchmark_figure').where('period', '=', period).execute();
    await trx
      .insertInto('sector_benchmark_figure')
      .values(
        figures.map(({ measure, sector }) => ({
          period,
          measure,
          corporations: sector.status === 'shown' ? sector.corporations : null,
          p25: sector.status === 'shown' ? sector.quartiles.p25 : null,
          p50: sector.status === 'shown' ? sector.quartiles.p50 : null,
          p75: sector.status === 'shown' ? sector.quartiles.p75 : null,
          computed_at: computedAt,
        })),
      )
      .execute();
  });
}

/** The sector's stored quartiles of a period (aggregates only; readable by the application role). */
export function findSectorFigures(trx: Scoped, period: string) {
  return trx
    .selectFrom('sector_benchmark_figure')
    .select(['measure', 'corporations', 'p25', 'p50', 'p75', 'computed_at'])
    .where('period', '=', period)
    .execute();
}

/** For a report in the organisation's own scope: whether it opted in, and then the period's stored quartiles. */
export async function sectorFiguresForReport(trx: Scoped, period: string) {
  const { rows } = await sql<{ optedIn: boolean }>`
    select sector_benchmark as "optedIn" from organization where id = current_organization_id()`.execute(trx);
  if (rows[0]?.optedIn !== true) return null;
  return findSectorFigures(trx, period);
}
