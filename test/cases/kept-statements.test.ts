import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { createDatabase } from '../../src/server/db/database.ts';
import { keepPlan, keptStatementName, MAX_KEPT_STATEMENTS } from '../../src/server/db/kept-statements.ts';
import { inOrganization } from '../../src/server/db/tenant-scope.ts';
import {
  listComplaints,
  listComplaintsQuery,
} from '../../src/server/modules/complaints/complaint-query.repository.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';

// Decision 043: the work queue's page is a named statement, parsed once per connection, and PostgreSQL keeps its
// generic plan. One connection serves every organisation in turn, so the kept plan must never carry one
// organisation's rows into another's request: row-level security decides at execution, as before.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
for (const description of ['Lekkage in de badkamer.', 'Schimmel in de slaapkamer.'])
  await register(world.as.eva, { channel: 'phone', complainantId: world.tenant.id, description });

const other = await createOrganization(database.owner, { hostnames: ['andere.example.nl'] });
await database.owner
  .insertInto('complaint')
  .values({
    id: '22222222-2222-4222-8222-222222222222',
    organization_id: other.id,
    reference: 'K-2026-90002',
    matter_id: '22222222-2222-4222-8222-222222222222',
    channel: 'web',
    received_at: new Date(),
    description: 'Van een andere corporatie.',
    status: 'new',
    term_start_day: '2026-11-26',
    original_due_at: new Date(),
    due_at: new Date(),
    calendar_settings_version: 1,
    term_extensions: '[]',
  })
  .execute();

// One pooled connection: every request below runs on the same PostgreSQL session
const single = createDatabase(database.appUrl, { poolSize: 1, log: { error: () => {} } });
afterAll(() => single.destroy());

const visibility = (userId: string) =>
  ({ kind: 'staff', userId, seesConfidential: false, isManager: false, managedDepartmentIds: [] }) as const;
const page = { sort: 'due' as const, cursor: null, limit: 50 };

async function queueOf(organizationId: string, userId: string) {
  const now = new Date();
  return inOrganization(single, organizationId, (trx) =>
    listComplaints(trx, { now }, visibility(userId), page),
  );
}

async function preparedOnTheConnection() {
  const { rows } = await sql<{
    name: string;
    statement: string;
    generic_plans: number;
    custom_plans: number;
  }>`select name, statement, generic_plans::int, custom_plans::int from pg_prepared_statements`.execute(
    single,
  );
  return rows;
}

describe('kept statements (decision 043)', () => {
  test('the queue page is parsed once per connection and PostgreSQL settles on its generic plan', async () => {
    for (let i = 0; i < 8; i++)
      expect(await queueOf(world.organization.id, world.people.eva.id)).toHaveLength(2);
    const text = listComplaintsQuery(
      single,
      { now: new Date() },
      visibility(world.people.eva.id),
      page,
    ).compile().sql;
    const name = keptStatementName(text);
    expect(name).toMatch(/^gehoord_kept_\d+$/);
    const kept = (await preparedOnTheConnection()).find((s) => s.name === name);
    // One statement for eight runs. The page's limit is written into it: on national data PostgreSQL keeps
    // planning a statement whose limit is a parameter (its custom plans look cheaper than the generic one)
    expect(kept?.statement).toBe(text);
    expect(text).toMatch(/ limit 51\)/);
    expect(kept?.generic_plans).toBeGreaterThan(0);
    expect((kept?.generic_plans ?? 0) + (kept?.custom_plans ?? 0)).toBe(8);
  });

  test('the same kept plan on the same connection shows each organisation only its own complaints', async () => {
    const mine = await queueOf(world.organization.id, world.people.eva.id);
    const theirs = await queueOf(other.id, world.people.eva.id);
    const againMine = await queueOf(world.organization.id, world.people.eva.id);
    expect(theirs.map((r) => r.reference)).toEqual(['K-2026-90002']);
    expect(mine.map((r) => r.id)).not.toContain('22222222-2222-4222-8222-222222222222');
    expect(againMine.map((r) => r.id)).toEqual(mine.map((r) => r.id));
    expect(mine).toHaveLength(2);
  });

  test('without an organisation the kept statement finds nothing', async () => {
    await queueOf(world.organization.id, world.people.eva.id);
    const rows = await single.transaction().execute(async (trx) => {
      await sql`select set_config('role', 'gehoord_app', true)`.execute(trx);
      return listComplaints(trx, { now: new Date() }, visibility(world.people.eva.id), page);
    });
    expect(rows).toEqual([]);
  });

  test('a search is not kept: its best plan depends on the word', async () => {
    const filters = { now: new Date(), q: 'lekkage' };
    const rows = await inOrganization(single, world.organization.id, (trx) =>
      listComplaints(trx, filters, visibility(world.people.eva.id), page),
    );
    expect(rows).toHaveLength(1);
    const text = listComplaintsQuery(single, filters, visibility(world.people.eva.id), page).compile().sql;
    expect(keptStatementName(text)).toBeUndefined();
  });

  // Last: it fills this file's registry
  test('at most MAX_KEPT_STATEMENTS texts get a name; a text keeps its name; later ones run unnamed', async () => {
    const first = keepPlan('select 1 as kept_first');
    const name = keptStatementName(first);
    for (let i = 0; i < MAX_KEPT_STATEMENTS; i++) keepPlan(`select ${i + 2} as kept_filler`);
    expect(keptStatementName(first)).toBe(name);
    expect(keptStatementName(keepPlan('select 0 as kept_too_late'))).toBeUndefined();
    const names = new Set(
      Array.from({ length: MAX_KEPT_STATEMENTS }, (_, i) =>
        keptStatementName(`select ${i + 2} as kept_filler`),
      ),
    );
    names.add(name);
    names.delete(undefined);
    expect(names.size).toBeLessThanOrEqual(MAX_KEPT_STATEMENTS);
    // An unnamed statement still runs
    const { rows } = await sql<{ kept_too_late: number }>`${sql.raw('select 0 as kept_too_late')}`.execute(
      single,
    );
    expect(rows).toEqual([{ kept_too_late: 0 }]);
  });
});
