import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { inOrganization } from '../../src/server/db/tenant-scope.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const other = await createOrganization(database.owner, {
  name: 'Andere corporatie',
  hostnames: ['andere.test'],
});

const search = (trx: Parameters<Parameters<typeof inOrganization>[2]>[0]) =>
  sql<{ id: string }>`select search_complaint_ids('lekkage', '%lekkage%', '%LEKKAGE%') as id`
    .execute(trx)
    .then((r) => r.rows.map((row) => row.id));

describe('search runs outside row-level security (migration 053), so it must scope itself', () => {
  test("it finds the organisation's own complaints, never another's, and nothing without an organisation", async () => {
    const mine = await register(world.as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Lekkage in de badkamer, al weken.',
    });
    expect(await inOrganization(database.app, world.organization.id, search)).toEqual([mine.id]);
    expect(await inOrganization(database.app, other.id, search)).toEqual([]);
    // The application role without an organisation in scope (a forgotten scope) finds nothing
    const unscoped = await database.app.transaction().execute(async (trx) => {
      await sql`set local role gehoord_app`.execute(trx);
      return search(trx);
    });
    expect(unscoped).toEqual([]);
    const response = await world.as.eva.request({ method: 'GET', url: '/api/complaints?q=lekkage' });
    expect(response.json().items.map((c: { id: string }) => c.id)).toEqual([mine.id]);
  });

  test('the id lookups of migrations 076 and 098 scope themselves the same way', async () => {
    const lookups = (trx: Parameters<Parameters<typeof inOrganization>[2]>[0]) =>
      sql<{ person: string[]; unit: string[]; complex: string[]; capped: string[]; names: string[] }>`select
        array(select search_person_ids('%Vries%')) as person,
        array(select search_unit_ids('%Hofweg%', '%3155%')) as unit,
        array(select search_housing_complex_ids('%Hofjes%')) as complex,
        array(select search_complaint_ids('lekkage', '%lekkage%', '%LEKKAGE%', 10)) as capped,
        array(select search_name_complaint_ids('%Hofjes%', '%Hofjes%', '%3155%')) as names`
        .execute(trx)
        .then((r) => r.rows[0]);
    const own = await inOrganization(database.app, world.organization.id, lookups);
    expect(own?.person).toEqual([world.tenant.id]);
    expect(own?.unit).toEqual([world.unit.id]);
    expect(own?.complex).toEqual([world.complex.id]);
    expect(own?.capped).toHaveLength(1);
    // decision 056: the complaints matching by name, street, postcode or complex, through their search rows
    expect(own?.names).toEqual(own?.capped);
    const none = { person: [], unit: [], complex: [], capped: [], names: [] };
    expect(await inOrganization(database.app, other.id, lookups)).toEqual(none);
    const unscoped = await database.app.transaction().execute(async (trx) => {
      await sql`set local role gehoord_app`.execute(trx);
      return lookups(trx);
    });
    expect(unscoped).toEqual(none);
  });
});
