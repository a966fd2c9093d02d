import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup } from '../src/server/backup/cluster-backup.ts';
import { openEmbedded } from '../src/server/backup/embedded-connection.ts';
import { loadDotEnv, parseConfig } from '../src/server/config.ts';
import { defaultLedgerFile } from '../src/server/modules/privacy/erasure/erasure-ledger.ts';

// `npm run backup [-- --out DIR]`: a consistent online backup of the embedded database and the attachment
// store (docs/operations.md). Gehoord may keep running.

const { values } = parseArgs({ options: { out: { type: 'string' } } });
loadDotEnv();
const config = parseConfig(process.env);
if (config.databaseUrl) {
  console.error(
    'DATABASE_URL is set: back up that PostgreSQL with its own tools (pg_basebackup with WAL archiving, see docs/operations.md).',
  );
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const outDir = path.resolve(values.out ?? path.join(config.dataDir, 'backups', stamp));
const log = { info: () => {}, warn: (msg: string) => console.warn(msg), debug: () => {} };
const database = await openEmbedded(config.dataDir, log);
try {
  const manifest = await createBackup(
    {
      ownerUrl: database.ownerUrl,
      clusterDir: path.join(config.dataDir, 'postgres'),
      storageDir: config.storage.driver === 'local' ? config.storage.directory : null,
      ledgerFile: defaultLedgerFile(config.dataDir),
      credentialsFile: path.join(config.dataDir, 'postgres-credentials.json'),
    },
    outDir,
  );
  const rows = Object.values(manifest.rowCounts).reduce((sum, n) => sum + n, 0);
  console.log(`Back-up gemaakt / backup written: ${outDir}`);
  console.log(
    `  ${rows} rows in ${Object.keys(manifest.rowCounts).length} tables, ${manifest.attachments.length} files`,
  );
  if (config.storage.driver === 's3')
    console.log('  Attachments are in S3: keep bucket versioning on (docs/operations.md).');
} finally {
  await database.close();
}
