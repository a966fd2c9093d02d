import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { countRows, createBackup } from '../../src/server/backup/cluster-backup.ts';
import { listFiles, sha256File } from '../../src/server/backup/file-copy.ts';
import { restoreEmbedded } from '../../src/server/backup/restore.ts';
import { createDatabase } from '../../src/server/db/database.ts';
import { startEmbeddedPostgres } from '../../src/server/db/embedded-postgres.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { ErasureLedger } from '../../src/server/modules/privacy/erasure/erasure-ledger.ts';
import { LocalDiskStorage } from '../../src/server/storage/local-disk-storage.ts';
import { createTestApp } from '../support/app.ts';
import { closedComplaint, createPrivacyWorld, createTenant, uploadPhoto } from './privacy-world.ts';

const quiet = { info: () => {}, warn: () => {}, debug: () => {}, error: () => {} };
const root = await mkdtemp(path.join(tmpdir(), 'gehoord-backup-test-'));
// PostgreSQL runs as the `postgres` OS user when we are root: it must be able to traverse into DATA_DIR
await chmod(root, 0o711);
afterAll(() => rm(root, { recursive: true, force: true }));

// The live installation: its own embedded PostgreSQL in its own DATA_DIR, as `npm start` runs it.
const live = path.join(root, 'live');
const server = await startEmbeddedPostgres(live, quiet);
afterAll(() => server.stop());
const owner = createDatabase(server.ownerUrl, { poolSize: 2, log: quiet });
const appDb = createDatabase(server.appUrl, { poolSize: 4, log: quiet });
afterAll(async () => {
  await appDb.destroy();
  await owner.destroy();
});
await migrateToLatest(owner);
const storageDir = path.join(live, 'attachments');
const ledger = new ErasureLedger(path.join(live, 'privacy', 'erasure-ledger.jsonl'));
const app = await createTestApp(appDb, { storage: new LocalDiskStorage(storageDir), erasureLedger: ledger });
const world = await createPrivacyWorld(owner, app);

async function liveCounts() {
  const client = new pg.Client({ connectionString: server.ownerUrl });
  await client.connect();
  try {
    return await countRows(client);
  } finally {
    await client.end();
  }
}

describe('backup and restore of the embedded default', () => {
  test('a restore into a fresh data directory has the same rows and files, and repeats later erasures', async () => {
    const keep = await createTenant(owner, world.organization.id, world.unit.id, 'Joke Bos');
    const kept = await closedComplaint(world, keep.id, 'Joke Bos: het hek is kapot.');
    const keptPhoto = await uploadPhoto(world.as.eva, kept.id);
    const leave = await createTenant(owner, world.organization.id, world.unit.id, 'Piet Veenstra');
    const erasedLater = await closedComplaint(world, leave.id, 'Piet Veenstra: de kelder loopt onder.');
    await uploadPhoto(world.as.eva, erasedLater.id);
    const countsAtBackup = await liveCounts();
    const filesAtBackup = await listFiles(storageDir);
    expect(filesAtBackup).toHaveLength(2);

    const backupDir = path.join(root, 'backups', 'one');
    const manifest = await createBackup(
      {
        ownerUrl: server.ownerUrl,
        clusterDir: path.join(live, 'postgres'),
        storageDir,
        ledgerFile: ledger.file,
        credentialsFile: path.join(live, 'postgres-credentials.json'),
      },
      backupDir,
    );
    expect(manifest.rowCounts).toEqual(countsAtBackup);
    expect(manifest.rowCounts.complaint).toBe(2);
    expect(manifest.attachments.map((a) => a.path)).toEqual(filesAtBackup);

    // after the backup, Piet asks to be forgotten
    const erased = await world.admin.request({
      method: 'POST',
      url: `/api/privacy/persons/${leave.id}/erase`,
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(await listFiles(storageDir)).toHaveLength(1);

    const fresh = path.join(root, 'restored');
    const report = await restoreEmbedded({
      backupDir,
      dataDir: fresh,
      storageDir: path.join(fresh, 'attachments'),
      ledgerFiles: [ledger.file],
      log: quiet,
    });
    expect(report.movedAside).toBeNull();
    expect(report.rowCountMismatches).toEqual([]);
    expect(report.rowCounts).toEqual(countsAtBackup);
    expect(report.files).toEqual({ restored: 2, mismatched: [] });
    expect(report.erasures).toMatchObject({ failed: 0, files: 1 });
    expect(report.erasures.reapplied).toBeGreaterThanOrEqual(2);

    // start the restored installation and look
    const restored = await startEmbeddedPostgres(fresh, quiet);
    const restoredOwner = createDatabase(restored.ownerUrl, { poolSize: 1, log: quiet });
    try {
      const people = await restoredOwner.selectFrom('person').select(['id', 'name', 'email']).execute();
      expect(people.find((p) => p.id === keep.id)).toMatchObject({ name: 'Joke Bos' });
      expect(people.find((p) => p.id === leave.id)).toMatchObject({ name: '[geanonimiseerd]', email: null });
      const complaints = await restoredOwner.selectFrom('complaint').select(['id', 'description']).execute();
      expect(complaints.find((c) => c.id === kept.id)?.description).toBe('Joke Bos: het hek is kapot.');
      expect(complaints.find((c) => c.id === erasedLater.id)?.description).toBe('[geanonimiseerd]');
      // the restored application role can still sign in: same credentials, same grants
      const restoredApp = new pg.Client({ connectionString: restored.appUrl });
      await restoredApp.connect();
      await restoredApp.query('select 1');
      await restoredApp.end();
    } finally {
      await restoredOwner.destroy();
      await restored.stop();
    }
    const restoredFiles = await listFiles(path.join(fresh, 'attachments'));
    expect(restoredFiles).toHaveLength(1);
    const keptRow = await owner
      .selectFrom('complaint_attachment')
      .select(['storage_key', 'sha256'])
      .where('id', '=', keptPhoto.id)
      .executeTakeFirstOrThrow();
    expect(restoredFiles).toEqual([keptRow.storage_key]);
    expect(await sha256File(path.join(fresh, 'attachments', keptRow.storage_key))).toBe(keptRow.sha256);
    expect(await sha256File(path.join(storageDir, keptRow.storage_key))).toBe(keptRow.sha256);
  });
});
