import path from 'node:path';
import { parseArgs } from 'node:util';
import { restoreEmbedded } from '../src/server/backup/restore.ts';
import { loadDotEnv, parseConfig } from '../src/server/config.ts';
import { createDatabase } from '../src/server/db/database.ts';
import { registerSubscribers } from '../src/server/events/register-subscribers.ts';
import { defaultLedgerFile, ErasureLedger } from '../src/server/modules/privacy/erasure/erasure-ledger.ts';
import { reapplyErasures } from '../src/server/modules/privacy/erasure/reapply-erasures.ts';
import { createBlobStorage } from '../src/server/storage/create-blob-storage.ts';

// `npm run restore -- BACKUP_DIR [--ledger FILE ...]`: puts a backup back into DATA_DIR (Gehoord stopped),
// checks rows and files against the backup's manifest and erases again what was erased after the backup.
// `npm run restore -- --reapply-only [--ledger FILE ...]`: only the last step, e.g. after your own
// PostgreSQL was restored to a point in time (docs/operations.md).

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { ledger: { type: 'string', multiple: true }, 'reapply-only': { type: 'boolean' } },
});
loadDotEnv();
const config = parseConfig(process.env);
const ledgerFiles = [defaultLedgerFile(config.dataDir), ...(values.ledger ?? []).map((f) => path.resolve(f))];
const log = {
  info: () => {},
  warn: (msg: string) => console.warn(msg),
  debug: () => {},
  error: (obj: object, msg: string) => console.error(msg, obj),
};

if (values['reapply-only']) {
  if (!config.databaseOwnerUrl) {
    console.error(
      '--reapply-only needs DATABASE_OWNER_URL (or DATABASE_URL); for the embedded default restore a backup.',
    );
    process.exit(2);
  }
  const owner = createDatabase(config.databaseOwnerUrl, { poolSize: 2, log });
  const storage = createBlobStorage(config.storage);
  try {
    const entries = (await Promise.all(ledgerFiles.map((file) => new ErasureLedger(file).read()))).flat();
    registerSubscribers();
    const result = await reapplyErasures(owner, storage, entries, log);
    console.log(
      `Erasures re-applied: ${result.reapplied} of ${result.entries} (files deleted: ${result.files}, failed: ${result.failed})`,
    );
    process.exitCode = result.failed > 0 ? 1 : 0;
  } finally {
    await owner.destroy();
    await storage.close();
  }
} else {
  const backupDir = positionals[0];
  if (!backupDir) {
    console.error(
      'Usage: npm run restore -- BACKUP_DIR [--ledger FILE ...]  |  npm run restore -- --reapply-only',
    );
    process.exit(2);
  }
  if (config.databaseUrl) {
    console.error(
      'DATABASE_URL is set: restore that PostgreSQL with its own tools, then --reapply-only (docs/operations.md).',
    );
    process.exit(2);
  }
  const report = await restoreEmbedded({
    backupDir: path.resolve(backupDir),
    dataDir: config.dataDir,
    storageDir: config.storage.driver === 'local' ? config.storage.directory : null,
    ledgerFiles,
    log,
  });
  if (report.movedAside) console.log(`The previous database was moved aside to ${report.movedAside}`);
  console.log(
    `Rows checked in ${Object.keys(report.rowCounts).length} tables; differences: ${report.rowCountMismatches.length}`,
  );
  for (const m of report.rowCountMismatches)
    console.log(`  ${m.table}: expected ${m.expected}, found ${m.actual}`);
  console.log(`Files restored: ${report.files.restored}; checksum errors: ${report.files.mismatched.length}`);
  console.log(
    `Erasures re-applied: ${report.erasures.reapplied} of ${report.erasures.entries} in the ledger (files deleted: ${report.erasures.files}, failed: ${report.erasures.failed})`,
  );
  process.exitCode =
    report.rowCountMismatches.length + report.files.mismatched.length + report.erasures.failed > 0 ? 1 : 0;
}
