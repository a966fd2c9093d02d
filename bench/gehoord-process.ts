import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SERVER_NODE_FLAGS } from '../src/server/runtime-flags.ts';

// Starts the real server (`node src/server/main.ts`, as `npm start` does) on a data directory with its own
// embedded PostgreSQL, and times it from spawn to the first ready answer of /health/ready.

export const ROOT = path.resolve(import.meta.dirname, '..');

export type RunningProcess = {
  child: ChildProcess;
  port: number;
  output: () => string;
  stop: () => Promise<void>;
};

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function spawnNode(
  script: string,
  env: Record<string, string>,
  extraFlags: readonly string[] = [],
): { child: ChildProcess; output: () => string } {
  let output = '';
  // The server runs as `npm start` runs it; the baseline gets the same flags, so only the code differs
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...extraFlags, script], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      // Extra Node options for diagnosis, e.g. `--import ./bench/memory-trace.ts` (docs/performance.md)
      NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => output };
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    // Unreferenced: once the child has exited, this timer must not keep the benchmark alive for 20 s more.
    const timeout = sleep(20_000, undefined, { ref: false }).then(() => 'timeout');
    if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
  };
}

export function httpGet(port: number, urlPath: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/** Starts Gehoord; resolves once /health/ready answers 200, with the milliseconds that took. */
export async function startGehoord(
  dataDir: string,
  extraEnv: Record<string, string> = {},
  nodeFlags: readonly string[] = [],
) {
  const port = await findFreePort();
  const startedAt = performance.now();
  const { child, output } = spawnNode(
    'src/server/main.ts',
    {
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      // An .env file must not point the benchmark at another database: empty values count as unset.
      DATABASE_URL: '',
      DATABASE_OWNER_URL: '',
      NODE_ENV: 'production',
      // Per-request logging would measure pino and the pipe, not Gehoord.
      LOG_LEVEL: 'warn',
      LOG_PRETTY: 'false',
      ...extraEnv,
    },
    nodeFlags,
  );
  const deadline = Date.now() + 180_000;
  while ((await httpGet(port, '/health/ready')) !== 200) {
    if (child.exitCode !== null) throw new Error(`Gehoord exited while starting:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`Gehoord was not ready within 180 s:\n${output()}`);
    await sleep(20);
  }
  const readyMs = performance.now() - startedAt;
  const running: RunningProcess = { child, port, output, stop: stopper(child) };
  return { ...running, readyMs };
}

/**
 * `npm run db:migrate` on a data directory: the migrations a reused data set does not have yet, applied before the
 * cold start is timed (a restart on current data is what the budget means; the first start after an upgrade also
 * applies them, which run D of 7 December counted as 5.7 s of its 6.84 s). Returns how long it took and which
 * migrations it applied.
 */
export async function applyPendingMigrations(
  dataDir: string,
  extraEnv: Record<string, string> = {},
): Promise<{ ms: number; migrations: string[] }> {
  const startedAt = performance.now();
  const { child, output } = spawnNode('src/server/db/migrate-cli.ts', {
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    DATABASE_OWNER_URL: '',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    LOG_PRETTY: 'false',
    ...extraEnv,
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`npm run db:migrate failed (${code}):\n${output()}`);
  const migrations: string[] = [];
  for (const line of output().split('\n')) {
    try {
      const entry = JSON.parse(line) as { migrations?: unknown };
      if (Array.isArray(entry.migrations)) migrations.push(...entry.migrations.map(String));
    } catch {
      // not a log line of ours (PostgreSQL's own output)
    }
  }
  return { ms: performance.now() - startedAt, migrations };
}

export async function startBaseline(env: Record<string, string>): Promise<RunningProcess> {
  const port = await findFreePort();
  const { child, output } = spawnNode('bench/baseline-server.ts', { ...env, PORT: String(port) });
  const deadline = Date.now() + 20_000;
  while (!/baseline listening/.test(output())) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`baseline did not start:\n${output()}`);
    await sleep(20);
  }
  return { child, port, output, stop: stopper(child) };
}

/** Superuser URL of the embedded PostgreSQL a running Gehoord started in dataDir (port from postmaster.pid). */
export function embeddedOwnerUrl(dataDir: string): string {
  const pidLines = readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n');
  const port = Number(pidLines[3]);
  const { ownerPassword } = JSON.parse(
    readFileSync(path.join(dataDir, 'postgres-credentials.json'), 'utf8'),
  ) as {
    ownerPassword: string;
  };
  return `postgres://postgres:${encodeURIComponent(ownerPassword)}@127.0.0.1:${port}/gehoord`;
}

export function embeddedPostmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** Signs in with e-mail and password for the organisation behind `hostname`; returns the session cookie. */
export function signIn(port: number, hostname: string, email: string, password: string): Promise<string> {
  const body = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/auth/login',
        headers: {
          host: hostname,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => {
          const cookie = (res.headers['set-cookie'] ?? []).find((c) => c.startsWith('gehoord_session='));
          if (res.statusCode !== 200 || !cookie)
            return reject(new Error(`sign-in failed: ${res.statusCode} ${text}`));
          resolve(cookie.split(';')[0] as string);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
