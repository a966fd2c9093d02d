import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

// Issue 22: the audit log filtered on the server by who, what and when (Dutch days), with paging.
const database = await createTestDatabase();
const organization = await createOrganization(database.owner, { isDefault: true });
const app = await createTestApp(database.app);
const adminUser = await createStaffUser(database.owner, organization.id, { roles: ['employee', 'admin'] });
const admin = await signInAs(app, adminUser.email);
const anna = await createStaffUser(database.owner, organization.id, { name: 'Anna Visser' });
const bram = await createStaffUser(database.owner, organization.id, { name: 'Bram Kok' });

type Row = { type: string; user: string; at: string };
const rows: Row[] = [
  { type: 'login_failed', user: anna.id, at: '2026-03-01T10:00:00Z' },
  { type: 'login_succeeded', user: anna.id, at: '2026-03-02T12:00:00Z' },
  // 00:30 on 3 March in Amsterdam (CET, UTC+1): not on 2 March
  { type: 'login_failed', user: anna.id, at: '2026-03-02T23:30:00Z' },
  { type: 'login_failed', user: bram.id, at: '2026-03-02T08:00:00Z' },
  { type: 'password_changed', user: bram.id, at: '2026-03-04T09:00:00Z' },
];
await database.owner
  .insertInto('auth_event')
  .values(
    rows.map((row) => ({
      organization_id: organization.id,
      type: row.type,
      actor_user_id: row.user,
      occurred_at: new Date(row.at),
      details: '{}',
    })),
  )
  .execute();

async function events(query: string) {
  const response = await admin.request({ url: `/api/admin/auth-events?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: { type: string; occurredAt: string }[]; nextBefore: number | null };
}
// the log is newest entry first (by id); these rows were inserted out of time order, so compare as sets
const times = (page: { items: { occurredAt: string }[] }) => page.items.map((e) => e.occurredAt).sort();

describe('filtering the audit log', () => {
  test('from and until are whole days in Dutch time, both inclusive', async () => {
    const day = await events('from=2026-03-02&until=2026-03-02');
    expect(times(day)).toEqual(['2026-03-02T08:00:00.000Z', '2026-03-02T12:00:00.000Z']);
    const fromThird = await events('from=2026-03-03&until=2026-03-31');
    expect(times(fromThird)).toEqual(['2026-03-02T23:30:00.000Z', '2026-03-04T09:00:00.000Z']);
    const untilFirst = await events('until=2026-03-01');
    expect(times(untilFirst)).toEqual(['2026-03-01T10:00:00.000Z']);
  });

  test('who and what combine with when', async () => {
    const annaFailed = await events(`userId=${anna.id}&type=login_failed`);
    expect(times(annaFailed)).toEqual(['2026-03-01T10:00:00.000Z', '2026-03-02T23:30:00.000Z']);
    const annaFailedInMarchSecond = await events(
      `userId=${anna.id}&type=login_failed&from=2026-03-02&until=2026-03-02`,
    );
    expect(annaFailedInMarchSecond.items).toEqual([]);
    const bramAll = await events(`userId=${bram.id}&from=2026-03-01&until=2026-03-31`);
    expect(bramAll.items.map((e) => e.type)).toEqual(['password_changed', 'login_failed']);
  });

  test('pages follow the cursor and keep the filter', async () => {
    const first = await events(`userId=${anna.id}&limit=2`);
    expect(first.items).toHaveLength(2);
    expect(first.nextBefore).not.toBeNull();
    const second = await events(`userId=${anna.id}&limit=2&before=${first.nextBefore}`);
    expect(times(second)).toEqual(['2026-03-01T10:00:00.000Z']);
    expect(second.nextBefore).toBeNull();
  });

  test('bad filters are 400 problem+json with a message per field in Dutch and English', async () => {
    const reversed = await admin.request({ url: '/api/admin/auth-events?from=2026-03-05&until=2026-03-01' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.headers['content-type']).toContain('application/problem+json');
    expect(reversed.json().errors).toEqual([
      expect.objectContaining({
        in: 'querystring',
        path: 'until',
        messages: {
          nl: 'Kies een einddatum op of na de begindatum.',
          en: 'Choose an end date on or after the start date.',
        },
      }),
    ]);
    for (const query of ['from=gisteren', 'until=2026-02-30', 'type=anything', 'userId=12']) {
      const bad = await admin.request({ url: `/api/admin/auth-events?${query}` });
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().errors[0].path, query).toBe(query.split('=')[0]);
      expect(bad.json().errors[0].messages.nl, query).toBeTruthy();
    }
  });

  test('only administrators read it', async () => {
    const employee = await signInAs(app, anna.email);
    expect((await employee.request({ url: '/api/admin/auth-events?from=2026-03-01' })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/admin/auth-events' })).statusCode).toBe(401);
  });
});
