import pino from 'pino';
import { describe, expect, test } from 'vitest';
import { smtpDelivery } from '../../src/server/modules/messages/outbox/mail-delivery.ts';
import { createOutboxWorker } from '../../src/server/modules/messages/outbox/outbox-worker.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { createStaffUser } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const sink = await startSmtpSink();
const silent = pino({ level: 'silent' });
const FROM = 'Woonstichting Test <klachten@corporatie.example>';
const admin = await createStaffUser(database.owner, world.organization.id, { roles: ['employee', 'admin'] });
const formerAdmin = await createStaffUser(database.owner, world.organization.id, {
  roles: ['employee', 'admin'],
});
const asAdmin = await signInAs(app, admin.email);
await database.owner
  .updateTable('staff_user')
  .set({ active: false })
  .where('id', '=', formerAdmin.id)
  .execute();

sink.reject.set('bestaat-niet@example.nl', { code: 550, message: '5.1.1 No such user here' });
sink.reject.set('volle-bus@example.nl', { code: 452, message: '4.2.2 Mailbox full' });

const worker = (options: { maxAttempts?: number; backoffMs?: number }) =>
  createOutboxWorker({
    db: database.app,
    delivery: smtpDelivery(sink.url, FROM),
    logger: silent,
    ...options,
  });

async function registerFor(email: string) {
  return register(world.as.eva, {
    channel: 'phone',
    complainant: { name: 'Mevrouw Onbereikbaar', email },
    description: 'De voordeur sluit niet meer.',
  });
}

async function acknowledgementOf(complaintId: string) {
  return database.owner
    .selectFrom('outbox_message')
    .select(['id', 'status', 'attempts'])
    .where('complaint_id', '=', complaintId)
    .where('kind', '=', 'acknowledgement')
    .executeTakeFirstOrThrow();
}

async function alertsFor(client: typeof asAdmin, complaintId: string) {
  const response = await client.request({ method: 'GET', url: '/api/notifications' });
  expect(response.statusCode).toBe(200);
  return (
    response.json().items as {
      kind: string;
      complaintId: string | null;
      link: string | null;
      title: { nl: string; en: string };
    }[]
  ).filter((n) => n.kind === 'message_failed' && n.complaintId === complaintId);
}

async function alertRows(complaintId: string) {
  return database.owner
    .selectFrom('notification')
    .select(['user_id'])
    .where('kind', '=', 'message_failed')
    .where('complaint_id', '=', complaintId)
    .execute();
}

describe('a message the outbox gives up on alerts the administrators', () => {
  test('a permanent refusal (5xx): one in-app alert per active administrator, linked to the case', async () => {
    const complaint = await registerFor('bestaat-niet@example.nl');
    await worker({}).drain();
    expect(await acknowledgementOf(complaint.id)).toMatchObject({ status: 'failed', attempts: 1 });

    const alerts = await alertsFor(asAdmin, complaint.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.title.nl).toMatch(/kon niet worden bezorgd/);
    expect(alerts[0]?.title.en).toMatch(/could not be delivered/);
    // issue 22: it leads to the outbox view, where the message can be sent again
    expect(alerts[0]?.link).toBe('/beheer/uitgaand');
    // Only administrators, and no one who has left
    expect((await alertRows(complaint.id)).map((r) => r.user_id)).toEqual([admin.id]);
    expect(await alertsFor(world.as.eva, complaint.id)).toEqual([]);
  });

  test('temporary failures alert nobody until the attempts are used up; a retry that fails again alerts again', async () => {
    const complaint = await registerFor('volle-bus@example.nl');
    await worker({ maxAttempts: 2, backoffMs: 60_000 }).drain();
    expect(await acknowledgementOf(complaint.id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await alertRows(complaint.id)).toEqual([]);

    const ack = await acknowledgementOf(complaint.id);
    await database.owner
      .updateTable('outbox_message')
      .set({ next_attempt_at: new Date() })
      .where('id', '=', ack.id)
      .execute();
    await worker({ maxAttempts: 2, backoffMs: 60_000 }).drain();
    expect(await acknowledgementOf(complaint.id)).toMatchObject({ status: 'failed', attempts: 2 });
    expect(await alertsFor(asAdmin, complaint.id)).toHaveLength(1);

    // The administrator sends it again from the outbox view; it fails again at once on a 5xx: a second alert
    sink.reject.set('volle-bus@example.nl', { code: 550, message: '5.1.1 Gave up' });
    const retried = await asAdmin.request({ method: 'POST', url: `/api/admin/outbox/${ack.id}/retry` });
    expect(retried.statusCode).toBe(200);
    await worker({ maxAttempts: 2, backoffMs: 60_000 }).drain();
    expect(await acknowledgementOf(complaint.id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await alertsFor(asAdmin, complaint.id)).toHaveLength(2);
  });

  test('a delivered message raises no alert', async () => {
    const complaint = await registerFor('bereikbaar@example.nl');
    await worker({}).drain();
    expect(await acknowledgementOf(complaint.id)).toMatchObject({ status: 'sent' });
    expect(await alertRows(complaint.id)).toEqual([]);
  });
});
