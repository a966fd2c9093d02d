import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { registerComplaintInput } from '../../src/contract/complaints.ts';
import { createDatabase } from '../../src/server/db/database.ts';
import { keptStatementName } from '../../src/server/db/kept-statements.ts';
import { inOrganization } from '../../src/server/db/tenant-scope.ts';
import { insertPerson } from '../../src/server/modules/complaints/complaint.repository.ts';
import { registerOnly } from '../../src/server/modules/complaints/complaint-registration.service.ts';
import { findUnitByAddress, loadPortalSettings } from '../../src/server/modules/portal/portal.repository.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { createHousingComplex, createOrganization } from '../support/factories.ts';

// Decision 055: the registration's fixed statements (the complaint with its number, person, events, outbox row,
// integration event, nonce, status link, address match …) are kept: parsed and planned once per connection. One
// pooled connection serves every organisation in turn, so a kept statement must still find, number and write
// only in the organisation of the transaction that runs it: row-level security decides at execution.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
// Two corporations with a home at the same address (3155AB 12): the address match must find each its own
const world = await createComplaintWorld(database.owner, app);
const other = await createOrganization(database.owner);
const otherComplex = await createHousingComplex(database.owner, other.id);
const otherUnit = await database.owner
  .insertInto('unit')
  .values({
    organization_id: other.id,
    housing_complex_id: otherComplex.id,
    street: 'Hofweg',
    house_number: 12,
    postcode: '3155AB',
    place: 'Maasland',
  })
  .returning('id')
  .executeTakeFirstOrThrow();
type Corporation = { organizationId: string; unitId: string };
const first: Corporation = { organizationId: world.organization.id, unitId: world.unit.id };
const second: Corporation = { organizationId: other.id, unitId: otherUnit.id };

// One pooled connection: every registration below runs on the same PostgreSQL session
const single = createDatabase(database.appUrl, { poolSize: 1, log: { error: () => {} } });
afterAll(() => single.destroy());

const ADDRESS = { postcode: '3155AB', houseNumber: 12, addition: null };

/** What the public form does: match the address, then register with the new complainant in that home. */
function submit(corporation: Corporation, description: string) {
  const { organizationId } = corporation;
  return inOrganization(single, organizationId, async (trx) => {
    const unit = await findUnitByAddress(trx, ADDRESS);
    const input = registerComplaintInput.parse({
      channel: 'web',
      description,
      complainant: { name: 'Kees Bakker', email: 'kees@example.nl', relation: 'tenant', unitId: unit?.id },
    });
    const known = unit === null ? null : { id: unit.id, housingComplexId: unit.housing_complex_id };
    const { row } = await registerOnly(trx, { kind: 'portal', organizationId }, input, new Date(), {
      knownUnit: known,
    });
    return { unit, row };
  });
}

async function preparedOnTheConnection() {
  const { rows } = await sql<{
    name: string;
    statement: string;
    generic_plans: number;
    custom_plans: number;
  }>`select name, statement, generic_plans::int, custom_plans::int from pg_prepared_statements`.execute(
    single,
  );
  return rows;
}

const numberOf = (reference: string) => Number(reference.split('-')[2]);

describe('the registration’s kept statements (decision 055)', () => {
  test('one connection, two organisations in turn: each finds its own home, numbers its own sequence and writes its own rows', async () => {
    const results = [];
    for (let i = 0; i < 3; i++) {
      for (const corporation of [first, second])
        results.push({ corporation, ...(await submit(corporation, `Klacht ${i} over de lift.`)) });
    }
    for (const { corporation, unit, row } of results) {
      expect(unit?.id).toBe(corporation.unitId);
      expect(row.organization_id).toBe(corporation.organizationId);
      expect(row.unit_id).toBe(corporation.unitId);
    }
    // each organisation's own sequence, without gaps (decision 013)
    for (const corporation of [first, second]) {
      const numbers = results
        .filter((r) => r.corporation === corporation)
        .map((r) => numberOf(r.row.reference));
      expect(numbers).toEqual([numbers[0], (numbers[0] ?? 0) + 1, (numbers[0] ?? 0) + 2]);
    }
    // everything written in the organisation it belongs to: person, events, integration event
    for (const { corporation, row } of results) {
      const owner = database.owner;
      const { organizationId } = corporation;
      const person = await owner
        .selectFrom('person')
        .select('organization_id')
        .where('id', '=', row.complainant_id as string)
        .executeTakeFirstOrThrow();
      expect(person.organization_id).toBe(organizationId);
      const events = await owner
        .selectFrom('complaint_event')
        .select(['organization_id', 'type'])
        .where('complaint_id', '=', row.id)
        .execute();
      expect(events.map((e) => e.type)).toContain('registered');
      expect(new Set(events.map((e) => e.organization_id))).toEqual(new Set([organizationId]));
      const recorded = await owner
        .selectFrom('integration_event')
        .select('organization_id')
        .where('complaint_id', '=', row.id)
        .execute();
      expect(recorded.length).toBeGreaterThan(0);
      expect(new Set(recorded.map((r) => r.organization_id))).toEqual(new Set([organizationId]));
    }

    // the inserts ran as named statements on this connection: parsed once, six runs each
    const prepared = await preparedOnTheConnection();
    const complaintInsert = prepared.find((s) => s.statement.startsWith('insert into "complaint" ('));
    expect(complaintInsert?.name).toMatch(/^gehoord_kept_\d+$/);
    expect(keptStatementName(complaintInsert?.statement ?? '')).toBe(complaintInsert?.name);
    expect((complaintInsert?.generic_plans ?? 0) + (complaintInsert?.custom_plans ?? 0)).toBe(6);
    // it names what it returns (a kept `returning *` breaks when a migration adds a column)
    expect(complaintInsert?.statement).not.toMatch(/returning \*/);
    const addressMatch = prepared.find((s) => s.statement.startsWith('select "id", "housing_complex_id"'));
    expect((addressMatch?.generic_plans ?? 0) + (addressMatch?.custom_plans ?? 0)).toBe(6);
    for (const insert of [
      'insert into "person"',
      'insert into "complaint_event"',
      'insert into integration_event',
    ])
      expect(prepared.map((s) => s.statement)).toContainEqual(expect.stringContaining(insert));
  });

  test('a kept insert still cannot write into another organisation, and finds nothing without one', async () => {
    await submit(first, 'Nog een klacht over de lift.');
    const intoOther = inOrganization(single, first.organizationId, (trx) =>
      insertPerson(trx, second.organizationId, {
        name: 'Indringer',
        email: null,
        phone: null,
        postalAddress: null,
        relation: 'tenant',
        unitId: null,
      }),
    );
    await expect(intoOther).rejects.toThrow(/row-level security/);
    const withoutOrganization = await single.transaction().execute(async (trx) => {
      await sql`select set_config('role', 'gehoord_app', true)`.execute(trx);
      return findUnitByAddress(trx, ADDRESS);
    });
    expect(withoutOrganization).toBeNull();
  });

  test('the portal settings (every portal page) are kept and read in the organisation in scope', async () => {
    for (let i = 0; i < 3; i++) {
      for (const { organizationId } of [first, second]) {
        const settings = await inOrganization(single, organizationId, (trx) =>
          loadPortalSettings(trx, organizationId),
        );
        expect(settings.organization_id).toBe(organizationId);
        expect(settings.form_secret.length).toBe(32);
      }
    }
    // asked for the other organisation while one is in scope: row-level security finds nothing, so it would
    // create the row; that insert is refused
    const crossed = inOrganization(single, first.organizationId, (trx) =>
      loadPortalSettings(trx, second.organizationId),
    );
    await expect(crossed).rejects.toThrow(/row-level security/);
    const prepared = await preparedOnTheConnection();
    const read = prepared.find((s) =>
      s.statement.startsWith('select "s"."organization_id", "s"."form_secret"'),
    );
    expect(read?.name).toMatch(/^gehoord_kept_\d+$/);
    expect((read?.generic_plans ?? 0) + (read?.custom_plans ?? 0)).toBeGreaterThanOrEqual(6);
  });
});
