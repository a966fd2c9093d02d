import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { inOrganization } from '../../src/server/db/tenant-scope.ts';
import {
  rememberedHostCount,
  resolveOrganizationForHost,
} from '../../src/server/modules/organization/organization.service.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createHousingComplex, createOrganization } from '../support/factories.ts';

const database = await createTestDatabase();
const a = await createOrganization(database.owner, { name: 'Corporatie A', hostnames: ['klachten.a.test'] });
const b = await createOrganization(database.owner, { name: 'Corporatie B', hostnames: ['klachten.b.test'] });
await createHousingComplex(database.owner, a.id, { complexNumber: '101', name: 'A-hof' });
await createHousingComplex(database.owner, b.id, { complexNumber: '201', name: 'B-hof' });

describe('several corporations in one database (row-level security)', () => {
  test('a query that forgets its organisation filter still sees only its own rows', async () => {
    const rows = await inOrganization(database.app, b.id, (trx) =>
      trx.selectFrom('housing_complex').select(['name', 'organization_id']).execute(),
    );
    expect(rows).toEqual([{ name: 'B-hof', organization_id: b.id }]);
  });

  test('another organisation cannot be written to, updated or deleted', async () => {
    await expect(
      inOrganization(database.app, b.id, (trx) =>
        trx
          .insertInto('housing_complex')
          .values({ organization_id: a.id, complex_number: '999', name: 'Inbraak', place: 'X' })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await inOrganization(database.app, b.id, (trx) =>
      trx.updateTable('housing_complex').set({ name: 'overgenomen' }).executeTakeFirst(),
    );
    expect(Number(updated.numUpdatedRows)).toBe(1);
    const deleted = await inOrganization(database.app, b.id, (trx) =>
      trx.deleteFrom('housing_complex').where('organization_id', '=', a.id).executeTakeFirst(),
    );
    expect(Number(deleted.numDeletedRows)).toBe(0);
    const aRows = await database.owner
      .selectFrom('housing_complex')
      .select('name')
      .where('organization_id', '=', a.id)
      .execute();
    expect(aRows).toEqual([{ name: 'A-hof' }]);
  });

  test('without an organisation in scope the application role sees nothing', async () => {
    expect(await database.app.selectFrom('housing_complex').selectAll().execute()).toEqual([]);
    expect(await database.app.selectFrom('organization').selectAll().execute()).toEqual([]);
  });

  test('the scope is transaction-local: a pooled connection does not keep it', async () => {
    await inOrganization(database.app, a.id, async () => {});
    const setting = await sql<{
      value: string | null;
    }>`select current_setting('gehoord.organization_id', true) as value`.execute(database.app);
    expect(setting.rows[0]?.value ?? '').toBe('');
  });

  test('the application role cannot switch off row-level security', async () => {
    await expect(
      inOrganization(database.app, b.id, (trx) =>
        sql`alter table housing_complex disable row level security`.execute(trx),
      ),
    ).rejects.toThrow(/must be owner/);
  });

  test('each host name is served by its own organisation over HTTP', async () => {
    const app = await createTestApp(database.app);
    const forA = await app.inject({ url: '/api/organization', headers: { host: 'klachten.a.test' } });
    const forB = await app.inject({ url: '/api/organization', headers: { host: 'KLACHTEN.B.TEST:443' } });
    expect(forA.json()).toMatchObject({ id: a.id, name: 'Corporatie A' });
    expect(forB.json()).toMatchObject({ id: b.id, name: 'Corporatie B' });
    const unknown = await app.inject({ url: '/api/organization', headers: { host: 'elders.test' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('organization_not_found');
  });

  test('host names chosen by callers cannot grow the host cache without bound', async () => {
    // Unknown hosts fall back to the default organisation; every one of them used to stay in memory for good
    for (let i = 0; i < 1_500; i++)
      await resolveOrganizationForHost(database.app, `x${i}.aanval.test`).catch(() => undefined);
    expect(rememberedHostCount()).toBeLessThanOrEqual(1_000);
    expect(await resolveOrganizationForHost(database.app, 'klachten.b.test')).toBe(b.id);
  });
});
