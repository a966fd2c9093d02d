// `npm run bench [-- --quick] [--scale small|medium|national] [--seed N] [--seconds S] [--warmup S]
// [--connections N] [--fresh] [--keep]`: the performance suite of issue 13. See docs/performance.md.

import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SCALE_NAMES, type ScaleName } from '../src/server/seed/scales.ts';
import { loadBenchContext } from './bench-context.ts';
import { BENCH_PASSWORD, prepareDataSet, prepareExternalDataSet } from './data-set.ts';
import {
  embeddedOwnerUrl,
  embeddedPostmasterPid,
  ROOT,
  type RunningProcess,
  signIn,
  startBaseline,
  startGehoord,
} from './gehoord-process.ts';
import { runLoad } from './load-run.ts';
import { writeQueryPlans } from './query-plans.ts';
import { formatTable, type ScenarioOutcome } from './report.ts';
import { measureAnnualReports } from './report-timing.ts';
import { buildScenarios } from './scenarios.ts';

const SEARCH_TERMS = [
  'lekkage',
  'schimmel',
  'verwarming',
  'monteur',
  'eindinspectie',
  'Kerkstraat',
  'de Vries',
  '3155',
];
const log = (message: string) => process.stderr.write(`${message}\n`);

function readOptions() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      scale: { type: 'string' },
      seed: { type: 'string', default: '1' },
      seconds: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string', default: '10' },
      fresh: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      external: { type: 'boolean', default: false },
    },
  });
  const scale = (values.scale ?? (values.quick ? 'small' : 'national')) as ScaleName;
  if (!SCALE_NAMES.includes(scale)) throw new Error(`--scale must be one of ${SCALE_NAMES.join(', ')}`);
  return {
    quick: values.quick,
    scale,
    seed: Number(values.seed),
    seconds: Number(values.seconds ?? (values.quick ? 8 : 30)),
    warmup: Number(values.warmup ?? (values.quick ? 2 : 5)),
    connections: Number(values.connections),
    // A quick run always starts from fresh small data and cleans up after itself.
    fresh: values.fresh || values.quick,
    keep: values.keep,
    // DATABASE_URL (application role) and DATABASE_OWNER_URL instead of an embedded PostgreSQL.
    external: values.external
      ? { appUrl: requireEnv('DATABASE_URL'), ownerUrl: requireEnv('DATABASE_OWNER_URL') }
      : null,
  };
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`--external needs ${name}`);
  return value;
}

/** PostgreSQL may still be finishing its shutdown when Node has exited: wait for its pid file to go. */
async function removeDataDir(dir: string) {
  const pidFile = path.join(dir, 'postgres', 'postmaster.pid');
  for (let waited = 0; existsSync(pidFile) && waited < 20_000; waited += 100) await sleep(100);
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}

async function measureFirstStart(): Promise<number> {
  const dir = path.join(ROOT, 'data', 'bench', `first-start-${process.pid}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const server = await startGehoord(dir);
  await server.stop();
  await removeDataDir(dir);
  return server.readyMs;
}

async function main() {
  const options = readOptions();
  const startedAt = new Date();
  log(`Gehoord benchmark: ${options.quick ? 'quick, ' : ''}${options.scale} data, seed ${options.seed}`);
  // The load generator, server, baseline and PostgreSQL share the cores: anything else running skews the figures.
  const loadBefore = loadavg()[0] ?? 0;
  if (loadBefore > 1)
    log(`    warning: load average is ${loadBefore.toFixed(1)} before the run; figures will be low`);

  log('1/5 first start on an empty data directory…');
  const firstStartMs = await measureFirstStart();

  log(`2/5 data set ${options.scale}…`);
  const now = new Date(startedAt.toISOString().slice(0, 10));
  const external = options.external;
  const data = external
    ? await prepareExternalDataSet(external.ownerUrl, options.scale, options.seed, now)
    : await prepareDataSet(options.scale, options.seed, { fresh: options.fresh, now });
  log(
    data.reused || data.summary === null
      ? `    reusing the data set in ${external ? 'DATABASE_OWNER_URL' : data.dataDir}`
      : `    loaded in ${data.summary.seconds.toFixed(1)} s`,
  );

  log('3/5 cold start on the existing data…');
  const processes: RunningProcess[] = [];
  const owner = { client: null as pg.Client | null };
  try {
    const server = await startGehoord(
      data.dataDir,
      external ? { DATABASE_URL: external.appUrl, DATABASE_OWNER_URL: external.ownerUrl } : {},
    );
    processes.push(server);
    const ownerUrl = external?.ownerUrl ?? embeddedOwnerUrl(data.dataDir);
    // PostgreSQL's CPU time is only counted for the embedded server (its processes are ours to read).
    const postmasterPid = external ? undefined : embeddedPostmasterPid(data.dataDir);
    owner.client = new pg.Client({ connectionString: ownerUrl });
    await owner.client.connect();
    const context = await loadBenchContext(owner.client);
    const { organization: org, user, complaintIds, personIds } = context;
    const viewerId = user.id;
    const postgresVersion = context.postgresVersion;
    const plans = await writeQueryPlans(owner.client, options.scale, {
      organizationId: org.id,
      viewerId,
      complaintId: context.busiestComplaintId,
      searchTerm: SEARCH_TERMS[0] as string,
    });
    log(`    query plans written to ${plans}`);

    log(`4/5 signing in as ${user.email} (${org.name}); starting the baseline…`);
    const cookie = await signIn(server.port, org.hostname, user.email, BENCH_PASSWORD);
    const baseline = await startBaseline({
      BASELINE_DATABASE_URL: ownerUrl,
      ORGANIZATION_ID: org.id,
      VIEWER_ID: viewerId,
      POOL_SIZE: '10',
    });
    processes.push(baseline);

    const scenarios = buildScenarios({
      cookie,
      origin: `http://127.0.0.1:${server.port}`,
      complaintIds,
      personIds,
      searchTerms: SEARCH_TERMS,
    });
    log(
      `5/5 ${scenarios.length} scenarios, ${options.warmup} s warm-up + ${options.seconds} s each, ${options.connections} connections`,
    );
    const outcomes: ScenarioOutcome[] = [];
    for (const scenario of scenarios) {
      const port = scenario.target === 'app' ? server.port : baseline.port;
      const result = await runLoad({
        url: `http://127.0.0.1:${port}`,
        connections: options.connections,
        warmupSeconds: options.warmup,
        seconds: options.seconds,
        request: scenario.request,
        rssPid: scenario.target === 'app' ? server.child.pid : undefined,
        cpuPid: scenario.target === 'app' ? server.child.pid : baseline.child.pid,
        postmasterPid,
      });
      const base = outcomes.find((o) => o.key === scenario.baselineKey);
      const ratioToBaseline = base ? result.requestsPerSecond / base.result.requestsPerSecond : null;
      outcomes.push({ ...scenario, result, ratioToBaseline });
      log(
        `    ${scenario.name}: ${result.requestsPerSecond.toFixed(0)} req/s, p95 ${result.p95.toFixed(1)} ms` +
          (result.non2xx || result.errors
            ? ` — ${result.non2xx} non-2xx, ${result.errors} errors: ${result.firstFailure}`
            : ''),
      );
    }
    // Issue 11: the annual report of last year as PDF and as Excel, each under 10 s, as an MT member
    const reportYear = Number((data.summary?.now ?? startedAt.toISOString()).slice(0, 4)) - 1;
    const { rows: mtRows } = await owner.client.query<{ email: string }>(
      `select email from staff_user where organization_id = $1 and 'management_team' = any(roles) and active
       order by email limit 1`,
      [org.id],
    );
    const mtEmail = mtRows[0]?.email;
    const annual = mtEmail
      ? await measureAnnualReports(
          {
            port: server.port,
            hostname: org.hostname,
            cookie: await signIn(server.port, org.hostname, mtEmail, BENCH_PASSWORD),
          },
          reportYear,
        )
      : null;
    if (annual) log(`    annual report ${reportYear}: PDF ${annual.pdfMs} ms, Excel ${annual.xlsxMs} ms`);
    const maxRssMb = Math.max(...outcomes.map((o) => o.result.maxRssMb ?? 0));
    const machine = {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      postgres: postgresVersion,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadavg()[0] ?? 0,
    };
    const report = {
      startedAt: startedAt.toISOString(),
      quick: options.quick,
      scale: options.scale,
      seed: options.seed,
      dataSet: {
        reused: data.reused,
        external: external !== null,
        now: data.summary?.now ?? null,
        counts: data.summary?.counts ?? null,
        loadSeconds: data.summary?.seconds ?? null,
      },
      settings: { seconds: options.seconds, warmupSeconds: options.warmup, connections: options.connections },
      machine,
      user: { email: user.email, roles: user.roles, organization: org.name },
      firstStartMs,
      coldStartMs: server.readyMs,
      maxRssMb,
      annualReport: annual,
      scenarios: outcomes.map(({ request: _request, ...rest }) => rest),
    };
    const file = path.join(ROOT, 'bench', 'results', `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);

    const budget = (ok: boolean) => (ok ? 'ja' : 'nee');
    console.log(
      [
        '',
        `Gehoord benchmark — ${options.quick ? 'QUICK, ' : ''}${options.scale} data (seed ${options.seed}), ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, PostgreSQL ${machine.postgres}, load average ${loadBefore.toFixed(1)} before / ${machine.loadAverageAfter.toFixed(1)} after`,
        '',
        formatTable(outcomes),
        '',
        `| meting | waarde | budget | gehaald |`,
        `|---|---:|---|---|`,
        `| eerste start, lege datamap (initdb + migraties) | ${(firstStartMs / 1000).toFixed(2)} s | | |`,
        `| koude start tot gereed (bestaande data) | ${(server.readyMs / 1000).toFixed(2)} s | ≤ 3 s | ${budget(server.readyMs <= 3000)} |`,
        `| RSS van de app onder belasting (max) | ${maxRssMb.toFixed(0)} MB | ≤ 300 MB | ${budget(maxRssMb <= 300)} |`,
        ...(annual
          ? [
              `| jaarrapport ${annual.year} als PDF | ${(annual.pdfMs / 1000).toFixed(2)} s | ≤ 10 s | ${budget(annual.pdfMs <= 10_000)} |`,
              `| jaarrapport ${annual.year} als Excel | ${(annual.xlsxMs / 1000).toFixed(2)} s | ≤ 10 s | ${budget(annual.xlsxMs <= 10_000)} |`,
            ]
          : []),
        '',
        `Resultaten / results: ${path.relative(ROOT, file)}`,
      ].join('\n'),
    );
    if (outcomes.some((o) => o.result.non2xx > 0 || o.result.errors > 0)) process.exitCode = 1;
  } finally {
    await owner.client?.end().catch(() => {});
    for (const p of processes.reverse()) await p.stop();
    if (options.quick && !options.keep && !external) await removeDataDir(data.dataDir);
  }
}

await main();
