import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, test } from 'vitest';
import { verifyWebhook } from '../../src/server/modules/integrations/outbound/webhook-signature.ts';
import { runWebhookDeliveries } from '../../src/server/modules/integrations/webhook-delivery.service.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;
const adminUser = await createStaffUser(database.owner, world.organization.id, {
  roles: ['employee', 'admin'],
});
const admin = await signInAs(app, adminUser.email);
const publicUrl = 'http://localhost:3000';

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A real HTTP receiver on loopback that answers with whatever the test says. */
async function startReceiver(answer: (count: number) => number | 'hang') {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      const status = answer(received.length);
      if (status === 'hang') return; // never answers: the sender's time-out must fire
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  server.closeAllConnections?.();
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

async function createEndpoint(url: string, eventTypes: string[], allowPrivateNetwork = true) {
  const response = await admin.request({
    method: 'POST',
    url: '/api/admin/webhooks',
    payload: { name: 'CRM', url, eventTypes, allowPrivateNetwork },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { endpoint: { id: string }; secret: string };
}

const deliverAll = (now?: () => Date) =>
  runWebhookDeliveries(database.owner, { publicUrl, timeoutMs: 500, ...(now ? { now } : {}) });

async function quiesce() {
  // Disable every endpoint so one test's queue does not feed another's receiver
  for (const endpoint of (await admin.request({ url: '/api/admin/webhooks' })).json()) {
    await admin.request({
      method: 'PATCH',
      url: `/api/admin/webhooks/${endpoint.id}`,
      payload: { active: false },
    });
  }
}

describe('webhooks (policy 1.4: the CRM knows every contact)', () => {
  test('signed, in order per complaint, with the CRM contact record', async () => {
    const receiver = await startReceiver(() => 200);
    const { secret } = await createEndpoint(receiver.url, [
      'complaint.registered',
      'complaint.triaged',
      'complaint.contact_logged',
    ]);
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Lift kapot.',
    });
    await step(as.eva, complaint.id, 'triage', {
      outcome: 'complaint',
      category: 'repair_badly_done',
      subject: { kind: 'contractor', contractorId: world.contractor.id },
    });
    await step(as.eva, complaint.id, 'contacts', {
      kind: 'phone',
      direction: 'outbound',
      summary: 'Mevrouw gebeld.',
    });
    await step(as.eva, complaint.id, 'notes', { text: 'Interne notitie: niet voor het CRM.' });
    const result = await deliverAll();
    expect(result.delivered).toBe(3);
    const bodies = receiver.received.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => b.type)).toEqual([
      'complaint.registered',
      'complaint.triaged',
      'complaint.contact_logged',
    ]);
    for (const r of receiver.received) {
      expect(verifyWebhook(secret, r.body, String(r.headers['gehoord-signature']), new Date())).toBe(true);
      expect(verifyWebhook('wrong-secret', r.body, String(r.headers['gehoord-signature']), new Date())).toBe(
        false,
      );
      expect(r.headers['gehoord-event-id']).toBe(JSON.parse(r.body).id);
    }
    const contact = bodies[2].data.contact;
    expect(contact).toMatchObject({
      reference: complaint.reference,
      channel: 'phone',
      direction: 'outbound',
      summary: 'Mevrouw gebeld.',
    });
    expect(contact.link).toBe(`${publicUrl}/klachten/${complaint.id}`);
    expect(receiver.received.map((r) => r.body).join('')).not.toContain('Interne notitie');
    await quiesce();
  });

  test('retries on 500 and on a time-out, keeping the order per complaint; redelivery works', async () => {
    const receiver = await startReceiver((n) => (n === 1 ? 500 : n === 2 ? 'hang' : 200));
    const { endpoint } = await createEndpoint(receiver.url, [
      'complaint.registered',
      'complaint.contact_logged',
    ]);
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Tocht.',
    });
    await step(as.eva, complaint.id, 'contacts', {
      kind: 'phone',
      direction: 'inbound',
      summary: 'Belde terug.',
    });
    let clock = Date.now();
    const now = () => new Date(clock);
    expect(await deliverAll(now)).toEqual({ delivered: 0, failed: 1, withheld: 0 }); // 500; the contact waits behind it
    clock += 11_000;
    expect(await deliverAll(now)).toEqual({ delivered: 0, failed: 1, withheld: 0 }); // time-out
    clock += 21_000;
    expect(await deliverAll(now)).toEqual({ delivered: 2, failed: 0, withheld: 0 });
    const types = receiver.received.map((r) => JSON.parse(r.body).type);
    expect(types).toEqual([
      'complaint.registered',
      'complaint.registered',
      'complaint.registered',
      'complaint.contact_logged',
    ]);
    const log = (await admin.request({ url: `/api/admin/webhooks/${endpoint.id}/deliveries` })).json();
    expect(log.map((d: { status: string }) => d.status)).toEqual(['delivered', 'delivered']);
    expect(log[1].attempts).toBe(3);
    const redeliver = await admin.request({
      method: 'POST',
      url: `/api/admin/webhooks/${endpoint.id}/deliveries/${log[0].id}/redeliver`,
    });
    expect(redeliver.statusCode).toBe(202);
    await deliverAll();
    expect(receiver.received).toHaveLength(5);
    expect(JSON.parse(receiver.received[4]?.body ?? '{}').id).toBe(
      JSON.parse(receiver.received[3]?.body ?? '{}').id,
    );
    // issue 22: creating and resending are in the administrator's audit log, never with the secret
    const audit = (await admin.request({ url: '/api/admin/auth-events?limit=500' })).json().items as {
      type: string;
      details: Record<string, unknown>;
    }[];
    expect(audit).toContainEqual(
      expect.objectContaining({
        type: 'webhook_redelivered',
        details: { webhookId: endpoint.id, deliveryId: log[0].id },
      }),
    );
    expect(audit).toContainEqual(
      expect.objectContaining({ type: 'webhook_created', details: { webhookId: endpoint.id, name: 'CRM' } }),
    );
    expect(JSON.stringify(audit)).not.toContain('whsec_');
    await quiesce();
  });

  test('an endpoint that keeps failing is switched off, admins are told, and it stops receiving', async () => {
    const receiver = await startReceiver(() => 503);
    const { endpoint } = await createEndpoint(receiver.url, ['complaint.registered']);
    for (let i = 0; i < 20; i++) {
      await register(as.eva, { channel: 'web', complainantId: world.tenant.id, description: `Melding ${i}` });
    }
    await deliverAll();
    const state = (await admin.request({ url: '/api/admin/webhooks' }))
      .json()
      .find((e: { id: string }) => e.id === endpoint.id);
    expect(state.active).toBe(false);
    expect(state.disabledReason).toMatch(/20 failed deliveries/);
    const notices = (await admin.request({ url: '/api/notifications' })).json().items;
    expect(notices.map((n: { kind: string }) => n.kind)).toContain('webhook_disabled');
    const before = receiver.received.length;
    await register(as.eva, {
      channel: 'web',
      complainantId: world.tenant.id,
      description: 'Na het uitschakelen.',
    });
    await deliverAll();
    expect(receiver.received.length).toBe(before);
  });

  test('server-side request forgery: loopback and metadata addresses are refused unless allowed', async () => {
    for (const url of [
      'http://127.0.0.1:9/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/x',
      'http://10.1.2.3/x',
      'http://localhost/x',
    ]) {
      const response = await admin.request({
        method: 'POST',
        url: '/api/admin/webhooks',
        payload: { name: 'Evil', url, eventTypes: ['complaint.registered'] },
      });
      expect(response.statusCode, url).toBe(422);
      expect(response.json().code).toBe('webhook_url_not_allowed');
    }
    const notAdmin = await as.mia.request({ url: '/api/admin/webhooks' });
    expect(notAdmin.statusCode).toBe(403);
  });

  test('confidential complaints are never sent', async () => {
    const receiver = await startReceiver(() => 200);
    await createEndpoint(receiver.url, ['complaint.triaged']);
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Over een collega.',
      confidential: true,
      confidentialReason: 'complainant_asks',
    });
    await step(as.eva, complaint.id, 'triage', {
      outcome: 'complaint',
      category: 'treated_wrongly',
      subject: { kind: 'employee', employeeId: world.people.karel.id },
    });
    await deliverAll();
    expect(receiver.received).toHaveLength(0);
    await quiesce();
  });

  test('a delivery queued before the complaint became confidential is withheld, not sent (issue 20)', async () => {
    const receiver = await startReceiver(() => 200);
    const { endpoint } = await createEndpoint(receiver.url, ['complaint.registered']);
    const hidden = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Wordt vertrouwelijk voor de bezorging.',
    });
    const open = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Blijft zichtbaar.',
    });
    // Queued while it was not confidential; marked before the worker comes round
    await step(as.marieke, hidden.id, 'confidential', { reason: 'complainant_asks' });
    const outcome = await deliverAll();
    expect(outcome.withheld).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const bodies = receiver.received.map((r) => r.body).join('\n');
    expect(bodies).toContain(open.id);
    expect(bodies).not.toContain(hidden.id);
    expect(bodies).not.toContain(hidden.reference);

    const response = await admin.request({ url: `/api/admin/webhooks/${endpoint.id}/deliveries` });
    const log = response.json() as { complaintId: string | null; status: string }[];
    // the admin may not see the confidential complaint: the log does not name it (issue 20)
    expect(log.filter((d) => d.status === 'withheld').map((d) => d.complaintId)).toEqual([null]);
    expect(response.body).not.toContain(hidden.id);
    expect(log.find((d) => d.complaintId === open.id)?.status).toBe('delivered');
    // Withheld is not the endpoint's failure: it is not counted towards switching it off
    const state = (await admin.request({ url: '/api/admin/webhooks' }))
      .json()
      .find((e: { id: string }) => e.id === endpoint.id);
    expect(state.consecutiveFailures).toBe(0);
    await quiesce();
  });
});
