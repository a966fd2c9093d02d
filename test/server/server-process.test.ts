import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import {
  findFreePort,
  type ServerProcess,
  spawnServer,
  waitForOutput,
  waitUntilAdmitting,
} from '../support/server-process.ts';

const dataDir = await mkdtemp(path.join(tmpdir(), 'gehoord-process-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

// Every server a test starts; one left running after a failed test would refuse the next start (one
// instance per database with local attachments, issue 20).
const running: ServerProcess[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) {
    if (server.child.exitCode === null) server.child.kill('SIGTERM');
    await server.exited;
  }
});

async function startServer() {
  const port = await findFreePort();
  const server = spawnServer({ PORT: String(port), DATA_DIR: dataDir });
  running.push(server);
  await waitForOutput(server, /Gehoord is ready at/, 90_000);
  const base = `http://127.0.0.1:${port}`;
  await waitUntilAdmitting(base);
  return { server, base };
}

describe('the server process (npm start)', () => {
  test('bad configuration prints a clear error and exits non-zero', async () => {
    const server = spawnServer({ PORT: 'abc', LOG_LEVEL: 'loud', DATA_DIR: dataDir });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('Gehoord cannot start');
    expect(server.output()).toMatch(/PORT: .*"abc"/);
    expect(server.output()).toMatch(/LOG_LEVEL: .*"loud"/);
  });

  test('starts the embedded database, stops it cleanly on SIGTERM, and keeps the data', async () => {
    const first = await startServer();
    const ready = await fetch(`${first.base}/health/ready`);
    expect(ready.status).toBe(200);
    const organization = await (await fetch(`${first.base}/api/organization`)).json();
    first.server.child.kill('SIGTERM');
    expect(await first.server.exited).toBe(0);
    expect(first.server.output()).toContain('stopped cleanly');
    expect(existsSync(path.join(dataDir, 'postgres/postmaster.pid'))).toBe(false);

    const second = await startServer();
    const again = await (await fetch(`${second.base}/api/organization`)).json();
    expect(again.id).toBe(organization.id);
    second.server.child.kill('SIGINT');
    expect(await second.server.exited).toBe(0);
  }, 120_000);

  test('after a SIGKILL the orphaned PostgreSQL is stopped and the next start succeeds', async () => {
    const first = await startServer();
    first.server.child.kill('SIGKILL');
    await first.server.exited;
    expect(existsSync(path.join(dataDir, 'postgres/postmaster.pid'))).toBe(true);

    const second = await startServer();
    expect(second.server.output()).toContain('orphaned embedded PostgreSQL');
    expect((await fetch(`${second.base}/health/ready`)).status).toBe(200);
    second.server.child.kill('SIGTERM');
    expect(await second.server.exited).toBe(0);
  }, 120_000);
});
