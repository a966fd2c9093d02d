// `node bench/report-statements.ts <owner-url> <organization-id> [quarter | year] [--explain]`: the one-corporation
// quarterly report (`loadReport`, as GET /api/reports/quarterly builds it, the whole organisation) run through
// the app's own code against an existing database, with the wall time of every statement it sends, slowest
// first; with --explain, each statement again under EXPLAIN (ANALYZE, BUFFERS). Read-only: the report runs
// in a transaction that is rolled back (so is --setup, SQL run first in it as the connecting role: an index to try). For the shared national database (docs/performance.md, "Run D
// regressions").

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import type { Quarter } from '../src/domain/index.ts';
import { createDatabase } from '../src/server/db/database.ts';
import { startEmbeddedPostgres } from '../src/server/db/embedded-postgres.ts';
import { APP_ROLE, ORGANIZATION_SETTING } from '../src/server/db/roles.ts';
import type { Scoped } from '../src/server/db/tenant-scope.ts';
import { annualPeriod, loadReport, quarterPeriod } from '../src/server/modules/reports/report.service.ts';
import { embeddedPostmasterPid } from './gehoord-process.ts';

type Timed = { text: string; values: unknown[]; ms: number };

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      explain: { type: 'boolean', default: false },
      passes: { type: 'string', default: '3' },
      // SQL run as the owner first in the same (rolled-back) transaction, e.g. a migration's index to try
      setup: { type: 'string' },
      // a bench data directory (data/bench/<scale>-seed<n>): its embedded PostgreSQL is started, and the CPU
      // time of its processes is counted per pass
      'data-dir': { type: 'string' },
    },
  });
  const dataDir = values['data-dir'] === undefined ? null : path.resolve(values['data-dir']);
  const embedded =
    dataDir === null
      ? null
      : await startEmbeddedPostgres(dataDir, { info: () => {}, warn: console.warn, debug: () => {} });
  const [url, organizationId, quarter = '2026-Q3'] = embedded
    ? [embedded.ownerUrl, ...positionals]
    : positionals;
  if (!url || !organizationId)
    throw new Error('usage: report-statements.ts (<owner-url> | --data-dir DIR) <organization-id> [quarter]');
  const postmaster = dataDir === null ? null : embeddedPostmasterPid(dataDir);
  const timed: Timed[] = [];
  let recording = false;
  let lastDone = 0;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const result = (query as (...a: unknown[]) => unknown).apply(this, args);
    if (recording && result instanceof Promise) {
      const first = args[0] as string | { text?: string; values?: unknown[] };
      const text = typeof first === 'string' ? first : String(first?.text);
      const parameters = (typeof first === 'string' ? args[1] : first?.values) as unknown[] | undefined;
      const called = performance.now();
      // One connection runs one statement at a time (pg queues the rest): a statement's own time starts when
      // it was sent or when the one before it finished, whichever is later.
      result.then(
        () => {
          const done = performance.now();
          timed.push({ text, values: parameters ?? [], ms: done - Math.max(called, lastDone) });
          lastDone = done;
        },
        () => undefined,
      );
    }
    return result;
  } as typeof query;

  const db = createDatabase(url, { log: console, poolSize: 1 });
  const settings = `set_config('role', '${APP_ROLE}', true), set_config('${ORGANIZATION_SETTING}', '${organizationId}', true)`;
  const run = () =>
    db.connection().execute(async (connection) => {
      await sql
        .raw(
          values.setup ? `begin; ${values.setup}; select ${settings}` : `begin read only; select ${settings}`,
        )
        .execute(connection);
      try {
        const started = performance.now();
        recording = true;
        await loadReport(
          connection as unknown as Scoped,
          {
            // a year ('2025') is the annual report's data (what its PDF and workbook are rendered from)
            kind: /^\d{4}$/.test(quarter) ? 'annual' : 'quarterly',
            period: /^\d{4}$/.test(quarter)
              ? annualPeriod(Number(quarter))
              : quarterPeriod(quarter as Quarter),
            departmentId: null,
            category: null,
          },
          { now: new Date('2026-12-07T12:00:00Z') },
        );
        recording = false;
        return performance.now() - started;
      } finally {
        recording = false;
        await sql.raw('rollback').execute(connection);
      }
    });
  const passes = Number(values.passes);
  let last: Timed[] = [];
  for (let pass = 0; pass < passes; pass++) {
    timed.length = 0;
    const cpu = process.cpuUsage();
    const pgBefore = postmaster === null ? 0 : postgresCpuMs(postmaster);
    const ms = await run();
    const nodeMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000;
    const pgMs = postmaster === null ? null : postgresCpuMs(postmaster) - pgBefore;
    console.log(
      `pass ${pass + 1}: ${ms.toFixed(0)} ms, ${timed.length} statements, CPU node ${nodeMs.toFixed(0)} ms` +
        (pgMs === null ? '' : ` + PostgreSQL ${pgMs.toFixed(0)} ms`),
    );
    last = [...timed];
  }
  last.sort((a, b) => b.ms - a.ms);
  for (const t of last.slice(0, 12)) {
    console.log(`\n${t.ms.toFixed(1)} ms: ${t.text.replace(/\s+/g, ' ').slice(0, 400)}`);
  }
  if (values.explain) {
    await db.connection().execute(async (connection) => {
      for (const t of last.slice(0, 4)) {
        await sql
          .raw(
            values.setup
              ? `begin; ${values.setup}; select ${settings}`
              : `begin read only; select ${settings}`,
          )
          .execute(connection);
        try {
          const client = connection as unknown as Scoped;
          const { rows } = await client.executeQuery<{ 'QUERY PLAN': string }>({
            sql: `explain (analyze, buffers) ${t.text}`,
            parameters: t.values,
            query: { kind: 'RawNode' } as never,
            queryId: { queryId: 'explain' },
          });
          console.log(`\n=== ${t.ms.toFixed(1)} ms\n${t.text}\n${JSON.stringify(t.values)}\n`);
          console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
        } finally {
          await sql.raw('rollback').execute(connection);
        }
      }
    });
  }
  await db.destroy();
  await embedded?.stop();
}

/** CPU time of the postmaster and every process it started (backends, parallel workers), in ms. */
function postgresCpuMs(postmaster: number): number {
  const ticks = (pid: number) => {
    try {
      const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = text
        .slice(text.lastIndexOf(')') + 2)
        .split(' ')
        .map(Number);
      return {
        own: (fields[11] ?? 0) + (fields[12] ?? 0),
        reaped: (fields[13] ?? 0) + (fields[14] ?? 0),
        parent: fields[1],
      };
    } catch {
      return null;
    }
  };
  const self = ticks(postmaster);
  let total = (self?.own ?? 0) + (self?.reaped ?? 0);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = ticks(Number(entry));
    if (stat?.parent === postmaster) total += stat.own;
  }
  return total * 10; // 100 ticks a second
}

await main();
