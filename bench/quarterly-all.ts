import type { Quarter } from '../src/domain/index.ts';
import { createDatabase } from '../src/server/db/database.ts';
import { quarterPeriod } from '../src/server/modules/reports/report.service.ts';
import { sectorReport } from '../src/server/modules/reports/sector.service.ts';

// The quarterly key figures of every corporation at once: the sector report (issue 24, decision 040), the
// report's complaint sets counted in grouped SQL per organisation on the owner's connection (three grouped
// queries in one read-only transaction), as the hourly sector-benchmark job runs it. Until issue 24 this
// timed the one-corporation report query 280 times under row-level security (11.1 s on the national set).

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
  /** One sector report over every organisation, per repetition (the first warms the caches and is not counted). */
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
      const rows = await sectorReport(owner, quarterPeriod(quarter), 'all');
      if (rows.length !== organizations.length) throw new Error('the sector report missed an organisation');
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
