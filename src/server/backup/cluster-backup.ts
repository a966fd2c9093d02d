import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { copyTree, listFiles, sha256File } from './file-copy.ts';

const run = promisify(execFile);

// A consistent online backup of the embedded PostgreSQL with nothing but PostgreSQL itself: the low-level
// base-backup API (pg_backup_start / pg_backup_stop) around a copy of the data directory, plus the WAL
// written meanwhile. On restore PostgreSQL replays that WAL from the backup_label and reaches exactly the
// state of pg_backup_stop. (The embedded package ships postgres, initdb and pg_ctl but no pg_dump; the
// system's pg_dump is older than the server and refuses to dump it.) The attachment store is copied after
// the database, so every file row in the backup has its file: blobs are written before their row commits.

export const BACKUP_FORMAT = 'gehoord-backup/1';
const WAL_FILE = /^[0-9A-F]{24}$/;

export type BackupManifest = {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  database: string;
  postgres: { serverVersion: string; startWalFile: string; stopWalFile: string; walFiles: string[] };
  /** Rows per table counted right after pg_backup_stop (equal to the restored state on a quiet system). */
  rowCounts: Record<string, number>;
  attachments: { path: string; sha256: string; sizeBytes: number }[];
  erasureLedgerEntries: number;
};

export type BackupSource = {
  /** Superuser connection to the running cluster, to the Gehoord database. */
  ownerUrl: string;
  /** The cluster's data directory (DATA_DIR/postgres for the embedded default). */
  clusterDir: string;
  /** Local attachment store; null when files live in S3 (back those up with bucket versioning). */
  storageDir: string | null;
  ledgerFile: string | null;
  credentialsFile: string | null;
};

// Directories whose contents PostgreSQL recreates at start (as pg_basebackup leaves them out).
const EMPTY_ON_RESTORE = [
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
];
const NEVER_COPIED = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'backup_label',
  'backup_label.old',
  'tablespace_map',
]);

function skipInDataDirectory(relativePath: string): boolean {
  const parts = relativePath.split(path.sep);
  if (parts.length === 1 && NEVER_COPIED.has(parts[0] as string)) return true;
  if (parts.length > 1 && EMPTY_ON_RESTORE.includes(parts[0] as string)) return true;
  return (parts.at(-1) as string).startsWith('pgsql_tmp');
}

export async function countRows(client: pg.Client): Promise<Record<string, number>> {
  const tables = await client.query<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const result = await client.query<{ n: string }>(
      `select count(*) as n from ${client.escapeIdentifier(name)}`,
    );
    counts[name] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}

/** Writes a backup into `outDir` (which must not exist yet) and returns its manifest. */
export async function createBackup(
  source: BackupSource,
  outDir: string,
  now = new Date(),
): Promise<BackupManifest> {
  if (existsSync(outDir) && (await readdir(outDir)).length > 0) throw new Error(`${outDir} is not empty`);
  await mkdir(outDir, { recursive: true, mode: 0o700 });
  const client = new pg.Client({ connectionString: source.ownerUrl, application_name: 'gehoord-backup' });
  await client.connect();
  try {
    const database = (await client.query<{ db: string }>('select current_database() as db')).rows[0]
      ?.db as string;
    const serverVersion = (await client.query<{ v: string }>('show server_version')).rows[0]?.v as string;
    const started = await client.query<{ file: string }>(
      `select pg_walfile_name(pg_backup_start($1, true)) as file`,
      [`gehoord ${now.toISOString()}`],
    );
    const startWalFile = started.rows[0]?.file as string;
    const target = path.join(outDir, 'postgres');
    await copyTree(source.clusterDir, target, { skip: (name) => skipInDataDirectory(name) });
    const stopped = await client.query<{ labelfile: string; spcmapfile: string | null; file: string }>(
      'select labelfile, spcmapfile, pg_walfile_name(lsn) as file from pg_backup_stop(false)',
    );
    // the segment holding the backup's end is closed, so the copy below has it complete
    await client.query('select pg_switch_wal()');
    const stop = stopped.rows[0];
    if (!stop) throw new Error('pg_backup_stop returned nothing');
    await writeFile(path.join(target, 'backup_label'), stop.labelfile, { mode: 0o600 });
    if (stop.spcmapfile)
      await writeFile(path.join(target, 'tablespace_map'), stop.spcmapfile, { mode: 0o600 });

    const walFiles = (await readdir(path.join(source.clusterDir, 'pg_wal')))
      .filter((name) => WAL_FILE.test(name) && name >= startWalFile && name <= stop.file)
      .sort();
    for (const name of walFiles) {
      await copyFile(path.join(source.clusterDir, 'pg_wal', name), path.join(target, 'pg_wal', name));
    }
    await mkdir(path.join(target, 'pg_wal', 'archive_status'), { recursive: true, mode: 0o700 });
    if (walFiles[0] !== startWalFile || walFiles.at(-1) !== stop.file)
      throw new Error(
        `the WAL from ${startWalFile} to ${stop.file} is no longer complete; run the backup again`,
      );

    const rowCounts = await countRows(client);
    const attachments: BackupManifest['attachments'] = [];
    if (source.storageDir) {
      const into = path.join(outDir, 'attachments');
      await copyTree(source.storageDir, into, { skip: (name) => name.endsWith('.partial') });
      for (const file of await listFiles(into)) {
        const full = path.join(into, file);
        attachments.push({ path: file, sha256: await sha256File(full), sizeBytes: (await stat(full)).size });
      }
    }
    let erasureLedgerEntries = 0;
    if (source.ledgerFile && existsSync(source.ledgerFile)) {
      await copyFile(source.ledgerFile, path.join(outDir, 'erasure-ledger.jsonl'));
      erasureLedgerEntries = (await readFile(source.ledgerFile, 'utf8'))
        .split('\n')
        .filter((l) => l.trim()).length;
    }
    if (source.credentialsFile && existsSync(source.credentialsFile))
      await copyFile(source.credentialsFile, path.join(outDir, 'postgres-credentials.json'));

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: now.toISOString(),
      database,
      postgres: { serverVersion, startWalFile, stopWalFile: stop.file, walFiles },
      rowCounts,
      attachments,
      erasureLedgerEntries,
    };
    await writeFile(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, {
      mode: 0o600,
    });
    return manifest;
  } finally {
    // ending the session also ends a backup that failed half-way
    await client.end();
  }
}

export async function readManifest(backupDir: string): Promise<BackupManifest> {
  const manifest = JSON.parse(
    await readFile(path.join(backupDir, 'manifest.json'), 'utf8'),
  ) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`${backupDir} is not a Gehoord backup`);
  return manifest;
}

/** PostgreSQL refuses to run as root: when we are root, the restored files belong to the `postgres` user. */
async function handOverToPostgresUser(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const uid = Number.parseInt((await run('id', ['-u', 'postgres'])).stdout, 10);
  const gid = Number.parseInt((await run('id', ['-g', 'postgres'])).stdout, 10);
  await run('chown', ['-R', `${uid}:${gid}`, dir]);
}

/**
 * Puts the backup's cluster into `clusterDir`. An existing cluster is moved aside (never deleted) and
 * must not be running. PostgreSQL replays the WAL from the backup_label on its next start.
 */
export async function placeCluster(
  backupDir: string,
  clusterDir: string,
  now = new Date(),
): Promise<string | null> {
  let movedAside: string | null = null;
  if (existsSync(clusterDir) && (await readdir(clusterDir)).length > 0) {
    const pidFile = path.join(clusterDir, 'postmaster.pid');
    if (existsSync(pidFile)) {
      const pid = Number.parseInt((await readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid))
        throw new Error(`PostgreSQL is running on ${clusterDir} (pid ${pid}): stop Gehoord before restoring`);
    }
    movedAside = `${clusterDir}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    await rename(clusterDir, movedAside);
  }
  await copyTree(path.join(backupDir, 'postgres'), clusterDir);
  await chmod(clusterDir, 0o700);
  await handOverToPostgresUser(clusterDir);
  return movedAside;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Copies the backup's files into the store and checks each against the manifest's SHA-256. */
export async function restoreAttachments(
  backupDir: string,
  manifest: BackupManifest,
  storageDir: string,
): Promise<{ restored: number; mismatched: string[] }> {
  const mismatched: string[] = [];
  for (const file of manifest.attachments) {
    const from = path.join(backupDir, 'attachments', ...file.path.split('/'));
    const to = path.join(storageDir, ...file.path.split('/'));
    await mkdir(path.dirname(to), { recursive: true, mode: 0o700 });
    await copyFile(from, to);
    if ((await sha256File(to)) !== file.sha256) mismatched.push(file.path);
  }
  return { restored: manifest.attachments.length, mismatched };
}
