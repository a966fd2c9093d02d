import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, describe, expect, test } from 'vitest';
import { addCalendarDays, getEndOfLocalDay, toLocalDate } from '../../src/domain/index.ts';
import { scheduledJobs } from '../../src/server/jobs/job-runner.ts';
import { smtpDelivery } from '../../src/server/modules/messages/outbox/mail-delivery.ts';
import { createOutboxWorker } from '../../src/server/modules/messages/outbox/outbox-worker.ts';
import { createTestApp } from '../support/app.ts';
import { testNow } from '../support/clock.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { addresses, startSmtpSink } from '../support/smtp-sink.ts';

// Issue 26 (decision 053): the adjustments followed through — a copy of every message for a representative
// who receives copies (by e-mail, or a copy letter to post), a call-back task for a complainant who asked to be
// phoned, and the adjustment warnings in the case's next steps.

const run = promisify(execFile);
const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;
const sink = await startSmtpSink();
const scratch = await mkdtemp(path.join(tmpdir(), 'gehoord-copy-letter-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const worker = () =>
  createOutboxWorker({
    db: database.app,
    delivery: smtpDelivery(sink.url, 'Woonstichting Test <klachten@corporatie.example>'),
    logger: pino({ level: 'silent' }),
  });

const REPRESENTATIVE = {
  name: 'Ayse Yilmaz',
  authority: 'written_authorisation',
  authorityNote: 'Machtiging van 1 december',
  authorityDate: '2026-12-01',
};

async function personWith(name: string) {
  return database.owner
    .insertInto('person')
    .values({
      organization_id: world.organization.id,
      name,
      email: `${name.toLowerCase().replaceAll(' ', '.')}@example.nl`,
      postal_address: 'Hofweg 12, 3155 AB Maasland',
      relation: 'tenant',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const registerFor = (personId: string, description: string) =>
  register(as.eva, { channel: 'phone', complainantId: personId, description });

/** Adjustments are the person's: recorded on one complaint, they hold for the next one from the start. */
async function withAdjustments(name: string, adjustments: object) {
  const person = await personWith(name);
  const first = await registerFor(person.id, `${name}: eerste melding.`);
  const recorded = await as.eva.request({
    method: 'PUT',
    url: `/api/complaints/${first.id}/adjustments`,
    payload: adjustments,
  });
  expect(recorded.statusCode, recorded.body).toBe(200);
  const complaint = await registerFor(person.id, `${name}: de voordeur sluit niet.`);
  return { person, complaint };
}

const outboxOf = (complaintId: string) =>
  database.owner
    .selectFrom('outbox_message')
    .select(['id', 'kind', 'status', 'recipient_to', 'subject', 'body_text', 'step_key'])
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .execute();

const adjustmentsOf = async (complaintId: string) => {
  const response = await as.eva.request({ url: `/api/complaints/${complaintId}/adjustments` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

async function answer(id: string, text: string) {
  await step(as.eva, id, 'triage', {
    outcome: 'complaint',
    category: 'no_or_late_answer',
    subject: { kind: 'department', departmentId: world.wonen.id },
  });
  await step(as.eva, id, 'contacts', { kind: 'phone', direction: 'outbound', summary: 'Gebeld.' });
  await step(as.eva, id, 'assessment', {
    kind: 'policy_not_followed',
    verdict: 'upheld',
    apologyOffered: true,
    errorAdmitted: true,
    demonstrableDamage: false,
  });
  await step(as.eva, id, 'answer', { text });
}

describe('copies for a representative who receives them', () => {
  test('by e-mail: the acknowledgement and the answer, marked as a copy, without internal notes or the status link', async () => {
    const { complaint } = await withAdjustments('Henk Horend', {
      representative: { ...REPRESENTATIVE, contact: 'ayse.yilmaz@example.nl', receivesCopies: true },
    });
    await step(as.eva, complaint.id, 'notes', { text: 'Intern: de buurman belt steeds over deze klacht.' });
    await answer(complaint.id, 'Wij hebben de voordeur op 3 december afgesteld. Onze excuses.');

    const copies = (await outboxOf(complaint.id)).filter((m) => m.kind === 'representative_copy');
    expect(copies.length).toBeGreaterThanOrEqual(2);
    for (const copy of copies) {
      expect(copy.recipient_to).toEqual(['ayse.yilmaz@example.nl']);
      expect(copy.step_key).toMatch(/^representative_copy:/);
    }
    // one copy per message: the keys differ
    expect(new Set(copies.map((c) => c.step_key)).size).toBe(copies.length);

    await worker().drain();
    const mails = sink.received.filter((m) => addresses(m.parsed.to).includes('ayse.yilmaz@example.nl'));
    const texts = mails.map((m) => m.parsed.text ?? '');
    const acknowledgement = texts.find((t) => t.includes(complaint.reference) && /ontvangen/i.test(t));
    const answered = texts.find((t) => t.includes('Wij hebben de voordeur op 3 december afgesteld.'));
    expect(acknowledgement, texts.join('\n---\n')).toBeDefined();
    expect(answered, texts.join('\n---\n')).toBeDefined();
    for (const text of texts) {
      expect(text).toContain(
        'Kopie voor Ayse Yilmaz (vertegenwoordiger). Dit is een kopie van ons bericht aan Henk Horend.',
      );
      expect(text).not.toContain('de buurman belt steeds');
      // the complainant's private status link is theirs
      expect(text).not.toMatch(/\/klacht\/status\/[A-Za-z0-9_-]{8,}/);
    }
    // the complainant got the originals
    expect(sink.received.some((m) => addresses(m.parsed.to).includes('henk.horend@example.nl'))).toBe(true);

    // the timeline names the copies, never their text
    const detail = (await as.eva.request({ url: `/api/complaints/${complaint.id}` })).json();
    const events = detail.timeline.filter((e: { type: string }) => e.type === 'representative_copy_queued');
    expect(events.length).toBe(copies.length);
    expect(events[0].payload).toMatchObject({ channel: 'email', messageKind: 'acknowledgement' });
    expect(JSON.stringify(events)).not.toMatch(/voordeur|Kopie voor/);
  });

  test('with a postal address: a copy letter to post, addressed to the representative', async () => {
    const { complaint } = await withAdjustments('Mien Maas', {
      representative: {
        ...REPRESENTATIVE,
        name: 'Jan Maas',
        contact: 'Kerkstraat 1, 2611 HV Delft',
        receivesCopies: true,
      },
    });
    const copies = (await outboxOf(complaint.id)).filter((m) => m.kind === 'representative_copy');
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({
      status: 'to_post',
      recipient_to: ['Jan Maas', 'Kerkstraat 1', '2611 HV Delft'],
    });
    const list = await as.eva.request({ url: '/api/letters/to-post' });
    expect(list.statusCode, list.body).toBe(200);
    const item = list.json().items.find((i: { letterId: string }) => i.letterId === copies[0]?.id);
    expect(item).toMatchObject({ recipientName: 'Jan Maas (vertegenwoordiger)' });
    const pdf = await as.eva.request({ url: item.letterUrl });
    expect(pdf.statusCode, pdf.body).toBe(200);
    const file = path.join(scratch, 'copy.pdf');
    await writeFile(file, pdf.rawPayload);
    const { stdout } = await run('pdftotext', [file, '-']);
    const text = stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Kerkstraat 1');
    expect(text).toContain('2611 HV Delft');
    expect(text).toContain('Kopie voor Jan Maas (vertegenwoordiger)');
    expect(text).toContain(complaint.reference);
  });

  test('no copy when the authority does not say they receive copies', async () => {
    const { complaint } = await withAdjustments('Gijs Geenkopie', {
      representative: { ...REPRESENTATIVE, contact: 'vertegenwoordiger@example.nl', receivesCopies: false },
    });
    await answer(complaint.id, 'Wij hebben de deur gerepareerd.');
    const messages = await outboxOf(complaint.id);
    expect(messages.some((m) => m.kind === 'answer')).toBe(true);
    expect(messages.filter((m) => m.kind === 'representative_copy')).toEqual([]);
    expect(messages.some((m) => m.recipient_to.includes('vertegenwoordiger@example.nl'))).toBe(false);
  });
});

describe('adjustments given with the registration itself (decision 052)', () => {
  test('the very first acknowledgement is copied to the representative and opens a call-back', async () => {
    const person = await personWith('Els Eerstekeer');
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: person.id,
      description: 'Els Eerstekeer: de kraan lekt al weken.',
      adjustments: {
        preferredChannel: 'phone',
        callBack: { dayParts: ['morning'], note: null },
        representative: { ...REPRESENTATIVE, contact: 'ayse.yilmaz@example.nl', receivesCopies: true },
      },
    });
    const messages = await outboxOf(complaint.id);
    // no e-mail to Els herself: she asked to be phoned
    expect(messages.some((m) => m.recipient_to.includes('els.eerstekeer@example.nl'))).toBe(false);
    const copies = messages.filter((m) => m.kind === 'representative_copy');
    expect(copies.map((c) => c.recipient_to)).toEqual([['ayse.yilmaz@example.nl']]);
    const open = await adjustmentsOf(complaint.id);
    expect(open.callBack).toMatchObject({ topics: ['acknowledgement'] });
    expect(open.nextSteps.map((s: { code: string }) => s.code)).toEqual(['call_back_complainant']);
  });
});

describe('a call-back for a complainant who asked to be phoned', () => {
  test('a message that would have gone opens "Bel klager terug" in next steps; a phone contact closes it', async () => {
    const { complaint } = await withAdjustments('Truus Telefoon', {
      preferredChannel: 'phone',
      callBack: { dayParts: ['morning', 'afternoon'], note: null },
    });
    // no e-mail to Truus: the acknowledgement became a letter, and a call-back
    const messages = await outboxOf(complaint.id);
    expect(messages.some((m) => m.recipient_to.includes('truus.telefoon@example.nl'))).toBe(false);
    const open = await adjustmentsOf(complaint.id);
    expect(open.callBack).toMatchObject({ topics: ['acknowledgement'], late: false });
    expect(open.nextSteps).toEqual([
      {
        code: 'call_back_complainant',
        nl: 'Bel klager terug: ochtend, middag — ontvangst van de klacht bespreken',
        en: 'Call the complainant back: morning, afternoon — discuss the receipt of the complaint',
        urgent: false,
      },
    ]);
    // the handler hears of it once, however often the term monitor runs
    const job = scheduledJobs('http://localhost:3000').find((j) => j.name === 'adjustment-warnings');
    await job?.run(database.owner, testNow());
    await job?.run(database.owner, testNow());
    const notifications = await database.owner
      .selectFrom('notification')
      .select(['user_id', 'kind'])
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(notifications).toEqual([{ user_id: world.people.eva.id, kind: 'call_back_due' }]);

    await step(as.eva, complaint.id, 'contacts', {
      kind: 'phone',
      direction: 'outbound',
      summary: 'Teruggebeld over de ontvangst.',
    });
    const done = await adjustmentsOf(complaint.id);
    expect(done.callBack).toBeNull();
    expect(done.nextSteps).toEqual([]);
  });

  test('the warning appears in next steps when the answer term nearly ends (server clock)', async () => {
    const { complaint } = await withAdjustments('Bart Bellen', {
      callBack: { dayParts: ['evening'], note: 'na het eten' },
    });
    // the call-back asked by the acknowledgement is made …
    await step(as.eva, complaint.id, 'contacts', {
      kind: 'phone',
      direction: 'outbound',
      summary: 'Gebeld.',
    });
    expect((await adjustmentsOf(complaint.id)).nextSteps).toEqual([]);
    // … but a complainant asking for call-backs who was never phoned since is warned about near the end
    await database.owner
      .deleteFrom('complaint_event')
      .where('complaint_id', '=', complaint.id)
      .where('type', '=', 'contact_logged')
      .execute();
    await database.owner
      .deleteFrom('complaint_event')
      .where('complaint_id', '=', complaint.id)
      .where('type', '=', 'call_back_requested')
      .execute();
    const today = toLocalDate(testNow());
    const setDue = (days: number) =>
      database.owner
        .updateTable('complaint')
        .set({ due_at: getEndOfLocalDay(addCalendarDays(today, days)) })
        .where('id', '=', complaint.id)
        .execute();
    await setDue(60);
    expect((await adjustmentsOf(complaint.id)).nextSteps).toEqual([]);
    await setDue(0);
    const near = await adjustmentsOf(complaint.id);
    expect(near.warnings).toEqual(['call_back_missing']);
    expect(near.nextSteps).toEqual([
      {
        code: 'call_back_complainant',
        nl: 'Bel klager terug: avond (na het eten) (dringend: te laat of de termijn loopt bijna af)',
        en: 'Call the complainant back: evening (na het eten) (urgent: overdue or the term nearly ends)',
        urgent: true,
      },
    ]);
  });
});
