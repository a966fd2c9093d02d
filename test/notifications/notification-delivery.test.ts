import pino from 'pino';
import { describe, expect, test } from 'vitest';
import { satisfactionNeedsFollowUp } from '../../src/domain/index.ts';
import { processInboundMail } from '../../src/server/modules/messages/intake/inbound-mail.service.ts';
import { smtpDelivery } from '../../src/server/modules/messages/outbox/mail-delivery.ts';
import { createOutboxWorker } from '../../src/server/modules/messages/outbox/outbox-worker.ts';
import { sha256Hex } from '../../src/server/modules/portal/forms/form-token.ts';
import { createPortalApp, formTokenIn, postForm, submitComplaint } from '../portal/portal-support.ts';
import { type ComplaintWorld, createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import type { Client } from '../support/sessions.ts';
import { addresses, startSmtpSink } from '../support/smtp-sink.ts';

// Issue 22: every kind reaches the right people in the bell and, as they chose, by e-mail through the
// outbox — never the complaint's text, never someone who may not see the complaint, never twice.

const database = await createTestDatabase();
const app = await createPortalApp(database.app);
const world: ComplaintWorld = await createComplaintWorld(database.owner, app);
const { as, people } = world;
const sink = await startSmtpSink();
await app.inject({ method: 'GET', url: '/klacht' });
await database.owner
  .updateTable('portal_settings')
  .set({ intake_department_id: world.wonen.id })
  .where('organization_id', '=', world.organization.id)
  .execute();

const DESCRIPTION = 'GEHEIME-KLACHTTEKST: de buren maken ruzie over de schutting.';

async function complaintIdOf(token: string) {
  const row = await database.owner
    .selectFrom('complaint_status_link')
    .select('complaint_id')
    .where('token_hash', '=', sha256Hex(token))
    .executeTakeFirstOrThrow();
  return row.complaint_id;
}

async function websiteComplaint() {
  const { token } = await submitComplaint(app, { description: DESCRIPTION });
  return { token, id: await complaintIdOf(token) };
}

async function notificationsOf(userId: string, complaintId: string) {
  return database.owner
    .selectFrom('notification')
    .select(['kind', 'digested_at'])
    .where('user_id', '=', userId)
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .execute();
}

const kindsOf = async (userId: string, complaintId: string) =>
  (await notificationsOf(userId, complaintId)).map((n) => n.kind);

async function staffMails(complaintId: string) {
  return database.owner
    .selectFrom('outbox_message')
    .select(['recipient_to', 'subject', 'body_text'])
    .where('complaint_id', '=', complaintId)
    .where('kind', '=', 'staff_notification')
    .orderBy('created_at')
    .execute();
}

async function bell(client: Client) {
  const response = await client.request({ method: 'GET', url: '/api/notifications' });
  expect(response.statusCode).toBe(200);
  return response.json() as {
    unread: number;
    items: { id: string; kind: string; complaintId: string | null; link: string | null }[];
  };
}

describe('a new website complaint in the unassigned queue', () => {
  test('tells the department’s members and manager (bell; e-mail in the digest by default), nobody else', async () => {
    const { id } = await websiteComplaint();
    for (const person of [people.mia, people.eva, people.anna])
      expect(await notificationsOf(person.id, id)).toEqual([{ kind: 'new_in_queue', digested_at: null }]);
    for (const person of [people.karel, people.victor, people.bram])
      expect(await kindsOf(person.id, id)).toEqual([]);
    expect(await staffMails(id)).toEqual([]);
    const item = (await bell(as.eva)).items.find((n) => n.complaintId === id);
    expect(item).toMatchObject({ kind: 'new_in_queue', link: `/klachten/${id}` });
  });
});

describe('assignment and reassignment', () => {
  test('the new handler hears at once (bell and mail with reference and link, not the text); the actor does not', async () => {
    const { id } = await websiteComplaint();
    await step(as.mia, id, 'assign', { handlerId: people.eva.id });
    expect(await kindsOf(people.eva.id, id)).toEqual(['new_in_queue', 'assigned']);
    expect(await kindsOf(people.mia.id, id)).toEqual(['new_in_queue']);
    const [mail, ...more] = await staffMails(id);
    expect(more).toEqual([]);
    const { reference } = await database.owner
      .selectFrom('complaint')
      .select('reference')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(mail?.recipient_to).toEqual([people.eva.email]);
    expect(mail?.subject).toContain(reference);
    expect(mail?.body_text).toContain(`http://localhost:3000/klachten/${id}`);
    expect(mail?.body_text).toContain('Klacht aan u toegewezen');
    expect(mail?.body_text).not.toContain('GEHEIME-KLACHTTEKST');

    // The outbox delivers it to the mail server
    const worker = createOutboxWorker({
      db: database.app,
      delivery: smtpDelivery(sink.url, 'Gehoord <gehoord@corporatie.example>'),
      logger: pino({ level: 'silent' }),
    });
    await worker.drain();
    const delivered = sink.received.filter((m) => addresses(m.parsed.to).includes(people.eva.email));
    expect(delivered.map((m) => m.parsed.subject)).toContain(mail?.subject);
  });

  test('handing it on tells the new handler and the old one', async () => {
    const { id } = await websiteComplaint();
    await step(as.mia, id, 'assign', { handlerId: people.eva.id });
    await step(as.mia, id, 'assign', { handlerId: people.anna.id });
    expect(await kindsOf(people.anna.id, id)).toEqual(['new_in_queue', 'assigned']);
    expect(await kindsOf(people.eva.id, id)).toEqual(['new_in_queue', 'assigned', 'reassigned_away']);
    expect((await staffMails(id)).map((m) => m.recipient_to)).toEqual([
      [people.eva.email],
      [people.anna.email],
      [people.eva.email],
    ]);
  });

  test('picking a complaint up oneself tells nobody', async () => {
    const { id } = await websiteComplaint();
    await step(as.eva, id, 'assign', { handlerId: people.eva.id });
    expect(await kindsOf(people.eva.id, id)).toEqual(['new_in_queue']);
    expect(await staffMails(id)).toEqual([]);
  });

  test('confidential: the old handler, who may no longer see it, is not told', async () => {
    const { id } = await websiteComplaint();
    await step(as.mia, id, 'assign', { handlerId: people.eva.id });
    await step(as.eva, id, 'confidential', { reason: 'sensitive_personal_matter' });
    await step(as.mia, id, 'assign', { handlerId: people.anna.id });
    expect(await kindsOf(people.anna.id, id)).toEqual(['new_in_queue', 'assigned']);
    expect(await kindsOf(people.eva.id, id)).toEqual(['new_in_queue', 'assigned']);
    expect((await staffMails(id)).map((m) => m.recipient_to)).toEqual([
      [people.eva.email],
      [people.anna.email],
    ]);
  });
});

async function triaged() {
  const { id, token } = await websiteComplaint();
  await step(as.mia, id, 'assign', { handlerId: people.eva.id });
  await step(as.eva, id, 'triage', {
    outcome: 'complaint',
    category: 'repair_badly_done',
    subject: { kind: 'contractor', contractorId: world.contractor.id },
  });
  return { id, token };
}

describe('approvals', () => {
  test('the manager hears of the request, the requester of the approval', async () => {
    const { id } = await triaged();
    await step(as.eva, id, 'approval-requests', { subject: 'answer', note: 'Graag akkoord.' });
    expect(await kindsOf(people.mia.id, id)).toEqual(['new_in_queue', 'approval_requested']);
    await step(as.mia, id, 'approvals', { subject: 'answer' });
    expect(await kindsOf(people.eva.id, id)).toEqual(['new_in_queue', 'assigned', 'approval_given']);
    const mails = await staffMails(id);
    expect(mails.map((m) => m.recipient_to)).toEqual([
      [people.eva.email],
      [people.mia.email],
      [people.eva.email],
    ]);
    for (const mail of mails) expect(mail.body_text).not.toContain('Graag akkoord');
  });

  test('a refused approval tells the requester, with the reason only in the case; the approver leaves the waiting list', async () => {
    const { id } = await triaged();
    await step(as.eva, id, 'approval-requests', { subject: 'answer' });
    const refused = await step(as.mia, id, 'approval-refusals', {
      subject: 'answer',
      reason: 'REDEN-WEIGERING: de toon van het antwoord is te kortaf.',
    });
    expect(refused.timeline.at(-1)).toMatchObject({ type: 'approval_refused' });
    expect(await kindsOf(people.eva.id, id)).toEqual(['new_in_queue', 'assigned', 'approval_refused']);
    const last = (await staffMails(id)).at(-1);
    expect(last?.recipient_to).toEqual([people.eva.email]);
    expect(last?.body_text).toContain('Akkoord geweigerd');
    expect(last?.body_text).not.toContain('REDEN-WEIGERING');
    const waiting = await as.mia.request({ method: 'GET', url: '/api/manager/approvals-waiting' });
    expect(waiting.statusCode).toBe(200);
    expect(JSON.stringify(waiting.json())).not.toContain(id);
    // Only the manager refuses
    const byEva = await as.eva.request({
      method: 'POST',
      url: `/api/complaints/${id}/approval-refusals`,
      payload: { subject: 'answer', reason: 'Zelf geweigerd.' },
    });
    expect(byEva.statusCode).toBe(403);
    const empty = await as.mia.request({
      method: 'POST',
      url: `/api/complaints/${id}/approval-refusals`,
      payload: { subject: 'answer', reason: '' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toContain('application/problem+json');
  });
});

describe('the complainant writes', () => {
  test('a message on the status page tells the handler once, however often the form is sent', async () => {
    const { id, token } = await triaged();
    const statusPage = await app.inject({ method: 'GET', url: `/klacht/status/${token}` });
    const fields = { formToken: formTokenIn(statusPage.body), message: 'Er is nog steeds niemand geweest.' };
    expect((await postForm(app, `/klacht/status/${token}/bericht`, fields)).statusCode).toBe(303);
    await postForm(app, `/klacht/status/${token}/bericht`, fields);
    expect(await kindsOf(people.eva.id, id)).toEqual(['new_in_queue', 'assigned', 'complainant_message']);
    const last = (await staffMails(id)).at(-1);
    expect(last?.recipient_to).toEqual([people.eva.email]);
    expect(last?.body_text).not.toContain('niemand geweest');
  });
});

function mail(uid: string, from: string, subject: string, text: string) {
  const raw = [
    `From: ${from}`,
    'To: klachten@corporatie.example',
    `Subject: ${subject}`,
    `Message-ID: <notify-${uid}@example.nl>`,
    'Date: Mon, 7 Dec 2026 10:00:00 +0100',
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    '',
  ].join('\r\n');
  return { mailbox: 'INBOX', uidValidity: '1', uid, raw: Buffer.from(raw), receivedAt: null };
}

describe('the complainant writes by e-mail', () => {
  test('a new e-mail complaint tells the intake queue; a reply on a case tells the handler once', async () => {
    const org = world.organization.id;
    const created = await processInboundMail(
      database.app,
      org,
      mail('1', 'piet@example.nl', 'Klacht over de tuin', 'Het gras is al maanden niet gemaaid.'),
    );
    expect(created.outcome).toBe('complaint');
    for (const person of [people.mia, people.eva, people.anna])
      expect(await kindsOf(person.id, created.complaintId as string)).toEqual(['new_in_queue']);

    const complaint = await register(as.mia, {
      channel: 'phone',
      complainant: { name: 'Joke Bos', email: 'joke.bos@example.nl' },
      description: 'De cv-ketel maakt herrie.',
    });
    await step(as.mia, complaint.id, 'assign', { handlerId: people.eva.id });
    const reply = mail(
      '2',
      'joke.bos@example.nl',
      `Re: ${complaint.reference}`,
      'Hij doet het nog steeds niet.',
    );
    expect((await processInboundMail(database.app, org, reply)).outcome).toBe('reply');
    expect((await processInboundMail(database.app, org, reply)).outcome).toBe('already_processed');
    expect(await kindsOf(people.eva.id, complaint.id)).toEqual(['assigned', 'complainant_message']);
    const last = (await staffMails(complaint.id)).at(-1);
    expect(last?.body_text).toContain('Nieuw bericht van de klager');
    expect(last?.body_text).not.toContain('nog steeds niet');
  });
});

describe('a low satisfaction score', () => {
  test('tells the handler and the accountable manager; a good score tells nobody', async () => {
    for (const [handling, outcome] of [
      [2, 4],
      [5, 4],
    ] as const) {
      const { id, token } = await triaged();
      await step(as.eva, id, 'contacts', { kind: 'phone', direction: 'outbound', summary: 'Gebeld.' });
      await step(as.eva, id, 'assessment', {
        kind: 'policy_not_followed',
        verdict: 'upheld',
        apologyOffered: true,
        errorAdmitted: true,
        demonstrableDamage: false,
      });
      await step(as.eva, id, 'answer', { text: 'Ons antwoord.' });
      const page = (await app.inject({ method: 'GET', url: `/klacht/status/${token}` })).body;
      const formToken =
        /action="\/klacht\/status\/[^"]+\/tevredenheid"[^>]*>\s*<input type="hidden" name="formToken" value="([^"]+)"/.exec(
          page,
        )?.[1] ?? '';
      const rated = await postForm(app, `/klacht/status/${token}/tevredenheid`, {
        formToken,
        handling: String(handling),
        outcome: String(outcome),
      });
      expect(rated.statusCode).toBe(303);
      const low = satisfactionNeedsFollowUp({ handling, outcome });
      const { responsible_manager_id } = await database.owner
        .selectFrom('complaint')
        .select('responsible_manager_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(responsible_manager_id).toBe(people.mia.id);
      for (const userId of [people.eva.id, people.mia.id])
        expect((await kindsOf(userId, id)).includes('low_satisfaction'), `${handling}/${outcome}`).toBe(low);
    }
  });
});
