import { describe, expect, test } from 'vitest';
import { toLocalDate } from '../../src/domain/index.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

// Issue 21: a complainant without e-mail gets the acknowledgement as a letter; it is on the "te posten" list
// so somebody prints and posts it, and the posting is on the case's timeline (policy 2.1, 1.1).

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;

async function personWith(values: { name: string; address?: string }) {
  return database.owner
    .insertInto('person')
    .values({
      organization_id: world.organization.id,
      name: values.name,
      relation: 'tenant',
      postal_address: values.address ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

type Letter = { complaintId: string; letterId: string | null; kind: string; letterUrl: string };

async function lettersOf(complaintId: string): Promise<Letter[]> {
  const list = await as.anna.request({ method: 'GET', url: '/api/letters/to-post' });
  expect(list.statusCode, list.body).toBe(200);
  return (list.json().items as Letter[]).filter((l) => l.complaintId === complaintId);
}

describe('the acknowledgement letter on the "te posten" list (issue 21)', () => {
  test('one row, printed with its QR code, posted once, on the timeline', async () => {
    const person = await personWith({ name: 'Bea Brief', address: 'Kerkpad 4, 3155 AC Maasland' });
    const complaint = await register(as.eva, {
      channel: 'letter',
      complainantId: person.id,
      description: 'Mijn brief over de lekkage is niet beantwoord.',
    });
    const [letter, ...others] = await lettersOf(complaint.id);
    expect(others).toEqual([]);
    expect(letter).toMatchObject({
      kind: 'acknowledgement',
      letterUrl: `/api/complaints/${complaint.id}/acknowledgement-letter.pdf`,
    });
    const pdf = await as.anna.request({ method: 'GET', url: letter?.letterUrl ?? '' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const postedOn = toLocalDate(new Date());
    const posted = await as.anna.request({
      method: 'POST',
      url: `/api/letters/${letter?.letterId}/posted`,
      payload: { postedOn },
    });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(await lettersOf(complaint.id)).toEqual([]);
    const again = await as.anna.request({
      method: 'POST',
      url: `/api/letters/${letter?.letterId}/posted`,
      payload: { postedOn },
    });
    expect(again.statusCode).toBe(409);
    const detail = await as.eva.request({ method: 'GET', url: `/api/complaints/${complaint.id}` });
    const event = detail
      .json()
      .timeline.find((e: { type: string }) => e.type === 'complainant_letter_posted');
    expect(event?.payload).toMatchObject({ kind: 'acknowledgement', postedOn });
  });

  test('a repair request referred before the letter was posted: only the referral letter is left', async () => {
    const person = await personWith({ name: 'Rob Reparatie', address: 'Dijk 9, 3155 AD Maasland' });
    const complaint = await register(as.eva, {
      channel: 'letter',
      complainantId: person.id,
      description: 'De dakgoot lekt.',
    });
    await step(as.eva, complaint.id, 'triage', { outcome: 'not_a_complaint', kind: 'repair_request' });
    const outbox = await database.owner
      .selectFrom('outbox_message')
      .select(['kind', 'status'])
      .where('complaint_id', '=', complaint.id)
      .orderBy('created_at')
      .execute();
    expect(outbox.map((m) => [m.kind, m.status])).toEqual([
      ['acknowledgement', 'cancelled'],
      ['referral', 'to_post'],
    ]);
    expect((await lettersOf(complaint.id)).map((l) => l.kind)).toEqual(['progress']);
  });

  test('no e-mail and no address: no letter to post', async () => {
    const person = await personWith({ name: 'Zonder Adres' });
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: person.id,
      description: 'Telefonisch gemeld.',
    });
    expect(await lettersOf(complaint.id)).toEqual([]);
  });
});
