import { describe, expect, test } from 'vitest';
import { inOrganization } from '../../src/server/db/tenant-scope.ts';
import { findRoutingSettings } from '../../src/server/modules/complaints/routing-settings.repository.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { type Client, signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

// Issue 19: "about an employee → that employee handles it … unless the organisation's rule says the manager
// takes it". The rule: complaints about an employee's conduct (policy 1.2 category 4) go to their manager.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as, people, vastgoed } = world;
const org = world.organization.id;
const ruud = await createStaffUser(database.owner, org, {
  name: 'Ruud Beheer',
  roles: ['employee', 'admin'],
});
const admin = await signInAs(app, ruud.email);

// biome-ignore lint/suspicious/noExplicitAny: the JSON body as the test reads it (light-my-request types json() as any)
type Detail = Record<string, any>;
const routedEvents = (detail: Detail) => detail.timeline.filter((e: { type: string }) => e.type === 'routed');
const storedRow = () =>
  database.owner
    .selectFrom('routing_settings')
    .selectAll()
    .where('organization_id', '=', org)
    .executeTakeFirst();

async function triagedAboutKarel(category: string, extra: object = {}): Promise<Detail> {
  const complaint = await register(as.eva, {
    channel: 'phone',
    complainantId: world.tenant.id,
    description: 'Meneer Collega was onvriendelijk aan de telefoon.',
  });
  return step(as.eva, complaint.id, 'triage', {
    outcome: 'complaint',
    category,
    subject: { kind: 'employee', employeeId: people.karel.id },
    ...extra,
  });
}

async function setRule(client: Client, conductToManager: unknown) {
  return client.request({ method: 'PUT', url: '/api/routing-settings', payload: { conductToManager } });
}

describe("the organisation's routing rule: settings (policy 1.3)", () => {
  test('defaults to off while nothing is saved; every staff member can read it', async () => {
    const response = await as.eva.request({ url: '/api/routing-settings' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ conductToManager: false, updatedAt: null });
  });

  test('only an administrator changes it; bad input is a problem, and nothing is stored', async () => {
    for (const client of [as.victor, as.eva]) {
      const forbidden = await setRule(client, true);
      expect(forbidden.statusCode, forbidden.body).toBe(403);
      expect(forbidden.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    for (const payload of [{ conductToManager: 'ja' }, {}, { conductToManager: null }]) {
      const invalid = await admin.request({ method: 'PUT', url: '/api/routing-settings', payload });
      expect(invalid.statusCode, invalid.body).toBe(400);
      expect(invalid.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect(await storedRow()).toBeUndefined();
  });

  test('it is documented in the OpenAPI document', async () => {
    const document = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(document.paths['/api/routing-settings'])).toEqual(
      expect.arrayContaining(['get', 'put']),
    );
    expect(document.components.schemas.RoutingSettings.properties).toHaveProperty('conductToManager');
  });
});

describe("the organisation's routing rule at triage (policy 1.2 category 4, 1.3)", () => {
  test('rule off: a complaint about how Karel treated someone goes to Karel', async () => {
    const triaged = await triagedAboutKarel('treated_wrongly');
    expect(triaged.responsibility).toMatchObject({
      handler: { id: people.karel.id },
      accountableManager: { id: people.victor.id },
      managerTakes: null,
    });
    expect(routedEvents(triaged)[0].payload).toMatchObject({
      basis: 'employee_concerned',
      managerTakesReason: null,
    });
  });

  test('rule on: it goes to his manager Victor, with the reason recorded and a routed event', async () => {
    const saved = await setRule(admin, true);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ conductToManager: true, updatedAt: expect.any(String) });
    expect(await storedRow()).toMatchObject({ conduct_to_manager: true, updated_by: ruud.id });
    expect((await as.karel.request({ url: '/api/routing-settings' })).json().conductToManager).toBe(true);

    const triaged = await triagedAboutKarel('treated_wrongly');
    expect(triaged.responsibility).toMatchObject({
      subject: { kind: 'employee', id: people.karel.id },
      concernedDepartment: { id: vastgoed.id },
      handler: { id: people.victor.id, name: 'Victor Vastgoed' },
      handlingDepartment: { id: vastgoed.id },
      accountableManager: { id: people.victor.id },
      managerTakes: { reason: 'organization_rule', nl: expect.stringMatching(/regel van de organisatie/) },
    });
    const stored = await database.owner
      .selectFrom('complaint')
      .select(['handler_id', 'manager_takes_reason'])
      .where('id', '=', triaged.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ handler_id: people.victor.id, manager_takes_reason: 'organization_rule' });
    const routed = routedEvents(triaged);
    expect(routed).toHaveLength(1);
    expect(routed[0].payload).toMatchObject({
      from: { handler: { id: people.eva.id } },
      to: { handler: { id: people.victor.id, name: 'Victor Vastgoed' }, manager: { id: people.victor.id } },
      basis: 'manager_takes',
      policy: '1.3',
      managerTakesReason: 'organization_rule',
    });
    const mine = await as.victor.request({ url: '/api/complaints?limit=200&handlerId=me' });
    expect(mine.json().items.map((c: { id: string }) => c.id)).toContain(triaged.id);
  });

  test('rule on: another category about Karel is not about his conduct, so Karel handles it', async () => {
    const triaged = await triagedAboutKarel('no_or_late_answer');
    expect(triaged.responsibility).toMatchObject({ handler: { id: people.karel.id }, managerTakes: null });
  });

  test('rule on: a reason chosen for the case is recorded instead of the rule', async () => {
    const triaged = await triagedAboutKarel('treated_wrongly', { managerTakes: 'employee_absent' });
    expect(triaged.responsibility).toMatchObject({
      handler: { id: people.victor.id },
      managerTakes: { reason: 'employee_absent' },
    });
  });

  test('the rule cannot be chosen per case: it follows from the settings', async () => {
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Nog een klacht.',
    });
    const chosen = await as.eva.request({
      method: 'POST',
      url: `/api/complaints/${complaint.id}/triage`,
      payload: {
        outcome: 'complaint',
        category: 'treated_wrongly',
        subject: { kind: 'employee', employeeId: people.karel.id },
        managerTakes: 'organization_rule',
      },
    });
    expect(chosen.statusCode, chosen.body).toBe(400);
  });

  test('switched off again, the next complaint goes to Karel; the earlier one stays with Victor', async () => {
    const off = await setRule(admin, false);
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().conductToManager).toBe(false);
    const triaged = await triagedAboutKarel('treated_wrongly');
    expect(triaged.responsibility).toMatchObject({ handler: { id: people.karel.id }, managerTakes: null });
  });

  test("one organisation's setting is not another's (row-level security)", async () => {
    await setRule(admin, true);
    const other = await createOrganization(database.owner);
    expect(await inOrganization(database.app, other.id, (trx) => findRoutingSettings(trx))).toBeNull();
    expect(await inOrganization(database.app, org, (trx) => findRoutingSettings(trx))).toMatchObject({
      conductToManager: true,
    });
  });
});
