import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { runRetention } from '../../src/server/modules/privacy/retention.service.ts';
import {
  closedComplaint,
  createPrivacyStores,
  createPrivacyWorld,
  createTenant,
  setClosedAt,
} from '../privacy/privacy-world.ts';
import { createTestApp } from '../support/app.ts';
import { register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { createHousingComplex } from '../support/factories.ts';
import type { Client } from '../support/sessions.ts';

// Issue 24, decision 056: the per-complaint search row (migration 098: complainant's name, unit's street and
// postcode, housing complex's name) is kept by triggers. After every kind of write that changes what it holds it
// must equal the row computed from the complaint as it is now, and a search must find the complaint by its new
// names and no longer by its old ones.

const database = await createTestDatabase();
const stores = await createPrivacyStores();
const app = await createTestApp(database.app, { storage: stores.storage, erasureLedger: stores.ledger });
const world = await createPrivacyWorld(database.owner, app);
const { as } = world;
const deps = { storage: stores.storage, ledger: stores.ledger, log: { error: () => {} } };

/** Search rows that differ from what the complaints, persons, units and complexes say now (should be none). */
async function drift() {
  const { rows } = await sql<{ complaint_id: string }>`
    with wanted as (select * from complaint_search_names_source)
    select coalesce(w.complaint_id, s.complaint_id) as complaint_id
      from wanted w full join complaint_search_names s on s.complaint_id = w.complaint_id
     where w.complaint_id is null or s.complaint_id is null
        or (w.organization_id, w.names, w.postcode) is distinct from (s.organization_id, s.names, s.postcode)`.execute(
    database.owner,
  );
  return rows.map((r) => r.complaint_id);
}

async function searchRow(complaintId: string) {
  return database.owner
    .selectFrom('complaint_search_names' as never)
    .selectAll()
    .where('complaint_id' as never, '=', complaintId as never)
    .executeTakeFirst() as Promise<{ names: string; postcode: string | null } | undefined>;
}

async function found(client: Client, q: string) {
  const response = await client.request({ url: `/api/complaints?q=${encodeURIComponent(q)}&open=false` });
  expect(response.statusCode, response.body).toBe(200);
  const open = await client.request({ url: `/api/complaints?q=${encodeURIComponent(q)}` });
  expect(open.statusCode, open.body).toBe(200);
  return [...response.json().items, ...open.json().items].map((c: { id: string }) => c.id);
}

describe('the search row of a complaint stays in step (decision 056)', () => {
  test('registration writes it: the complainant, street, postcode and complex are found', async () => {
    const tenant = await createTenant(
      database.owner,
      world.organization.id,
      world.unit.id,
      'Hendrika Zonneveld',
    );
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: tenant.id,
      unitId: world.unit.id,
      description: 'De voordeur sluit niet goed.',
    });
    const row = await searchRow(complaint.id);
    expect(row?.names.split('\u001f')).toEqual(
      expect.arrayContaining(['Hendrika Zonneveld', world.unit.street, world.complex.name]),
    );
    expect(row?.postcode).toBe(world.unit.postcode);
    expect(await drift()).toEqual([]);
    expect(await found(as.eva, 'zonneveld')).toContain(complaint.id);
    expect(await found(as.eva, world.complex.name)).toContain(complaint.id);
    // a word spanning two of the names (the end of the name and the start of the street) matches neither
    expect(await found(as.eva, `Zonneveld ${world.unit.street.slice(0, 3)}`)).not.toContain(complaint.id);
  });

  test('renaming the person, the street, the postcode or the complex, and moving the complaint', async () => {
    const tenant = await createTenant(
      database.owner,
      world.organization.id,
      world.unit.id,
      'Wilhelmus Oostveen',
    );
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: tenant.id,
      unitId: world.unit.id,
      description: 'Het trapportaal wordt niet schoongemaakt.',
    });
    await database.owner
      .updateTable('person')
      .set({ name: 'Wilhelmus Westerveen' })
      .where('id', '=', tenant.id)
      .execute();
    expect(await found(as.eva, 'Westerveen')).toContain(complaint.id);
    expect(await found(as.eva, 'Oostveen')).not.toContain(complaint.id);
    await database.owner
      .updateTable('unit')
      .set({ street: 'Zeldzamelaan', postcode: '9999ZZ' })
      .where('id', '=', world.unit.id)
      .execute();
    expect(await found(as.eva, 'Zeldzamelaan')).toContain(complaint.id);
    expect(await found(as.eva, '9999 zz')).toContain(complaint.id);
    await database.owner
      .updateTable('housing_complex')
      .set({ name: 'Het Uilennest' })
      .where('id', '=', world.complex.id)
      .execute();
    expect(await found(as.eva, 'Uilennest')).toContain(complaint.id);
    expect(await drift()).toEqual([]);

    // the complaint moves to another complex through the app (policy 2.2)
    const other = await createHousingComplex(database.owner, world.organization.id, {
      complexNumber: '3301',
      name: 'Vogelwijk-Noord',
    });
    await step(as.eva, complaint.id, 'housing-complex', {
      housingComplexId: other.id,
      reason: 'De klacht gaat over het portaal van Vogelwijk-Noord.',
    });
    expect(await found(as.eva, 'Vogelwijk-Noord')).toContain(complaint.id);
    expect(await found(as.eva, 'Uilennest')).not.toContain(complaint.id);
    expect(await drift()).toEqual([]);
  });

  test('merging keeps both rows in step', async () => {
    const tenant = await createTenant(
      database.owner,
      world.organization.id,
      world.unit.id,
      'Geertruida Samenvoeg',
    );
    const a = await register(as.eva, {
      channel: 'phone',
      complainantId: tenant.id,
      description: 'Schimmel in de kelderbox.',
    });
    const b = await register(as.eva, {
      channel: 'email',
      complainantId: tenant.id,
      description: 'Schimmel in de kelderbox!',
    });
    await step(as.eva, b.id, 'merge', { intoComplaintId: a.id });
    expect(await drift()).toEqual([]);
    expect(await found(as.eva, 'Samenvoeg')).toContain(a.id);
  });

  test('anonymisation after the retention term and erasure on request take the personal names out', async () => {
    const kept = await createTenant(
      database.owner,
      world.organization.id,
      world.unit.id,
      'Bartholomeus Bewaartermijn',
    );
    const old = await closedComplaint(world, kept.id, 'Bartholomeus: de tuin is niet hersteld.');
    await setClosedAt(database.owner, old.id, '2019-01-10T10:00:00Z');
    const run = await runRetention(database.owner, new Date(), deps);
    expect(run.anonymised).toBeGreaterThanOrEqual(1);
    // the complainant and the unit are gone from the complaint; its housing complex (not personal) stays
    const complex = await database.owner
      .selectFrom('housing_complex')
      .select('name')
      .where('id', '=', world.complex.id)
      .executeTakeFirstOrThrow();
    expect((await searchRow(old.id))?.names).toBe(complex.name);
    expect((await searchRow(old.id))?.postcode).toBeNull();
    expect(await found(as.eva, 'Bewaartermijn')).not.toContain(old.id);

    const asks = await createTenant(
      database.owner,
      world.organization.id,
      world.unit.id,
      'Cornelia Vergeetmij',
    );
    const closed = await closedComplaint(world, asks.id, 'Cornelia: het hek klemt.');
    expect(await found(as.eva, 'Vergeetmij')).toContain(closed.id);
    const erased = await world.officer.request({
      method: 'POST',
      url: `/api/privacy/persons/${asks.id}/erase`,
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(await found(as.eva, 'Vergeetmij')).toEqual([]);
    expect(await drift()).toEqual([]);
  });
});
