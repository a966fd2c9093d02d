import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { runningEmbeddedServer } from '../src/server/db/embedded-postgres.ts';

/**
 * The test server's own database, as its owner: only for a state no screen can cause (a mail server that
 * refused a message). Connects to the embedded PostgreSQL the server started in its data folder.
 */
export async function withServerDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverOwnerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The owner's connection string of the test server's database (for a scheduled job run from a spec). */
export function serverOwnerUrl(): string {
  const dataDir = process.env.GEHOORD_E2E_DATA_DIR ?? '';
  const server = runningEmbeddedServer(dataDir);
  if (!server) throw new Error(`No embedded PostgreSQL running for ${dataDir}`);
  const { ownerPassword } = JSON.parse(
    readFileSync(path.join(dataDir, 'postgres-credentials.json'), 'utf8'),
  ) as { ownerPassword: string };
  return `postgres://postgres:${encodeURIComponent(ownerPassword)}@127.0.0.1:${server.port}/gehoord`;
}

/** What a refusing mail server leaves: the message failed after one attempt, with the server's answer. */
export async function markOutboxMessageFailed(outboxId: string, error: string): Promise<void> {
  await withServerDatabase((client) =>
    client.query(
      `update outbox_message set status = 'failed', attempts = 1, last_error = $2, sent_at = null,
         provider_message_id = null where id = $1`,
      [outboxId, error],
    ),
  );
}
