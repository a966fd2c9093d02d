import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import pino from 'pino';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  mailboxDelivery,
  messageIdFor,
  smtpDelivery,
} from '../../src/server/modules/messages/outbox/mail-delivery.ts';
import { createOutboxWorker } from '../../src/server/modules/messages/outbox/outbox-worker.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { addresses, startSmtpSink } from '../support/smtp-sink.ts';
import { createStaffUser } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const sink = await startSmtpSink();
const FROM = 'Woonstichting Test <klachten@corporatie.example>';
const silent = pino({ level: 'silent' });
const admin = await createStaffUser(database.owner, world.organization.id, { roles: ['employee', 'admin'] });
const asAdmin = await signInAs(app, admin.email);

await database.owner
  .updateTable('person')
  .set({ email: 'jannie@example.nl' })
  .where('id', '=', world.tenant.id)
  .execute();

function smtpWorker(options: { maxAttempts?: number; backoffMs?: number } = {}) {
  return createOutboxWorker({
    db: database.app,
    delivery: smtpDelivery(sink.url, FROM),
    logger: silent,
    ...options,
  });
}

// Progress updates to the complainant (in handling, closed) have their own test; here they would only add noise
async function outboxFor(complaintId: string) {
  return database.owner
    .selectFrom('outbox_message')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .where('kind', 'not like', 'progress\\_%')
    .orderBy('created_at')
    .execute();
}

beforeEach(async () => {
  // Each test counts its own deliveries: send what earlier tests left queued (e.g. progress updates) first
  await smtpWorker().drain();
});

async function timeline(complaintId: string) {
  const response = await world.as.eva.request({ method: 'GET', url: `/api/complaints/${complaintId}` });
  expect(response.statusCode).toBe(200);
  return response.json().timeline as {
    type: string;
    summary: string | null;
    payload: Record<string, unknown>;
  }[];
}

async function registerPhoneComplaint() {
  return register(world.as.eva, {
    channel: 'phone',
    complainantId: world.tenant.id,
    description: 'De cv-ketel is al drie weken kapot en niemand komt.',
  });
}

describe('outbound mail through the outbox and a real SMTP server', () => {
  test('a phone complaint gets an acknowledgement with reference and term date; the timeline shows it sent', async () => {
    const complaint = await registerPhoneComplaint();
    const queued = await outboxFor(complaint.id);
    expect(queued.map((m) => [m.kind, m.status])).toEqual([['acknowledgement', 'pending']]);

    const before = sink.received.length;
    expect(await smtpWorker().drain()).toBe(1);
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    expect(mail?.envelopeTo).toEqual(['jannie@example.nl']);
    expect(addresses(mail?.parsed.to)).toEqual(['jannie@example.nl']);
    expect(mail?.parsed.subject).toBe(`Wij hebben uw klacht ontvangen (${complaint.reference})`);
    const dueDate = new Intl.DateTimeFormat('nl-NL', {
      dateStyle: 'long',
      timeZone: 'Europe/Amsterdam',
    }).format(new Date(complaint.term.dueAt));
    expect(mail?.parsed.text).toContain(`uiterlijk op ${dueDate}`);
    expect(mail?.parsed.text).toContain('Beste Jannie de Vries,');
    // issue 21: the working private link, which opens this complaint's status page
    const statusPath = /http:\/\/localhost:3000(\/klacht\/status\/[A-Za-z0-9_-]{43})/.exec(
      mail?.parsed.text ?? '',
    )?.[1];
    expect(statusPath).toBeDefined();
    const statusPage = await app.inject({ method: 'GET', url: statusPath ?? '' });
    expect(statusPage.statusCode).toBe(200);
    expect(statusPage.body).toContain(complaint.reference);
    // the Message-ID is the outbox id's, so a resend is recognisable as the same message
    expect(mail?.parsed.messageId).toBe(messageIdFor(queued[0]?.id ?? '', FROM));

    const [sent] = await outboxFor(complaint.id);
    expect(sent?.status).toBe('sent');
    expect(sent?.provider_message_id).toMatch(/^250/);
    const events = await timeline(complaint.id);
    const event = events.find((e) => e.type === 'message_sent');
    expect(event?.payload).toMatchObject({
      outboxId: sent?.id,
      kind: 'acknowledgement',
      to: ['jannie@example.nl'],
      cc: [],
      bodyText: sent?.body_text,
    });
    expect(events.find((e) => e.type === 'acknowledgement_queued')?.payload).toEqual({
      outboxIds: [sent?.id],
    });
  });

  test('the answer goes to the complainant with a cc to the manager and the management assistant', async () => {
    const complaint = await registerPhoneComplaint();
    await step(world.as.eva, complaint.id, 'triage', {
      outcome: 'complaint',
      category: 'no_or_late_answer',
      subject: { kind: 'department', departmentId: world.wonen.id },
    });
    await step(world.as.eva, complaint.id, 'contacts', {
      kind: 'phone',
      direction: 'outbound',
      summary: 'Gebeld.',
    });
    await step(world.as.eva, complaint.id, 'assessment', {
      kind: 'policy_not_followed',
      verdict: 'upheld',
      apologyOffered: true,
      errorAdmitted: true,
      demonstrableDamage: false,
    });
    // before sending: the text in the letter and the domain's cc, with names and addresses
    const preview = await world.as.eva.request({
      method: 'POST',
      url: `/api/complaints/${complaint.id}/answer-preview`,
      payload: { text: 'Concept: de ketel wordt vervangen.' },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      delivery: 'email',
      to: [{ role: 'complainant', name: 'Jannie de Vries', email: 'jannie@example.nl' }],
      cc: [
        { role: 'manager', name: 'Mia Manager', email: world.people.mia.email },
        { role: 'management_assistant', name: 'Anna Assistent', email: world.people.anna.email },
      ],
      recipientProblem: null,
      subject: `Reactie op uw klacht (${complaint.reference})`,
    });
    expect(preview.json().bodyText).toContain('Concept: de ketel wordt vervangen.');
    expect(await outboxFor(complaint.id)).toHaveLength(1); // nothing queued by a preview
    const answerText =
      'Wij hebben de ketel op 2 december vervangen. Onze excuses voor het lange wachten — één week is al te lang.';
    await step(world.as.eva, complaint.id, 'answer', { text: answerText });

    const before = sink.received.length;
    // the acknowledgement and the answer: the acknowledgement already named Eva, so accepting the complaint
    // with her as handler sends no second "in behandeling" (issue 21: at most one message per step)
    expect(await smtpWorker().drain()).toBe(2);
    const mails = (await sink.waitFor(before + 2)).slice(before);
    const answer = mails.find((m) => m.parsed.subject?.startsWith('Reactie op uw klacht'));
    expect(answer?.parsed.subject).toBe(`Reactie op uw klacht (${complaint.reference})`);
    expect(addresses(answer?.parsed.to)).toEqual(['jannie@example.nl']);
    expect(addresses(answer?.parsed.cc).sort()).toEqual(
      [world.people.mia.email, world.people.anna.email].sort(),
    );
    expect(answer?.envelopeTo.sort()).toEqual(
      ['jannie@example.nl', world.people.mia.email, world.people.anna.email].sort(),
    );
    expect(answer?.parsed.text).toContain(answerText);
    expect(answer?.parsed.text).toContain('regionale klachtencommissie');
    expect(answer?.parsed.text).toContain('Huurcommissie');
    expect(answer?.parsed.text).toContain('Eva Behandelaar');

    const events = await timeline(complaint.id);
    const answerSent = events.find((e) => e.type === 'answer_sent');
    const sentMessages = events.filter((e) => e.type === 'message_sent');
    expect(sentMessages.map((e) => e.payload.kind).sort()).toEqual(['acknowledgement', 'answer']);
    const answerMessage = sentMessages.find((e) => e.payload.kind === 'answer');
    expect(answerSent?.payload.outboxIds).toEqual([answerMessage?.payload.outboxId]);
    expect(answerMessage?.payload.cc).toEqual(
      expect.arrayContaining([world.people.mia.email, world.people.anna.email]),
    );
    expect(String(answerMessage?.payload.bodyText)).toContain(answerText);
  });

  test('a complainant without e-mail gets the acknowledgement as a letter to post; web submissions are the portal’s', async () => {
    const noEmail = await register(world.as.eva, {
      channel: 'letter',
      complainant: {
        name: 'Piet Post',
        relation: 'tenant',
        postalAddress: 'Dorpsstraat 1, 3155 AA Maasland',
      },
      description: 'Brief over de tuin.',
    });
    // issue 21: on the "te posten" list, never claimed by the mail worker
    expect((await outboxFor(noEmail.id)).map((m) => [m.kind, m.status, m.recipient_to])).toEqual([
      ['acknowledgement', 'to_post', ['Piet Post']],
    ]);
    const web = await register(world.as.eva, {
      channel: 'web',
      complainant: { name: 'Wim Web', relation: 'tenant', email: 'wim@example.nl' },
      description: 'Via het webformulier.',
    });
    expect(await outboxFor(web.id)).toEqual([]);
  });

  test('a refused recipient (5xx) fails at once and shows on the case and in the admin view', async () => {
    sink.reject.set('onbekend@example.nl', { code: 550, message: 'No such user here' });
    const complaint = await register(world.as.eva, {
      channel: 'email',
      complainant: { name: 'Onbekend', relation: 'tenant', email: 'onbekend@example.nl' },
      description: 'Mail naar een adres dat niet bestaat.',
    });
    expect(await smtpWorker().drain()).toBe(1);
    const [failed] = await outboxFor(complaint.id);
    expect(failed?.status).toBe('failed');
    expect(failed?.attempts).toBe(1);
    expect(failed?.last_error).toContain('550');
    const event = (await timeline(complaint.id)).find((e) => e.type === 'message_failed');
    expect(event?.payload).toMatchObject({ outboxId: failed?.id, attempts: 1, to: ['onbekend@example.nl'] });

    const list = await asAdmin.request({ method: 'GET', url: '/api/admin/outbox?status=failed' });
    expect(list.statusCode).toBe(200);
    expect(list.json().map((m: { id: string }) => m.id)).toEqual([failed?.id]);
    // issue 22: the kind in words for the outbox screen, never a raw code
    expect(list.json()[0]).toMatchObject({
      kind: failed?.kind,
      kindLabel: { nl: expect.not.stringMatching(/_/), en: expect.not.stringMatching(/_/) },
    });
    expect((await world.as.eva.request({ method: 'GET', url: '/api/admin/outbox' })).statusCode).toBe(403);
    const bad = await asAdmin.request({ method: 'GET', url: '/api/admin/outbox?status=lost' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');

    // once the address is fixed at the other end, an admin queues it again
    sink.reject.delete('onbekend@example.nl');
    const notAdmin = await world.as.eva.request({
      method: 'POST',
      url: `/api/admin/outbox/${failed?.id}/retry`,
    });
    expect(notAdmin.statusCode).toBe(403);
    const receivedBefore = sink.received.length;
    const retried = await asAdmin.request({ method: 'POST', url: `/api/admin/outbox/${failed?.id}/retry` });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await smtpWorker().drain()).toBe(1);
    expect((await outboxFor(complaint.id))[0]?.status).toBe('sent');
    // really redelivered: the sink received it this time
    expect(sink.received.slice(receivedBefore).flatMap((mail) => mail.envelopeTo)).toContain(
      'onbekend@example.nl',
    );
    // issue 22: who sent it again is in the audit log, with ids only
    const audit = await asAdmin.request({ url: '/api/admin/auth-events?type=outbox_retried' });
    expect(audit.json().items).toEqual([
      expect.objectContaining({
        type: 'outbox_retried',
        actorUserId: admin.id,
        details: { outboxMessageId: failed?.id, kind: failed?.kind },
      }),
    ]);
    const again = await asAdmin.request({ method: 'POST', url: `/api/admin/outbox/${failed?.id}/retry` });
    expect(again.statusCode).toBe(409);
  });

  test('an unreachable server is retried with backoff, then marked failed after the last attempt', async () => {
    const complaint = await registerPhoneComplaint();
    const unreachable = createOutboxWorker({
      db: database.app,
      // nothing listens on port 9 of loopback: connection refused
      delivery: smtpDelivery('smtp://127.0.0.1:9', FROM),
      logger: silent,
      maxAttempts: 3,
      backoffMs: 60_000,
    });
    expect(await unreachable.drain()).toBe(1);
    let [row] = await outboxFor(complaint.id);
    expect(row?.status).toBe('pending');
    expect(row?.attempts).toBe(1);
    expect(row?.last_error).toContain('ECONNREFUSED');
    // not due yet: backoff of a minute
    expect(row?.next_attempt_at.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(await unreachable.drain()).toBe(0);

    for (const expectedAttempts of [2, 3]) {
      await database.owner
        .updateTable('outbox_message')
        .set({ next_attempt_at: new Date(Date.now() - 1000) })
        .where('id', '=', row?.id ?? '')
        .execute();
      expect(await unreachable.drain()).toBe(1);
      [row] = await outboxFor(complaint.id);
      expect(row?.attempts).toBe(expectedAttempts);
    }
    expect(row?.status).toBe('failed');
    expect((await timeline(complaint.id)).filter((e) => e.type === 'message_failed')).toHaveLength(1);
  });

  test('without SMTP the mail lands as an .eml file in the local mailbox, listed in the admin view', async () => {
    const directory = path.join(await mkdtemp(path.join(tmpdir(), 'gehoord-data-')), 'mailbox');
    const complaint = await registerPhoneComplaint();
    const worker = createOutboxWorker({
      db: database.app,
      delivery: mailboxDelivery(directory, FROM),
      logger: silent,
    });
    expect(await worker.drain()).toBe(1);
    const [row] = await outboxFor(complaint.id);
    expect(await readdir(directory)).toEqual([`${row?.id}.eml`]);
    const parsed = await simpleParser(await readFile(path.join(directory, `${row?.id}.eml`)));
    expect(parsed.subject).toBe(`Wij hebben uw klacht ontvangen (${complaint.reference})`);
    expect(addresses(parsed.to)).toEqual(['jannie@example.nl']);
    expect(parsed.messageId).toBe(messageIdFor(row?.id ?? '', FROM));

    const list = await asAdmin.request({
      method: 'GET',
      url: `/api/admin/outbox?status=sent&complaintId=${complaint.id}`,
    });
    expect(list.json()).toMatchObject([
      { id: row?.id, providerMessageId: `mailbox:${row?.id}.eml`, kind: 'acknowledgement' },
    ]);
    const detail = await asAdmin.request({ method: 'GET', url: `/api/admin/outbox/${row?.id}` });
    expect(detail.json().bodyText).toContain(complaint.reference);
  });

  test('the started worker delivers by itself and stops cleanly', async () => {
    const complaint = await registerPhoneComplaint();
    const before = sink.received.length;
    const worker = createOutboxWorker({
      db: database.app,
      delivery: smtpDelivery(sink.url, FROM),
      logger: silent,
      pollIntervalMs: 50,
    });
    worker.start();
    await sink.waitFor(before + 1);
    await worker.stop();
    expect((await outboxFor(complaint.id))[0]?.status).toBe('sent');
  });
});
