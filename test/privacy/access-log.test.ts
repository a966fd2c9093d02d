import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { createPrivacyStores, createPrivacyWorld, createTenant, uploadPhoto } from './privacy-world.ts';

const database = await createTestDatabase();
const stores = await createPrivacyStores();
const app = await createTestApp(database.app, { storage: stores.storage, erasureLedger: stores.ledger });
const world = await createPrivacyWorld(database.owner, app);
const { as } = world;
const from = { 'user-agent': 'Gehoord-Test/1.0 (privacy)' };

async function lastEntry(what: string) {
  return database.owner
    .selectFrom('complaint_access_log')
    .selectAll()
    .where('what', '=', what as never)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

describe('the access log: who read or changed what, when and from where', () => {
  test('every read path and every change writes an entry with user, time, subject, address and browser', async () => {
    const tenant = await createTenant(database.owner, world.organization.id, world.unit.id, 'Sanne Vos');
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: tenant.id,
      description: 'Sanne Vos: geluidsoverlast.',
    });
    expect(await lastEntry('change')).toMatchObject({
      complaint_id: complaint.id,
      user_id: world.people.eva.id,
      ip: '127.0.0.1',
      detail: { events: ['registered'] },
    });
    const photo = await uploadPhoto(as.eva, complaint.id);

    const reads = [
      { what: 'detail', url: `/api/complaints/${complaint.id}`, complaintId: complaint.id, personId: null },
      { what: 'attachment', url: photo.downloadUrl, complaintId: complaint.id, personId: null },
      { what: 'person', url: `/api/persons/${tenant.id}`, complaintId: null, personId: tenant.id },
      {
        what: 'person_complaints',
        url: `/api/persons/${tenant.id}/complaints`,
        complaintId: null,
        personId: tenant.id,
      },
    ];
    for (const read of reads) {
      const response = await as.karel.request({ url: read.url, headers: from });
      expect(response.statusCode, `${read.url}: ${response.body}`).toBe(200);
      const entry = await lastEntry(read.what);
      expect(entry, read.what).toMatchObject({
        user_id: world.people.karel.id,
        complaint_id: read.complaintId,
        person_id: read.personId,
        ip: '127.0.0.1',
        user_agent: 'Gehoord-Test/1.0 (privacy)',
      });
      expect(Date.now() - (entry?.at.getTime() ?? 0)).toBeLessThan(60_000);
    }

    const note = await as.eva.request({
      method: 'POST',
      url: `/api/complaints/${complaint.id}/notes`,
      payload: { text: 'Buren gesproken.' },
      headers: from,
    });
    expect(note.statusCode, note.body).toBe(200);
    expect(await lastEntry('change')).toMatchObject({
      user_id: world.people.eva.id,
      complaint_id: complaint.id,
      user_agent: 'Gehoord-Test/1.0 (privacy)',
      detail: { events: ['note_added'] },
    });

    const exported = await world.officer.request({
      url: `/api/privacy/persons/${tenant.id}/export`,
      headers: from,
    });
    expect(exported.statusCode).toBe(200);
    expect(await lastEntry('subject_access_export')).toMatchObject({
      person_id: tenant.id,
      user_agent: 'Gehoord-Test/1.0 (privacy)',
    });

    // the person's own history covers their page and their complaints
    const history = await world.officer.request({ url: `/api/privacy/persons/${tenant.id}/access-log` });
    expect(history.statusCode).toBe(200);
    const whats = history.json().map((e: { what: string }) => e.what);
    for (const what of [
      'detail',
      'attachment',
      'person',
      'person_complaints',
      'change',
      'subject_access_export',
    ])
      expect(whats, what).toContain(what);
    expect(history.json()[0]).toMatchObject({ userName: 'Pia Privacy', ip: '127.0.0.1' });
  });

  test('a read that fails (unknown id, not allowed) leaves no entry', async () => {
    const count = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from complaint_access_log`.execute(database.owner))
        .rows[0]?.n;
    const before = await count();
    expect(
      (await as.eva.request({ url: '/api/persons/00000000-0000-4000-8000-000000000000' })).statusCode,
    ).toBe(404);
    expect(
      (await as.eva.request({ url: '/api/persons/00000000-0000-4000-8000-000000000000/complaints' }))
        .statusCode,
    ).toBe(200);
    expect(await count()).toBe(before);
  });

  test('the privacy officer and administrators view, page and export the log; the export is logged; others may not', async () => {
    expect((await as.mia.request({ url: '/api/privacy/access-log' })).statusCode).toBe(403);
    expect((await world.admin.request({ url: '/api/privacy/access-log?limit=1' })).statusCode).toBe(200);
    expect((await as.marieke.request({ url: '/api/privacy/access-log/export' })).statusCode).toBe(403);
    const first = await world.officer.request({ url: '/api/privacy/access-log?limit=2' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items).toHaveLength(2);
    const next = await world.officer.request({
      url: `/api/privacy/access-log?limit=2&before=${first.json().nextBefore}`,
    });
    expect(next.json().items[0].id).toBeLessThan(first.json().nextBefore);
    const byUser = await world.officer.request({
      url: `/api/privacy/access-log?userId=${world.people.karel.id}`,
    });
    expect(byUser.json().items.every((e: { userId: string }) => e.userId === world.people.karel.id)).toBe(
      true,
    );

    const csv = await world.officer.request({
      url: `/api/privacy/access-log/export?userId=${world.people.karel.id}`,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('at,what,reference,complaint_id,person_id,user,token,ip,user_agent');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.slice(1).every((l) => l.includes('Karel Collega'))).toBe(true);
    expect(await lastEntry('access_log_export')).toMatchObject({
      user_id: expect.any(String),
      detail: { rows: lines.length - 1 },
    });
  });

  test('the application role may add to the log but never change or delete it', async () => {
    const asApp = (statement: ReturnType<typeof sql>) =>
      database.app.transaction().execute(async (trx) => {
        await sql`select set_config('gehoord.organization_id', ${world.organization.id}, true)`.execute(trx);
        return statement.execute(trx);
      });
    await expect(asApp(sql`update complaint_access_log set ip = '10.0.0.1'`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(asApp(sql`delete from complaint_access_log`)).rejects.toThrow(/permission denied/);
    await expect(asApp(sql`update complaint_event set summary = null`)).rejects.toThrow(/permission denied/);
  });
});
