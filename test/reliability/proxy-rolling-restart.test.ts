import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createDatabase } from '../../src/server/db/database.ts';
import { makeCertificate, type Nginx, type Reply, request, startNginx } from '../support/nginx.ts';
import { startS3Server } from '../support/s3-server.ts';
import { findFreePort, type ServerProcess, spawnServer, waitForOutput } from '../support/server-process.ts';
import { probedLimitMs, sleep, startOwnPostgres } from './harness.ts';
import { apiWriter, newProxyTally, portalClient, reader, withRetries } from './proxy-clients.ts';

// Issue 25: the documented nginx site (docs/operations/nginx-gehoord.conf) with TLS in front of two web
// instances (JOBS=off, TRUST_PROXY=127.0.0.1) and one worker, all real processes on one PostgreSQL. Under
// portal and API load each web instance is stopped (SIGTERM: it drains) and started again, one after the
// other. Clients retry on 502/503/504 and refused connections with the same form or Idempotency-Key.
// Clients use their own loopback addresses (127.0.0.x), so the app can tell them apart only through nginx's
// X-Forwarded-For: its connections all come from 127.0.0.1.

const PORTAL_CLIENTS = 4;
const API_WRITERS = 2;
const READERS = 2;
/** Load before the first restart and after the last one. */
const SETTLE_MS = 3_000;
const LOGIN_LIMIT = 3;

const work = await mkdtemp(path.join(tmpdir(), 'gehoord-proxy-'));
const postgres = await startOwnPostgres();
const s3 = await startS3Server();
const tls = await makeCertificate(work);
const [webPort1, webPort2, proxyPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
const base = `https://127.0.0.1:${proxyPort}`;
const processes: ServerProcess[] = [];
let nginx: Nginx | null = null;

afterAll(async () => {
  for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await nginx?.stop();
  await postgres.stop();
  await rm(work, { recursive: true, force: true });
});

const env = (port: number, extra: Record<string, string> = {}) => ({
  PORT: String(port),
  HOST: '127.0.0.1',
  PUBLIC_URL: base,
  DATABASE_URL: postgres.appUrl,
  DATABASE_OWNER_URL: postgres.ownerUrl,
  DATA_DIR: path.join(work, 'data'),
  // info: the access log lines carry the client address the app saw (remoteAddress)
  LOG_LEVEL: 'info',
  JOBS: 'off',
  TRUST_PROXY: '127.0.0.1',
  STORAGE_DRIVER: 's3',
  S3_BUCKET: s3.config.bucket,
  S3_ENDPOINT: String(s3.config.endpoint),
  S3_REGION: s3.config.region,
  S3_ACCESS_KEY_ID: 'S3RVER',
  S3_SECRET_ACCESS_KEY: 'S3RVER',
  S3_FORCE_PATH_STYLE: 'true',
  LOGIN_RATE_LIMIT_PER_MINUTE: String(LOGIN_LIMIT),
  PORTAL_SUBMISSIONS_PER_IP_PER_HOUR: '100000',
  PORTAL_SUBMISSIONS_PER_HOUR: '1000000',
  PORTAL_MINIMUM_FILL_SECONDS: '0',
  SHUTDOWN_TIMEOUT_MS: '30000',
  ...extra,
});

const probeAgent = new http.Agent();
/** Started when its own /health/ready (asked directly, not through nginx) answers 200. */
async function startWeb(port: number): Promise<ServerProcess> {
  const server = spawnServer(env(port));
  processes.push(server);
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`web exited early:\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`web not ready in time:\n${server.output()}`);
    const ready = await request(`http://127.0.0.1:${port}/health/ready`, {
      agent: probeAgent,
      localAddress: '127.0.0.1',
    }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return server;
    await sleep(100);
  }
}

const agents = new Map<string, https.Agent>();
/** One client: its own address and kept connections to nginx, trusting the test's certificate. */
function via(address: string) {
  let agent = agents.get(address);
  if (!agent) {
    agent = new https.Agent({ keepAlive: true, ca: tls.ca });
    agents.set(address, agent);
  }
  const own = agent;
  return (url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
    request(url.startsWith('http') ? url : `${base}${url}`, {
      ...options,
      agent: own,
      localAddress: address,
    });
}

/** Stops one instance (SIGTERM: it drains) and starts it again; resolves when nginx sends it requests again. */
async function rollingRestart(server: ServerProcess, port: number) {
  const stopAt = Date.now();
  server.child.kill('SIGTERM');
  const exitCode = await server.exited;
  const drainMs = Date.now() - stopAt;
  const next = await startWeb(port);
  const readyMs = Date.now() - stopAt;
  // nginx has taken it back (after its fail_timeout, a failed instance gets one request, then its share):
  // 20 requests of the load's clients (addresses 127.0.0.1x–3x) reached it through nginx
  const served = () => next.output().match(/"remoteAddress":"127\.0\.0\.[123]\d"/g)?.length ?? 0;
  const deadline = Date.now() + 60_000;
  while (served() < 20) {
    if (Date.now() > deadline) throw new Error(`nginx did not take the instance back:\n${next.output()}`);
    await sleep(100);
  }
  return { next, exitCode, drainMs, readyMs, servingAgainMs: Date.now() - stopAt };
}

const readiness = async () => JSON.parse((await via('127.0.0.50')('/health/ready')).body);

const tally = newProxyTally();

describe('nginx in front of two web instances and a worker', () => {
  test('a rolling restart under portal and API load loses and duplicates nothing; forwarded addresses only via nginx', async () => {
    let web1 = await startWeb(webPort1);
    await waitForOutput(web1, /inrichten#ghi_/, 30_000);
    const setupToken = /inrichten#(ghi_[A-Za-z0-9_-]+)/.exec(web1.output())?.[1] ?? '';
    nginx = await startNginx(work, {
      webPorts: [webPort1, webPort2],
      listenPort: proxyPort,
      certificate: tls.certificate,
      key: tls.key,
    });

    // First run through nginx over TLS (web 2 is not up yet: nginx passes to web 1): the cookie is Secure
    const admin = via('127.0.0.2');
    const json = { origin: base, 'content-type': 'application/json' };
    // A freshly started instance on a busy machine may shed load (503): retried like every client here
    const oneMinute = () => Date.now() + 60_000;
    const setupTally = newProxyTally();
    const setupBody = JSON.stringify({
      token: setupToken,
      organizationName: 'Proxy Wonen',
      administrator: { name: 'Beheerder', email: 'beheer@example.nl', password: 'Een-lang-wachtwoord-2026' },
    });
    const setup = await withRetries(
      setupTally,
      () => admin('/api/setup', { method: 'POST', headers: json, body: setupBody }),
      oneMinute(),
    );
    if (!setup) throw new Error('setup: no answer');
    expect(setup.status, setup.body).toBe(201);
    const setCookie = [setup.headers['set-cookie'] ?? []].flat();
    expect(setCookie.length).toBeGreaterThan(0);
    for (const cookie of setCookie) expect(cookie).toMatch(/;\s*Secure/i);
    const created = await withRetries(
      setupTally,
      () =>
        admin('/api/admin/api-tokens', {
          method: 'POST',
          headers: { ...json, cookie: setCookie[0]?.split(';')[0] ?? '' },
          body: JSON.stringify({ name: 'Belasting', scope: 'full' }),
        }),
      oneMinute(),
    );
    if (!created) throw new Error('api token: no answer');
    expect(created.status, created.body).toBe(201);
    const apiToken = (JSON.parse(created.body) as { token: string }).token;
    // After the first run: each start before it would make a new setup link
    let web2 = await startWeb(webPort2);
    const worker = spawnServer(env(0, { LOG_LEVEL: 'warn' }), 'src/server/worker.ts');
    processes.push(worker);

    // The worker registered itself: the web instances (JOBS=off) see a job runner alive
    const healthDeadline = Date.now() + 60_000;
    while ((await readiness()).checks.jobs?.runners !== 1) {
      if (Date.now() > healthDeadline) throw new Error(`no job runner seen:\n${worker.output()}`);
      await sleep(200);
    }

    // A drain finishes the requests in flight, nothing more: its limit is taken from reads through nginx now
    // (20 of the slowest of 10), never below 5 s. Waiting for kept connections to time out would take 72 s.
    const probeRead = via('127.0.0.51');
    const drainLimit = await probedLimitMs(
      () => probeRead('/api/complaints?limit=20', { headers: { authorization: `Bearer ${apiToken}` } }),
      { count: 10, margin: 20, budgetMs: 5_000 },
    );
    let accepting = true;
    const started = Date.now();
    const load = { accepting: () => accepting, deadline: started + 240_000 };
    const portal = Array.from({ length: PORTAL_CLIENTS }, (_, i) =>
      portalClient(via(`127.0.0.${10 + i}`), `127.0.0.${10 + i}`, tally, load),
    );
    const api = Array.from({ length: API_WRITERS }, (_, i) =>
      apiWriter(via(`127.0.0.${20 + i}`), `127.0.0.${20 + i}`, apiToken, tally, load),
    );
    const reads = Array.from({ length: READERS }, (_, i) =>
      reader(via(`127.0.0.${30 + i}`), apiToken, tally, load),
    );
    await sleep(SETTLE_MS);
    const first = await rollingRestart(web1, webPort1);
    web1 = first.next;
    const second = await rollingRestart(web2, webPort2);
    web2 = second.next;
    await sleep(SETTLE_MS);
    accepting = false;
    const portalAcknowledged = (await Promise.all(portal)).flat();
    const apiAcknowledged = (await Promise.all(api)).flat();
    const readCount = (await Promise.all(reads)).reduce((a, b) => a + b, 0);
    const loadMs = Date.now() - started;

    const owner = createDatabase(postgres.ownerUrl, { poolSize: 1, log: { error: () => {} } });
    const stored = await owner
      .selectFrom('complaint')
      .select(['description'])
      .execute()
      .finally(() => owner.destroy());
    const copies = new Map<string, number>();
    for (const { description } of stored) copies.set(description, (copies.get(description) ?? 0) + 1);
    const acknowledged = [...portalAcknowledged, ...apiAcknowledged];
    const lost = acknowledged.filter((d) => !copies.has(d)).length;
    const duplicated = [...copies.values()].filter((n) => n > 1).length;
    const proxyLog = await readFile(nginx.accessLog, 'utf8');
    const figures = {
      portalSubmissions: portalAcknowledged.length,
      apiSubmissions: apiAcknowledged.length,
      reads: readCount,
      requests: tally.requests,
      clientRetries: tally.retries,
      statuses: Object.fromEntries(tally.statuses),
      nginxRetriedOnOtherInstance: proxyLog.split('\n').filter((l) => /upstream=\S+, /.test(l)).length,
      gaveUp: tally.gaveUp.length,
      lost,
      duplicated,
      complaints: stored.length,
      drainLimit,
      restarts: [first, second].map(({ exitCode, drainMs, readyMs, servingAgainMs }) => ({
        exitCode,
        drainMs,
        readyMs,
        servingAgainMs,
      })),
      loadMs,
    };
    console.log('proxy rolling restart figures', figures);

    expect(tally.gaveUp).toEqual([]);
    expect(first.exitCode).toBe(0);
    expect(second.exitCode).toBe(0);
    expect(first.drainMs).toBeLessThanOrEqual(drainLimit.limitMs);
    expect(second.drainMs).toBeLessThanOrEqual(drainLimit.limitMs);
    expect(portalAcknowledged.length).toBeGreaterThan(0);
    expect(apiAcknowledged.length).toBeGreaterThan(0);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(stored.length).toBe(acknowledged.length);

    // The app saw the clients' own addresses, which only nginx's X-Forwarded-For carried
    const appLog = processes.map((p) => p.output()).join('\n');
    for (const address of ['127.0.0.10', '127.0.0.20', '127.0.0.30'])
      expect(appLog).toContain(`"remoteAddress":"${address}"`);

    // Sign-in limits count per client address (each attempt with another unknown e-mail address, so the
    // per-account lock stays out of it): through nginx one client is limited, the next one is not
    let unknown = 0;
    const signIn = (send: (body: string) => Promise<Reply>) =>
      send(JSON.stringify({ email: `onbekend-${++unknown}@example.nl`, password: 'fout-wachtwoord' })).then(
        (reply) => (reply.status === 429 ? (JSON.parse(reply.body) as { code: string }).code : reply.status),
      );
    const throughNginx =
      (address: string, extra: Record<string, string> = {}) =>
      (body: string) =>
        via(address)('/api/auth/login', { method: 'POST', headers: { ...json, ...extra }, body });
    const limited: (number | string)[] = [];
    // Each instance counts on its own: within 2 × limit + 1 attempts one of them says 429
    for (let i = 0; i < 2 * LOGIN_LIMIT + 1 && !limited.includes('rate_limited'); i++)
      limited.push(await signIn(throughNginx('127.0.0.41', { 'x-forwarded-for': `198.51.100.${i + 1}` })));
    expect(limited).toContain('rate_limited');
    expect(await signIn(throughNginx('127.0.0.42'))).toBe(401);

    // Directly at an instance, from an address it does not trust, a forged X-Forwarded-For changes nothing
    const direct = new http.Agent({ keepAlive: true });
    const forged: (number | string)[] = [];
    for (let i = 0; i < LOGIN_LIMIT + 1; i++)
      forged.push(
        await signIn((body) =>
          request(`http://127.0.0.1:${webPort1}/api/auth/login`, {
            method: 'POST',
            headers: { ...json, 'x-forwarded-for': `203.0.113.${i + 1}` },
            body,
            agent: direct,
            localAddress: '127.0.0.43',
          }),
        ),
      );
    expect(forged).toEqual([...Array(LOGIN_LIMIT).fill(401), 'rate_limited']);
    const finalLog = processes.map((p) => p.output()).join('\n');
    expect(finalLog).toContain('"remoteAddress":"127.0.0.41"');
    expect(finalLog).toContain('"remoteAddress":"127.0.0.43"');
    expect(finalLog).not.toMatch(/"remoteAddress":"(198\.51\.100|203\.0\.113)\./);

    // Readiness through nginx: ready with the worker; degraded (still 200) once the only job runner stops
    const ready = await via('127.0.0.50')('/health/ready');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body).checks).toMatchObject({
      database: 'ok',
      jobs: { status: 'ok', runners: 1 },
    });
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    const withoutWorker = await via('127.0.0.50')('/health/ready');
    expect(withoutWorker.status).toBe(200);
    expect(JSON.parse(withoutWorker.body)).toMatchObject({
      status: 'degraded',
      checks: { jobs: { status: 'not_running', runners: 0 } },
    });
    for (const agent of [...agents.values(), direct, probeAgent]) agent.destroy();
  }, 300_000);
});
