import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { attempt, createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { createHousingComplex, createOrganization } from '../support/factories.ts';

// policy 2.2: a complaint is registered with the housing complex it concerns; a wrong one is corrected
// later, with a reason that stays on the timeline.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const kerkpolder = await createHousingComplex(database.owner, world.organization.id, {
  complexNumber: '102',
  name: 'Kerkpolder',
});
const elsewhere = await createHousingComplex(database.owner, (await createOrganization(database.owner)).id, {
  name: 'Andermans complex',
});

async function newComplaint() {
  return register(world.as.eva, {
    channel: 'phone',
    complainantId: world.tenant.id,
    description: 'De glazenwasser is drie keer niet gekomen.',
  });
}

async function stored(id: string) {
  const row = await database.owner
    .selectFrom('complaint')
    .select(['housing_complex_id', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const events = await database.owner
    .selectFrom('complaint_event')
    .select('type')
    .where('complaint_id', '=', id)
    .execute();
  return { ...row, events: events.map((e) => e.type) };
}

describe('changing the housing complex of a complaint', () => {
  test('the handler moves it to another complex; the timeline keeps from, to and the reason', async () => {
    const complaint = await newComplaint();
    expect(complaint.housingComplex.name).toBe('De Hofjes');
    const changed = await step(world.as.eva, complaint.id, 'housing-complex', {
      housingComplexId: kerkpolder.id,
      reason: '  De klacht gaat over de galerij van Kerkpolder, niet over de eigen woning. ',
    });
    expect(changed.housingComplex).toEqual({ id: kerkpolder.id, name: 'Kerkpolder', complexNumber: '102' });
    const event = changed.timeline.at(-1);
    expect(event).toMatchObject({
      type: 'housing_complex_changed',
      actor: { kind: 'staff', name: 'Eva Behandelaar' },
      summary: 'De klacht gaat over de galerij van Kerkpolder, niet over de eigen woning.',
      payload: {
        from: { id: world.complex.id, name: 'De Hofjes', complexNumber: '1042' },
        to: { id: kerkpolder.id, name: 'Kerkpolder', complexNumber: '102' },
        reason: 'De klacht gaat over de galerij van Kerkpolder, niet over de eigen woning.',
      },
    });
    expect((await stored(complaint.id)).housing_complex_id).toBe(kerkpolder.id);

    // Its manager may clear it again: the complaint turns out not to concern a complex at all
    const cleared = await step(world.as.mia, complaint.id, 'housing-complex', {
      housingComplexId: null,
      reason: 'Gaat over het klantcontact, niet over een complex.',
    });
    expect(cleared.housingComplex).toBeNull();
    expect(cleared.timeline.at(-1).payload).toMatchObject({ from: { name: 'Kerkpolder' }, to: null });
  });

  test.each([
    ['an empty reason', () => ({ housingComplexId: kerkpolder.id, reason: '   ' }), 400, 'validation_failed'],
    [
      'the same complex',
      () => ({ housingComplexId: world.complex.id, reason: 'x' }),
      422,
      'housing_complex_unchanged',
    ],
    [
      'an unknown complex',
      () => ({ housingComplexId: '0b8e7f4c-1d2a-4c3b-9e8f-7a6b5c4d3e2f', reason: 'x' }),
      400,
      'validation_failed',
    ],
    [
      "another organisation's complex",
      () => ({ housingComplexId: elsewhere.id, reason: 'x' }),
      400,
      'validation_failed',
    ],
  ])('%s is refused and nothing changes', async (_, payload, status, code) => {
    const complaint = await newComplaint();
    const before = await stored(complaint.id);
    const refused = await attempt(world.as.eva, complaint.id, 'housing-complex', payload());
    expect(refused.statusCode, refused.body).toBe(status);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().code).toBe(code);
    expect(await stored(complaint.id)).toEqual(before);
  });

  test('a colleague of another department who may not handle it gets 403, and nothing changes', async () => {
    const complaint = await newComplaint();
    const before = await stored(complaint.id);
    const refused = await attempt(world.as.karel, complaint.id, 'housing-complex', {
      housingComplexId: kerkpolder.id,
      reason: 'Ik weet het beter.',
    });
    expect(refused.statusCode).toBe(403);
    expect(await stored(complaint.id)).toEqual(before);
  });
});
