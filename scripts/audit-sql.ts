// SQL injection audit: runs sqlmap (Debian package `sqlmap`, not a project dependency and not run in CI)
// against the public portal and the staff API of a Gehoord started here on its own embedded database with
// the demo organisation.
//
//   npm run audit:sql
//
// Prints one line per target and exits 1 when sqlmap finds an injectable parameter, or when a target did
// not finish (an audit that stopped half-way proves nothing). Bounded: level 1, risk 1, PostgreSQL only,
// short time-based delay, and a time limit per target.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { embeddedOwnerUrl, startGehoord } from '../bench/gehoord-process.ts';

const TARGET_TIME_LIMIT_MS = 240_000;
const ADMIN = { name: 'Beheerder', email: 'beheer@example.nl', password: 'lange zomeravond aan de vliet' };

/** `baseline`: the unaltered request, which must succeed, or sqlmap would only ever test a refusal. */
type Target = { name: string; args: string[]; baseline?: () => Promise<Response> };
type Outcome = 'clean' | 'injectable' | 'incomplete';

if (spawnSync('sqlmap', ['--version'], { encoding: 'utf8' }).status !== 0) {
  console.error('sqlmap is not installed: apt-get install -y sqlmap');
  process.exit(1);
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'gehoord-audit-sql-'));
const sqlmapDir = await mkdtemp(path.join(tmpdir(), 'gehoord-sqlmap-'));
const gehoord = await startGehoord(dataDir, {
  JOBS: 'off',
  MAIL_WORKER: 'off',
  // sqlmap sends the portal form hundreds of times from one address
  PORTAL_SUBMISSIONS_PER_IP_PER_HOUR: '100000',
  PORTAL_SUBMISSIONS_PER_HOUR: '1000000',
  PORTAL_MINIMUM_FILL_SECONDS: '0',
});
const base = `http://127.0.0.1:${gehoord.port}`;

async function json<T>(response: Promise<Response>, what: string): Promise<T> {
  const answer = await response;
  if (!answer.ok) throw new Error(`${what} failed: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T;
}

/** First-run setup with the demo organisation, then an API token with full scope for the staff API. */
async function signInAndCreateToken(): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (!/\/inrichten#ghi_/.test(gehoord.output()) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 200));
  const setupToken = /\/inrichten#(ghi_[A-Za-z0-9_-]+)/.exec(gehoord.output())?.[1];
  if (!setupToken) throw new Error(`no setup link in the server output:\n${gehoord.output()}`);
  const headers = { 'content-type': 'application/json', origin: base };
  const setup = await fetch(`${base}/api/setup`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      token: setupToken,
      organizationName: 'Audit Wonen',
      administrator: ADMIN,
      loadDemo: true,
    }),
  });
  if (!setup.ok) throw new Error(`setup failed: ${setup.status} ${await setup.text()}`);
  const cookie = setup.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const created = await json<{ token: string }>(
    fetch(`${base}/api/admin/api-tokens`, {
      method: 'POST',
      headers: { ...headers, cookie },
      body: JSON.stringify({ name: 'sqlmap', scope: 'full' }),
    }),
    'creating an API token',
  );
  return created.token;
}

/** A portal complaint, so there is a real status link and a real complaint id to aim at. */
async function portalComplaint(): Promise<string> {
  const form = await (await fetch(`${base}/klacht`)).text();
  const formToken = /name="formToken" value="([^"]+)"/.exec(form)?.[1] ?? '';
  const response = await fetch(`${base}/klacht`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...PORTAL_FORM, formToken }).toString(),
  });
  const statusToken = /\/status\/([^/]+)\//.exec(response.headers.get('location') ?? '')?.[1];
  if (response.status !== 303 || !statusToken) throw new Error(`portal form refused: ${response.status}`);
  return statusToken;
}

const PORTAL_FORM = {
  topic: 'complaint',
  onBehalf: 'self',
  relation: 'tenant',
  name: 'Jannie de Vries',
  email: 'jannie@example.nl',
  phone: '0612345678',
  preferredContact: 'email',
  postcode: '3155AB',
  houseNumber: '12',
  addition: 'A',
  description: 'De monteur kwam niet op de afspraak.',
  desiredOutcome: 'Een nieuwe afspraak.',
};

type SqlmapResult = {
  outcome: Outcome;
  requests: number;
  tested: string[];
  serverErrors: string;
  ms: number;
  log: string;
};

async function runSqlmap(target: Target): Promise<SqlmapResult> {
  const started = Date.now();
  const outputDir = path.join(sqlmapDir, target.name.replace(/\W+/g, '-'));
  const trafficFile = `${outputDir}.traffic`;
  const args = [
    ...target.args,
    '--batch',
    '--dbms=PostgreSQL',
    '--level=1',
    '--risk=1',
    '--time-sec=2',
    '--timeout=15',
    '--retries=1',
    // sqlmap cannot fetch a fresh form per request from several threads
    ...(target.args.some((a) => a.startsWith('--csrf-url')) ? [] : ['--threads=4']),
    '--skip-waf',
    '--disable-coloring',
    '--flush-session',
    '-v',
    '1',
    `--output-dir=${outputDir}`,
    `-t`,
    trafficFile,
  ];
  const { log, ms } = await new Promise<{ log: string; ms: number }>((resolve) => {
    const child = spawn('sqlmap', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const keep = (chunk: Buffer) => {
      log += chunk.toString();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), TARGET_TIME_LIMIT_MS);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve({ log, ms: Date.now() - started });
    });
  });
  const traffic = await readFile(trafficFile, 'utf8').catch(() => '');
  const outcome: Outcome = /identified the following injection point/.test(log)
    ? 'injectable'
    : /all tested parameters do not appear to be injectable/.test(log)
      ? 'clean'
      : 'incomplete';
  const tested = [...log.matchAll(/parameter '([^']+)' does not seem to be injectable/g)].map(
    (m) => m[1] ?? '',
  );
  // sqlmap lists the error statuses it met, e.g. "500 (Internal Server Error) - 3 times"
  const serverErrors = /HTTP error codes detected during run:\s*(.*)/.exec(log)?.[1]?.trim() ?? '';
  const requests = (traffic.match(/^HTTP request \[#\d+\]/gm) ?? []).length;
  return { outcome, requests, tested: [...new Set(tested)], serverErrors, ms, log };
}

/**
 * A deliberately injectable endpoint on the same PostgreSQL (text pasted into SQL), outside Gehoord. sqlmap
 * must flag it with the very options used on Gehoord, or a clean result would prove nothing.
 */
async function startCanary() {
  const client = new pg.Client({ connectionString: embeddedOwnerUrl(dataDir) });
  await client.connect();
  const server = createServer((request, response) => {
    const q = new URL(request.url ?? '/', 'http://canary').searchParams.get('q') ?? '';
    client.query(`select count(*)::int as n from complaint where description like '%${q}%'`).then(
      // Stacked statements answer with several results; the page shows the first count either way
      (result) => response.end(`found ${JSON.stringify([result].flat()[0]?.rows?.[0] ?? null)}`),
      () => {
        response.statusCode = 500;
        response.end('error');
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/canary?q=lekkage`,
    stop: async () => {
      server.close();
      await client.end();
    },
  };
}

let exitCode = 0;
try {
  const apiToken = await signInAndCreateToken();
  const statusToken = await portalComplaint();
  const bearer = `Authorization: Bearer ${apiToken}`;
  const queue = await json<{ items: { id: string }[] }>(
    fetch(`${base}/api/complaints?sort=received`, { headers: { authorization: `Bearer ${apiToken}` } }),
    'reading the work queue',
  );
  const complaintId = queue.items[0]?.id;
  if (!complaintId) throw new Error('no complaint in the work queue');
  const jsonHeaders = `${bearer}\nContent-Type: application/json`;
  const withToken = { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' };
  const get =
    (url: string, headers: Record<string, string> = {}) =>
    () =>
      fetch(url, { headers });
  const post = (url: string, body: unknown) => () =>
    fetch(url, { method: 'POST', headers: withToken, body: JSON.stringify(body) });
  const workQueueUrl = `${base}/api/complaints?q=lekkage&status=new,in_progress&channel=web&handlerId=me&receivedFrom=2026-01-01&sort=due&limit=10`;
  const registration = {
    channel: 'phone',
    description: 'Lekkage in de badkamer.',
    desiredOutcome: 'Reparatie.',
  };
  const note = { text: 'Gebeld met de huurder.' };

  const targets: Target[] = [
    {
      name: 'portal form (POST /klacht)',
      args: [
        '-u',
        `${base}/klacht`,
        `--data=${new URLSearchParams({ ...PORTAL_FORM, formToken: 'x' }).toString()}`,
        // Every attempt needs a fresh signed form, or the nonce check would answer before any SQL runs
        '--csrf-token=formToken',
        `--csrf-url=${base}/klacht`,
      ],
    },
    {
      name: 'status page (GET /klacht/status/:token)',
      args: ['-u', `${base}/klacht/status/${statusToken}*`],
    },
    {
      name: 'portal asset (GET /portal-assets/:file?v=)',
      args: ['-u', `${base}/portal-assets/portal.css?v=1`],
    },
    {
      name: 'work queue filters and search (GET /api/complaints)',
      args: ['-u', workQueueUrl, `--headers=${bearer}`],
      baseline: get(workQueueUrl, withToken),
    },
    {
      name: 'complaint detail (GET /api/complaints/:id)',
      args: ['-u', `${base}/api/complaints/${complaintId}*`, `--headers=${bearer}`],
      baseline: get(`${base}/api/complaints/${complaintId}`, withToken),
    },
    {
      name: 'register a complaint (POST /api/complaints)',
      args: [
        '-u',
        `${base}/api/complaints`,
        `--data=${JSON.stringify(registration)}`,
        `--headers=${jsonHeaders}`,
      ],
      baseline: post(`${base}/api/complaints`, registration),
    },
    {
      name: 'add a note (POST /api/complaints/:id/notes)',
      args: [
        '-u',
        `${base}/api/complaints/${complaintId}/notes`,
        `--data=${JSON.stringify(note)}`,
        `--headers=${jsonHeaders}`,
      ],
      baseline: post(`${base}/api/complaints/${complaintId}/notes`, note),
    },
  ];

  const started = Date.now();
  const canary = await startCanary();
  const check = await runSqlmap({ name: 'canary', args: ['-u', canary.url] }).finally(canary.stop);
  console.log(
    `${check.outcome === 'injectable' ? 'detected' : 'MISSED'}   the deliberately injectable canary (${check.requests} requests, ${(check.ms / 1000).toFixed(0)} s)`,
  );
  if (check.outcome !== 'injectable') {
    exitCode = 1;
    console.log(check.log.split('\n').slice(-30).join('\n'));
  }
  const results: (SqlmapResult & { name: string })[] = [];
  for (const target of targets) {
    const baseline = await target.baseline?.();
    if (baseline !== undefined && !baseline.ok) {
      exitCode = 1;
      console.log(`${'incomplete'.padEnd(10)} ${target.name}: the unaltered request got ${baseline.status}`);
      console.log((await baseline.text()).slice(0, 500));
      results.push({
        name: target.name,
        outcome: 'incomplete',
        requests: 0,
        tested: [],
        serverErrors: '',
        ms: 0,
        log: '',
      });
      continue;
    }
    await baseline?.body?.cancel();
    const result = await runSqlmap(target);
    results.push({ ...result, name: target.name });
    const errors = result.serverErrors === '' ? '' : `; error statuses: ${result.serverErrors}`;
    console.log(
      `${result.outcome.padEnd(10)} ${target.name}: ${result.requests} requests, ${(result.ms / 1000).toFixed(0)} s, tested ${result.tested.join(', ') || 'nothing'}${errors}`,
    );
    // A 5xx means an unhandled error: a finding even when no injection was confirmed
    if (/\b5\d\d \(/.test(result.serverErrors)) exitCode = 1;
    if (result.outcome !== 'clean') {
      exitCode = 1;
      console.log(result.log.split('\n').slice(-40).join('\n'));
    }
  }
  const injectable = results.filter((r) => r.outcome === 'injectable').length;
  const incomplete = results.filter((r) => r.outcome === 'incomplete').length;
  console.log(
    `sqlmap ${spawnSync('sqlmap', ['--version'], { encoding: 'utf8' }).stdout.trim().split('\n')[0]}: ` +
      `${results.length} targets, ${injectable} injectable, ${incomplete} incomplete, ` +
      `${results.reduce((n, r) => n + r.requests, 0)} requests, ` +
      `${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await gehoord.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(sqlmapDir, { recursive: true, force: true });
}
process.exit(exitCode);
