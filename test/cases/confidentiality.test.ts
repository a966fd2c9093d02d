// Confidential on purpose, with a reason (policy 1.3, 2.5), through HTTP: registration, marking, lifting,
// refusals that change nothing, and list/search/detail that agree.
import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { attempt, createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import type { Client } from '../support/sessions.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as, people } = world;

/** A complaint handled by Eva (Wonen, manager Mia) about Karel (Vastgoed, manager Victor). */
async function aboutKarel(extra: object = {}) {
  const complaint = await register(as.eva, {
    channel: 'phone',
    complainantId: world.tenant.id,
    description: 'Meneer Karel van Vastgoed heeft mij aan de telefoon afgesnauwd.',
    ...extra,
  });
  const routed = await step(as.eva, complaint.id, 'triage', {
    outcome: 'complaint',
    category: 'treated_wrongly',
    subject: { kind: 'employee', employeeId: people.karel.id },
  });
  // Routing gives it to Karel (policy 1.3); he hands it back to Eva so that handler and subject differ here
  if (routed.status !== 'in_progress') return routed;
  return step(as.karel, complaint.id, 'transfer', {
    departmentId: world.wonen.id,
    handlerId: people.eva.id,
    reason: 'Karel is zelf het onderwerp; Eva behandelt de klacht.',
  });
}

const ids = async (client: Client, query = '') =>
  (await client.request({ url: `/api/complaints?limit=200${query}` }))
    .json()
    .items.map((i: { id: string }) => i.id);
const detail = (client: Client, id: string) => client.request({ url: `/api/complaints/${id}` });
const row = (id: string) =>
  database.owner
    .selectFrom('complaint')
    .select(['confidential', 'confidential_reason_code', 'confidential_reason', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const eventTypes = async (id: string) =>
  (
    await database.owner
      .selectFrom('complaint_event')
      .select('type')
      .where('complaint_id', '=', id)
      .orderBy('id')
      .execute()
  ).map((e) => e.type);

describe('a complaint about an employee (policy 1.3)', () => {
  test('is not confidential after triage: the employee and their manager can open it, like every colleague', async () => {
    const triaged = await aboutKarel();
    expect(triaged.confidential).toBe(false);
    expect(triaged.confidentialReason).toBeNull();
    expect(await eventTypes(triaged.id)).not.toContain('marked_confidential');
    for (const client of [as.karel, as.victor, as.anna]) {
      expect((await detail(client, triaged.id)).statusCode).toBe(200);
    }
  });
});

describe('registering a confidential complaint', () => {
  test('needs a reason: 422 with the field, and nothing is stored', async () => {
    const before = await database.owner.selectFrom('complaint').select('id').execute();
    const missing = await as.eva.request({
      method: 'POST',
      url: '/api/complaints',
      payload: {
        channel: 'phone',
        complainant: { name: 'Nieuwe Klager' },
        description: 'Vertrouwelijk zonder reden.',
        confidential: true,
      },
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json().code).toBe('confidential_reason_required');
    expect(missing.json().errors).toEqual([
      expect.objectContaining({
        in: 'body',
        path: 'confidentialReason',
        code: 'confidential_reason_required',
      }),
    ]);
    const otherWithoutText = await as.eva.request({
      method: 'POST',
      url: '/api/complaints',
      payload: {
        channel: 'phone',
        description: 'Andere reden zonder uitleg.',
        confidential: true,
        confidentialReason: 'other',
      },
    });
    expect(otherWithoutText.statusCode).toBe(422);
    expect(otherWithoutText.json().code).toBe('confidential_reason_text_required');
    expect(await database.owner.selectFrom('complaint').select('id').execute()).toHaveLength(before.length);
    expect(
      await database.owner.selectFrom('person').select('id').where('name', '=', 'Nieuwe Klager').execute(),
    ).toEqual([]);
  });

  test('stores the reason, shows it in the detail and on the timeline', async () => {
    const complaint = await aboutKarel({
      confidential: true,
      confidentialReason: 'other',
      confidentialReasonText: 'Loopt ook een arbeidsrechtelijke zaak',
    });
    expect(complaint.confidential).toBe(true);
    expect(complaint.confidentialReason).toEqual({
      code: 'other',
      text: 'Loopt ook een arbeidsrechtelijke zaak',
    });
    const marked = complaint.timeline.find((e: { type: string }) => e.type === 'marked_confidential');
    expect(marked.summary).toBe('Andere reden: Loopt ook een arbeidsrechtelijke zaak');
    expect(marked.payload.reason).toBe('other');
  });
});

describe('who sees a confidential complaint about Karel: detail, list and search agree', async () => {
  const complaint = await aboutKarel({ confidential: true, confidentialReason: 'complainant_asks' });

  test.each([
    ['the handler Eva', 'eva', true],
    ['the handling manager Mia', 'mia', true],
    ['Karel, the employee it is about', 'karel', true],
    ['Victor, Karel’s manager', 'victor', true],
    ['the MT', 'marieke', true],
    ['the board', 'bram', true],
    ['the legal adviser', 'lotte', true],
    ['Anna, an assistant not involved', 'anna', false],
  ] as const)('%s: %s', async (_label, who, sees) => {
    const client = as[who];
    expect((await detail(client, complaint.id)).statusCode).toBe(sees ? 200 : 404);
    expect((await ids(client)).includes(complaint.id)).toBe(sees);
    expect((await ids(client, '&q=afgesnauwd')).includes(complaint.id)).toBe(sees);
    expect((await ids(client, `&q=${complaint.reference}`)).includes(complaint.id)).toBe(sees);
    expect((await ids(client, '&confidential=true')).includes(complaint.id)).toBe(sees);
  });
});

describe('marking and lifting', () => {
  test('the handler marks with a reason; Anna no longer finds it; the manager lifts it with a reason', async () => {
    const complaint = await aboutKarel();
    expect(await ids(as.anna)).toContain(complaint.id);
    const marked = await step(as.eva, complaint.id, 'confidential', {
      reason: 'sensitive_personal_matter',
    });
    expect(marked.confidential).toBe(true);
    expect(marked.confidentialReason).toEqual({ code: 'sensitive_personal_matter', text: null });
    expect(marked.timeline.at(-1)).toMatchObject({
      type: 'marked_confidential',
      summary: 'Gevoelige persoonlijke zaak',
      payload: { reason: 'sensitive_personal_matter' },
    });
    expect((await detail(as.anna, complaint.id)).statusCode).toBe(404);
    expect(await ids(as.anna)).not.toContain(complaint.id);
    expect((await detail(as.karel, complaint.id)).statusCode).toBe(200);

    const lifted = await step(as.mia, complaint.id, 'confidential/lift', {
      reason: 'Met de klager besproken: mag weer gewoon.',
    });
    expect(lifted.confidential).toBe(false);
    expect(lifted.confidentialReason).toBeNull();
    expect(lifted.timeline.at(-1)).toMatchObject({
      type: 'confidentiality_lifted',
      summary: 'Met de klager besproken: mag weer gewoon.',
      payload: { previousReason: 'sensitive_personal_matter' },
    });
    expect((await detail(as.anna, complaint.id)).statusCode).toBe(200);
    expect(await row(complaint.id)).toMatchObject({
      confidential: false,
      confidential_reason_code: null,
      confidential_reason: null,
    });
  });

  test('refusals change nothing: 409 twice marked or not confidential, 422 without reason, 403/404 by role', async () => {
    const complaint = await aboutKarel();
    const plain = await row(complaint.id);
    const refusals = [
      [as.mia, 'confidential/lift', { reason: 'x' }, 409, 'not_confidential'],
      [as.eva, 'confidential', {}, 422, 'confidential_reason_required'],
      [as.eva, 'confidential', { reason: 'other', text: ' ' }, 422, 'confidential_reason_text_required'],
      [as.eva, 'confidential', { reason: 'criminal_suspicion' }, 400, 'validation_failed'],
      [as.karel, 'confidential', { reason: 'complainant_asks' }, 403, 'forbidden'],
      [as.anna, 'confidential', { reason: 'complainant_asks' }, 403, 'forbidden'],
    ] as const;
    for (const [client, path, body, status, code] of refusals) {
      const response = await attempt(client, complaint.id, path, body);
      expect(response.statusCode, `${path} ${JSON.stringify(body)}`).toBe(status);
      expect(response.json().code).toBe(code);
    }
    expect(await row(complaint.id)).toEqual(plain);

    await step(as.eva, complaint.id, 'confidential', { reason: 'complainant_asks' });
    const marked = await row(complaint.id);
    const events = await eventTypes(complaint.id);
    const after = [
      [as.eva, 'confidential', { reason: 'sensitive_personal_matter' }, 409, 'already_confidential'],
      [as.mia, 'confidential/lift', {}, 422, 'confidentiality_lift_reason_required'],
      [as.eva, 'confidential/lift', { reason: 'x' }, 403, 'forbidden'], // the handler does not lift
      [as.karel, 'confidential/lift', { reason: 'x' }, 403, 'forbidden'],
      [as.anna, 'confidential/lift', { reason: 'x' }, 404, 'not_found'],
    ] as const;
    for (const [client, path, body, status, code] of after) {
      const response = await attempt(client, complaint.id, path, body);
      expect(response.statusCode, `${path} ${JSON.stringify(body)}`).toBe(status);
      expect(response.json().code).toBe(code);
    }
    expect(await row(complaint.id)).toEqual(marked);
    expect(await eventTypes(complaint.id)).toEqual(events);
  });

  test('policy 2.5: a suspected offence makes it confidential for that reason; only the board lifts it', async () => {
    const complaint = await aboutKarel({ confidential: true, confidentialReason: 'complainant_asks' });
    expect((await detail(as.karel, complaint.id)).statusCode).toBe(200);
    const flagged = await step(as.eva, complaint.id, 'criminal-offence');
    expect(flagged.confidentialReason).toEqual({ code: 'criminal_suspicion', text: null });
    expect(
      flagged.timeline.find(
        (e: { type: string; payload: { reason?: string } }) =>
          e.type === 'marked_confidential' && e.payload.reason === 'criminal_suspicion',
      ).payload,
    ).toEqual({ reason: 'criminal_suspicion', previousReason: 'complainant_asks' });
    // not the employee it is about, nor their manager
    expect((await detail(as.karel, complaint.id)).statusCode).toBe(404);
    expect((await detail(as.victor, complaint.id)).statusCode).toBe(404);
    expect(await ids(as.karel)).not.toContain(complaint.id);
    for (const client of [as.mia, as.marieke]) {
      const refused = await attempt(client, complaint.id, 'confidential/lift', { reason: 'x' });
      expect(refused.statusCode).toBe(403);
    }
    const lifted = await step(as.bram, complaint.id, 'confidential/lift', {
      reason: 'Aangifte niet nodig: geen strafbaar feit.',
    });
    expect(lifted.confidential).toBe(false);
    expect((await detail(as.karel, complaint.id)).statusCode).toBe(200);
  });
});
