import { existsSync } from 'node:fs';
import { copyFile, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { createDatabase } from '../db/database.ts';
import { startEmbeddedPostgres } from '../db/embedded-postgres.ts';
import { registerSubscribers } from '../events/register-subscribers.ts';
import { ErasureLedger, type ErasureLedgerEntry } from '../modules/privacy/erasure/erasure-ledger.ts';
import { type ReapplyResult, reapplyErasures } from '../modules/privacy/erasure/reapply-erasures.ts';
import { LocalDiskStorage } from '../storage/local-disk-storage.ts';
import { countRows, placeCluster, readManifest, restoreAttachments } from './cluster-backup.ts';

type Log = {
  info(msg: string): void;
  warn(msg: string): void;
  debug(msg: string): void;
  error(obj: object, msg: string): void;
};

export type RestoreReport = {
  movedAside: string | null;
  /** Tables whose row count after recovery differs from the manifest (before erasures are re-applied). */
  rowCountMismatches: { table: string; expected: number; actual: number }[];
  rowCounts: Record<string, number>;
  files: { restored: number; mismatched: string[] };
  erasures: ReapplyResult;
};

/**
 * Restores a backup into DATA_DIR for the embedded default: the cluster (recovered by PostgreSQL from its
 * WAL), the attachment files (checked against their SHA-256) and then the erasures done since the backup,
 * from the ledger(s). Gehoord must be stopped.
 */
export async function restoreEmbedded(options: {
  backupDir: string;
  dataDir: string;
  storageDir: string | null;
  /** Ledgers to re-apply besides the backup's own copy: the live one in DATA_DIR/privacy and any spare. */
  ledgerFiles: string[];
  log: Log;
}): Promise<RestoreReport> {
  const { backupDir, dataDir, log } = options;
  const manifest = await readManifest(backupDir);
  const movedAside = await placeCluster(backupDir, path.join(dataDir, 'postgres'));
  const credentials = path.join(dataDir, 'postgres-credentials.json');
  const backupCredentials = path.join(backupDir, 'postgres-credentials.json');
  if (existsSync(backupCredentials)) {
    if (
      existsSync(credentials) &&
      (await readFile(credentials, 'utf8')) !== (await readFile(backupCredentials, 'utf8'))
    )
      await rename(credentials, `${credentials}.before-restore`);
    await copyFile(backupCredentials, credentials);
  }

  const server = await startEmbeddedPostgres(dataDir, log, { databaseName: manifest.database });
  try {
    const client = new pg.Client({ connectionString: server.ownerUrl });
    await client.connect();
    let rowCounts: Record<string, number>;
    try {
      rowCounts = await countRows(client);
    } finally {
      await client.end();
    }
    const tables = new Set([...Object.keys(rowCounts), ...Object.keys(manifest.rowCounts)]);
    const rowCountMismatches = [...tables]
      .map((table) => ({ table, expected: manifest.rowCounts[table] ?? 0, actual: rowCounts[table] ?? 0 }))
      .filter((c) => c.expected !== c.actual);

    const files =
      options.storageDir && manifest.attachments.length > 0
        ? await restoreAttachments(backupDir, manifest, options.storageDir)
        : { restored: 0, mismatched: [] };

    const entries: ErasureLedgerEntry[] = [];
    for (const file of [path.join(backupDir, 'erasure-ledger.jsonl'), ...options.ledgerFiles])
      entries.push(...(await new ErasureLedger(file).read()));
    const owner = createDatabase(server.ownerUrl, { poolSize: 2, log });
    const storage = options.storageDir ? new LocalDiskStorage(options.storageDir) : null;
    let erasures: ReapplyResult;
    try {
      // an erased complaint also leaves the stored theme runs, by an event (decision 029, 049)
      registerSubscribers();
      erasures = await reapplyErasures(owner, storage, entries, log);
    } finally {
      await owner.destroy();
    }
    return { movedAside, rowCountMismatches, rowCounts, files, erasures };
  } finally {
    await server.stop();
  }
}
