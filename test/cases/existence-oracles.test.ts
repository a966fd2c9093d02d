// Issue 20: everything that takes a complaint id as a reference (a repeat at registration, an MT item, an
// improvement action, a legal hold) answers for a complaint the caller may not see exactly as for an id that
// does not exist: same status, same code, same body apart from the request id. Otherwise the answer tells
// whether a confidential complaint exists (an existence oracle).
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, test } from 'vitest';
import { answerShape } from '../support/answer-shape.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { type Client, SAME_ORIGIN, signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;
const org = world.organization.id;

const otherManager = await createStaffUser(database.owner, org, {
  name: 'Olga Overig',
  roles: ['employee', 'manager'],
});
const admin = await createStaffUser(database.owner, org, { name: 'Ad Beheer', roles: ['employee', 'admin'] });
const officer = await createStaffUser(database.owner, org, {
  name: 'Pim Privacy',
  roles: ['employee', 'privacy_officer'],
});
const olga = await signInAs(app, otherManager.email);
const ad = await signInAs(app, admin.email);
const pim = await signInAs(app, officer.email);

/** Confidential, handled by Eva (Wonen) and about Karel: Anna, Olga, Ad and Pim may not see it. */
async function confidentialComplaint() {
  const complaint = await register(as.eva, {
    channel: 'phone',
    complainantId: world.tenant.id,
    description: 'Meneer Karel heeft mij aan de telefoon afgesnauwd.',
  });
  await step(as.eva, complaint.id, 'triage', {
    outcome: 'complaint',
    category: 'treated_wrongly',
    subject: { kind: 'department', departmentId: world.wonen.id },
  });
  return step(as.eva, complaint.id, 'confidential', { reason: 'complainant_asks' });
}
const hidden = await confidentialComplaint();
const unknownId = randomUUID();

async function sameAnswer(request: (complaintId: string) => Promise<LightMyRequestResponse>) {
  const forHidden = await request(hidden.id);
  const forUnknown = await request(unknownId);
  expect(forUnknown.statusCode).toBeGreaterThanOrEqual(400);
  expect(answerShape(forHidden)).toEqual(answerShape(forUnknown));
  return forUnknown;
}

const rowCount = async (table: 'complaint' | 'policy_issue' | 'improvement_action' | 'legal_hold') =>
  Number(
    (
      await database.owner
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('the callers below indeed may not see the complaint, and the ones who may, do', async () => {
  for (const client of [as.anna, olga, ad, pim])
    expect((await client.request({ url: `/api/complaints/${hidden.id}` })).statusCode).toBe(404);
  expect((await as.mia.request({ url: `/api/complaints/${hidden.id}` })).statusCode).toBe(200);
});

describe('a repeat of a complaint the registrant may not see (policy 2.6)', () => {
  const registerRepeat = (client: Client) => (earlierComplaintId: string) =>
    client.request({
      method: 'POST',
      url: '/api/complaints',
      payload: {
        channel: 'phone',
        complainantId: world.tenant.id,
        description: 'Ik ben het niet eens met het antwoord.',
        repeat: { kind: 'disagrees_with_decision', earlierComplaintId, newFacts: false },
      },
    });

  test('a colleague gets the field error an unknown id gets, and nothing is registered', async () => {
    const before = await rowCount('complaint');
    const answer = await sameAnswer(registerRepeat(as.anna));
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors).toEqual([
      expect.objectContaining({ path: 'repeat.earlierComplaintId', code: 'invalid_reference' }),
    ]);
    expect(await rowCount('complaint')).toBe(before);
  });

  test('an API token (which never sees confidential complaints) too', async () => {
    const created = await ad.request({
      method: 'POST',
      url: '/api/admin/api-tokens',
      payload: { name: 'Klantportaal', scope: 'register' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const token = created.json().token as string;
    const answer = await sameAnswer((earlierComplaintId) =>
      app.inject({
        method: 'POST',
        url: '/api/complaints',
        headers: { authorization: `Bearer ${token}`, origin: SAME_ORIGIN },
        payload: {
          channel: 'email',
          complainantId: world.tenant.id,
          description: 'Ik ben het niet eens met het antwoord.',
          repeat: { kind: 'disagrees_with_decision', earlierComplaintId, newFacts: false },
        },
      }),
    );
    expect(answer.statusCode).toBe(400);
  });

  test('whoever may see the earlier complaint registers the repeat', async () => {
    const response = await registerRepeat(as.mia)(hidden.id);
    expect(response.statusCode, response.body).toBe(201);
  });
});

describe('an MT item or improvement action linking a complaint the caller may not see (policy 2.4, 3.1)', () => {
  test('a manager proposing an MT item gets the unknown-id answer, and no item is made', async () => {
    const before = await rowCount('policy_issue');
    const answer = await sameAnswer((complaintId) =>
      olga.request({
        method: 'POST',
        url: '/api/mt/policy-issues',
        payload: { title: 'Telefoonbeleid', complaintIds: [complaintId] },
      }),
    );
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors[0]).toMatchObject({ path: 'complaintIds', code: 'invalid_reference' });
    expect(await rowCount('policy_issue')).toBe(before);
  });

  test('an admin agreeing an improvement action gets the unknown-id answer, and no action is made', async () => {
    const before = await rowCount('improvement_action');
    const answer = await sameAnswer((complaintId) =>
      ad.request({
        method: 'POST',
        url: '/api/improvement-actions',
        payload: { title: 'Training telefoongesprekken', complaintIds: [complaintId] },
      }),
    );
    expect(answer.statusCode).toBe(400);
    expect(await rowCount('improvement_action')).toBe(before);
  });

  test('the MT, who may see it, links it', async () => {
    const response = await as.marieke.request({
      method: 'POST',
      url: '/api/mt/policy-issues',
      payload: { title: 'Telefoonbeleid', complaintIds: [hidden.id] },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().complaints).toEqual([{ id: hidden.id, reference: hidden.reference }]);
  });
});

describe('legal holds on a complaint the privacy officer may not see', () => {
  test('listing and placing answer 404 like an unknown id, and no hold is placed', async () => {
    const before = await rowCount('legal_hold');
    const listed = await sameAnswer((complaintId) =>
      pim.request({ url: `/api/privacy/complaints/${complaintId}/legal-holds` }),
    );
    expect(listed.statusCode).toBe(404);
    const placed = await sameAnswer((complaintId) =>
      pim.request({
        method: 'POST',
        url: `/api/privacy/complaints/${complaintId}/legal-holds`,
        payload: { kind: 'huurcommissie', reason: 'Bezwaar loopt bij de Huurcommissie' },
      }),
    );
    expect(placed.statusCode).toBe(404);
    expect(await rowCount('legal_hold')).toBe(before);
  });

  test('a hold placed while the complaint was visible cannot be lifted once it is hidden', async () => {
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Nog niet vertrouwelijk.',
    });
    const placed = await pim.request({
      method: 'POST',
      url: `/api/privacy/complaints/${complaint.id}/legal-holds`,
      payload: { kind: 'huurcommissie', reason: 'Bezwaar loopt bij de Huurcommissie' },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    await step(as.eva, complaint.id, 'confidential', { reason: 'complainant_asks' });
    const lift = (holdId: string) =>
      pim.request({ method: 'POST', url: `/api/privacy/legal-holds/${holdId}/lift`, payload: {} });
    const forHidden = await lift(placed.json().id);
    const forUnknown = await lift(randomUUID());
    expect(forUnknown.statusCode).toBe(404);
    expect(answerShape(forHidden)).toEqual(answerShape(forUnknown));
  });
});
