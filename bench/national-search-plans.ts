// Issue 24 / decision 038: EXPLAIN (ANALYZE, BUFFERS) of the search page on a shared database that already holds
// data (the national set), for the bench's words, the largest corporation and a small one, before (the statement
// of migration 053: every match, then sorted) and after (listComplaintsQuery). Read-only: migration 076's
// functions are created inside a transaction that is rolled back. Usage:
//   OWNER_URL=postgres://… node bench/national-search-plans.ts [out-dir]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { up } from '../src/server/db/migrations/2026-12-07-076-search-page-in-the-database.ts';
import { up as upSearchPerKind } from '../src/server/db/migrations/2026-12-07-083-search-per-kind.ts';
import { APP_ROLE, ORGANIZATION_SETTING } from '../src/server/db/roles.ts';
import { searchParameters, searchQuery } from './baseline-queries.ts';
import { SEARCH_TERMS } from './scenarios.ts';

const BEFORE = `select c.id, c.reference, c.status, c.channel, c.received_at,
    p.name as "complainantName", hc.name as "housingComplexName", c.category, c.handler_id, h.name as "handlerName",
    c.due_at, c.confidential, c.repeat_of_id
  from (select * from complaint c
    where (not c.confidential or c.handler_id = $1) and c.id in (select search_complaint_ids($2, $3, $4))
    order by c.due_at asc, c.id asc limit 51) c
  left join person p on p.id = c.complainant_id
  left join housing_complex hc on hc.id = c.housing_complex_id
  left join staff_user h on h.id = c.handler_id
  order by c.due_at asc, c.id asc`;

const outDir = process.argv[2] ?? path.join(import.meta.dirname, 'plans', 'national');
const pool = new pg.Pool({ connectionString: process.env.OWNER_URL, max: 1 });
const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });

type Org = { id: string; complaints: number; viewer: string };
const { rows: orgs } = await pool.query<Org>(`
  with sizes as (select organization_id as id, count(*)::int as complaints from complaint group by 1)
  (select s.*, (select u.id from staff_user u where u.organization_id = s.id order by u.id limit 1) as viewer
     from sizes s order by complaints desc limit 1)
  union all
  (select s.*, (select u.id from staff_user u where u.organization_id = s.id order by u.id limit 1) as viewer
     from sizes s order by complaints asc limit 1)`);

const lines: string[] = [];
const millis = (plan: string) => Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN);
/** Pages read by the whole statement: steadier than milliseconds on a busy machine. */
const buffers = (plan: string) => {
  const first = /Buffers: shared hit=(\d+)(?: read=(\d+))?/.exec(plan);
  return first ? Number(first[1]) + Number(first[2] ?? 0) : Number.NaN;
};
await mkdir(outDir, { recursive: true });
for (const org of orgs) {
  for (const term of SEARCH_TERMS) {
    await sql`begin`.execute(db);
    try {
      const exists = await sql`select 1 from pg_proc where proname = 'search_person_ids'`.execute(db);
      if (exists.rows.length === 0) await up(db);
      const perKind = await sql`select 1 from pg_proc where proname = 'search_text_ids'`.execute(db);
      if (perKind.rows.length === 0) await upSearchPerKind(db);
      await sql`select set_config('role', ${APP_ROLE}, true), set_config(${ORGANIZATION_SETTING}, ${org.id}, true)`.execute(
        db,
      );
      const after = searchQuery(term, org.viewer, new Date());
      const run = async (text: string, parameters: unknown[]) => {
        await pool.query(`explain (analyze, buffers) ${text}`, parameters); // warm the cache first
        const plan = await pool.query<{ 'QUERY PLAN': string }>(
          `explain (analyze, buffers) ${text}`,
          parameters,
        );
        return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      };
      const beforePlan = await run(BEFORE, [org.viewer, ...searchParameters(term)]);
      const afterPlan = await run(after.sql, after.parameters);
      const name = `search-${org.complaints}-${term.replace(/\W+/g, '-').toLowerCase()}`;
      await writeFile(
        path.join(outDir, `${name}.txt`),
        `-- search "${term}", corporation with ${org.complaints} complaints (national data, shared database)\n` +
          `-- before (migration 053's statement)\n${beforePlan}\n\n-- after (decision 038)\n${after.sql}\n\n${afterPlan}\n`,
      );
      lines.push(
        `| ${org.complaints} | ${term} | ${millis(beforePlan).toFixed(1)} | ${millis(afterPlan).toFixed(1)} | ${buffers(beforePlan)} | ${buffers(afterPlan)} |`,
      );
    } finally {
      await sql`rollback`.execute(db);
    }
  }
}
console.log(
  '| complaints | term | before ms | after ms | before pages | after pages |\n|---|---|---|---|---|---|',
);
console.log(lines.join('\n'));
await db.destroy();
