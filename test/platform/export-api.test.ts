import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { createPlatformAdmin, decryptExport } from '../../src/server/modules/platform/index.ts';
import { LocalDiskStorage } from '../../src/server/storage/local-disk-storage.ts';
import { multipartBody, samplePdf, samplePng, sha256 } from '../attachments/sample-files.ts';
import { createTestApp, PLATFORM_TEST_HOST } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';

// Issue 25 (decision 047, amended): the platform administrator exports a corporation through the API. The job writes
// an archive encrypted to the corporation's key; the test holds the private key and compares the archive with the
// database, table by table, and the attachment files byte for byte.

const database = await createTestDatabase();
const storage = new LocalDiskStorage(await mkdtemp(path.join(tmpdir(), 'gehoord-export-api-')));
afterAll(() => rm(storage.directory, { recursive: true, force: true }));
const app = await createTestApp(database.app, { storage });
const world = await createComplaintWorld(database.owner, app);
const other = await createOrganization(database.owner, { slug: 'andere', hostnames: ['andere.test'] });
await database.owner
  .insertInto('person')
  .values({ organization_id: other.id, name: 'Kees van Anderen', relation: 'tenant' })
  .execute();
const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const onPlatform = (cookie = '') => ({
  host: PLATFORM_TEST_HOST,
  origin: `http://${PLATFORM_TEST_HOST}`,
  cookie,
});

const complaint = await register(world.as.eva, {
  channel: 'letter',
  complainantId: world.tenant.id,
  description: 'De kraan lekt nog steeds; foto en brief bijgevoegd.',
});
const files = [
  { name: 'kraan.png', bytes: samplePng(16, 16) },
  { name: 'brief.pdf', bytes: samplePdf() },
];
for (const file of files) {
  const body = await multipartBody(file);
  const uploaded = await world.as.eva.request({
    method: 'POST',
    url: `/api/complaints/${complaint.id}/attachments`,
    payload: body.payload,
    headers: body.headers,
  });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
}

async function platformCookie(): Promise<string> {
  const { link } = await createPlatformAdmin(
    database.app,
    'export@beheer.test',
    `http://${PLATFORM_TEST_HOST}:3000`,
    { adminId: null, actor: 'test', ip: null },
    new Date(),
  );
  const password = 'Zonnige-Dijk-Sleutel-2026';
  const set = await app.inject({
    method: 'POST',
    url: '/api/platform/password',
    headers: onPlatform(),
    payload: { token: link.split('#')[1], password },
  });
  expect(set.statusCode, set.body).toBe(204);
  const signedIn = await app.inject({
    method: 'POST',
    url: '/api/platform/sign-in',
    headers: onPlatform(),
    payload: { email: 'export@beheer.test', password },
  });
  return `gehoord_platform_session=${/gehoord_platform_session=([^;]+)/.exec(String(signedIn.headers['set-cookie']))?.[1]}`;
}

const cookie = await platformCookie();
const base = `/api/platform/corporations/${world.organization.id}/exports`;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('exporting a corporation through the platform API', () => {
  test('a bad key is a 400 with field messages in Dutch and English; nothing is queued', async () => {
    for (const publicKey of [
      'geen sleutel',
      keys.privateKey,
      generateKeyPairSync('ec', {
        namedCurve: 'P-256',
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      }).publicKey,
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: base,
        headers: onPlatform(cookie),
        payload: { publicKey },
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const field = response.json().errors.find((e: { path: string }) => e.path === 'publicKey');
      expect(field.messages.nl).toContain('openbare RSA-sleutel');
      expect(field.messages.en).toContain('RSA public key');
    }
    const none = await database.owner.selectFrom('platform_export').select('id').execute();
    expect(none).toEqual([]);
  });

  test('without a platform session, or on a corporation host, there is no export', async () => {
    const anonymous = await app.inject({
      method: 'POST',
      url: base,
      headers: onPlatform(),
      payload: { publicKey: keys.publicKey },
    });
    expect(anonymous.statusCode).toBe(401);
    const staff = await world.as.mia.request({ method: 'GET', url: base });
    expect(staff.statusCode).toBe(404);
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/platform/corporations/00000000-0000-4000-8000-000000000000/exports',
      headers: onPlatform(cookie),
      payload: { publicKey: keys.publicKey },
    });
    expect(unknown.statusCode).toBe(404);
  });

  test('the job reports progress; the download opens only with the private key and matches the database', async () => {
    const started = await app.inject({
      method: 'POST',
      url: base,
      headers: onPlatform(cookie),
      payload: { publicKey: keys.publicKey },
    });
    expect(started.statusCode, started.body).toBe(202);
    const job = started.json();
    expect(job.status).toBe('queued');
    const done = await until(
      async () => (await app.inject({ url: `${base}/${job.id}`, headers: onPlatform(cookie) })).json(),
      (value) => value.status === 'done' || value.status === 'failed',
    );
    expect(done.status).toBe('done');
    expect(done.tablesDone).toBe(done.tablesTotal);
    expect(done.tablesTotal).toBeGreaterThan(40);
    expect(done.filesDone).toBe(2);
    expect(done.downloadUrl).toBe(`${base}/${job.id}/download`);
    const listed = (await app.inject({ url: base, headers: onPlatform(cookie) })).json();
    expect(listed.exports.map((e: { id: string }) => e.id)).toEqual([job.id]);

    const download = await app.inject({ url: done.downloadUrl, headers: onPlatform(cookie) });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    const archive = download.rawPayload;
    expect(archive.length).toBe(done.sizeBytes);
    expect(archive.toString('latin1')).not.toContain('kraan lekt');

    const { header, rows, files: exported } = decryptExport(archive, keys.privateKey);
    expect(header.organization.id).toBe(world.organization.id);
    expect(JSON.stringify(rows)).toContain('kraan lekt');
    expect(JSON.stringify(rows)).not.toContain('Kees van Anderen');
    expect(done.rowsDone).toBe(
      Object.values(header.tables).reduce((a, b) => a + b, 0) - (header.tables.organization ?? 0),
    );
    // Row counts per table equal the database's (as owner, past row-level security).
    for (const [table, count] of Object.entries(header.tables)) {
      const column = table === 'organization' ? 'id' : 'organization_id';
      const inDatabase = await sql<{ n: number }>`
        select count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)} = ${world.organization.id}`.execute(
        database.owner,
      );
      expect([table, count]).toEqual([table, inDatabase.rows[0]?.n]);
      expect(rows.filter((r) => r.table === table)).toHaveLength(count);
    }
    expect(header.tables.complaint).toBe(1);
    expect(header.tables.complaint_attachment).toBe(2);
    // The attachment files, byte for byte.
    const stored = await database.owner
      .selectFrom('complaint_attachment')
      .select(['storage_key', 'sha256', 'file_name'])
      .where('organization_id', '=', world.organization.id)
      .execute();
    for (const file of files) {
      const row = stored.find((s) => s.file_name === file.name);
      const inArchive = exported.find((e) => e.file === row?.storage_key);
      expect(inArchive?.content.equals(file.bytes) || inArchive?.sha256 === row?.sha256).toBe(true);
      expect(sha256(inArchive?.content ?? Buffer.alloc(0))).toBe(row?.sha256);
    }
    const wrong = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    expect(() => decryptExport(archive, wrong.privateKey)).toThrow();

    const audit = await database.owner
      .selectFrom('platform_audit')
      .select('action')
      .where('organization_id', '=', world.organization.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'corporation_export_started',
      'corporation_exported',
      'corporation_export_downloaded',
    ]);
  });

  test('archives older than the keeping period are removed with their rows', async () => {
    const before = await database.owner.selectFrom('platform_export').select(['id', 'storage_key']).execute();
    expect(before).toHaveLength(1);
    const oldKey = before[0]?.storage_key as string;
    expect(await storage.exists(oldKey)).toBe(true);
    await database.owner
      .updateTable('platform_export')
      .set({ created_at: sql`now() - interval '8 days'` } as never)
      .execute();
    const started = await app.inject({
      method: 'POST',
      url: base,
      headers: onPlatform(cookie),
      payload: { publicKey: keys.publicKey },
    });
    expect(started.statusCode).toBe(202);
    const old = await app.inject({ url: `${base}/${before[0]?.id}`, headers: onPlatform(cookie) });
    expect(old.statusCode).toBe(404);
    const oldDownload = await app.inject({
      url: `${base}/${before[0]?.id}/download`,
      headers: onPlatform(cookie),
    });
    expect(oldDownload.statusCode).toBe(404);
    expect(await storage.exists(oldKey)).toBe(false);
    await until(
      async () =>
        (await app.inject({ url: `${base}/${started.json().id}`, headers: onPlatform(cookie) })).json(),
      (value) => value.status === 'done',
    );
  });
  test('a job left queued or running by an instance that stopped is shown as failed (interrupted)', async () => {
    const [left] = await database.owner
      .insertInto('platform_export')
      .values({ organization_id: world.organization.id, public_key: keys.publicKey })
      .returning('id')
      .execute();
    await database.owner
      .updateTable('platform_export')
      .set({ status: 'running', created_at: sql`now() - interval '2 hours'` } as never)
      .where('id', '=', left?.id as string)
      .execute();
    const listed = (await app.inject({ url: base, headers: onPlatform(cookie) })).json();
    const shown = listed.exports.find((e: { id: string }) => e.id === left?.id);
    expect(shown).toMatchObject({ status: 'failed', error: 'interrupted', downloadUrl: null });
  });
});
