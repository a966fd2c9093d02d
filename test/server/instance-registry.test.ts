// Issue 20: with STORAGE_DRIVER=local a second instance on the same database is refused at start-up with a
// one-line reason (instead of 500s on attachments later); after the first stops, or when its heartbeat is
// stale, a new one starts; with S3 on both sides several instances run side by side. Real server processes.
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import {
  InstanceConflictError,
  isGoneFromHere,
  mayRunBeside,
  registerInstance,
} from '../../src/server/modules/instances/registry/instance-registry.ts';
import { createTestDatabase } from '../support/database.ts';
import { startS3Server } from '../support/s3-server.ts';
import { findFreePort, type ServerProcess, spawnServer, waitForOutput } from '../support/server-process.ts';

const database = await createTestDatabase();
const dataDirs: string[] = [];
const running: ServerProcess[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) {
    if (server.child.exitCode === null) server.child.kill('SIGTERM');
    await server.exited;
  }
});
afterAll(async () => {
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

async function spawnInstance(extra: Record<string, string> = {}) {
  const port = await findFreePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'gehoord-instance-'));
  dataDirs.push(dataDir);
  const server = spawnServer({
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: database.appUrl,
    DATABASE_OWNER_URL: database.ownerUrl,
    DATA_DIR: dataDir,
    JOBS: 'off',
    MAIL_WORKER: 'off',
    ...extra,
  });
  running.push(server);
  return { server, base: `http://127.0.0.1:${port}` };
}

async function startInstance(extra: Record<string, string> = {}) {
  const instance = await spawnInstance(extra);
  await waitForOutput(instance.server, /Gehoord is ready at/, 90_000);
  return instance;
}

/** How a refused instance exited; a refusal comes quickly, so waiting long means it was not refused. */
async function refusal(server: ServerProcess): Promise<number | null> {
  const timeout = new Promise<'still running'>((resolve) =>
    setTimeout(() => resolve('still running'), 60_000),
  );
  const code = await Promise.race([server.exited, timeout]);
  if (code === 'still running') throw new Error(`not refused:\n${server.output()}`);
  return code;
}

const registered = () =>
  database.owner.selectFrom('app_instance').select(['host', 'pid', 'storage_driver']).execute();

describe('one instance per database with local attachment storage', () => {
  test('the second is refused with a one-line reason; after the first stops, a new one starts', async () => {
    const first = await startInstance();
    expect(await registered()).toEqual([
      { host: hostname(), pid: first.server.child.pid, storage_driver: 'local' },
    ]);

    const second = await spawnInstance();
    expect(await refusal(second.server)).not.toBe(0);
    const reason = second.server
      .output()
      .split('\n')
      .filter((line) => line.includes('Gehoord cannot start'));
    expect(reason).toHaveLength(1);
    expect(reason[0]).toContain(`another Gehoord instance already uses this database (host ${hostname()}`);
    expect(reason[0]).toContain(`pid ${first.server.child.pid}`);
    expect(reason[0]).toContain('STORAGE_DRIVER=s3');
    // the first is untouched and still the only one registered
    expect((await fetch(`${first.base}/health/ready`)).status).toBe(200);
    expect(await registered()).toHaveLength(1);

    first.server.child.kill('SIGTERM');
    expect(await first.server.exited).toBe(0);
    expect(await registered()).toEqual([]);
    const third = await startInstance();
    expect((await fetch(`${third.base}/health/ready`)).status).toBe(200);
  }, 240_000);

  test('an instance elsewhere blocks until its heartbeat is stale; a crashed one here does not', async () => {
    await database.owner
      .insertInto('app_instance')
      .values({ id: crypto.randomUUID(), host: 'ander-serverpark-01', pid: 4242, storage_driver: 'local' })
      .execute();
    const blocked = await spawnInstance();
    expect(await refusal(blocked.server)).not.toBe(0);
    expect(blocked.server.output()).toContain('host ander-serverpark-01, pid 4242');

    await database.owner
      .updateTable('app_instance')
      .set({ heartbeat_at: new Date(Date.now() - 10 * 60_000) })
      .execute();
    const started = await startInstance();
    // killed without a chance to unregister: its process is gone, so the next one on this host may start
    started.server.child.kill('SIGKILL');
    await started.server.exited;
    expect(await registered()).toHaveLength(1);
    const next = await startInstance();
    expect((await fetch(`${next.base}/health/ready`)).status).toBe(200);
    expect((await registered()).map((r) => r.pid)).toEqual([next.server.child.pid]);
  }, 240_000);

  test('with S3 attachment storage two instances run side by side', async () => {
    const s3 = await startS3Server();
    const env = {
      STORAGE_DRIVER: 's3',
      S3_BUCKET: s3.config.bucket,
      S3_ENDPOINT: String(s3.config.endpoint),
      S3_REGION: s3.config.region,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    };
    const one = await startInstance(env);
    const two = await startInstance(env);
    expect((await fetch(`${one.base}/health/ready`)).status).toBe(200);
    expect((await fetch(`${two.base}/health/ready`)).status).toBe(200);
    expect((await registered()).map((r) => r.storage_driver)).toEqual(['s3', 's3']);
    // but not beside one that keeps its attachments on its own disk
    const local = await spawnInstance();
    expect(await refusal(local.server)).not.toBe(0);
    expect(local.server.output()).toContain('STORAGE_DRIVER=local on this instance');
  }, 240_000);
});

describe('the worker (npm run worker) in the registry', () => {
  // Another live process on this host (vitest's parent) stands in for the other side: entries with this
  // process's own pid would count as an earlier incarnation of it and be removed
  const other = (kind: 'web' | 'worker') =>
    database.owner
      .insertInto('app_instance')
      .values({ id: crypto.randomUUID(), host: hostname(), pid: process.ppid, storage_driver: 'local', kind })
      .execute();
  afterEach(async () => {
    await database.owner.deleteFrom('app_instance').execute();
  });

  test('a worker registers as a job runner beside a local web instance', async () => {
    await other('web');
    const worker = await registerInstance(database.app, {
      storageDriver: 'local',
      kind: 'worker',
      runsJobs: true,
    });
    expect(
      await database.owner.selectFrom('app_instance').select(['kind', 'runs_jobs']).orderBy('kind').execute(),
    ).toEqual([
      { kind: 'web', runs_jobs: false },
      { kind: 'worker', runs_jobs: true },
    ]);
    await worker.stop();
    // a second web instance is still refused beside the first
    await expect(registerInstance(database.app, { storageDriver: 'local' })).rejects.toBeInstanceOf(
      InstanceConflictError,
    );
  });

  test('a running worker does not keep a local web instance from starting', async () => {
    await other('worker');
    const web = await registerInstance(database.app, { storageDriver: 'local', runsJobs: true });
    expect((await registered()).length).toBe(2);
    await web.stop();
  });
});

describe('the rules', () => {
  test.each([
    ['local', 'local', false],
    ['local', 's3', false],
    ['s3', 'local', false],
    ['s3', 's3', true],
  ] as const)('%s beside %s: %s', (self, other, allowed) => {
    expect(mayRunBeside(self, other)).toBe(allowed);
  });

  test.each([
    ['another host, whatever its pid', { host: 'b', pid: 7 }, [], false],
    ['this host, process running', { host: 'a', pid: 7 }, [7], false],
    ['this host, process gone', { host: 'a', pid: 7 }, [], true],
    ['this host, this very pid (restarted container)', { host: 'a', pid: 1 }, [1], true],
  ] as const)('%s: gone %s', (_label, row, runningPids, gone) => {
    const isRunning = (pid: number) => (runningPids as readonly number[]).includes(pid);
    expect(isGoneFromHere(row, { host: 'a', pid: 1 }, isRunning)).toBe(gone);
  });
});
