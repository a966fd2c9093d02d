import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { LocalDiskStorage } from '../../src/server/storage/local-disk-storage.ts';
import { multipartBody } from '../attachments/sample-files.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

// A real, small filesystem (tmpfs) for the attachment store; mounting needs root, as in CI here.
const isRoot = process.getuid?.() === 0;
const store = await mkdtemp(path.join(tmpdir(), 'gehoord-full-disk-'));
if (isRoot) execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', store]);
afterAll(() => {
  if (isRoot) execFileSync('umount', [store]);
});

const database = await createTestDatabase();
const app = await createTestApp(database.app, { storage: new LocalDiskStorage(store) });
const world = await createComplaintWorld(database.owner, app);

async function upload(complaintId: string, name: string) {
  const body = await multipartBody({
    name,
    bytes: Buffer.from('Verslag van het huisbezoek.\n'.repeat(25_000)),
  });
  return world.as.eva.request({
    method: 'POST',
    url: `/api/complaints/${complaintId}/attachments`,
    payload: body.payload,
    headers: body.headers,
  });
}

describe.skipIf(!isRoot)('the attachment store fills up', () => {
  test('a clear 507, nothing half-written, and uploads work again when space returns, without a restart', async () => {
    const complaint = await register(world.as.eva, {
      channel: 'letter',
      complainantId: world.tenant.id,
      description: 'Met bijlagen.',
    });
    expect((await upload(complaint.id, 'eerste.txt')).statusCode).toBe(201);
    const full = await upload(complaint.id, 'tweede.txt');
    expect(full.statusCode).toBe(507);
    expect(full.json().code).toBe('storage_full');
    const rows = await database.owner
      .selectFrom('complaint_attachment')
      .select('file_name')
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(rows.map((r) => r.file_name)).toEqual(['eerste.txt']);
    execFileSync('mount', ['-o', 'remount,size=4m', store]);
    expect((await upload(complaint.id, 'derde.txt')).statusCode).toBe(201);
    const list = await world.as.eva.request({ url: `/api/complaints/${complaint.id}/attachments` });
    expect(
      list
        .json()
        .map((a: { fileName: string }) => a.fileName)
        .sort(),
    ).toEqual(['derde.txt', 'eerste.txt']);
  });
});
