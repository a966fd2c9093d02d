// Issue 24: the search page's statement per word on a shared database that holds the national data, as the bench
// asks it (the first corporation, its ordinary employee, sort by due date, first page) plus the largest other
// corporation. EXPLAIN (ANALYZE, BUFFERS) in a transaction that is rolled back; with `--migrate` the search
// migrations of this branch are created inside it first, so the new statement can be measured without keeping
// anything. Planning and execution are reported separately (median of `--runs`, after one warm-up). With
// `--before <checkout>` the statement of that checkout (its bench/baseline-queries.ts) runs interleaved with this
// one, timed without EXPLAIN (minimum and median), then one EXPLAIN of each for planning time and pages. Usage:
//   OWNER_URL=postgres://… node bench/national-search-words.ts [--migrate] [--runs 3] [--words a,b] [--out dir]
//     [--orgs first|both] [--before /path/to/checkout]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { APP_ROLE, ORGANIZATION_SETTING } from '../src/server/db/roles.ts';
import { searchQuery } from './baseline-queries.ts';
import { loadBenchContext } from './bench-context.ts';
import { SEARCH_TERMS } from './scenarios.ts';

const { values } = parseArgs({
  options: {
    migrate: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    words: { type: 'string' },
    out: { type: 'string' },
    orgs: { type: 'string', default: 'both' },
    // A checkout holding the statement to compare with (its bench/baseline-queries.ts), e.g. /work/main
    before: { type: 'string' },
  },
});
type Compile = (q: string, viewer: string, now: Date) => { sql: string; parameters: unknown[] };
const beforeQuery: Compile | null = values.before
  ? ((await import(path.resolve(values.before, 'bench/baseline-queries.ts'))) as { searchQuery: Compile })
      .searchQuery
  : null;
const runs = Number(values.runs);
const words = values.words ? values.words.split(',') : [...SEARCH_TERMS];

const pool = new pg.Pool({ connectionString: process.env.OWNER_URL, max: 1 });
// One connection: the transaction, its settings and the EXPLAINs share it
const client = pool;
const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });

const context = await loadBenchContext(pool as unknown as pg.Client);
type Org = { id: string; slug: string; complaints: number; viewer: string };
const orgs: Org[] = [];
const first = await client.query<{ complaints: number }>(
  'select count(*)::int as complaints from complaint where organization_id = $1',
  [context.organization.id],
);
orgs.push({
  id: context.organization.id,
  slug: 'woonstichting-vlietland',
  complaints: first.rows[0]?.complaints ?? 0,
  viewer: context.user.id,
});
if (values.orgs === 'both') {
  const { rows } = await client.query<Org>(
    `with sizes as (select organization_id as id, count(*)::int as complaints from complaint group by 1)
     select s.id, o.slug, s.complaints,
       (select u.id from staff_user u where u.organization_id = s.id and u.roles = array['employee'] and u.active
         order by u.email limit 1) as viewer
       from sizes s join organization o on o.id = s.id where s.id <> $1 order by complaints desc limit 1`,
    [context.organization.id],
  );
  orgs.push(...rows);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const field = (plan: string, name: string) =>
  Number(new RegExp(`${name}: ([\\d.]+) ms`).exec(plan)?.[1] ?? Number.NaN);
const pages = (plan: string) => {
  const first = /Buffers: shared hit=(\d+)(?: read=(\d+))?/.exec(plan);
  return first ? Number(first[1]) + Number(first[2] ?? 0) : Number.NaN;
};

const outDir = values.out;
if (outDir) await mkdir(outDir, { recursive: true });
const load = (await import('node:os')).loadavg()[0]?.toFixed(1);
console.log(`load average ${load}; ${values.migrate ? 'with' : 'without'} this branch's migration`);
console.log(
  beforeQuery
    ? '| complaints | word | before: min / median ms | after: min / median ms | before: planning ms, pages | after: planning ms, pages |\n|---|---|---:|---:|---:|---:|'
    : '| complaints | word | planning ms | execution ms | pages |\n|---|---|---:|---:|---:|',
);
// With --migrate every word runs in one transaction (the search rows of migration 098 are filled once), each word
// in a savepoint that is rolled back; the whole transaction is rolled back at the end
if (values.migrate) {
  await sql`begin`.execute(db);
  const missing = await sql`select 1 from pg_proc where proname = 'search_text_ids'`.execute(db);
  if (values.migrate && missing.rows.length === 0) {
    const { up } = await import('../src/server/db/migrations/2026-12-07-083-search-per-kind.ts');
    await up(db);
  }
  const noNames = await sql`select 1 from pg_class where relname = 'complaint_search_names'`.execute(db);
  if (values.migrate && noNames.rows.length === 0) {
    // Decision 056: the search rows are filled for every complaint inside the transaction (then rolled back)
    const { up } = await import('../src/server/db/migrations/2026-12-07-098-complaint-search-names.ts');
    const start = performance.now();
    await up(db);
    await sql`analyze complaint_search_names`.execute(db);
    console.log(`migration 098 (fill and index): ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
}
for (const org of orgs) {
  for (const word of words) {
    await (values.migrate ? sql`savepoint word` : sql`begin`).execute(db);
    try {
      await sql`select set_config('role', ${APP_ROLE}, true), set_config(${ORGANIZATION_SETTING}, ${org.id}, true)`.execute(
        db,
      );
      const now = new Date('2026-12-07T12:00:00Z');
      const query = searchQuery(word, org.viewer, now);
      const explain = async (q: { sql: string; parameters: unknown[] }) => {
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(
          `explain (analyze, buffers) ${q.sql}`,
          q.parameters,
        );
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      };
      const timed = async (q: { sql: string; parameters: unknown[] }) => {
        const start = performance.now();
        await client.query(q.sql, q.parameters);
        return performance.now() - start;
      };
      if (beforeQuery) {
        // Interleaved, so both meet the same load; the minimum is the steadiest figure on a busy machine
        const before = beforeQuery(word, org.viewer, now);
        const times = { before: [] as number[], after: [] as number[] };
        await timed(before);
        await timed(query);
        for (let i = 0; i < runs; i++) {
          times.before.push(await timed(before));
          times.after.push(await timed(query));
        }
        const [planBefore, planAfter] = [await explain(before), await explain(query)];
        const ms = (xs: number[]) => `${Math.min(...xs).toFixed(1)} / ${median(xs).toFixed(1)}`;
        console.log(
          `| ${org.complaints} | ${word} | ${ms(times.before)} | ${ms(times.after)} | ${field(planBefore, 'Planning Time').toFixed(1)}, ${pages(planBefore)} | ${field(planAfter, 'Planning Time').toFixed(1)}, ${pages(planAfter)} |`,
        );
        if (outDir)
          await writeFile(
            path.join(outDir, `search-${org.complaints}-${word.replace(/\W+/g, '-').toLowerCase()}.txt`),
            `-- search "${word}", ${org.slug} (${org.complaints} complaints), national data on the shared database\n` +
              `-- load average ${load}\n-- before\n${planBefore}\n\n-- after\n${query.sql}\n\n${planAfter}\n`,
          );
        continue;
      }
      const plans: string[] = [];
      for (let i = 0; i <= runs; i++) {
        const plan = await explain(query);
        if (i > 0) plans.push(plan);
      }
      const planning = median(plans.map((p) => field(p, 'Planning Time')));
      const execution = median(plans.map((p) => field(p, 'Execution Time')));
      console.log(
        `| ${org.complaints} | ${word} | ${planning.toFixed(1)} | ${execution.toFixed(1)} | ${pages(plans[0] ?? '')} |`,
      );
      if (outDir)
        await writeFile(
          path.join(outDir, `search-${org.complaints}-${word.replace(/\W+/g, '-').toLowerCase()}.txt`),
          `-- search "${word}", ${org.slug} (${org.complaints} complaints), national data on the shared database\n` +
            `-- ${values.migrate ? 'with' : 'without'} this branch's migration, load average ${load}\n\n${plans[0]}\n`,
        );
    } finally {
      await (values.migrate ? sql`rollback to savepoint word` : sql`rollback`).execute(db);
    }
  }
}
if (values.migrate) await sql`rollback`.execute(db);
await db.destroy();
