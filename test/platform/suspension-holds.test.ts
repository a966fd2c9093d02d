import pino from 'pino';
import { afterAll, describe, expect, test } from 'vitest';
import { runWebhookDeliveries } from '../../src/server/modules/integrations/webhook-delivery.service.ts';
import { smtpDelivery } from '../../src/server/modules/messages/outbox/mail-delivery.ts';
import { createOutboxWorker } from '../../src/server/modules/messages/outbox/outbox-worker.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { createStaffUser } from '../support/staff-factories.ts';
import { startWebhookReceiver } from '../support/webhook-receiver.ts';

// Decision 047 (amended): mail and webhooks already queued for a corporation that is then suspended are held —
// not sent, not dropped — and go out once it is resumed.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const sink = await startSmtpSink();
afterAll(() => sink.close());
const admin = await signInAs(
  app,
  (await createStaffUser(database.owner, world.organization.id, { roles: ['employee', 'admin'] })).email,
);

const { url: receiverUrl, received } = await startWebhookReceiver();
const hook = await admin.request({
  method: 'POST',
  url: '/api/admin/webhooks',
  payload: {
    name: 'CRM',
    url: receiverUrl,
    eventTypes: ['complaint.registered'],
    allowPrivateNetwork: true,
  },
});
expect(hook.statusCode, hook.body).toBe(201);

const mailWorker = () =>
  createOutboxWorker({
    db: database.app,
    delivery: smtpDelivery(sink.url, 'Woonstichting Test <klachten@corporatie.example>'),
    logger: pino({ level: 'silent' }),
  });
const setSuspended = (at: Date | null) =>
  database.owner
    .updateTable('organization')
    .set({ suspended_at: at })
    .where('id', '=', world.organization.id)
    .execute();

describe('a suspended corporation’s queued mail and webhooks', () => {
  test('are held while it is suspended and sent once it is resumed', async () => {
    const complaint = await register(world.as.eva, {
      channel: 'phone',
      complainant: { name: 'Mevrouw Wachtrij', email: 'wachtrij@example.nl' },
      description: 'De voordeur sluit niet meer.',
    });
    const queued = await database.owner
      .selectFrom('outbox_message')
      .select(['id', 'status'])
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((m) => m.status === 'pending')).toBe(true);

    await setSuspended(new Date());
    expect(await mailWorker().drain()).toBe(0);
    const webhooksWhileSuspended = await runWebhookDeliveries(database.owner, {
      publicUrl: 'http://localhost:3000',
      timeoutMs: 2_000,
    });
    expect(webhooksWhileSuspended.delivered).toBe(0);
    expect(sink.received).toHaveLength(0);
    expect(received).toHaveLength(0);
    const held = await database.owner
      .selectFrom('outbox_message')
      .select(['status', 'attempts'])
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(held.every((m) => m.status === 'pending' && m.attempts === 0)).toBe(true);
    const heldHooks = await database.owner
      .selectFrom('webhook_delivery')
      .select(['status', 'attempts'])
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(heldHooks).toEqual([{ status: 'pending', attempts: 0 }]);

    await setSuspended(null);
    expect(await mailWorker().drain()).toBe(queued.length);
    expect(sink.received.length).toBe(queued.length);
    const after = await runWebhookDeliveries(database.owner, {
      publicUrl: 'http://localhost:3000',
      timeoutMs: 2_000,
    });
    expect(after.delivered).toBe(1);
    expect(JSON.parse(received[0] ?? '{}').type).toBe('complaint.registered');
  });
});
