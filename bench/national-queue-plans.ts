// Issue 24 / decision 043: what PostgreSQL spends on the work queue's page statement per request, on a shared
// database that already holds data (the national set): planning and execution of the app's own statement
// (listComplaintsQuery, an ordinary employee of the first corporation, as gehoord_app with the organisation set),
// sent unnamed (planned per request) and as a kept statement (PREPARE, then EXECUTE ten times: the first five
// custom plans, then the generic plan if PostgreSQL takes it). Read-only: every transaction is rolled back and the
// prepared statements live only in this session. Usage:
//   OWNER_URL=postgres://… node bench/national-queue-plans.ts [out-file]
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import pg from 'pg';
import { APP_ROLE, ORGANIZATION_SETTING } from '../src/server/db/roles.ts';
import type { DB } from '../src/server/db/schema.ts';
import { listComplaintsQuery } from '../src/server/modules/complaints/complaint-query.repository.ts';
import { FIRST_ORGANIZATION_SLUG } from './bench-context.ts';

const COMPILER = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const outFile = process.argv[2] ?? path.join(import.meta.dirname, 'plans', 'national', 'work-queue-kept.txt');
const client = new pg.Client({ connectionString: process.env.OWNER_URL });
await client.connect();

const first = async <T>(text: string, values: unknown[]) => (await client.query(text, values)).rows[0] as T;
const { id: organizationId } = await first<{ id: string }>('select id from organization where slug = $1', [
  FIRST_ORGANIZATION_SLUG,
]);
// The benchmark's reader (bench-context.ts): an ordinary employee of Vastgoed & Onderhoud
const { id: viewerId } = await first<{ id: string }>(
  `select u.id from staff_user u join department d on d.id = u.department_id
   where u.organization_id = $1 and u.roles = array['employee'] and u.active
   order by (d.name = 'Vastgoed & Onderhoud') desc, u.email limit 1`,
  [organizationId],
);
const page = (limit: number) =>
  listComplaintsQuery(
    COMPILER,
    { now: new Date() },
    { kind: 'staff', userId: viewerId, seesConfidential: false, isManager: false, managedDepartmentIds: [] },
    { sort: 'due', cursor: null, limit },
  ).compile();
const statement = page(50);
// The statement as it was before decision 043: the limit as a parameter ($4)
const withLimitParameter = statement.sql.replace(/ limit 51\)/, ' limit $4)');

type Timing = { planning: number; execution: number };
const RUNS = 10;

async function inScope<T>(work: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    await client.query('select set_config($1, $2, true), set_config($3, $4, true)', [
      'role',
      APP_ROLE,
      ORGANIZATION_SETTING,
      organizationId,
    ]);
    return await work();
  } finally {
    await client.query('rollback');
  }
}

async function explain(text: string, values: unknown[]): Promise<Timing & { plan: string }> {
  const { rows } = await client.query<{ 'QUERY PLAN': [Record<string, unknown>] }>(
    `explain (analyze, buffers, settings, format json) ${text}`,
    values,
  );
  const plan = rows[0]?.['QUERY PLAN'][0] ?? {};
  return {
    planning: Number(plan['Planning Time'] ?? 0),
    execution: Number(plan['Execution Time']),
    plan: JSON.stringify(plan),
  };
}

const literal = (value: unknown) =>
  typeof value === 'number' ? String(value) : client.escapeLiteral(String(value));

/** EXPLAIN ANALYZE of `execute name(…)` RUNS times: planning time falls to ~0 once the generic plan is taken. */
async function prepared(name: string, text: string, values: unknown[]): Promise<Timing[]> {
  return inScope(async () => {
    await client.query(`prepare ${name} as ${text}`);
    const timings: Timing[] = [];
    for (let i = 0; i < RUNS; i++)
      timings.push(await explain(`execute ${name}(${values.map(literal).join(', ')})`, []));
    await client.query(`deallocate ${name}`);
    return timings;
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const unnamed = await inScope(async () => {
  await explain(statement.sql, [...statement.parameters]); // warm the cache
  const timings: Timing[] = [];
  for (let i = 0; i < RUNS; i++) timings.push(await explain(statement.sql, [...statement.parameters]));
  return timings;
});
const kept = await prepared('queue_kept', statement.sql, [...statement.parameters]);
const keptWithParameter = await prepared('queue_limit_parameter', withLimitParameter, [
  ...statement.parameters,
  51,
]);
const generic = await inScope(async () => {
  await client.query(`prepare queue_generic as ${statement.sql}`);
  for (let i = 0; i < 6; i++)
    await client.query(`execute queue_generic(${statement.parameters.map(literal).join(', ')})`);
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(
    `explain (analyze, buffers) execute queue_generic(${statement.parameters.map(literal).join(', ')})`,
  );
  await client.query('deallocate queue_generic');
  return rows.map((r) => r['QUERY PLAN']).join('\n');
});
const load = (await first<{ l: string }>("select pg_read_file('/proc/loadavg') as l", []).catch(() => ({
  l: '?',
}))) as { l: string };
await client.end();

const ms = (xs: number[]) => median(xs).toFixed(3);
/** Runs 1–6 are planned per run anyway (PostgreSQL's five custom plans, then its choice); 7–10 show the choice. */
const row = (label: string, timings: Timing[]) =>
  `| ${label} | ${timings.map((t) => `${t.planning.toFixed(3)} / ${t.execution.toFixed(3)}`).join(' · ')} | ${ms(timings.slice(6).map((t) => t.planning))} | ${ms(timings.slice(6).map((t) => t.execution))} |`;
const table = [
  `| how the page statement is sent | planning / execution ms, runs 1–${RUNS} | planning, median of runs 7–10 | execution, median of runs 7–10 |`,
  '|---|---|---:|---:|',
  row('unnamed (before): parsed and planned per request', unnamed),
  row('kept, limit as a parameter', keptWithParameter),
  row('kept, limit in the statement (decision 043)', kept),
].join('\n');
await writeFile(
  outFile,
  `-- work queue page statement, first corporation, ordinary employee (national data, shared database, ${new Date().toISOString()}, load ${load.l.trim()})\n` +
    `${statement.sql}\n\n${table}\n\n-- the kept statement's generic plan (7th run)\n${generic}\n`,
);
console.log(table);
