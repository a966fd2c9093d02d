import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { addCalendarDays, getEndOfLocalDay, toLocalDate } from '../../src/domain/index.ts';
import { scheduledJobs } from '../../src/server/jobs/job-runner.ts';
import { createTestApp } from '../support/app.ts';
import { testNow } from '../support/clock.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

// Issue 26 (decision 051): adjustments for complainants who need them, recorded on the case, access-logged,
// followed by the answer (a large-print letter instead of an e-mail) and watched for being missed.

const run = promisify(execFile);
const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;
const scratch = await mkdtemp(path.join(tmpdir(), 'gehoord-large-print-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

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

async function complaintOf(name: string) {
  const person = await personWith(name);
  const complaint = await register(as.eva, {
    channel: 'phone',
    complainantId: person.id,
    description: `${name}: de voordeur sluit niet.`,
  });
  return { person, complaint };
}

const put = (client: typeof as.eva, id: string, payload: object) =>
  client.request({ method: 'PUT', url: `/api/complaints/${id}/adjustments`, payload });
const get = (client: typeof as.eva, id: string) =>
  client.request({ method: 'GET', url: `/api/complaints/${id}/adjustments` });

async function answer(id: string) {
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
  await step(as.eva, id, 'answer', {
    text: 'Wij hebben de voordeur op 3 december afgesteld. Onze excuses voor het wachten.',
  });
}

/** The height of the word "voordeur" in the answer letter's body, in points (pdftotext's bounding box). */
async function bodyWordHeight(id: string, name: string): Promise<{ height: number; text: string }> {
  const response = await as.eva.request({ url: `/api/complaints/${id}/answer-letter.pdf` });
  expect(response.statusCode, response.body).toBe(200);
  const file = path.join(scratch, `${name}.pdf`);
  await writeFile(file, response.rawPayload);
  const { stdout: boxes } = await run('pdftotext', ['-bbox', file, '-']);
  const word = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">voordeur<\/word>/.exec(
    boxes,
  );
  expect(word).not.toBeNull();
  const { stdout: text } = await run('pdftotext', [file, '-']);
  return { height: Number(word?.[2]) - Number(word?.[1]), text: text.replace(/\s+/g, ' ') };
}

const outboxOf = (complaintId: string) =>
  database.owner
    .selectFrom('outbox_message')
    .select(['kind', 'status', 'recipient_to'])
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .execute();

describe("recording a complainant's adjustments on the case", () => {
  test('stored with their legal basis and who recorded them; the timeline names the kinds; reads and changes are logged', async () => {
    const { person, complaint } = await complaintOf('Henk Horend');
    const empty = await get(as.eva, complaint.id);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toMatchObject({ personId: person.id, records: [], route: { channel: 'email' } });

    const recorded = await put(as.anna, complaint.id, {
      preferredChannel: 'phone',
      interpreterLanguage: 'Turks',
      callBack: { dayParts: ['morning'], note: 'Niet op woensdag' },
      representative: {
        name: 'Ayse Horend',
        contact: '06 12345678',
        authority: 'oral_recorded',
        authorityNote: 'Mondeling, vastgelegd door Anna',
        authorityDate: '2026-12-01',
        receivesCopies: true,
      },
      accessNeeds: { needs: ['hard_of_hearing'], note: 'Hoort slecht aan de telefoon', consentGiven: true },
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const body = recorded.json();
    expect(body.adjustments).toMatchObject({
      preferredChannel: 'phone',
      interpreterLanguage: 'Turks',
      largePrint: false,
      accessNeeds: { needs: ['hard_of_hearing'] },
    });
    expect(body.route).toEqual({ channel: 'phone', largePrint: false, copyToRepresentative: true });
    const needs = body.records.find((r: { kind: string }) => r.kind === 'access_needs');
    expect(needs).toMatchObject({ legalBasis: 'consent_art9_2a', recordedByName: 'Anna Assistent' });
    expect(needs.consentAt).toEqual(expect.any(String));
    const channel = body.records.find((r: { kind: string }) => r.kind === 'preferred_channel');
    expect(channel).toMatchObject({ legalBasis: 'legitimate_interest_art6_1f', consentAt: null });

    const detail = (await as.eva.request({ url: `/api/complaints/${complaint.id}` })).json();
    const event = detail.timeline.at(-1);
    expect(event.type).toBe('adjustments_changed');
    expect(event.payload).toEqual({
      kinds: ['preferred_channel', 'interpreter', 'call_back', 'representative', 'access_needs'],
    });
    // no values (the needs, the representative) on the timeline
    expect(JSON.stringify(event)).not.toMatch(/Hoort slecht|Ayse/);

    const log = await database.owner
      .selectFrom('complaint_access_log')
      .select(['what', 'person_id', 'detail'])
      .where('complaint_id', '=', complaint.id)
      .orderBy('id')
      .execute();
    const reads = log.filter(
      (l) => l.what === 'person' && (l.detail as { adjustments?: boolean }).adjustments,
    );
    expect(reads.length).toBe(2);
    expect(reads.every((r) => r.person_id === person.id)).toBe(true);
    expect(log.some((l) => l.what === 'change')).toBe(true);

    // a change of one part names only that part
    const changed = await put(as.eva, complaint.id, { ...body.adjustments, interpreterLanguage: 'Arabisch' });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = (await as.eva.request({ url: `/api/complaints/${complaint.id}` })).json();
    expect(after.timeline.at(-1).payload).toEqual({ kinds: ['interpreter'] });
  });

  test.each([
    [
      'needs without consent',
      { accessNeeds: { needs: ['deaf'], note: null, consentGiven: false } },
      400,
      'validation_failed',
    ],
    ['an unknown channel', { preferredChannel: 'fax' }, 400, 'validation_failed'],
    ['an empty call-back', { callBack: { dayParts: [], note: '' } }, 400, 'validation_failed'],
    ['nothing new', {}, 422, 'adjustments_unchanged'],
  ])(
    '%s is refused with problem+json in Dutch and English, nothing stored',
    async (_, payload, status, code) => {
      const { person, complaint } = await complaintOf(`Rob Refused ${status}${code.length}`);
      const refused = await put(as.eva, complaint.id, payload);
      expect(refused.statusCode, refused.body).toBe(status);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      const problem = refused.json();
      expect(problem.code).toBe(code);
      for (const f of problem.fieldErrors ?? [])
        expect(f.messages).toEqual({ nl: expect.any(String), en: expect.any(String) });
      const rows = await database.owner
        .selectFrom('complainant_adjustment')
        .select('kind')
        .where('person_id', '=', person.id)
        .execute();
      expect(rows).toEqual([]);
    },
  );

  test('need-to-know: staff who may not see the complaint get what an unknown id gets, and nothing changes', async () => {
    const { person, complaint } = await complaintOf('Carla Confidentieel');
    await step(as.eva, complaint.id, 'triage', {
      outcome: 'complaint',
      category: 'treated_wrongly',
      subject: { kind: 'department', departmentId: world.wonen.id },
    });
    await step(as.eva, complaint.id, 'confidential', { reason: 'complainant_asks' });
    const hiddenRead = await get(as.anna, complaint.id);
    const hiddenWrite = await put(as.anna, complaint.id, { largePrint: true });
    expect(hiddenRead.statusCode).toBe(404);
    expect(hiddenWrite.statusCode).toBe(404);
    expect(hiddenRead.headers['content-type']).toContain('application/problem+json');
    const rows = await database.owner
      .selectFrom('complainant_adjustment')
      .select('kind')
      .where('person_id', '=', person.id)
      .execute();
    expect(rows).toEqual([]);
    expect((await app.inject({ url: `/api/complaints/${complaint.id}/adjustments` })).statusCode).toBe(401);
  });
});

describe('the answer follows the adjustments', () => {
  test('large print and letters: no e-mail to the complainant, the letter is large print', async () => {
    const plain = await complaintOf('Piet Plain');
    await answer(plain.complaint.id);
    const normal = await bodyWordHeight(plain.complaint.id, 'plain');
    expect((await outboxOf(plain.complaint.id)).map((m) => m.kind)).toContain('answer');

    const { complaint } = await complaintOf('Gerda Groot');
    const recorded = await put(as.eva, complaint.id, { preferredChannel: 'letter', largePrint: true });
    expect(recorded.statusCode, recorded.body).toBe(200);
    await answer(complaint.id);
    const messages = await outboxOf(complaint.id);
    // the acknowledgement went before the preference was recorded; the answer is no e-mail to Gerda
    expect(messages.filter((m) => m.kind === 'answer')).toEqual([]);
    expect(
      messages.some((m) => m.recipient_to.includes('gerda.groot@example.nl') && m.kind !== 'acknowledgement'),
    ).toBe(false);
    const large = await bodyWordHeight(complaint.id, 'large');
    expect(large.text).toContain('Wij hebben de voordeur op 3 december afgesteld.');
    // 16 pt against 10.5 pt: the same word stands about half again as high
    expect(large.height / normal.height).toBeGreaterThan(1.4);
  });
});

describe('the term monitor warns when an adjustment was not followed', () => {
  test('an e-mail still waiting to go out to someone who asked for letters', async () => {
    const { complaint } = await complaintOf('Els Emailloos');
    // the acknowledgement is waiting in the outbox (no worker runs here) when the preference is recorded
    const pending = (await outboxOf(complaint.id)).filter((m) => m.status === 'pending');
    expect(pending.length).toBeGreaterThan(0);
    const recorded = await put(as.eva, complaint.id, { preferredChannel: 'letter' });
    expect(recorded.json().warnings).toEqual(['emailed_despite_preference']);
  });

  test('no call-back logged when the answer term nearly ends (with the server clock)', async () => {
    const { complaint } = await complaintOf('Bert Bellen');
    const today = toLocalDate(testNow());
    const setDue = (days: number) =>
      database.owner
        .updateTable('complaint')
        .set({ due_at: getEndOfLocalDay(addCalendarDays(today, days)) })
        .where('id', '=', complaint.id)
        .execute();
    const recorded = await put(as.eva, complaint.id, { callBack: { dayParts: ['afternoon'], note: null } });
    expect(recorded.statusCode, recorded.body).toBe(200);
    // far from the end of the term: nothing yet
    await setDue(60);
    expect((await get(as.eva, complaint.id)).json().warnings).toEqual([]);
    // the term ends today: the call-back is missing
    await setDue(0);
    expect((await get(as.eva, complaint.id)).json().warnings).toEqual(['call_back_missing']);
    // the term monitor's job tells the handler (Eva) once, however often it runs
    const job = scheduledJobs('http://localhost:3000').find((j) => j.name === 'adjustment-warnings');
    expect(job).toBeDefined();
    await job?.run(database.owner, testNow());
    await job?.run(database.owner, testNow());
    const notifications = await database.owner
      .selectFrom('notification')
      .select(['user_id', 'kind'])
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(notifications).toEqual([{ user_id: world.people.eva.id, kind: 'adjustment_call_back_missing' }]);
    // a phone contact logged: followed
    await step(as.eva, complaint.id, 'contacts', {
      kind: 'phone',
      direction: 'outbound',
      summary: 'Teruggebeld.',
    });
    expect((await get(as.eva, complaint.id)).json().warnings).toEqual([]);
  });
});
