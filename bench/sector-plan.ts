import { writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Quarter } from '../src/domain/index.ts';
import { createDatabase } from '../src/server/db/database.ts';
import { inOrganization } from '../src/server/db/tenant-scope.ts';
import { countSets } from '../src/server/modules/reports/index.ts';
import { memberOf } from '../src/server/modules/reports/measures/measures.repository.ts';
import { SUMMARY_SETS } from '../src/server/modules/reports/measures/summary-measures.ts';
import { quarterPeriod } from '../src/server/modules/reports/report.service.ts';
import { sectorReport } from '../src/server/modules/reports/sector.service.ts';

// The sector report's query plan and timing on a database given by OWNER_URL (issue 24, docs/performance.md):
// `node bench/sector-plan.ts 2026-Q3 bench/plans/national/sector-report.txt`. Read-only: the report runs in a
// read-only transaction and the plan is EXPLAIN (ANALYZE, BUFFERS) of its grouped complaint query.

const [quarter = '2026-Q3', out] = process.argv.slice(2);
const ownerUrl = process.env.OWNER_URL;
if (!ownerUrl) throw new Error('OWNER_URL is not set');
const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
const owner = createDatabase(ownerUrl, { poolSize: 1, log: silent, applicationName: 'gehoord-sector-plan' });
try {
  const period = quarterPeriod(quarter as Quarter);
  const timings: number[] = [];
  let organizations = 0;
  for (let i = 0; i < 4; i++) {
    const started = performance.now();
    organizations = (await sectorReport(owner, period, 'all')).length;
    timings.push(Math.round(performance.now() - started));
  }
  const scope = { period, departmentId: null, category: null };
  // Baseline in the same run: the same key-figure counts, one organisation at a time under row-level security
  // (what the bench's 280× loop did, without the report's breakdowns).
  const ids = await owner.selectFrom('organization').select('id').execute();
  const baselineStarted = performance.now();
  for (const { id } of ids) await inOrganization(owner, id, (trx) => countSets(trx, scope, SUMMARY_SETS));
  const baselineMs = Math.round(performance.now() - baselineStarted);
  const columns = SUMMARY_SETS.map(
    (set) => sql`count(*) filter (where ${memberOf(set, scope)})::int as ${sql.ref(set)}`,
  );
  const any = SUMMARY_SETS.map((set) => memberOf(set, scope));
  const plan = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers)
    select c.organization_id, ${sql.join(columns)} from complaint c
    where (${sql.join(any, sql` or `)}) group by c.organization_id`.execute(owner);
  const text = [
    `sector report ${quarter}: ${organizations} organisations; passes (ms, first one cold): ${timings.join(', ')}`,
    `baseline, same run: the key-figure counts per organisation under row-level security, ${ids.length}×: ${baselineMs} ms`,
    '',
    ...plan.rows.map((r) => r['QUERY PLAN']),
  ].join('\n');
  if (out) writeFileSync(out, `${text}\n`);
  console.log(text);
} finally {
  await owner.destroy();
}
