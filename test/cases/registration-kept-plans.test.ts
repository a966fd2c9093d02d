import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { inOrganization, type Scoped } from '../../src/server/db/tenant-scope.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';

// Issue 24 (migration 084): the registration's joins run through PL/pgSQL functions whose plans PostgreSQL keeps.
// They run as the caller, so row-level security decides what they find, exactly as for the queries they replace.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const other = await createOrganization(database.owner);

describe('the registration functions (migration 084) run as the caller', () => {
  test('own organisation: the complaint, its parties, routing and relations; another or none: nothing', async () => {
    const complaint = await register(world.as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'De cv-ketel slaat steeds af.',
    });
    const handlerId = world.people.eva.id;
    const facts = (trx: Scoped) =>
      sql<{ reference: string; complainantName: string | null }>`
        select reference, "complainantName" from complaint_case_facts(${complaint.id})`
        .execute(trx)
        .then((r) => r.rows);
    const parties = (trx: Scoped) =>
      sql<{ personName: string | null; postcode: string | null }>`
        select "personName", postcode from complaint_letter_parties(${complaint.id})`
        .execute(trx)
        .then((r) => r.rows);
    const routing = (trx: Scoped) =>
      sql<{ handler: { id: string; departmentId: string | null } | null; departments: { id: string }[] }>`
        select handler, departments from complaint_routing_context(${handlerId}::uuid, '{}'::uuid[])`
        .execute(trx)
        .then((r) => r.rows[0]);
    const relations = (trx: Scoped) =>
      sql<{
        complainant: { name: string } | null;
        unit: { postcode: string } | null;
        staff: { id: string }[];
      }>`
        select complainant, unit, staff from complaint_detail_relations(${complaint.id}::uuid,
          array[${handlerId}::uuid], ${world.tenant.id}::uuid, null, ${world.unit.id}::uuid, null, '{}', null, null)`
        .execute(trx)
        .then((r) => r.rows[0]);

    const own = world.organization.id;
    expect(await inOrganization(database.app, own, facts)).toEqual([
      { reference: complaint.reference, complainantName: world.tenant.name },
    ]);
    expect(await inOrganization(database.app, own, parties)).toEqual([
      { personName: world.tenant.name, postcode: world.unit.postcode },
    ]);
    const route = await inOrganization(database.app, own, routing);
    expect(route?.handler?.id).toBe(handlerId);
    expect(route?.departments.map((d) => d.id)).toContain(route?.handler?.departmentId);
    expect(await inOrganization(database.app, own, relations)).toEqual({
      complainant: expect.objectContaining({ name: world.tenant.name }),
      unit: expect.objectContaining({ postcode: world.unit.postcode }),
      staff: [expect.objectContaining({ id: handlerId })],
    });

    expect(await inOrganization(database.app, other.id, facts)).toEqual([]);
    expect(await inOrganization(database.app, other.id, parties)).toEqual([]);
    expect(await inOrganization(database.app, other.id, routing)).toEqual({ handler: null, departments: [] });
    expect(await inOrganization(database.app, other.id, relations)).toEqual({
      complainant: null,
      unit: null,
      staff: [],
    });
    // without an organisation in scope (the app role, no setting) nothing is found either
    expect(
      (await sql`select * from complaint_case_facts(${complaint.id})`.execute(database.app)).rows,
    ).toEqual([]);
  });

  test('the address match of the public form takes the b-tree index on postcode and house number', async () => {
    const plan = await inOrganization(database.app, world.organization.id, (trx) =>
      sql<{ 'QUERY PLAN': string }>`explain select id from unit
        where postcode = ${world.unit.postcode} and house_number = ${world.unit.house_number} limit 20`
        .execute(trx)
        .then((r) => r.rows.map((row) => row['QUERY PLAN']).join('\n')),
    );
    // a handful of test units: the planner may still prefer a sequential scan, but never the trigram index
    expect(plan).not.toMatch(/unit_postcode_org_trgm/);
    const indexes = await sql<{ indexname: string }>`
      select indexname from pg_indexes where tablename in ('unit', 'complaint')`.execute(database.owner);
    const names = indexes.rows.map((r) => r.indexname);
    expect(names).toContain('unit_address');
    expect(names).not.toContain('complaint_description_trgm');
  });
});
