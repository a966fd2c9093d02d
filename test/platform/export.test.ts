import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { AppError } from '../../src/server/http/app-error.ts';
import { decryptExport, exportCorporation } from '../../src/server/modules/platform/index.ts';
import { LocalDiskStorage } from '../../src/server/storage/local-disk-storage.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';

// Decision 047: a corporation's export is encrypted to the corporation's public key; the operator cannot read it.

const database = await createTestDatabase();
const storage = new LocalDiskStorage(await mkdtemp(path.join(tmpdir(), 'gehoord-export-test-')));
const ours = await createOrganization(database.owner, { slug: 'export-ons', hostnames: ['ons.test'] });
const theirs = await createOrganization(database.owner, { slug: 'export-zij', hostnames: ['zij.test'] });
for (const [organization, name] of [
  [ours, 'Jannie de Vries'],
  [theirs, 'Kees van Anderen'],
] as const)
  await database.owner
    .insertInto('person')
    .values({ organization_id: organization.id, name, relation: 'tenant' })
    .execute();
const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const actor = { adminId: null, actor: 'test', ip: null };

describe('exporting a corporation', () => {
  test('holds its own rows only, readable with its private key and not without', async () => {
    const file = await exportCorporation(
      database.app,
      storage,
      'export-ons',
      keys.publicKey,
      actor,
      new Date(),
    );
    expect(file.toString('latin1')).not.toContain('Jannie');
    const { header, rows } = decryptExport(file, keys.privateKey);
    expect(header.organization).toEqual({ id: ours.id, slug: 'export-ons' });
    expect(header.tables.person).toBe(1);
    expect(header.tables.reference_value).toBeGreaterThan(0);
    const people = rows.filter((r) => r.table === 'person').map((r) => r.row.name);
    expect(people).toEqual(['Jannie de Vries']);
    expect(JSON.stringify(rows)).not.toContain('Kees van Anderen');
    expect(rows.every((r) => r.table === 'organization' || r.row.organization_id === ours.id)).toBe(true);

    const other = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    expect(() => decryptExport(file, other.privateKey)).toThrow();
    const audit = await database.owner
      .selectFrom('platform_audit')
      .select(['action', 'organization_id'])
      .where('action', '=', 'corporation_exported')
      .execute();
    expect(audit).toEqual([{ action: 'corporation_exported', organization_id: ours.id }]);
  });

  test('a bad key or an unknown corporation is refused', async () => {
    await expect(
      exportCorporation(database.app, storage, 'export-ons', 'geen sleutel', actor, new Date()),
    ).rejects.toThrow(AppError);
    await expect(
      exportCorporation(database.app, storage, 'bestaat-niet', keys.publicKey, actor, new Date()),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
