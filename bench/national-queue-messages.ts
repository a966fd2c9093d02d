// Issue 24 / decision 058: what the work queue's transaction costs in wall time on a shared database that already
// holds data (the national set), sent as before (the opening, the kept page, the commit: three round trips) and as
// one message (`begin; select set_config(…); execute …; commit`), alternating in one session. The page is the app's
// own statement (listComplaintsQuery; an ordinary employee of the first corporation, as gehoord_app with the
// organisation set), prepared once in this session. Read-only: the transactions only read. Usage:
//   OWNER_URL=postgres://… node bench/national-queue-messages.ts [runs]
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

const runs = Number(process.argv[2] ?? 300);
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
const statement = listComplaintsQuery(
  COMPILER,
  { now: new Date() },
  { kind: 'staff', userId: viewerId, seesConfidential: false, isManager: false, managedDepartmentIds: [] },
  { sort: 'due', cursor: null, limit: 50 },
).compile();
const values = [...statement.parameters] as string[];
const name = 'queue_messages_page';
const opening = `begin; select set_config('role', '${APP_ROLE}', true), set_config('${ORGANIZATION_SETTING}', '${organizationId}', true)`;
const execute = `execute ${name}(${values.map((v) => client.escapeLiteral(v)).join(', ')})`;

async function threeRoundTrips(): Promise<number> {
  await client.query(opening);
  const { rows } = await client.query({ name, text: statement.sql, values });
  await client.query('commit');
  return rows.length;
}

async function oneMessage(): Promise<number> {
  const results = (await client.query(`${opening}; ${execute}; commit`)) as unknown as pg.QueryResult[];
  return results[2]?.rows.length ?? 0;
}

// Parse and settle on the generic plan first (decision 043), both ways
for (let i = 0; i < 10; i++) await threeRoundTrips();
for (let i = 0; i < 10; i++) await oneMessage();

const times = { three: [] as number[], one: [] as number[] };
let rowsSeen = 0;
for (let i = 0; i < runs; i++) {
  for (const [kind, run] of i % 2 === 0
    ? ([
        ['three', threeRoundTrips],
        ['one', oneMessage],
      ] as const)
    : ([
        ['one', oneMessage],
        ['three', threeRoundTrips],
      ] as const)) {
    const started = performance.now();
    rowsSeen = await run();
    times[kind].push(performance.now() - started);
  }
}
await client.end();

const quantile = (list: number[], q: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const line = (label: string, list: number[]) =>
  `${label}: median ${quantile(list, 0.5).toFixed(2)} ms, p95 ${quantile(list, 0.95).toFixed(2)} ms, p99 ${quantile(list, 0.99).toFixed(2)} ms`;
console.log(`work queue transaction on ${organizationId}, ${rowsSeen} rows, ${runs} runs each, alternating`);
console.log(line('opening, kept page, commit (3 round trips)', times.three));
console.log(line('one message (decision 058)', times.one));
