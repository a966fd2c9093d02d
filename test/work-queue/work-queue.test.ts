import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import type { Client } from '../support/sessions.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as, people, wonen, vastgoed } = world;

async function phone(client: Client, extra: object = {}) {
  return register(client, {
    channel: 'phone',
    complainantId: world.tenant.id,
    description: 'De centrale verwarming doet het weer niet.',
    ...extra,
  });
}

/** A complaint in the department's queue that nobody has picked up yet. */
async function unassigned(departmentId: string) {
  const complaint = await phone(as.eva, { departmentId });
  await database.owner
    .updateTable('complaint')
    .set({ handler_id: null, department_id: departmentId })
    .where('id', '=', complaint.id)
    .execute();
  return complaint;
}

async function counts(client: Client, query = '') {
  const response = await client.request({ url: `/api/complaints/queue-counts?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function bulk(client: Client, payload: unknown) {
  return client.request({ method: 'POST', url: '/api/complaints/bulk-assign', payload: payload as object });
}

const ids = (response: { json: () => { items: { id: string }[] } }) => response.json().items.map((i) => i.id);

// The world: Eva (Wonen) handles three, one of them withdrawn; Karel (Vastgoed) one; two unassigned in Wonen and
// one unassigned in Vastgoed.
const evaOpen = [await phone(as.eva), await phone(as.eva)];
const evaWithdrawn = await phone(as.eva);
await step(as.eva, evaWithdrawn.id, 'withdraw', { reason: 'Telefonisch ingetrokken.' });
const karels = await phone(as.karel);
const wonenQueue = [await unassigned(wonen.id), await unassigned(wonen.id)];
const vastgoedQueue = await unassigned(vastgoed.id);

describe('the work queue shows open complaints by default (issue 22)', () => {
  test('open=true leaves out the ended ones; open=false shows only those', async () => {
    const open = await as.eva.request({ url: '/api/complaints?handlerId=me&open=true' });
    expect(open.statusCode).toBe(200);
    expect(ids(open).sort()).toEqual(evaOpen.map((c) => c.id).sort());
    const ended = await as.eva.request({ url: '/api/complaints?handlerId=me&open=false' });
    expect(ids(ended)).toEqual([evaWithdrawn.id]);
    const everything = await as.eva.request({ url: '/api/complaints?handlerId=me' });
    expect(ids(everything)).toHaveLength(3);
  });
});

describe('tab counts, in one query', () => {
  test('an employee: mine, her own department and its unassigned ones, all', async () => {
    expect(await counts(as.eva, 'open=true')).toEqual({
      mine: 2,
      department: 4,
      unassigned: 2,
      all: 6,
      departmentId: wonen.id,
      isLowerBound: false,
    });
    // the withdrawn one counts without the open filter
    expect((await counts(as.eva)).mine).toBe(3);
    expect(await counts(as.karel, 'open=true')).toEqual({
      mine: 1,
      department: 2,
      unassigned: 1,
      all: 6,
      departmentId: vastgoed.id,
      isLowerBound: false,
    });
  });

  test('the counts agree with the lists they stand for', async () => {
    const c = await counts(as.mia, 'open=true');
    const list = async (query: string) =>
      ids(await as.mia.request({ url: `/api/complaints?open=true&limit=200&${query}` }));
    expect((await list(`departmentId=${wonen.id}`)).length).toBe(c.department);
    expect((await list(`departmentId=${wonen.id}&handlerId=none`)).sort()).toEqual(
      wonenQueue.map((q) => q.id).sort(),
    );
    expect((await list('')).length).toBe(c.all);
  });

  test('the same filters apply to every tab', async () => {
    expect(await counts(as.eva, 'open=true&status=withdrawn')).toMatchObject({ mine: 0, all: 0 });
    expect(await counts(as.eva, 'status=withdrawn')).toMatchObject({ mine: 1, department: 1, all: 1 });
  });

  test("another department's queue is not an employee's to open; overseers pick any", async () => {
    const refused = await as.eva.request({ url: `/api/complaints/queue-counts?departmentId=${vastgoed.id}` });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(await counts(as.anna, `open=true&departmentId=${vastgoed.id}`)).toMatchObject({
      unassigned: 1,
      departmentId: vastgoed.id,
    });
    expect(await counts(as.marieke, `open=true&departmentId=${wonen.id}`)).toMatchObject({ unassigned: 2 });
  });
  test('bad query values are 400 problems with field messages; no session is 401', async () => {
    for (const query of [
      'departmentId=nope',
      'status=bogus',
      'open=maybe',
      'overdue=1',
      'q=',
      `q=${'x'.repeat(201)}`,
    ]) {
      const response = await as.eva.request({ url: `/api/complaints/queue-counts?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors[0].messages.nl, query).toBeTruthy();
    }
    expect((await app.inject({ url: '/api/complaints/queue-counts' })).statusCode).toBe(401);
  });
});

describe('the unassigned queue is scoped by department', () => {
  test('an employee lists the unassigned complaints of her own department only', async () => {
    const own = await as.karel.request({ url: `/api/complaints?handlerId=none&departmentId=${vastgoed.id}` });
    expect(ids(own)).toEqual([vastgoedQueue.id]);
    for (const url of [
      `/api/complaints?handlerId=none&departmentId=${wonen.id}`,
      '/api/complaints?handlerId=none',
    ]) {
      const refused = await as.karel.request({ url });
      expect(refused.statusCode, url).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
  });

  test('the management assistant and the MT see any department’s unassigned queue', async () => {
    const anna = await as.anna.request({ url: `/api/complaints?handlerId=none&departmentId=${vastgoed.id}` });
    expect(ids(anna)).toEqual([vastgoedQueue.id]);
    const marieke = await as.marieke.request({ url: '/api/complaints?handlerId=none&open=true' });
    expect(ids(marieke).sort()).toEqual([...wonenQueue, vastgoedQueue].map((c) => c.id).sort());
  });
});

describe('bulk assignment', () => {
  test('the manager reassigns several at once; each row has its result; the same events as one at a time', async () => {
    const own = await phone(as.eva);
    const response = await bulk(as.mia, {
      complaintIds: [own.id, wonenQueue[0].id],
      handlerId: people.anna.id,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ assigned: 2, refused: 0 });
    expect(body.results.map((r: { complaintId: string; ok: boolean }) => [r.complaintId, r.ok])).toEqual([
      [own.id, true],
      [wonenQueue[0].id, true],
    ]);
    for (const id of [own.id, wonenQueue[0].id]) {
      const detail = (await as.mia.request({ url: `/api/complaints/${id}` })).json();
      expect(detail.handler).toEqual({ id: people.anna.id, name: 'Anna Assistent' });
      expect(detail.timeline.map((e: { type: string }) => e.type)).toContain('assign_handler');
    }
    // the outbox for integrations and the complainant hear of it as of a single assignment
    const single = await phone(as.eva);
    await step(as.mia, single.id, 'assign', { handlerId: people.anna.id });
    const integrationTypes = async (complaintId: string) =>
      (
        await database.owner
          .selectFrom('integration_event')
          .select('type')
          .where('complaint_id', '=', complaintId)
          .orderBy('id')
          .execute()
      ).map((row) => row.type);
    expect(await integrationTypes(own.id)).toContain('complaint.assigned');
    expect(await integrationTypes(own.id)).toEqual(await integrationTypes(single.id));
  });

  test('each complaint is authorised on its own: an employee picks up the unassigned, not someone else’s', async () => {
    const response = await bulk(as.eva, {
      complaintIds: [wonenQueue[1].id, karels.id],
      handlerId: people.eva.id,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ assigned: 1, refused: 1 });
    expect(body.results[0]).toMatchObject({ complaintId: wonenQueue[1].id, ok: true });
    expect(body.results[1]).toMatchObject({ complaintId: karels.id, ok: false, code: 'forbidden' });
    expect(body.results[1].messages.nl).toBeTruthy();
    const karel = (await as.karel.request({ url: `/api/complaints/${karels.id}` })).json();
    expect(karel.handler.id).toBe(people.karel.id);
  });

  test('handing complaints to someone else is the manager’s; an ended or unknown complaint is refused per row', async () => {
    const other = await phone(as.karel);
    const byEmployee = await bulk(as.eva, { complaintIds: [other.id], handlerId: people.karel.id });
    expect(byEmployee.json().results[0]).toMatchObject({ ok: false, code: 'forbidden' });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const response = await bulk(as.mia, {
      complaintIds: [evaWithdrawn.id, unknown],
      handlerId: people.eva.id,
    });
    expect(response.statusCode).toBe(200);
    const [withdrawn, missing] = response.json().results;
    expect(withdrawn).toMatchObject({ ok: false });
    expect(withdrawn.code).not.toBe('forbidden');
    expect(missing).toMatchObject({ ok: false, code: 'not_found' });
  });

  test('an unknown or inactive handler refuses the whole request; nothing changes', async () => {
    const complaint = await phone(as.eva);
    const unknown = await bulk(as.mia, {
      complaintIds: [complaint.id],
      handlerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'handlerId' });
    const after = (await as.mia.request({ url: `/api/complaints/${complaint.id}` })).json();
    expect(after.handler.id).toBe(people.eva.id);
  });

  test('bad input is a 4xx problem with field messages, never a 500', async () => {
    const many = Array.from(
      { length: 101 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const bad: unknown[] = [
      {},
      { complaintIds: [], handlerId: people.eva.id },
      { complaintIds: ['not-a-uuid'], handlerId: people.eva.id },
      { complaintIds: [evaOpen[0].id, evaOpen[0].id], handlerId: people.eva.id },
      { complaintIds: many, handlerId: people.eva.id },
      { complaintIds: [evaOpen[0].id] },
      { complaintIds: evaOpen[0].id, handlerId: people.eva.id },
      { complaintIds: [evaOpen[0].id], handlerId: 42 },
      [],
      'text',
      null,
    ];
    for (const payload of bad) {
      const response = await as.mia.request({
        method: 'POST',
        url: '/api/complaints/bulk-assign',
        payload: JSON.stringify(payload),
        headers: { 'content-type': 'application/json' },
      });
      expect(response.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, JSON.stringify(payload)).toBeLessThan(500);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json();
      expect(problem.messages.nl).toBeTruthy();
      expect(problem.messages.en).toBeTruthy();
    }
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/complaints/bulk-assign',
      payload: { complaintIds: [evaOpen[0].id], handlerId: people.eva.id },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('saved views, shareable with the department', () => {
  async function save(client: Client, payload: object) {
    const response = await client.request({ method: 'POST', url: '/api/saved-views', payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  const names = async (client: Client) =>
    (await client.request({ url: '/api/saved-views' })).json().items.map((v: { name: string }) => v.name);

  test('own views for the owner; shared ones for the department (and its manager), not for others', async () => {
    const own = await save(as.eva, { name: 'Mijn te laat', query: 'overdue=true' });
    expect(own).toMatchObject({ name: 'Mijn te laat', query: 'overdue=true', shared: false, own: true });
    const shared = await save(as.eva, { name: 'Wonen nieuw', query: 'status=new', shared: true });
    expect(shared).toMatchObject({ shared: true, ownerName: 'Eva Behandelaar' });

    expect(await names(as.eva)).toEqual(['Mijn te laat', 'Wonen nieuw']);
    expect(await names(as.anna)).toEqual(['Wonen nieuw']);
    expect(await names(as.mia)).toEqual(['Wonen nieuw']);
    expect(await names(as.karel)).toEqual([]);
    expect(await names(as.victor)).toEqual([]);
    const forAnna = (await as.anna.request({ url: '/api/saved-views' })).json().items[0];
    expect(forAnna.own).toBe(false);
  });

  test('the same name replaces the view; unsharing hides it from the department', async () => {
    const first = await save(as.karel, { name: 'Vastgoed', query: 'category=maintenance', shared: true });
    expect(await names(as.victor)).toContain('Vastgoed');
    const second = await save(as.karel, { name: 'Vastgoed', query: 'overdue=true', shared: false });
    expect(second.id).toBe(first.id);
    expect(second.query).toBe('overdue=true');
    expect(await names(as.victor)).not.toContain('Vastgoed');
  });

  test('only the owner deletes: 403 for a shared view of someone else, 404 for one out of sight', async () => {
    const shared = await save(as.eva, { name: 'Te verwijderen', query: 'repeat=true', shared: true });
    const byAnna = await as.anna.request({ method: 'DELETE', url: `/api/saved-views/${shared.id}` });
    expect(byAnna.statusCode).toBe(403);
    const byKarel = await as.karel.request({ method: 'DELETE', url: `/api/saved-views/${shared.id}` });
    expect(byKarel.statusCode).toBe(404);
    const byEva = await as.eva.request({ method: 'DELETE', url: `/api/saved-views/${shared.id}` });
    expect(byEva.statusCode).toBe(204);
    expect(await names(as.anna)).not.toContain('Te verwijderen');
  });

  test('sharing without a department and bad input are 4xx problems with field messages', async () => {
    const lotte = await as.lotte.request({
      method: 'POST',
      url: '/api/saved-views',
      payload: { name: 'Juridisch', query: '', shared: true },
    });
    expect(lotte.statusCode).toBe(400);
    expect(lotte.json().errors[0]).toMatchObject({ path: 'shared' });
    for (const payload of [
      {},
      { name: '', query: '' },
      { name: '   ', query: '' },
      { name: 'x'.repeat(81), query: '' },
      { name: 'Lang', query: 'q='.repeat(1001) },
      { name: 'Gedeeld', query: '', shared: 'ja' },
    ]) {
      const response = await as.eva.request({ method: 'POST', url: '/api/saved-views', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.length).toBeGreaterThan(0);
    }
    const badId = await as.eva.request({ method: 'DELETE', url: '/api/saved-views/not-an-id' });
    expect(badId.statusCode).toBe(400);
  });
});
