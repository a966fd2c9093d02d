import type { Quarter } from '../src/domain/index.ts';
import { createDatabase } from '../src/server/db/database.ts';
import { inOrganization } from '../src/server/db/tenant-scope.ts';
import { loadReport, quarterPeriod } from '../src/server/modules/reports/report.service.ts';

// The quarterly report for every corporation at once. The API has no such endpoint (a report is always one
// organisation's, behind its row-level security), so this times the report query the endpoint runs
// (`loadReport`) for each organisation in turn on one connection, as the application role with that
// organisation in scope (row-level security on, as for the endpoint; the report's queries rely on it to keep
// to one organisation): the work "all corporations" would cost the database, without HTTP and sessions.

/** The last quarter that has ended before `now`, e.g. 2026-Q3 in November 2026. */
export function lastFullQuarter(now: Date): Quarter {
  const quarter = Math.floor(now.getUTCMonth() / 3);
  return (
    quarter === 0 ? `${now.getUTCFullYear() - 1}-Q4` : `${now.getUTCFullYear()}-Q${quarter}`
  ) as Quarter;
}

export type AllCorporationsTiming = {
  quarter: Quarter;
  organizations: number;
  /** One pass over every organisation, per repetition (the first warms the caches and is not counted). */
  passesMs: number[];
  medianMs: number;
  maxMs: number;
};

export async function timeQuarterlyForAll(
  ownerUrl: string,
  quarter: Quarter,
  repetitions: number,
): Promise<AllCorporationsTiming> {
  const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
  const owner = createDatabase(ownerUrl, { poolSize: 1, log: silent, applicationName: 'gehoord-bench' });
  try {
    const organizations = await owner.selectFrom('organization').select('id').orderBy('id').execute();
    const pass = async () => {
      const started = performance.now();
      for (const { id } of organizations)
        await inOrganization(owner, id, (trx) =>
          loadReport(
            trx,
            { kind: 'quarterly', period: quarterPeriod(quarter), departmentId: null, category: null },
            { now: new Date() },
          ),
        );
      return performance.now() - started;
    };
    await pass();
    const passesMs: number[] = [];
    for (let i = 0; i < repetitions; i++) passesMs.push(await pass());
    const sorted = [...passesMs].sort((a, b) => a - b);
    return {
      quarter,
      organizations: organizations.length,
      passesMs: passesMs.map((ms) => Math.round(ms)),
      medianMs: sorted[Math.floor(sorted.length / 2)] as number,
      maxMs: sorted.at(-1) as number,
    };
  } finally {
    await owner.destroy();
  }
}
