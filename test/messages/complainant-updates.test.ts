import pino from 'pino';
import { afterAll, describe, expect, test } from 'vitest';
import { addWorkingDays, DEFAULT_CALENDAR_SETTINGS, toLocalDate } from '../../src/domain/index.ts';
import { smtpDelivery } from '../../src/server/modules/messages/outbox/mail-delivery.ts';
import { createOutboxWorker } from '../../src/server/modules/messages/outbox/outbox-worker.ts';
import { createPortalApp, submitComplaint, validComplaint } from '../portal/portal-support.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { createStaffUser } from '../support/staff-factories.ts';

// Issue 21: progress to the complainant on every step that matters to them, by their channel, at most one
// message per step, and one message for a signal that is not a complaint. Counted in the real SMTP sink.

const database = await createTestDatabase();
const app = await createPortalApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as, people } = world;
const sink = await startSmtpSink();
afterAll(() => sink.close());
const worker = createOutboxWorker({
  db: database.app,
  delivery: smtpDelivery(sink.url, 'Woonstichting Test <klachten@corporatie.example>'),
  logger: pino({ level: 'silent' }),
});
const sam = await createStaffUser(database.owner, world.organization.id, {
  name: 'Sam Smit',
  departmentId: world.wonen.id,
});
const asSam = await signInAs(app, sam.email);

/** Every mail this address received, in order, after sending what is queued. */
async function mailsTo(email: string) {
  await worker.drain();
  return sink.received
    .filter((m) => m.envelopeTo.includes(email))
    .map((m) => ({ subject: m.parsed.subject ?? '', text: m.parsed.text ?? '' }));
}

async function personWith(values: { name: string; email?: string; address?: string }) {
  return database.owner
    .insertInto('person')
    .values({
      organization_id: world.organization.id,
      name: values.name,
      email: values.email ?? null,
      relation: 'tenant',
      unit_id: world.unit.id,
      postal_address: values.address ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const TRIAGE = {
  outcome: 'complaint',
  category: 'no_or_late_answer',
  subject: { kind: 'department', departmentId: world.wonen.id },
};

async function answerAs(client: typeof asSam, complaintId: string, text: string) {
  await step(client, complaintId, 'contacts', { kind: 'phone', direction: 'outbound', summary: 'Gebeld.' });
  await step(client, complaintId, 'assessment', {
    kind: 'policy_not_followed',
    verdict: 'upheld',
    apologyOffered: true,
    errorAdmitted: true,
    demonstrableDamage: false,
  });
  await step(client, complaintId, 'answer', { text });
}

/** A working day after the complaint's due day, computed with the domain's calendar (any day the test runs). */
function laterWorkingDay(dueAt: string, days: number): string {
  return addWorkingDays(toLocalDate(new Date(dueAt)), days, DEFAULT_CALENDAR_SETTINGS);
}

describe('one complainant over a full life: one message per step (issue 21, policy 1.1)', () => {
  test('register → assign twice → extend → answer → close → committee: exactly five mails', async () => {
    const email = 'levensloop@example.nl';
    const person = await personWith({ name: 'Lies Levensloop', email });
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: person.id,
      description: 'De lift staat al twee weken stil.',
    });
    const ref = complaint.reference;
    // accepted with the handler the acknowledgement named: nothing new to tell
    await step(as.eva, complaint.id, 'triage', TRIAGE);
    // the manager assigns, and corrects it a minute later: one mail, with the last handler
    await step(as.mia, complaint.id, 'assign', { handlerId: people.anna.id });
    const assigned = await step(as.mia, complaint.id, 'assign', { handlerId: sam.id });
    const newDueDay = laterWorkingDay(assigned.term.dueAt, 3);
    await step(as.mia, complaint.id, 'extensions', {
      newDueDay,
      reason: 'Wachten op de liftmonteur.',
      noticeText: 'De liftmonteur kan pas volgende week komen.',
    });
    // once told, a later reassignment stays quiet; the status page shows who handles it
    await step(as.mia, complaint.id, 'assign', { handlerId: sam.id });
    await answerAs(asSam, complaint.id, 'De lift is gerepareerd.');
    await step(asSam, complaint.id, 'close');
    // not satisfied, the tenant turns to the regional committee (policy 1.3); its reference adds no mail
    await step(asSam, complaint.id, 'committee');
    await step(asSam, complaint.id, 'committee/reference', { reference: 'RKC-2026-17' });

    const mails = await mailsTo(email);
    expect(mails.map((m) => m.subject)).toEqual([
      `Wij hebben uw klacht ontvangen (${ref})`,
      `Uw klacht ${ref} is in behandeling`,
      `Wij hebben meer tijd nodig voor uw klacht (${ref})`,
      `Reactie op uw klacht (${ref})`,
      `Uw klacht ${ref} ligt bij de klachtencommissie`,
    ]);
    const [acknowledgement, inHandling, extension] = mails;
    expect(acknowledgement?.text).toContain('Eva Behandelaar');
    expect(inHandling?.text).toContain('Sam Smit');
    expect(inHandling?.text).not.toContain('Anna');
    expect(inHandling?.text).toMatch(/http:\/\/localhost:3000\/klacht\/status\/[A-Za-z0-9_-]{43}/);
    // the new date and why, in B1
    expect(extension?.text).toContain('De liftmonteur kan pas volgende week komen.');
    const [y, m, d] = newDueDay.split('-').map(Number);
    expect(extension?.text).toContain(String(d));
    expect(extension?.text).toContain(String(y));
    expect(m).toBeGreaterThan(0);
    // the replaced assignment mail is kept, withdrawn, for the record
    const outbox = await database.owner
      .selectFrom('outbox_message')
      .select(['kind', 'status', 'step_key'])
      .where('complaint_id', '=', complaint.id)
      .where('kind', '=', 'progress_in_handling')
      .orderBy('created_at')
      .execute();
    expect(outbox).toEqual([
      { kind: 'progress_in_handling', status: 'cancelled', step_key: `assigned:${people.anna.id}` },
      { kind: 'progress_in_handling', status: 'sent', step_key: `assigned:${sam.id}` },
    ]);
  });

  test('assigned away and back within minutes: no mail at all', async () => {
    const email = 'heen-en-terug@example.nl';
    const person = await personWith({ name: 'Henk Heen', email });
    const complaint = await register(as.eva, {
      channel: 'email',
      complainantId: person.id,
      description: 'Niemand belt terug.',
    });
    await step(as.eva, complaint.id, 'triage', TRIAGE);
    await step(as.mia, complaint.id, 'assign', { handlerId: sam.id });
    await step(as.mia, complaint.id, 'assign', { handlerId: people.eva.id });
    expect((await mailsTo(email)).map((m) => m.subject)).toEqual([
      `Wij hebben uw klacht ontvangen (${complaint.reference})`,
    ]);
  });

  test('withdrawn: one message saying so', async () => {
    const email = 'intrekker@example.nl';
    const person = await personWith({ name: 'Ina Intrekker', email });
    const complaint = await register(as.eva, {
      channel: 'desk',
      complainantId: person.id,
      description: 'De tuin is niet gemaaid.',
    });
    await step(as.eva, complaint.id, 'triage', TRIAGE);
    await step(as.eva, complaint.id, 'withdraw', { reason: 'Klager heeft het zelf opgelost.' });
    const subjects = (await mailsTo(email)).map((m) => m.subject);
    expect(subjects).toEqual([
      `Wij hebben uw klacht ontvangen (${complaint.reference})`,
      `Uw klacht ${complaint.reference} is ingetrokken`,
    ]);
  });
});

describe('a step message that failed for good (issue 21)', () => {
  test('the step may be told again; the failed one is then not sent again on top', async () => {
    const admin = await createStaffUser(database.owner, world.organization.id, {
      roles: ['employee', 'admin'],
    });
    const asAdmin = await signInAs(app, admin.email);
    const email = 'mislukt@example.nl';
    const person = await personWith({ name: 'Mila Mislukt', email });
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: person.id,
      description: 'De verwarming is koud.',
    });
    await step(as.eva, complaint.id, 'triage', TRIAGE);
    await step(as.mia, complaint.id, 'assign', { handlerId: sam.id });
    // the mail server refused it for good (as the worker marks it after its last attempt)
    const failed = await database.owner
      .updateTable('outbox_message')
      .set({ status: 'failed', last_error: '550 mailbox unavailable' })
      .where('complaint_id', '=', complaint.id)
      .where('kind', '=', 'progress_in_handling')
      .returning('id')
      .executeTakeFirstOrThrow();
    await step(as.mia, complaint.id, 'assign', { handlerId: people.anna.id });
    const live = await database.owner
      .selectFrom('outbox_message')
      .select(['status', 'step_key'])
      .where('complaint_id', '=', complaint.id)
      .where('kind', '=', 'progress_in_handling')
      .where('status', '=', 'pending')
      .execute();
    expect(live).toEqual([{ status: 'pending', step_key: `assigned:${people.anna.id}` }]);
    const retried = await asAdmin.request({
      method: 'POST',
      url: `/api/admin/outbox/${failed.id}/retry`,
    });
    expect(retried.statusCode, retried.body).toBe(409);
  });
});

describe('a signal that is not a complaint gets one message (issue 21, policy 1.2)', () => {
  test('a repair request sent anyway through the web form: only "handled elsewhere"', async () => {
    const email = 'reparatie@example.nl';
    await submitComplaint(app, {
      topic: 'repair',
      submitAnyway: '1',
      email,
      name: 'Ria Reparatie',
      description: 'De kraan in de keuken lekt.',
    });
    const complaint = await database.owner
      .selectFrom('complaint')
      .innerJoin('person', 'person.id', 'complaint.complainant_id')
      .select(['complaint.id', 'complaint.reference'])
      .where('person.email', '=', email)
      .executeTakeFirstOrThrow();
    expect(await mailsTo(email)).toEqual([]);
    // picked up before triage: nothing to tell yet, it may be no complaint at all
    await step(as.eva, complaint.id, 'assign', { handlerId: people.eva.id });
    await step(as.eva, complaint.id, 'triage', { outcome: 'not_a_complaint', kind: 'repair_request' });
    const mails = await mailsTo(email);
    expect(mails.map((m) => m.subject)).toEqual([
      `Uw melding wordt elders behandeld (${complaint.reference})`,
    ]);
    expect(mails[0]?.text).toContain('Reparatieverzoeken');
  });

  test('registered at the desk and referred at once: the waiting "complaint received" is withdrawn', async () => {
    const email = 'balie-reparatie@example.nl';
    const person = await personWith({ name: 'Bart Balie', email });
    const complaint = await register(as.eva, {
      channel: 'desk',
      complainantId: person.id,
      description: 'Het raam klemt.',
    });
    await step(as.eva, complaint.id, 'triage', { outcome: 'not_a_complaint', kind: 'repair_request' });
    expect((await mailsTo(email)).map((m) => m.subject)).toEqual([
      `Uw melding wordt elders behandeld (${complaint.reference})`,
    ]);
  });

  test('a complaint sent through the web form still gets its acknowledgement', async () => {
    const email = 'gewone-klacht@example.nl';
    await submitComplaint(app, { ...validComplaint, email, name: 'Gerda Gewoon' });
    const subjects = (await mailsTo(email)).map((m) => m.subject);
    expect(subjects).toHaveLength(1);
    expect(subjects[0]).toMatch(/ontvangen/);
  });
});

describe('in the complainant’s language (issue 21)', () => {
  test('a complaint made on the English form gets its progress in English, with the English status page', async () => {
    const email = 'english@example.nl';
    await submitComplaint(app, { ...validComplaint, email, name: 'Emma English' }, '/complaint');
    const complaint = await database.owner
      .selectFrom('complaint')
      .innerJoin('person', 'person.id', 'complaint.complainant_id')
      .select(['complaint.id', 'complaint.reference'])
      .where('person.email', '=', email)
      .executeTakeFirstOrThrow();
    await step(as.eva, complaint.id, 'assign', { handlerId: people.eva.id });
    await step(as.eva, complaint.id, 'triage', TRIAGE);
    await step(as.eva, complaint.id, 'withdraw', { reason: 'By phone.' });
    const mails = await mailsTo(email);
    expect(mails.map((m) => m.subject).slice(1)).toEqual([
      `Your complaint ${complaint.reference} is being handled`,
      `Your complaint ${complaint.reference} has been withdrawn`,
    ]);
    expect(mails[1]?.text).toMatch(/http:\/\/localhost:3000\/complaint\/status\/[A-Za-z0-9_-]{43}/);
  });
});

describe('a complainant without e-mail gets the steps as letters to post (issue 21)', () => {
  test('acknowledgement, assigned and withdrawn are letters on the "te posten" list; posting one takes it off', async () => {
    const person = await personWith({ name: 'Piet Post', address: 'Postweg 3, 3155 AB Maasland' });
    const complaint = await register(as.eva, {
      channel: 'letter',
      complainantId: person.id,
      description: 'Mijn brief over de schimmel is niet beantwoord.',
    });
    await step(as.eva, complaint.id, 'triage', TRIAGE);
    await step(as.mia, complaint.id, 'assign', { handlerId: sam.id });
    await step(as.mia, complaint.id, 'assign', { handlerId: sam.id });
    await step(asSam, complaint.id, 'withdraw', { reason: 'Telefonisch ingetrokken.' });
    // nothing goes by mail to the complainant (staff are told of the assignment by mail: issue 22)
    await worker.drain();
    const mailed = await database.owner
      .selectFrom('outbox_message')
      .select('kind')
      .where('complaint_id', '=', complaint.id)
      .where('status', '=', 'sent')
      .execute();
    expect(mailed.map((m) => m.kind).filter((kind) => kind !== 'staff_notification')).toEqual([]);

    const list = await as.anna.request({ method: 'GET', url: '/api/letters/to-post' });
    expect(list.statusCode, list.body).toBe(200);
    const letters = (
      list.json().items as { complaintId: string; kind: string; letterId: string; letterUrl: string }[]
    ).filter((l) => l.complaintId === complaint.id);
    expect(letters.map((l) => l.kind)).toEqual(['acknowledgement', 'progress', 'progress']);
    // the acknowledgement is printed with its QR code and case code (decision 024)
    expect(letters[0]?.letterUrl).toBe(`/api/complaints/${complaint.id}/acknowledgement-letter.pdf`);
    const outbox = (
      await database.owner
        .selectFrom('outbox_message')
        .select(['kind', 'status', 'subject', 'body_text'])
        .where('complaint_id', '=', complaint.id)
        .where('kind', '!=', 'staff_notification')
        .orderBy('created_at')
        .execute()
    ).slice(1);
    expect(outbox.map((m) => [m.kind, m.status])).toEqual([
      ['progress_in_handling', 'to_post'],
      ['progress_withdrawn', 'to_post'],
    ]);
    // a letter carries no private link: it names the page where the case code is typed
    expect(outbox[0]?.body_text).toContain('Sam Smit');
    expect(outbox[0]?.body_text).toContain('http://localhost:3000/klacht/status');
    expect(outbox[0]?.body_text).not.toMatch(/\/klacht\/status\/\S/);

    const first = letters[1];
    const pdf = await as.anna.request({ method: 'GET', url: first?.letterUrl ?? '' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const today = toLocalDate(new Date());
    const posted = await as.anna.request({
      method: 'POST',
      url: `/api/letters/${first?.letterId}/posted`,
      payload: { postedOn: today },
    });
    expect(posted.statusCode, posted.body).toBe(200);
    const again = await as.anna.request({
      method: 'POST',
      url: `/api/letters/${first?.letterId}/posted`,
      payload: { postedOn: today },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('letter_already_posted');
    const after = await as.anna.request({ method: 'GET', url: '/api/letters/to-post' });
    expect(
      (after.json().items as { complaintId: string }[]).filter((l) => l.complaintId === complaint.id),
    ).toHaveLength(2);
    const detail = await as.eva.request({ method: 'GET', url: `/api/complaints/${complaint.id}` });
    expect(detail.json().timeline.map((e: { type: string }) => e.type)).toContain(
      'complainant_letter_posted',
    );
  });

  test('no e-mail and no address: nothing sent, the timeline tells staff to call', async () => {
    const person = await database.owner
      .insertInto('person')
      .values({ organization_id: world.organization.id, name: 'Onbekend Adres', relation: 'tenant' })
      .returningAll()
      .executeTakeFirstOrThrow();
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: person.id,
      description: 'Telefonisch gemeld.',
    });
    await step(as.eva, complaint.id, 'triage', TRIAGE);
    const withdrawn = await step(as.eva, complaint.id, 'withdraw', { reason: 'Ingetrokken.' });
    expect(withdrawn.timeline.map((e: { type: string }) => e.type)).toContain('complainant_update_not_sent');
    const outbox = await database.owner
      .selectFrom('outbox_message')
      .select('kind')
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(outbox).toEqual([]);
  });
});
