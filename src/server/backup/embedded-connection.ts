import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runningEmbeddedServer, startEmbeddedPostgres } from '../db/embedded-postgres.ts';

type Log = { info(msg: string): void; warn(msg: string): void; debug(msg: string): void };

/**
 * The owner connection to the embedded PostgreSQL of DATA_DIR. A running Gehoord keeps its server: we
 * connect to it (port from postmaster.pid) instead of starting a second one, which would stop the first.
 */
export async function openEmbedded(
  dataDir: string,
  log: Log,
): Promise<{ ownerUrl: string; close(): Promise<void> }> {
  const running = runningEmbeddedServer(dataDir);
  const credentialsFile = path.join(dataDir, 'postgres-credentials.json');
  if (running && Number.isInteger(running.port) && existsSync(credentialsFile)) {
    const { ownerPassword } = JSON.parse(await readFile(credentialsFile, 'utf8')) as {
      ownerPassword: string;
    };
    return {
      ownerUrl: `postgres://postgres:${encodeURIComponent(ownerPassword)}@127.0.0.1:${running.port}/gehoord`,
      close: async () => {},
    };
  }
  const server = await startEmbeddedPostgres(dataDir, log);
  return { ownerUrl: server.ownerUrl, close: () => server.stop() };
}
