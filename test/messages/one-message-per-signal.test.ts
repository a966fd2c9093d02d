import nodemailer from 'nodemailer';
import pino from 'pino';
import { afterAll, describe, expect, test } from 'vitest';
import { acknowledgementSendAt } from '../../src/domain/index.ts';
import { toSystemTime } from '../../src/server/clock.ts';
import { inOrganization } from '../../src/server/db/tenant-scope.ts';
import { processInboundMail } from '../../src/server/modules/messages/intake/inbound-mail.service.ts';
import { smtpDelivery } from '../../src/server/modules/messages/outbox/mail-delivery.ts';
import { createOutboxWorker } from '../../src/server/modules/messages/outbox/outbox-worker.ts';
import { getCurrentCalendarSettings } from '../../src/server/modules/reference-data/calendar-settings.repository.ts';
import { createTestApp } from '../support/app.ts';
import { testNow } from '../support/clock.ts';
import { createComplaintWorld, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';

// Issue 21, policy 1.2: a signal that is not a complaint gets one message, also when it came by e-mail.
// The mailbox's intake service registers the mail; the worker delivers to a real SMTP sink; we count.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as, people } = world;
const sink = await startSmtpSink();
afterAll(() => sink.close());
const worker = createOutboxWorker({
  db: database.app,
  delivery: smtpDelivery(sink.url, 'Woonstichting Test <klachten@corporatie.example>'),
  logger: pino({ level: 'silent' }),
});
const builder = nodemailer.createTransport({ streamTransport: true, buffer: true });
let uid = 0;

/** A mail from the tenant arrives in the complaints mailbox and is processed as the IMAP intake does. */
async function mailArrives(from: string, subject: string, text: string) {
  uid += 1;
  const info = await builder.sendMail({
    from,
    to: 'klachten@corporatie.example',
    subject,
    text,
    messageId: `<signaal-${uid}@example.nl>`,
  });
  // received now on the server's clock, as the mailbox intake dates it (decision 042)
  const receivedAt = testNow();
  const outcome = await processInboundMail(
    database.app,
    world.organization.id,
    { mailbox: 'INBOX', uidValidity: '1', uid: String(uid), raw: info.message as Buffer, receivedAt },
    receivedAt,
  );
  expect(outcome.outcome).toBe('complaint');
  return { complaintId: outcome.complaintId as string, receivedAt };
}

async function subjectsTo(email: string) {
  await worker.drain();
  return sink.received.filter((m) => m.envelopeTo.includes(email)).map((m) => m.parsed.subject ?? '');
}

const outboxOf = (complaintId: string) =>
  database.owner
    .selectFrom('outbox_message')
    .select(['kind', 'status', 'next_attempt_at'])
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .execute();

const referenceOf = async (complaintId: string) =>
  (
    await database.owner
      .selectFrom('complaint')
      .select('reference')
      .where('id', '=', complaintId)
      .executeTakeFirstOrThrow()
  ).reference;

describe('an e-mail that is not a complaint gets one message (issue 21, policy 1.2)', () => {
  test('a repair request by e-mail, triaged as a referral: only "handled elsewhere"', async () => {
    const email = 'kraan@example.nl';
    const { complaintId, receivedAt } = await mailArrives(
      `Karin Kraan <${email}>`,
      'Kraan lekt',
      'De kraan in de keuken lekt al een week.',
    );
    // the acknowledgement waits for triage, at most until the domain's hold ends
    const settings = await inOrganization(database.app, world.organization.id, (trx) =>
      getCurrentCalendarSettings(trx),
    );
    const [held] = await outboxOf(complaintId);
    expect(held?.kind).toBe('acknowledgement');
    expect(held?.status).toBe('pending');
    const heldUntil = acknowledgementSendAt({
      channel: 'email',
      registeredByStaff: false,
      receivedAt,
      now: receivedAt,
      settings,
    });
    // the outbox waits on real time (the database's now()): the hold is stored shifted by the clock's offset
    expect(held?.next_attempt_at.toISOString()).toBe(toSystemTime(heldUntil).toISOString());
    expect(await subjectsTo(email)).toEqual([]);

    await step(as.eva, complaintId, 'assign', { handlerId: people.eva.id });
    await step(as.eva, complaintId, 'triage', { outcome: 'not_a_complaint', kind: 'repair_request' });
    const reference = await referenceOf(complaintId);
    expect(await subjectsTo(email)).toEqual([`Uw melding wordt elders behandeld (${reference})`]);
    expect((await outboxOf(complaintId)).map((m) => [m.kind, m.status])).toEqual([
      ['acknowledgement', 'cancelled'],
      ['referral', 'sent'],
    ]);
    // the timeline says the acknowledgement was held, and until when
    const queued = await database.owner
      .selectFrom('complaint_event')
      .select('payload')
      .where('complaint_id', '=', complaintId)
      .where('type', '=', 'acknowledgement_queued')
      .executeTakeFirstOrThrow();
    expect(queued.payload).toMatchObject({ heldUntil: heldUntil.toISOString() });
  });

  test('a complaint by e-mail: acknowledged when triage accepts it, before the "in behandeling"', async () => {
    const email = 'klacht-per-mail@example.nl';
    const { complaintId } = await mailArrives(
      `Mila Mail <${email}>`,
      'Niet teruggebeld',
      'Ik ben drie keer beloofd dat ik teruggebeld word, maar niemand belt.',
    );
    expect(await subjectsTo(email)).toEqual([]);
    await step(as.eva, complaintId, 'assign', { handlerId: people.eva.id });
    await step(as.eva, complaintId, 'triage', {
      outcome: 'complaint',
      category: 'no_or_late_answer',
      subject: { kind: 'department', departmentId: world.wonen.id },
    });
    const subjects = await subjectsTo(email);
    expect(subjects).toHaveLength(2);
    expect(subjects[0]).toMatch(/ontvangen/);
    expect(subjects[1]).toMatch(/behandeling/);
  });

  test('an e-mail nobody triages is still acknowledged when its hold ends (policy 2.3)', async () => {
    const email = 'niemand-kijkt@example.nl';
    const { complaintId } = await mailArrives(`Nina Niemand <${email}>`, 'Klacht', 'Niemand reageert.');
    expect(await subjectsTo(email)).toEqual([]);
    // the hold's end, reached without waiting a working day: the row becomes due as the clock would make it
    await database.owner
      .updateTable('outbox_message')
      .set({ next_attempt_at: new Date(Date.now() - 1000) })
      .where('complaint_id', '=', complaintId)
      .execute();
    const subjects = await subjectsTo(email);
    expect(subjects).toHaveLength(1);
    expect(subjects[0]).toMatch(/ontvangen/);
  });

  test('by phone the acknowledgement still goes at once', async () => {
    const email = 'telefoon@example.nl';
    const person = await database.owner
      .insertInto('person')
      .values({ organization_id: world.organization.id, name: 'Tom Telefoon', email, relation: 'tenant' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const registered = await as.eva.request({
      method: 'POST',
      url: '/api/complaints',
      payload: { channel: 'phone', complainantId: person.id, description: 'Niet teruggebeld.' },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const subjects = await subjectsTo(email);
    expect(subjects).toHaveLength(1);
    expect(subjects[0]).toMatch(/ontvangen/);
  });
});
