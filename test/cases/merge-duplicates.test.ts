import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { toLocalDate } from '../../src/domain/index.ts';
import { sha256Hex } from '../../src/server/modules/portal/forms/form-token.ts';
import { cellOf, getJson } from '../reports/report-fixtures.ts';
import { createTestApp } from '../support/app.ts';
import { testNow } from '../support/clock.ts';
import { attempt, createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

// Issue 22 (decision 035): a complaint received twice is merged into the other one. B gets the status `merged`
// and points to A; both timelines are kept; B's status link shows A; B no longer counts in the figures.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;

const TEXT = 'De monteur is drie keer niet gekomen voor de lekkage in de badkamer, niemand belde af.';
const AGAIN = 'Lekkage badkamer: de monteur is al drie keer niet gekomen en niemand belde af!';

async function personNamed(name: string) {
  return database.owner
    .insertInto('person')
    .values({ organization_id: world.organization.id, name, relation: 'tenant' })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Two complaints of one new complainant about the same leak, registered by Eva (she handles both). */
async function twice(extra: object = {}) {
  const person = await personNamed(`Klager ${randomUUID().slice(0, 6)}`);
  const a = await register(as.eva, { channel: 'phone', complainantId: person.id, description: TEXT });
  const b = await register(as.eva, {
    channel: 'letter',
    complainantId: person.id,
    description: AGAIN,
    ...extra,
  });
  return { person, a, b };
}

const detail = async (id: string) => (await as.eva.request({ url: `/api/complaints/${id}` })).json();
const types = (d: { timeline: { type: string }[] }) => d.timeline.map((e) => e.type);

describe('likely duplicates', () => {
  test('the same complainant with the same story is suggested, with whether it can be merged', async () => {
    const { person, a, b } = await twice();
    const other = await register(as.eva, {
      channel: 'phone',
      complainantId: person.id,
      description: 'De buren maken elke nacht herrie met muziek.',
    });
    const ofB = await as.eva.request({ url: `/api/complaints/likely-duplicates?complaintId=${b.id}` });
    expect(ofB.statusCode, ofB.body).toBe(200);
    expect(ofB.json().map((d: { id: string }) => d.id)).toEqual([a.id]);
    expect(ofB.json()[0]).toMatchObject({ reference: a.reference, mergeable: true, daysApart: 0 });

    // While registering: the complainant and the text typed so far
    const typed = encodeURIComponent(
      'Weer die lekkage in de badkamer, monteur niet gekomen, niemand belde af',
    );
    const atIntake = await as.eva.request({
      url: `/api/complaints/likely-duplicates?complainantId=${person.id}&text=${typed}`,
    });
    const found = atIntake.json().map((d: { id: string }) => d.id);
    expect(found).toContain(a.id);
    expect(found).toContain(b.id);
    expect(found).not.toContain(other.id);
  });

  test('a hidden complaint answers like an unknown one; bad input is a 400', async () => {
    const { b } = await twice({ confidential: true, confidentialReason: 'complainant_asks' });
    const hidden = await as.karel.request({ url: `/api/complaints/likely-duplicates?complaintId=${b.id}` });
    const unknown = await as.karel.request({
      url: `/api/complaints/likely-duplicates?complaintId=${randomUUID()}`,
    });
    expect(hidden.statusCode).toBe(unknown.statusCode);
    expect(hidden.json().code).toBe(unknown.json().code);
    const bad = await as.eva.request({ url: '/api/complaints/likely-duplicates?complaintId=nee' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});

describe('merging B into A', () => {
  test('B is merged, A keeps the reference; both timelines are kept; again changes nothing', async () => {
    const { a, b } = await twice();
    const merged = await step(as.eva, b.id, 'merge', { intoComplaintId: a.id });
    expect(merged).toMatchObject({
      status: 'merged',
      reference: b.reference,
      mergedInto: { id: a.id, reference: a.reference },
      nextSteps: [],
      term: expect.anything(),
    });
    expect(merged.timeline.at(-1)).toMatchObject({
      type: 'merged_into',
      actor: { kind: 'staff', name: 'Eva Behandelaar' },
      payload: { mergedIntoComplaintId: a.id, from: 'new', to: 'merged' },
    });
    expect(types(merged)).toContain('registered');

    const survivor = await detail(a.id);
    expect(survivor.status).toBe('new');
    expect(survivor.mergedFrom).toEqual([{ id: b.id, reference: b.reference, receivedAt: b.receivedAt }]);
    expect(survivor.timeline.at(-1)).toMatchObject({
      type: 'complaint_merged_in',
      payload: { mergedComplaintId: b.id },
    });
    expect(survivor.version).toBe(a.version + 1);

    // The same request again: 200, nothing new
    const again = await step(as.eva, b.id, 'merge', { intoComplaintId: a.id });
    expect(again.version).toBe(merged.version);
    expect(again.timeline).toHaveLength(merged.timeline.length);
    expect((await detail(a.id)).timeline).toHaveLength(survivor.timeline.length);

    // Into another one: 409; nothing more can be done on B
    const { a: third } = await twice();
    const elsewhere = await attempt(as.eva, b.id, 'merge', { intoComplaintId: third.id });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().code).toBe('already_merged');
    const triage = await attempt(as.eva, b.id, 'triage', {
      outcome: 'complaint',
      category: 'no_or_late_answer',
      subject: { kind: 'department', departmentId: world.wonen.id },
    });
    expect(triage.statusCode).toBe(409);
    // Into B (merged itself): refused
    const intoMerged = await attempt(as.eva, third.id, 'merge', { intoComplaintId: b.id });
    expect(intoMerged.json().code).toBe('merge_target_merged');
    const stored = await database.owner
      .selectFrom('complaint')
      .select(['status', 'merged_into_id', 'merged_at', 'closed_at'])
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'merged', merged_into_id: a.id });
    expect(stored.merged_at).not.toBeNull();
  });

  test.each<[string, () => Promise<{ b: string; into: string }>, number, string]>([
    [
      'into itself',
      async () => {
        const { b } = await twice();
        return { b: b.id, into: b.id };
      },
      422,
      'merge_into_itself',
    ],
    [
      "another complainant's complaint",
      async () => {
        const { b } = await twice();
        const { a } = await twice();
        return { b: b.id, into: a.id };
      },
      422,
      'merge_other_complainant',
    ],
    [
      'a withdrawn complaint',
      async () => {
        const { a, b } = await twice();
        await step(as.eva, b.id, 'withdraw', { reason: 'Klager trekt in.' });
        return { b: b.id, into: a.id };
      },
      409,
      'merge_not_possible_in_status',
    ],
    [
      'into a withdrawn complaint',
      async () => {
        const { a, b } = await twice();
        await step(as.eva, a.id, 'withdraw', { reason: 'Klager trekt in.' });
        return { b: b.id, into: a.id };
      },
      409,
      'merge_target_ended',
    ],
  ])('refused: %s', async (_name, setUp, status, code) => {
    const { b, into } = await setUp();
    const response = await attempt(as.eva, b, 'merge', { intoComplaintId: into });
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe(code);
    expect((await detail(b)).status).not.toBe('merged');
  });

  test('bad input is a 400 with the field named; an unknown complaint to merge into too', async () => {
    const { b } = await twice();
    const missing = await attempt(as.eva, b.id, 'merge', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toMatchObject({ path: 'intoComplaintId' });
    expect(missing.json().errors[0].messages.nl).toBeTruthy();
    const unknown = await attempt(as.eva, b.id, 'merge', { intoComplaintId: randomUUID() });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'intoComplaintId', code: 'invalid_reference' });
  });

  test('who may: the handler and their manager; not a colleague elsewhere nor the assistant', async () => {
    const { a, b } = await twice();
    // Karel (another department) sees B but does not handle it
    const karel = await attempt(as.karel, b.id, 'merge', { intoComplaintId: a.id });
    expect(karel.statusCode).toBe(403);
    // A confidential complaint he may not see answers like an unknown one
    const secret = await twice({ confidential: true, confidentialReason: 'complainant_asks' });
    const hidden = await attempt(as.karel, secret.b.id, 'merge', { intoComplaintId: secret.a.id });
    const unknown = await attempt(as.karel, randomUUID(), 'merge', { intoComplaintId: secret.a.id });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe(unknown.json().code);
    // Anna (management assistant) sees it but does not handle it
    const anna = await attempt(as.anna, b.id, 'merge', { intoComplaintId: a.id });
    expect(anna.statusCode).toBe(403);
    expect((await detail(b.id)).status).toBe('new');
    // Mia, the responsible manager, may
    const mia = await step(as.mia, b.id, 'merge', { intoComplaintId: a.id });
    expect(mia.status).toBe('merged');
  });
});

describe('after the merge', () => {
  test("B's status link shows that it was merged and A's progress", async () => {
    const { a, b } = await twice();
    await app.inject({ method: 'GET', url: '/klacht' });
    const token = randomBytes(32).toString('base64url');
    await database.owner
      .insertInto('complaint_status_link')
      .values({ organization_id: world.organization.id, complaint_id: b.id, token_hash: sha256Hex(token) })
      .execute();
    const before = await app.inject({ url: `/klacht/status/${token}` });
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain(b.reference);
    expect(before.body).not.toContain('samengevoegd');

    await step(as.eva, b.id, 'merge', { intoComplaintId: a.id });
    const after = await app.inject({ url: `/klacht/status/${token}` });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain(
      `Uw klacht ${b.reference} ging over hetzelfde als klacht ${a.reference}. We hebben ze samengevoegd`,
    );
    expect(after.body).toContain(`<span class="reference">${a.reference}</span>`);
    expect(after.body).toContain('Wij hebben uw klacht ontvangen');
    const english = await app.inject({ url: `/complaint/status/${token}` });
    expect(english.body).toContain(
      `Your complaint ${b.reference} was about the same thing as complaint ${a.reference}`,
    );
  });

  test('B no longer counts in the figures: the quarter has one complaint less', async () => {
    const today = toLocalDate(testNow());
    const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
    const received = async () =>
      cellOf(await getJson(as.marieke, `/api/reports/quarterly?quarter=${quarter}`), 'summary', 'received');
    const { a, b } = await twice();
    const before = await received();
    await step(as.eva, b.id, 'merge', { intoComplaintId: a.id });
    expect(await received()).toBe(Number(before) - 1);
  });
});
