import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { answerShape } from '../support/answer-shape.ts';
import { createTestApp } from '../support/app.ts';
import { attempt, createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

// Issue 21 (decision 028), policy 1.1: staff change the language the complainant is written to in after
// registration; later mails and letters follow it; the timeline keeps from and to.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;

async function personWith(values: { name: string; email?: string; address?: string }) {
  return database.owner
    .insertInto('person')
    .values({
      organization_id: world.organization.id,
      name: values.name,
      email: values.email ?? null,
      postal_address: values.address ?? null,
      relation: 'tenant',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function stored(id: string) {
  const row = await database.owner
    .selectFrom('complaint')
    .select(['complainant_locale', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const events = await database.owner
    .selectFrom('complaint_event')
    .select('type')
    .where('complaint_id', '=', id)
    .execute();
  return { ...row, events: events.map((e) => e.type) };
}

const outboxOf = (complaintId: string) =>
  database.owner
    .selectFrom('outbox_message')
    .select(['kind', 'subject', 'status'])
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .execute();

describe("changing the complainant's language (issue 21)", () => {
  test('from Dutch to English: the next mail is English, the timeline keeps from and to', async () => {
    const person = await personWith({ name: 'Emma Engels', email: 'emma@example.nl' });
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: person.id,
      description: 'Niemand belt terug.',
    });
    expect(complaint.complainantLocale).toBe('nl');
    // Any colleague who may see the complaint may correct it, as a contact moment (here: Anna, not the handler)
    const changed = await step(as.anna, complaint.id, 'complainant-locale', { locale: 'en' });
    expect(changed.complainantLocale).toBe('en');
    expect(changed.timeline.at(-1)).toMatchObject({
      type: 'complainant_locale_changed',
      actor: { kind: 'staff' },
      payload: { from: 'nl', to: 'en' },
    });
    await step(as.eva, complaint.id, 'triage', {
      outcome: 'complaint',
      category: 'no_or_late_answer',
      subject: { kind: 'department', departmentId: world.wonen.id },
    });
    await step(as.eva, complaint.id, 'withdraw', { reason: 'Telefonisch ingetrokken.' });
    const subjects = (await outboxOf(complaint.id)).map((m) => m.subject);
    // the acknowledgement went in Dutch before the change; the withdrawal after it is English
    expect(subjects[0]).toMatch(/ontvangen/);
    expect(subjects.at(-1)).toBe(`Your complaint ${complaint.reference} has been withdrawn`);
  });

  test('a letter to post follows the new language too (Polish)', async () => {
    const person = await personWith({ name: 'Piotr Post', address: 'Dorpsstraat 3, 3155 AA Maasland' });
    const complaint = await register(as.eva, {
      channel: 'letter',
      complainantId: person.id,
      description: 'Mijn brief is niet beantwoord.',
    });
    await step(as.eva, complaint.id, 'complainant-locale', { locale: 'pl' });
    await step(as.eva, complaint.id, 'triage', {
      outcome: 'complaint',
      category: 'no_or_late_answer',
      subject: { kind: 'department', departmentId: world.wonen.id },
    });
    await step(as.eva, complaint.id, 'withdraw', { reason: 'Ingetrokken.' });
    const letters = await outboxOf(complaint.id);
    expect(letters.map((m) => [m.kind, m.status])).toEqual([
      ['acknowledgement', 'to_post'],
      ['progress_withdrawn', 'to_post'],
    ]);
    expect(letters[0]?.subject).toMatch(/ontvangen/);
    expect(letters[1]?.subject).toContain(complaint.reference);
    expect(letters[1]?.subject).not.toMatch(/ingetrokken|withdrawn/i);
  });

  test.each([
    ['an unknown language', { locale: 'de' }, 400, 'validation_failed'],
    ['no language', {}, 400, 'validation_failed'],
    ['the language it already has', { locale: 'nl' }, 422, 'complainant_locale_unchanged'],
  ])('%s is refused in Dutch and English, and nothing changes', async (_, payload, status, code) => {
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'De glazenwasser kwam niet.',
    });
    const before = await stored(complaint.id);
    const refused = await attempt(as.eva, complaint.id, 'complainant-locale', payload);
    expect(refused.statusCode, refused.body).toBe(status);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const problem = refused.json();
    expect(problem.code).toBe(code);
    const messages = [
      problem.messages,
      ...(problem.fieldErrors ?? []).map((f: { messages: unknown }) => f.messages),
    ];
    for (const m of messages) expect(m).toEqual({ nl: expect.any(String), en: expect.any(String) });
    expect(await stored(complaint.id)).toEqual(before);
  });

  test('who may not see the complaint gets the same answer as for an unknown id, and nothing changes', async () => {
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Meneer Karel heeft mij afgesnauwd.',
    });
    await step(as.eva, complaint.id, 'triage', {
      outcome: 'complaint',
      category: 'treated_wrongly',
      subject: { kind: 'department', departmentId: world.wonen.id },
    });
    await step(as.eva, complaint.id, 'confidential', { reason: 'complainant_asks' });
    const before = await stored(complaint.id);
    const hidden = await attempt(as.anna, complaint.id, 'complainant-locale', { locale: 'tr' });
    const unknown = await attempt(as.anna, randomUUID(), 'complainant-locale', { locale: 'tr' });
    expect(hidden.statusCode).toBe(404);
    expect(answerShape(hidden)).toEqual(answerShape(unknown));
    expect(await stored(complaint.id)).toEqual(before);
  });
});
