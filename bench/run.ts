// `npm run bench [-- --quick] [--scale small|medium|national] [--seed N] [--seconds S] [--warmup S]
// [--connections N] [--fresh] [--keep] [--only key,key] [--cpu-prof DIR]`: the performance suite of issue 13. See docs/performance.md.

import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { formatLoadRecord } from '../src/server/seed/load-phases.ts';
import { Random } from '../src/server/seed/random.ts';
import { SCALE_NAMES, SCALES, type ScaleName } from '../src/server/seed/scales.ts';
import { loadBenchContext } from './bench-context.ts';
import { checkBudgets, formatBudgets } from './budgets.ts';
import { measureBundleSizes } from './bundle-sizes.ts';
import { BENCH_PASSWORD, prepareDataSet, prepareExternalDataSet } from './data-set.ts';
import {
  applyPendingMigrations,
  embeddedOwnerUrl,
  embeddedPostmasterPid,
  ROOT,
  type RunningProcess,
  signIn,
  startBaseline,
  startGehoord,
} from './gehoord-process.ts';
import { runLoad } from './load-run.ts';
import { measureOutboxThroughput } from './outbox-throughput.ts';
import {
  citizenAddress,
  createStatusLinks,
  FormTokenPool,
  fetchFormToken,
  loadPortalUnits,
  readFormSecret,
} from './portal-set-up.ts';
import { lastFullQuarter, timeQuarterlyForAll } from './quarterly-all.ts';
import { writeQueryPlans } from './query-plans.ts';
import { formatTable, type ScenarioOutcome } from './report.ts';
import { measureAnnualReports } from './report-timing.ts';
import { buildScenarios, SEARCH_TERMS } from './scenarios.ts';

const runStarted = performance.now();
/** Progress on stderr, with the seconds since the start (a quick run must stay under 3 minutes). */
const log = (message: string) =>
  process.stderr.write(`${((performance.now() - runStarted) / 1000).toFixed(0).padStart(4)} s ${message}\n`);

/** Status links looked up by the public status scenario. */
const STATUS_LINKS = 200;

/**
 * The server as the portal scenarios need it: they stand in for many citizens, each request from its own
 * address (X-Forwarded-For, trusted as behind a reverse proxy) so the per-address limits meant for one person
 * do not refuse them; the overall submission limit and the minimum time to fill in a form are lifted, as
 * the benchmark posts forms it fetched moments before, far faster than the default hourly limit allows.
 */
const BENCH_SERVER_ENV = {
  TRUST_PROXY: 'true',
  PORTAL_SUBMISSIONS_PER_IP_PER_HOUR: '100000',
  PORTAL_SUBMISSIONS_PER_HOUR: '1000000',
  PORTAL_MINIMUM_FILL_SECONDS: '0',
  // The outbox scenario runs its own worker against its own SMTP server; the server's must not take its rows
  MAIL_WORKER: 'off',
  // The scheduled jobs run where a larger installation runs them: not in the measured web process (decision 008,
  // `npm run worker`). In national run D (7 December, 21:55–22:03 UTC) the themes job caught up after the fresh
  // load inside the web process, 40 corporations a minute, 7.8–17 s of every minute (`job_run` on the shared
  // national database), while the work queue's scenario ran: its tail, not the request's cost (decision 058).
  JOBS: 'off',
};

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
      // Only these scenarios (keys as in bench/scenarios.ts, e.g. register,public_submit): for profiling one path
      only: { type: 'string' },
      // The scenarios' server writes a V8 CPU profile (.cpuprofile) into this directory when it stops
      'cpu-prof': { type: 'string' },
    },
  });
  const scale = (values.scale ?? (values.quick ? 'small' : 'national')) as ScaleName;
  if (!SCALE_NAMES.includes(scale)) throw new Error(`--scale must be one of ${SCALE_NAMES.join(', ')}`);
  return {
    quick: values.quick,
    scale,
    seed: Number(values.seed),
    seconds: Number(values.seconds ?? (values.quick ? 6 : 30)),
    warmup: Number(values.warmup ?? (values.quick ? 2 : 5)),
    connections: Number(values.connections),
    // A quick run always starts from fresh small data and cleans up after itself.
    fresh: values.fresh || values.quick,
    keep: values.keep,
    // DATABASE_URL (application role) and DATABASE_OWNER_URL instead of an embedded PostgreSQL.
    only: values.only === undefined ? null : values.only.split(',').map((key) => key.trim()),
    cpuProfileDir: values['cpu-prof'] === undefined ? null : path.resolve(values['cpu-prof']),
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

  // --only measures those scenarios and nothing else (no bundles, first start or report timings)
  const partial = options.only !== null;
  log(`1/6 bundle sizes (vite build into a directory of its own)${partial ? ': skipped (--only)' : '…'}`);
  const bundles = partial ? null : await measureBundleSizes();
  if (bundles)
    log(
      `    portal JS ${(bundles.portalJsGzipBytes / 1024).toFixed(1)} KB gzip, back office initial JS ${(bundles.backOffice.initialJsGzipBytes / 1024).toFixed(1)} KB gzip (${bundles.backOffice.initialFiles.length} files)`,
    );

  log(`2/6 first start on an empty data directory${partial ? ': skipped (--only)' : '…'}`);
  const firstStartMs = partial ? null : await measureFirstStart();

  log(`3/6 data set ${options.scale}…`);
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
  if (data.summary?.load && !data.reused) log(formatLoadRecord(data.summary.load));

  // A reused data set may lack the newest migrations: they are applied first and reported on their own, so the
  // cold start below is a restart on current data (run D of 7 December: 5.7 s of its 6.84 s were migrations)
  const upgrade = await applyPendingMigrations(
    data.dataDir,
    external ? { DATABASE_URL: external.appUrl, DATABASE_OWNER_URL: external.ownerUrl } : {},
  );
  if (upgrade.migrations.length > 0)
    log(
      `    upgrade: ${upgrade.migrations.length} migration(s) applied in ${(upgrade.ms / 1000).toFixed(1)} s ` +
        `before the cold start (${upgrade.migrations.join(', ')})`,
    );
  log('4/6 cold start on the existing data…');
  const processes: RunningProcess[] = [];
  const owner = { client: null as pg.Client | null };
  try {
    const server = await startGehoord(
      data.dataDir,
      {
        ...BENCH_SERVER_ENV,
        ...(external ? { DATABASE_URL: external.appUrl, DATABASE_OWNER_URL: external.ownerUrl } : {}),
      },
      options.cpuProfileDir === null ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`],
    );
    processes.push(server);
    const ownerUrl = external?.ownerUrl ?? embeddedOwnerUrl(data.dataDir);
    // PostgreSQL's CPU time is only counted for the embedded server (its processes are ours to read).
    const postmasterPid = external ? undefined : embeddedPostmasterPid(data.dataDir);
    owner.client = new pg.Client({ connectionString: ownerUrl });
    await owner.client.connect();
    if (!data.reused && !external) {
      // A freshly loaded data set is autovacuumed within a minute or so of its commit (the load's inserts count
      // towards autovacuum's insert threshold): in run C of 7 December those passes ended 40–55 s after the load,
      // around the start of the work-queue scenario, on the same cores and counted as PostgreSQL's CPU per
      // request. Vacuum it now, before anything is measured (docs/performance.md, "the work queue's extra CPU").
      const vacuumStarted = performance.now();
      await owner.client.query('vacuum');
      log(`    vacuumed the fresh data set in ${((performance.now() - vacuumStarted) / 1000).toFixed(1)} s`);
    }
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

    log(`5/6 signing in as ${user.email} (${org.name}); starting the baseline…`);
    const cookie = await signIn(server.port, org.hostname, user.email, BENCH_PASSWORD);
    const baseline = await startBaseline({
      BASELINE_DATABASE_URL: ownerUrl,
      ORGANIZATION_ID: org.id,
      VIEWER_ID: viewerId,
      POOL_SIZE: '10',
    });
    processes.push(baseline);

    // A management-team member sees every report (quarterly JSON, annual PDF and Excel).
    const { rows: mtRows } = await owner.client.query<{ email: string }>(
      `select email from staff_user where organization_id = $1 and 'management_team' = any(roles) and active
       order by email limit 1`,
      [org.id],
    );
    const mtEmail = mtRows[0]?.email;
    const reportCookie = mtEmail ? await signIn(server.port, org.hostname, mtEmail, BENCH_PASSWORD) : null;

    // The portal: one form fetched first creates the corporation's portal settings (its signing secret).
    await fetchFormToken(server.port, org.hostname, citizenAddress(0));
    const formPool = new FormTokenPool(await readFormSecret(owner.client, org.id));
    const statusTokens = await createStatusLinks(owner.client, org.id, STATUS_LINKS);
    log(`    portal: ${statusTokens.length} status links created for existing complaints`);
    const dataNow = new Date(data.summary?.now ?? startedAt.toISOString());
    const quarter = lastFullQuarter(dataNow);

    const allScenarios = buildScenarios({
      cookie,
      origin: `http://127.0.0.1:${server.port}`,
      complaintIds,
      personIds,
      searchTerms: SEARCH_TERMS,
      portal: {
        port: server.port,
        hostname: org.hostname,
        forms: formPool,
        units: await loadPortalUnits(owner.client, org.id),
        statusTokens,
      },
      reportCookie,
      quarter,
    });
    const only = options.only;
    const scenarios = only === null ? allScenarios : allScenarios.filter((s) => only.includes(s.key));
    if (scenarios.length === 0)
      throw new Error(`--only matches none of ${allScenarios.map((s) => s.key).join(', ')}`);
    log(
      `6/6 ${scenarios.length} scenarios, ${options.warmup} s warm-up + ${options.seconds} s each, ${options.connections} connections`,
    );
    const outcomes: ScenarioOutcome[] = [];
    for (const scenario of scenarios) {
      const port = scenario.target === 'app' ? server.port : baseline.port;
      if (scenario.prepare) {
        const before = formPool.size;
        await scenario.prepare(
          (key) => outcomes.find((o) => o.key === key)?.result,
          options.warmup + options.seconds,
        );
        if (formPool.size > before) log(`    ${formPool.size - before} complaint forms fetched beforehand`);
      }
      const mintedBefore = formPool.minted;
      const result = await runLoad({
        url: `http://127.0.0.1:${port}`,
        connections: scenario.connections ?? options.connections,
        okStatus: scenario.okStatus,
        kindOfLastResponse: scenario.kindOfLastResponse,
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
          (result.failedResponses || result.errors
            ? ` — ${result.failedResponses} unexpected status, ${result.errors} errors: ${result.firstFailure}`
            : '') +
          (formPool.minted > mintedBefore
            ? ` (${formPool.minted - mintedBefore} form tokens signed locally: the fetched forms ran out)`
            : ''),
      );
    }
    // Issue 11: the annual report of last year as PDF and as Excel, each under 10 s, as an MT member
    const reportYear = dataNow.getUTCFullYear() - 1;
    const annual =
      reportCookie && !partial
        ? await measureAnnualReports(
            { port: server.port, hostname: org.hostname, cookie: reportCookie },
            reportYear,
          )
        : null;
    if (annual) log(`    annual report ${reportYear}: PDF ${annual.pdfMs} ms, Excel ${annual.xlsxMs} ms`);
    const quarterlyAll = partial ? null : await timeQuarterlyForAll(ownerUrl, quarter, options.quick ? 3 : 5);
    if (quarterlyAll)
      log(
        `    quarterly report ${quarter} for all ${quarterlyAll.organizations} organisations (sector report, grouped SQL per organisation): median ${quarterlyAll.medianMs.toFixed(0)} ms`,
      );
    // Issue 24: one outbox worker delivering to a local SMTP server, beside raw pooled SMTP sends
    const outbox = partial
      ? null
      : await measureOutboxThroughput({
          ownerUrl,
          organizationId: org.id,
          complaintIds,
          total: options.quick ? 1000 : 3000,
        });
    if (outbox)
      log(
        `    outbox: ${outbox.messages} messages in ${outbox.seconds.toFixed(1)} s, ${outbox.messagesPerSecond.toFixed(0)} msg/s, ` +
          `${outbox.cpuMsPerMessage.toFixed(2)} ms CPU/msg (baseline raw pooled SMTP: ${outbox.baselineMessagesPerSecond.toFixed(0)} msg/s, ` +
          `${outbox.baselineCpuMsPerMessage.toFixed(2)} ms CPU/msg)`,
      );
    const maxRssMb = Math.max(...outcomes.map((o) => o.result.maxRssMb ?? 0));
    const budgets = checkBudgets({
      outcomes,
      coldStartMs: server.readyMs,
      maxRssMb,
      annual,
      quarterlyAll,
      bundles,
      outbox,
      dataLoad: data.summary
        ? {
            scale: data.summary.scale,
            organizations: data.summary.organizations.length,
            plannedOrganizations: SCALES[data.summary.scale].plan(new Random(data.summary.seed).fork('plan'))
              .length,
            record: data.summary.load ?? null,
            reused: data.reused,
          }
        : null,
    });
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
        load: data.summary?.load ?? null,
      },
      settings: { seconds: options.seconds, warmupSeconds: options.warmup, connections: options.connections },
      machine,
      user: { email: user.email, roles: user.roles, organization: org.name },
      firstStartMs,
      // migrations a reused data set lacked, applied before the cold start (not part of it)
      upgrade: { ms: Math.round(upgrade.ms), migrations: upgrade.migrations },
      coldStartMs: server.readyMs,
      maxRssMb,
      annualReport: annual,
      quarterlyReportAllOrganizations: quarterlyAll,
      outbox,
      bundles,
      portalFormTokensSignedLocally: formPool.minted,
      budgets,
      scenarios: outcomes.map(
        ({ request: _request, prepare: _prepare, okStatus: _okStatus, kindOfLastResponse: _kind, ...rest }) =>
          rest,
      ),
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
        ...(firstStartMs === null
          ? []
          : [
              `| eerste start, lege datamap (initdb + migraties) | ${(firstStartMs / 1000).toFixed(2)} s | | |`,
            ]),
        ...(upgrade.migrations.length === 0
          ? []
          : [
              `| upgrade: ${upgrade.migrations.length} migratie(s) op de bestaande data, vóór de koude start / migrations applied before the cold start | ${(upgrade.ms / 1000).toFixed(2)} s | | |`,
            ]),
        `| koude start tot gereed (bestaande data) | ${(server.readyMs / 1000).toFixed(2)} s | ≤ 3 s | ${budget(server.readyMs <= 3000)} |`,
        `| RSS van de app onder belasting (max) | ${maxRssMb.toFixed(0)} MB | ≤ 300 MB | ${budget(maxRssMb <= 300)} |`,
        ...(annual
          ? [
              `| jaarrapport ${annual.year} als PDF | ${(annual.pdfMs / 1000).toFixed(2)} s | ≤ 10 s | ${budget(annual.pdfMs <= 10_000)} |`,
              `| jaarrapport ${annual.year} als Excel | ${(annual.xlsxMs / 1000).toFixed(2)} s | ≤ 10 s | ${budget(annual.xlsxMs <= 10_000)} |`,
            ]
          : []),
        ...(quarterlyAll
          ? [
              `| kwartaalrapport ${quarterlyAll.quarter}, alle ${quarterlyAll.organizations} organisaties (sectorrapport, gegroepeerde SQL, mediaan) | ${(quarterlyAll.medianMs / 1000).toFixed(2)} s | ≤ 2 s | ${budget(quarterlyAll.medianMs <= 2000)} |`,
            ]
          : []),
        ...(bundles
          ? [
              `| portaal-JS (gzip) | ${(bundles.portalJsGzipBytes / 1024).toFixed(1)} KB | ≤ 60 KB | ${budget(bundles.portalJsGzipBytes <= 60 * 1024)} |`,
              `| backoffice initiële JS (gzip, ${bundles.backOffice.initialFiles.length} bestanden; alle JS ${(bundles.backOffice.allJsGzipBytes / 1024).toFixed(0)} KB) | ${(bundles.backOffice.initialJsGzipBytes / 1024).toFixed(1)} KB | ≤ 300 KB | ${budget(bundles.backOffice.initialJsGzipBytes <= 300 * 1024)} |`,
            ]
          : []),
        '',
        `Budgets (issue 13${options.scale === 'national' ? '' : `; op ${options.scale} data indicatief — the budgets are defined on the national data set`}):`,
        '',
        formatBudgets(budgets),
        '',
        `Resultaten / results: ${path.relative(ROOT, file)}`,
      ].join('\n'),
    );
    if (outcomes.some((o) => o.result.failedResponses > 0 || o.result.errors > 0)) process.exitCode = 1;
  } finally {
    await owner.client?.end().catch(() => {});
    log('stopping the server and the baseline…');
    for (const p of processes.reverse()) await p.stop();
    if (options.quick && !options.keep && !external) await removeDataDir(data.dataDir);
    log('done');
  }
}

await main();
