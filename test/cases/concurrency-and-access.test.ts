import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { testNow } from '../support/clock.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;

const newComplaint = {
  channel: 'web',
  complainantId: world.tenant.id,
  description: 'De lift in het complex staat al twee weken stil.',
};

describe('concurrency, idempotency and the access log', () => {
  test('a write with a stale If-Match is refused with 412 and changes nothing', async () => {
    const complaint = await register(as.eva, newComplaint);
    const read = await as.eva.request({ url: `/api/complaints/${complaint.id}` });
    expect(read.headers.etag).toBe('"1"');
    const first = await as.eva.request({
      method: 'POST',
      url: `/api/complaints/${complaint.id}/notes`,
      headers: { 'if-match': '"1"' },
      payload: { text: 'Liftbedrijf gebeld.' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const stale = await as.mia.request({
      method: 'POST',
      url: `/api/complaints/${complaint.id}/notes`,
      headers: { 'if-match': '"1"' },
      payload: { text: 'Tweede notitie op een oude versie.' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('precondition_failed');
    const after = (await as.eva.request({ url: `/api/complaints/${complaint.id}` })).json();
    expect(after.version).toBe(2);
    expect(after.timeline.filter((e: { type: string }) => e.type === 'note_added')).toHaveLength(1);
  });

  test('concurrent writes on one complaint are serialised: every event is kept, the version counts them', async () => {
    const complaint = await register(as.eva, newComplaint);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        as.eva.request({
          method: 'POST',
          url: `/api/complaints/${complaint.id}/notes`,
          payload: { text: `Notitie ${i}` },
        }),
      ),
    );
    const after = (await as.eva.request({ url: `/api/complaints/${complaint.id}` })).json();
    expect(after.version).toBe(9);
    expect(after.timeline.filter((e: { type: string }) => e.type === 'note_added')).toHaveLength(8);
  });

  test('a retried registration with the same Idempotency-Key returns the first result, never a duplicate', async () => {
    const key = `retry-${Date.now()}`;
    const send = (payload: object) =>
      as.eva.request({
        method: 'POST',
        url: '/api/complaints',
        headers: { 'idempotency-key': key },
        payload,
      });
    const [a, b] = await Promise.all([send(newComplaint), send(newComplaint)]);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']]).toContain('true');
    const count = await database.owner
      .selectFrom('complaint')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('reference', '=', a.json().reference)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const other = await send({ ...newComplaint, description: 'Iets anders.' });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
  });

  test('every read of a complaint detail is recorded in the access log', async () => {
    const complaint = await register(as.eva, newComplaint);
    await as.karel.request({ url: `/api/complaints/${complaint.id}` });
    await as.mia.request({ url: `/api/complaints/${complaint.id}` });
    const log = await database.owner
      .selectFrom('complaint_access_log')
      .select(['user_id', 'what'])
      .where('complaint_id', '=', complaint.id)
      .where('what', '=', 'detail')
      .orderBy('id')
      .execute();
    expect(log).toEqual([
      { user_id: world.people.karel.id, what: 'detail' },
      { user_id: world.people.mia.id, what: 'detail' },
    ]);
  });

  test('the work queue filters, searches in Dutch, counts and pages with a cursor', async () => {
    for (let i = 0; i < 5; i++) {
      await register(as.karel, { ...newComplaint, description: `Schimmel in de badkamer, melding ${i}.` });
    }
    const search = (await as.karel.request({ url: '/api/complaints?q=schimmel' })).json();
    expect(search.items.length).toBeGreaterThanOrEqual(5);
    const byPostcode = (await as.karel.request({ url: '/api/complaints?q=3155%20ab' })).json();
    expect(byPostcode.items.length).toBeGreaterThanOrEqual(5);
    const mine = (await as.karel.request({ url: '/api/complaints?handlerId=me&limit=2' })).json();
    expect(mine.items).toHaveLength(2);
    expect(mine.nextCursor).not.toBeNull();
    const seen = new Set(mine.items.map((i: { id: string }) => i.id));
    let cursor = mine.nextCursor;
    while (cursor) {
      const page = (
        await as.karel.request({ url: `/api/complaints?handlerId=me&limit=2&cursor=${cursor}` })
      ).json();
      for (const item of page.items) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
      }
      cursor = page.nextCursor;
    }
    expect(seen.size).toBe(5);
    const counts = (await as.karel.request({ url: '/api/complaints/counts?handlerId=me' })).json();
    expect(counts.counts.new).toBe(5);
    const badCursor = await as.karel.request({ url: '/api/complaints?cursor=bm9wZQ' });
    expect(badCursor.statusCode).toBe(400);
    const likely = await as.karel.request({
      url: `/api/complaints/likely-repeats?complainantId=${world.tenant.id}&text=${encodeURIComponent('schimmel badkamer')}`,
    });
    expect(likely.json()[0].description).toContain('Schimmel');
  });

  test('bad input gets field-level problem details in Dutch and English, and nothing is written', async () => {
    const before = await database.owner
      .selectFrom('complaint')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const bad = await as.eva.request({
      method: 'POST',
      url: '/api/complaints',
      payload: { channel: 'pigeon', description: '', complainantId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['channel', 'description']),
    );
    const unknown = await as.eva.request({
      method: 'POST',
      url: '/api/complaints',
      payload: {
        ...newComplaint,
        complainantId: '00000000-0000-4000-8000-000000000000',
        complainant: { name: 'Nieuw' },
      },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].messages.nl).toBeTruthy();
    const future = await as.eva.request({
      method: 'POST',
      url: '/api/complaints',
      payload: { ...newComplaint, receivedAt: new Date(testNow().getTime() + 86_400_000).toISOString() },
    });
    expect(future.statusCode).toBe(400);
    const after = await database.owner
      .selectFrom('complaint')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('the timeline and the access log are append-only for the application', () => {
  test('the app role may add events but never change or delete them', async () => {
    const complaint = await register(as.eva, newComplaint);
    const { sql } = await import('kysely');
    const asApp = (statement: ReturnType<typeof sql>) =>
      database.app.transaction().execute(async (trx) => {
        await sql`select set_config('role', 'gehoord_app', true), set_config('gehoord.organization_id', ${world.organization.id}, true)`.execute(
          trx,
        );
        return statement.execute(trx);
      });
    await expect(
      asApp(sql`update complaint_event set summary = 'x' where complaint_id = ${complaint.id}`),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asApp(sql`delete from complaint_event where complaint_id = ${complaint.id}`),
    ).rejects.toThrow(/permission denied/);
    await expect(asApp(sql`delete from complaint_access_log`)).rejects.toThrow(/permission denied/);
    await expect(asApp(sql`delete from complaint where id = ${complaint.id}`)).rejects.toThrow(
      /permission denied/,
    );
  });

  test('a NUL character in a text field is a 400, not a 500', async () => {
    const complaint = await register(as.eva, newComplaint);
    const response = await as.eva.request({
      method: 'POST',
      url: `/api/complaints/${complaint.id}/notes`,
      payload: { text: 'before\u0000after' },
    });
    expect(response.statusCode).toBe(400);
  });
});
