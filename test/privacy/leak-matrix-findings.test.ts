import { describe, expect, test } from 'vitest';
import { quarterOfDay, toLocalDate } from '../../src/domain/index.ts';
import { runWebhookDeliveries } from '../../src/server/modules/integrations/webhook-delivery.service.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';
import { startWebhookReceiver } from '../support/webhook-receiver.ts';

// Issue 20: what the leak matrix (leak-matrix.test.ts) found, each pinned down on its own. The webhook delivery
// log and the access log named confidential complaints (id, reference) to an administrator or privacy officer
// who may not see them, and filtering the access log on such a complaint answered unlike an unknown id. MT items,
// improvement actions and the MT agenda listed their linked confidential complaints to every reviewer, and the
// improvement action's integration event carried their ids to the change feed and webhooks, as did the events of
// a repeat of a hidden complaint (its earlier complaint's id).

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;
const adminUser = await createStaffUser(database.owner, world.organization.id, {
  name: 'Ad Beheer',
  roles: ['employee', 'admin'],
});
const officerUser = await createStaffUser(database.owner, world.organization.id, {
  name: 'Pim Privacy',
  roles: ['employee', 'privacy_officer'],
});
const admin = await signInAs(app, adminUser.email);
const officer = await signInAs(app, officerUser.email);

const { url: receiverUrl, received } = await startWebhookReceiver();
const endpoint = await admin.request({
  method: 'POST',
  url: '/api/admin/webhooks',
  payload: {
    name: 'CRM',
    url: receiverUrl,
    eventTypes: [
      'complaint.registered',
      'complaint.triaged',
      'complaint.repeat_linked',
      'improvement_action.changed',
    ],
    allowPrivateNetwork: true,
  },
});
expect(endpoint.statusCode, endpoint.body).toBe(201);
const endpointId = (endpoint.json() as { endpoint: { id: string } }).endpoint.id;

/** A complaint of Vastgoed handled by Karel; made confidential after its events were queued, when asked. */
async function vastgoedComplaint(description: string, confidential: boolean) {
  const complaint = await register(as.karel, {
    channel: 'phone',
    complainantId: world.tenant.id,
    description,
  });
  await step(as.karel, complaint.id, 'triage', {
    outcome: 'complaint',
    category: 'treated_wrongly',
    subject: { kind: 'department', departmentId: world.vastgoed.id },
  });
  if (confidential)
    await step(as.karel, complaint.id, 'confidential', { reason: 'sensitive_personal_matter' });
  // Karel reads it: an entry in the access log
  expect((await as.karel.request({ url: `/api/complaints/${complaint.id}` })).statusCode).toBe(200);
  return complaint as { id: string; reference: string };
}

const ordinary = await vastgoedComplaint('De lift staat stil.', false);
const hidden = await vastgoedComplaint('Een gevoelige zaak over een buurman.', true);

// Karel, who may see it, registers a repeat of the hidden complaint: an ordinary complaint integrations do get
const repeat = await register(as.karel, {
  channel: 'phone',
  complainantId: world.tenant.id,
  description: 'Ik ben het niet eens met het antwoord.',
  repeat: { kind: 'disagrees_with_decision', earlierComplaintId: hidden.id, newFacts: false },
});

// the MT, who may see both, links them to an MT item and an improvement action
const linked = [ordinary.id, hidden.id];
const issue = await as.marieke.request({
  method: 'POST',
  url: '/api/mt/policy-issues',
  payload: { title: 'Bejegening', complaintIds: linked },
});
expect(issue.statusCode, issue.body).toBe(201);
const action = await as.marieke.request({
  method: 'POST',
  url: '/api/improvement-actions',
  payload: { title: 'Training', complaintIds: linked },
});
expect(action.statusCode, action.body).toBe(201);
const actionId = (action.json() as { id: string }).id;
const token = (
  await admin.request({
    method: 'POST',
    url: '/api/admin/api-tokens',
    payload: { name: 'CRM', scope: 'read' },
  })
).json().token as string;

await runWebhookDeliveries(database.owner, { publicUrl: 'http://localhost:3000', timeoutMs: 2000 });

describe('the webhook delivery log', () => {
  test('does not name a complaint the administrator may not see; it does name one they may', async () => {
    const response = await admin.request({ url: `/api/admin/webhooks/${endpointId}/deliveries` });
    expect(response.statusCode, response.body).toBe(200);
    const deliveries = response.json() as { complaintId: string | null; status: string }[];
    // the hidden complaint's events were withheld at delivery time, and its id is not shown
    expect(deliveries.filter((d) => d.status === 'withheld')).toHaveLength(2);
    expect(deliveries.filter((d) => d.status === 'withheld').map((d) => d.complaintId)).toEqual([null, null]);
    expect(response.body).not.toContain(hidden.id);
    expect(deliveries.filter((d) => d.complaintId === ordinary.id)).toHaveLength(2);
  });
});

describe('the access log', () => {
  type Entry = { what: string; complaintId: string | null; reference: string | null; userId: string | null };

  test('keeps who read a hidden complaint and when, without naming the complaint', async () => {
    const response = await officer.request({ url: '/api/privacy/access-log?limit=500' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).not.toContain(hidden.id);
    expect(response.body).not.toContain(hidden.reference);
    const karelsReads = (response.json().items as Entry[]).filter(
      (e) => e.what === 'detail' && e.userId === world.people.karel.id,
    );
    // both reads are there; only the ordinary complaint is named
    expect(karelsReads.map((e) => [e.complaintId, e.reference])).toEqual([
      [null, null],
      [ordinary.id, ordinary.reference],
    ]);
    // the person's access history and the CSV say no more
    const person = await officer.request({ url: `/api/privacy/persons/${world.tenant.id}/access-log` });
    expect(person.statusCode, person.body).toBe(200);
    expect(person.body).toContain(ordinary.reference);
    expect(person.body).not.toContain(hidden.reference);
    const csv = await officer.request({ url: '/api/privacy/access-log/export' });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(ordinary.reference);
    expect(csv.body).not.toContain(hidden.reference);
    expect(csv.body).not.toContain(hidden.id);
  });

  test('filtering on a hidden complaint answers as for an unknown id; the MT does see it named', async () => {
    const byHidden = await officer.request({ url: `/api/privacy/access-log?complaintId=${hidden.id}` });
    const byUnknown = await officer.request({
      url: `/api/privacy/access-log?complaintId=${crypto.randomUUID()}`,
    });
    expect(byHidden.statusCode).toBe(200);
    expect(byHidden.json()).toEqual(byUnknown.json());
    const csv = await officer.request({ url: `/api/privacy/access-log/export?complaintId=${hidden.id}` });
    expect(csv.body).not.toContain(hidden.reference);
    // an export filtered on a complaint is itself logged with that id: it stays unnamed too
    const later = await officer.request({ url: '/api/privacy/access-log?limit=500' });
    expect(later.body).not.toContain(hidden.id);

    // an auditor who may see the complaint gets it named (the MT may see every confidential complaint)
    const mtAuditor = await createStaffUser(database.owner, world.organization.id, {
      roles: ['employee', 'management_team', 'privacy_officer'],
    });
    const mt = await signInAs(app, mtAuditor.email);
    const named = await mt.request({ url: `/api/privacy/access-log?complaintId=${hidden.id}` });
    expect((named.json().items as Entry[]).map((e) => e.reference)).toContain(hidden.reference);
  });
});

describe('MT items and improvement actions', () => {
  const quarter = quarterOfDay(toLocalDate(new Date()));
  const urls = [
    '/api/mt/policy-issues',
    '/api/improvement-actions',
    `/api/improvement-actions/${actionId}`,
    `/api/mt/quarters/${quarter}/agenda`,
  ];

  test('list only the linked complaints the reader may see; the MT sees both', async () => {
    for (const url of urls) {
      // Mia manages Wonen: she reviews MT items, but the confidential complaint of Vastgoed is not hers
      const mia = await as.mia.request({ url });
      expect(mia.statusCode, `${url}: ${mia.body}`).toBe(200);
      expect(mia.body, url).toContain(ordinary.reference);
      expect(mia.body, url).not.toContain(hidden.reference);
      expect(mia.body, url).not.toContain(hidden.id);
      const mt = await as.marieke.request({ url });
      expect(mt.body, url).toContain(hidden.reference);
    }
  });

  test("the improvement action's event names no hidden complaint in the change feed or a webhook", async () => {
    const feed = await app.inject({
      url: '/api/integrations/feed?limit=1000',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(feed.statusCode, feed.body).toBe(200);
    const event = (
      feed.json().items as { type: string; data: { improvementAction?: { complaintIds: string[] } } }[]
    ).find((e) => e.type === 'improvement_action.changed');
    expect(event?.data.improvementAction?.complaintIds).toEqual([ordinary.id]);
    const delivered = received.filter((body) => body.includes('improvement_action.changed'));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toContain(ordinary.id);
    expect(delivered[0]).not.toContain(hidden.id);
  });
});

describe('a repeat of a hidden complaint, to integrations', () => {
  test('its events reach the feed and webhooks without the earlier complaint’s id', async () => {
    const feed = await app.inject({
      url: '/api/integrations/feed?limit=1000',
      headers: { authorization: `Bearer ${token}` },
    });
    type Item = { type: string; data: { complaint?: { id: string; repeatOfId: string | null } } };
    const events = (feed.json().items as (Item & { data: { earlierComplaintId?: string | null } })[]).filter(
      (e) => e.data.complaint?.id === repeat.id,
    );
    expect(events.map((e) => e.type).sort()).toEqual(['complaint.registered', 'complaint.repeat_linked']);
    for (const e of events) expect(e.data.complaint?.repeatOfId).toBeNull();
    expect(events.find((e) => e.type === 'complaint.repeat_linked')?.data.earlierComplaintId).toBeNull();
    expect(feed.body).not.toContain(hidden.id);
    const delivered = received.filter((body) => body.includes(repeat.id));
    expect(delivered).toHaveLength(2);
    for (const body of delivered) expect(body).not.toContain(hidden.id);
  });
});
