import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { rowCount } from '../support/row-count.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

// Issue 26 (decision 052): adjustments asked for at intake are stored with the complaint, in the registration's
// own transaction, with the timeline event and the access-log entry the case page's change writes.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;

const registerWith = (name: string, extra: object) =>
  as.eva.request({
    method: 'POST',
    url: '/api/complaints',
    payload: {
      channel: 'phone',
      complainant: {
        name,
        email: `${name.toLowerCase().replaceAll(' ', '.')}@example.nl`,
        postalAddress: 'Hofweg 12, 3155 AB Maasland',
        relation: 'tenant',
      },
      description: `${name}: de lift is al twee weken stuk.`,
      ...extra,
    },
  });

const counts = async () => {
  const count = (table: 'complaint' | 'person' | 'complaint_event' | 'complainant_adjustment') =>
    rowCount(database.owner, table);
  return {
    complaints: await count('complaint'),
    persons: await count('person'),
    events: await count('complaint_event'),
    adjustments: await count('complainant_adjustment'),
  };
};

const adjustmentsOf = (personId: string) =>
  database.owner
    .selectFrom('complainant_adjustment')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('kind')
    .execute();

describe('adjustments recorded at intake (registration API)', () => {
  test('stored with the complaint: basis, recorder, timeline event, access log, and the acknowledgement by post', async () => {
    const response = await registerWith('Greet Groot', {
      adjustments: { preferredChannel: 'letter', largePrint: true, interpreterLanguage: 'Turks' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const complaint = response.json();
    const row = await database.owner
      .selectFrom('complaint')
      .select('complainant_id')
      .where('id', '=', complaint.id)
      .executeTakeFirstOrThrow();
    const stored = await adjustmentsOf(String(row.complainant_id));
    expect(stored.map((a) => [a.kind, a.value, a.legal_basis, a.recorded_by, a.recorded_via])).toEqual([
      ['interpreter', 'Turks', 'legitimate_interest_art6_1f', world.people.eva.id, 'staff'],
      ['large_print', true, 'legitimate_interest_art6_1f', world.people.eva.id, 'staff'],
      ['preferred_channel', 'letter', 'legitimate_interest_art6_1f', world.people.eva.id, 'staff'],
    ]);

    const events = await database.owner
      .selectFrom('complaint_event')
      .select(['type', 'payload', 'actor_user_id'])
      .where('complaint_id', '=', complaint.id)
      .orderBy('id')
      .execute();
    const changed = events.find((e) => e.type === 'adjustments_changed');
    // the timeline names the kinds, never the values
    expect(changed?.payload).toEqual({ kinds: ['preferred_channel', 'large_print', 'interpreter'] });
    expect(changed?.actor_user_id).toBe(world.people.eva.id);
    expect(JSON.stringify(changed?.payload)).not.toContain('Turks');

    const logged = await database.owner
      .selectFrom('complaint_access_log')
      .select(['what', 'detail', 'user_id'])
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(logged).toContainEqual({
      what: 'change',
      detail: { events: ['registered', 'adjustments_changed'] },
      user_id: world.people.eva.id,
    });

    // policy 2.1 with issue 26: they asked for letters, so the acknowledgement is posted although there is an e-mail
    const outbox = await database.owner
      .selectFrom('outbox_message')
      .select(['kind', 'status'])
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(outbox).toEqual([{ kind: 'acknowledgement', status: 'to_post' }]);

    // the case page's panel reads them back with who recorded them
    const read = await as.eva.request({ url: `/api/complaints/${complaint.id}/adjustments` });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().records).toContainEqual(
      expect.objectContaining({
        kind: 'large_print',
        recordedByName: 'Eva Behandelaar',
        recordedVia: 'staff',
      }),
    );
  });

  test('without adjustments nothing is stored and the e-mail acknowledgement stays', async () => {
    const response = await registerWith('Piet Gewoon', {});
    expect(response.statusCode, response.body).toBe(201);
    const complaint = response.json();
    const events = await database.owner
      .selectFrom('complaint_event')
      .select('type')
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(events.map((e) => e.type)).not.toContain('adjustments_changed');
    const outbox = await database.owner
      .selectFrom('outbox_message')
      .select(['kind', 'status'])
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(outbox).toEqual([{ kind: 'acknowledgement', status: 'pending' }]);
  });

  test('invalid adjustments: 400 with paths under adjustments, and no complaint, person, event or adjustment', async () => {
    const before = await counts();
    const response = await registerWith('Nel Nodig', {
      adjustments: {
        largePrint: true,
        accessNeeds: { needs: ['low_vision'], note: null, consentGiven: false },
        callBack: { dayParts: [], note: '  ' },
      },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(['adjustments.accessNeeds.consentGiven', 'adjustments.callBack']);
    const consent = response.json().errors[0];
    expect(consent.code).toBe('consent_required');
    expect(consent.messages.nl).toContain('toestemming');
    expect(consent.messages.en).toContain('consent');
    expect(await counts()).toEqual(before);

    // the contract's own checks answer under adjustments too
    const wrong = await registerWith('Nel Nodig', { adjustments: { preferredChannel: 'duif' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('adjustments.preferredChannel');
    expect(await counts()).toEqual(before);
  });

  test('adjustments need a complainant', async () => {
    const before = await counts();
    const response = await as.eva.request({
      method: 'POST',
      url: '/api/complaints',
      payload: {
        channel: 'letter',
        description: 'Anoniem: de trap is vies.',
        adjustments: { largePrint: true },
      },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors[0]).toMatchObject({
      path: 'adjustments',
      code: 'adjustments_without_complainant',
    });
    expect(await counts()).toEqual(before);
  });

  test('a failure later in the registration rolls back the adjustments with the complaint', async () => {
    const before = await counts();
    // the timeline insert fails after the adjustments were written (a trigger made for this test only)
    await sql`
      create function test_refuse_adjustment_event() returns trigger language plpgsql as $$
      begin
        if new.type = 'adjustments_changed' then raise exception 'refused for the test'; end if;
        return new;
      end $$
    `.execute(database.owner);
    await sql`create trigger test_refuse_adjustment_event before insert on complaint_event
      for each row execute function test_refuse_adjustment_event()`.execute(database.owner);
    try {
      const response = await registerWith('Rob Terug', { adjustments: { largePrint: true } });
      expect(response.statusCode).toBe(500);
    } finally {
      await sql`drop trigger test_refuse_adjustment_event on complaint_event`.execute(database.owner);
      await sql`drop function test_refuse_adjustment_event()`.execute(database.owner);
    }
    expect(await counts()).toEqual(before);
    const person = await database.owner
      .selectFrom('person')
      .select('id')
      .where('name', '=', 'Rob Terug')
      .execute();
    expect(person).toEqual([]);
  });

  test('an existing complainant: the same value again is no change; a new kind and a new value are', async () => {
    const first = await as.eva.request({
      method: 'POST',
      url: '/api/complaints',
      payload: {
        channel: 'desk',
        complainantId: world.tenant.id,
        description: 'De bel doet het niet.',
        adjustments: { largePrint: true, interpreterLanguage: 'Pools' },
      },
    });
    expect(first.statusCode, first.body).toBe(201);
    const [print] = (await adjustmentsOf(world.tenant.id)).filter((a) => a.kind === 'large_print');

    const second = await as.anna.request({
      method: 'POST',
      url: '/api/complaints',
      payload: {
        channel: 'phone',
        complainantId: world.tenant.id,
        description: 'De bel doet het nog steeds niet.',
        adjustments: { largePrint: true, interpreterLanguage: 'Turks', preferredChannel: 'phone' },
      },
    });
    expect(second.statusCode, second.body).toBe(201);
    const event = await database.owner
      .selectFrom('complaint_event')
      .select('payload')
      .where('complaint_id', '=', second.json().id)
      .where('type', '=', 'adjustments_changed')
      .executeTakeFirstOrThrow();
    expect(event.payload).toEqual({ kinds: ['preferred_channel', 'interpreter'] });
    const after = await adjustmentsOf(world.tenant.id);
    // large print keeps who recorded it first and when
    expect(after.find((a) => a.kind === 'large_print')).toEqual(print);
    expect(after.find((a) => a.kind === 'interpreter')).toMatchObject({
      value: 'Turks',
      recorded_by: world.people.anna.id,
    });
  });

  test("an integration's token records them via the API, with no staff member named", async () => {
    const admin = await signInAs(
      app,
      (await createStaffUser(database.owner, world.organization.id, { roles: ['employee', 'admin'] })).email,
    );
    const created = await admin.request({
      method: 'POST',
      url: '/api/admin/api-tokens',
      payload: { name: 'Website', scope: 'register' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await app.inject({
      method: 'POST',
      url: '/api/complaints',
      headers: { authorization: `Bearer ${created.json().token}` },
      payload: {
        channel: 'email',
        complainant: { name: 'Ton Token', relation: 'tenant', postalAddress: 'Hofweg 1, 3155 AB Maasland' },
        description: 'Via de website van de corporatie: de galerij is donker.',
        adjustments: { largePrint: true },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const row = await database.owner
      .selectFrom('complaint')
      .select('complainant_id')
      .where('id', '=', response.json().id)
      .executeTakeFirstOrThrow();
    const stored = await adjustmentsOf(String(row.complainant_id));
    expect(stored.map((a) => [a.kind, a.recorded_by, a.recorded_via])).toEqual([
      ['large_print', null, 'api'],
    ]);
  });
});

describe("a picked complainant's adjustments, shown at intake (GET /api/persons/{id}/adjustments)", () => {
  test('the whole recorded set, to any staff member, access-logged; none is an empty set', async () => {
    const response = await registerWith('Rita Rep', {
      adjustments: {
        callBack: { dayParts: ['afternoon'], note: 'na 14 uur' },
        representative: {
          name: 'Jan Rep (zoon)',
          contact: 'jan.rep@example.nl',
          authority: 'oral_recorded',
          authorityNote: null,
          authorityDate: '2026-12-01',
          receivesCopies: true,
        },
        accessNeeds: {
          needs: ['hard_of_hearing'],
          note: 'gehoorapparaat, liefst rustig praten',
          consentGiven: true,
        },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const { complainant_id: personId } = await database.owner
      .selectFrom('complaint')
      .select('complainant_id')
      .where('id', '=', response.json().id)
      .executeTakeFirstOrThrow();

    // anna did not register it and handles nothing of this person's: anyone may register their next complaint
    const read = await as.anna.request({ url: `/api/persons/${personId}/adjustments` });
    expect(read.statusCode, read.body).toBe(200);
    const body = read.json();
    expect(body.personId).toBe(personId);
    expect(body.adjustments).toMatchObject({
      callBack: { dayParts: ['afternoon'], note: 'na 14 uur' },
      representative: { name: 'Jan Rep (zoon)', receivesCopies: true, authorityDate: '2026-12-01' },
      accessNeeds: { needs: ['hard_of_hearing'], consentGiven: true },
    });
    // which needs, so the caller is spoken to as they need; the free note about their health stays on the case
    expect(body.adjustments.accessNeeds.note).toBeNull();
    expect(read.body).not.toContain('gehoorapparaat');
    expect(body.records.map((r: { kind: string; recordedByName: string }) => r.kind).sort()).toEqual([
      'access_needs',
      'call_back',
      'representative',
    ]);
    const logged = await database.owner
      .selectFrom('complaint_access_log')
      .select(['what', 'detail', 'complaint_id'])
      .where('person_id', '=', personId)
      .where('user_id', '=', world.people.anna.id)
      .execute();
    expect(logged).toEqual([
      { what: 'person', detail: { adjustments: true, intake: true }, complaint_id: null },
    ]);

    const person = await as.eva.request({
      method: 'POST',
      url: '/api/persons',
      payload: { name: 'Nina Niets', relation: 'tenant', postalAddress: 'Hofweg 3, 3155 AB Maasland' },
    });
    expect(person.statusCode, person.body).toBe(201);
    const none = await as.eva.request({ url: `/api/persons/${person.json().id}/adjustments` });
    expect(none.statusCode, none.body).toBe(200);
    expect(none.json().records).toEqual([]);
    expect(none.json().adjustments).toMatchObject({
      callBack: null,
      representative: null,
      accessNeeds: null,
    });
  });

  test('an unknown person is 404, without a session 401; a token may not read them', async () => {
    const unknown = await as.eva.request({
      url: '/api/persons/00000000-0000-4000-8000-00000000abcd/adjustments',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const malformed = await as.eva.request({ url: '/api/persons/not-a-uuid/adjustments' });
    expect(malformed.statusCode).toBe(400);
    const anonymous = await app.inject({ url: `/api/persons/${world.people.eva.id}/adjustments` });
    expect(anonymous.statusCode).toBe(401);
    const admin = await signInAs(
      app,
      (await createStaffUser(database.owner, world.organization.id, { roles: ['employee', 'admin'] })).email,
    );
    const created = await admin.request({
      method: 'POST',
      url: '/api/admin/api-tokens',
      payload: { name: 'Lezer', scope: 'read' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const person = await as.eva.request({
      method: 'POST',
      url: '/api/persons',
      payload: { name: 'Tom Token', relation: 'tenant', postalAddress: 'Hofweg 5, 3155 AB Maasland' },
    });
    const byToken = await app.inject({
      url: `/api/persons/${person.json().id}/adjustments`,
      headers: { authorization: `Bearer ${created.json().token}` },
    });
    expect(byToken.statusCode).toBe(403);
  });
});
