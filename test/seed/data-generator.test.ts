import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { toLocalDate } from '../../src/domain/index.ts';
import { hashPassword } from '../../src/server/modules/auth/credentials/password-hashing.ts';
import { formatReference } from '../../src/server/modules/complaints/complaint-registration.service.ts';
import { type SeedSummary, seedDataSet } from '../../src/server/seed/seed-data-set.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { TEST_PASSWORD } from '../support/staff-factories.ts';

// The generator behind `npm run seed` and `npm run bench`: deterministic per seed, and its complaints are
// ones the application itself could have stored (the API reads them back and registers after them).
// Loading takes seconds on a busy machine: the limit below is a safety net, not a performance check.
const SLOW = { timeout: 120_000 };

const NOW = new Date('2026-11-20T00:00:00Z');
const PUBLIC_ORIGIN = 'http://localhost:3000'; // createTestApp's PUBLIC_URL
const passwordHash = await hashPassword(TEST_PASSWORD);

async function seed(
  database: TestDatabase,
  seedNumber: number,
  fastPath: { workerThread?: boolean; deferMaintenance?: boolean } = {},
): Promise<SeedSummary> {
  const client = new pg.Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    return await seedDataSet(client, {
      scale: 'small',
      seed: seedNumber,
      now: NOW,
      passwordHash,
      ...fastPath,
    });
  } finally {
    await client.end();
  }
}

async function query<T>(database: TestDatabase, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

const TABLES = [
  'department',
  'staff_user',
  'housing_complex',
  'unit',
  'person',
  'contractor',
  'complaint',
  'complaint_event',
];
const countTables = (database: TestDatabase) =>
  query<Record<string, number>>(
    database,
    `select ${TABLES.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(', ')}`,
  ).then((rows) => rows[0]);

const first = await createTestDatabase();
const second = await createTestDatabase();
const other = await createTestDatabase();
const summary = await seed(first, 7);
// The second load takes the national set's path (worker thread, indexes and foreign keys restored after):
// it must give the very same rows.
const again = await seed(second, 7, { workerThread: true, deferMaintenance: true });

describe('npm run seed -- --scale small', () => {
  test('the same seed gives the same data set: counts, first reference and description', SLOW, async () => {
    expect(again.counts).toEqual(summary.counts);
    expect(summary.counts.complaint).toBe(400);
    expect(summary.counts.unit).toBe(3000);
    expect(again.firstReference).toBe(summary.firstReference);
    expect(again.firstDescription).toBe(summary.firstDescription);
    expect(summary.firstReference).toMatch(/^K-2023-00001$/);
    const [inFirst, inSecond] = await Promise.all([countTables(first), countTables(second)]);
    expect(inSecond).toEqual(inFirst);
    expect(inFirst?.complaint_event).toBe(summary.counts.complaint_event);
    const firstRows = (db: TestDatabase) =>
      query<{ reference: string; description: string; status: string }>(
        db,
        'select reference, description, status from complaint order by reference limit 20',
      );
    expect(await firstRows(second)).toEqual(await firstRows(first));
    // Every row of every generated table, as text, hashed per table.
    const fingerprint = (db: TestDatabase) =>
      query<Record<string, string>>(
        db,
        `select ${[...TABLES, 'complaint_satisfaction', 'board_notification', 'complaint_sequence']
          .map(
            (t) =>
              // complaint_event's id is an identity: the only value not drawn from the seed.
              `(select md5(string_agg(r, '|' order by r)) from (select (to_jsonb(x) - ${
                t === 'complaint_event' ? `'id'` : `'-'`
              })::text as r from ${t} x) s) as ${t}`,
          )
          .join(', ')}`,
      );
    expect(await fingerprint(second)).toEqual(await fingerprint(first));
  });

  test('another seed gives other data', SLOW, async () => {
    const different = await seed(other, 8);
    expect(
      different.firstDescription === summary.firstDescription &&
        different.counts.person === summary.counts.person,
    ).toBe(false);
  });

  test('every complaint keeps the invariants of the domain', SLOW, async () => {
    const [row] = await query<Record<string, number>>(
      first,
      `select
         count(*) filter (where due_at <= received_at)::int as due_before_received,
         count(*) filter (where due_at < original_due_at)::int as extension_earlier,
         count(*) filter (where status not in ('new','in_progress','answered','with_committee','closed','referred',
           'declined_outside_procedure','withdrawn'))::int as invalid_status,
         count(*) filter (where reference !~ '^K-[0-9]{4}-[0-9]{5}$')::int as bad_reference,
         count(*) filter (where status = 'answered' and (answered_at is null or answer_text is null))::int as answered_without_answer,
         count(*) filter (where status = 'new' and triage is not null)::int as new_but_triaged,
         count(*) filter (where status <> 'new' and triage is null and repeat_rung is distinct from 'record_only')::int as handled_untriaged,
         count(*) filter (where received_at > registered_at)::int as registered_before_received,
         count(*) filter (where term_start_day < (received_at at time zone 'Europe/Amsterdam')::date)::int as term_before_receipt,
         count(*) filter (where not exists (select 1 from complaint_event e where e.complaint_id = c.id and e.type = 'registered'))::int as without_registered_event,
         count(*) filter (where exists (select 1 from complaint_event e where e.complaint_id = c.id and e.at < c.registered_at))::int as event_before_registration
       from complaint c`,
    );
    expect(row).toEqual({
      due_before_received: 0,
      extension_earlier: 0,
      invalid_status: 0,
      bad_reference: 0,
      answered_without_answer: 0,
      new_but_triaged: 0,
      handled_untriaged: 0,
      registered_before_received: 0,
      term_before_receipt: 0,
      without_registered_event: 0,
      event_before_registration: 0,
    });
    const statuses = await query<{ status: string }>(first, 'select distinct status from complaint');
    expect(statuses.map((s) => s.status)).toEqual(
      expect.arrayContaining(['closed', 'referred', 'withdrawn', 'answered']),
    );
    // Seasonal pattern: more complaints in winter (heating, leaks, mould) than in summer.
    const [season] = await query<{ winter: number; summer: number }>(
      first,
      `select count(*) filter (where extract(month from received_at) in (12, 1, 2))::int as winter,
              count(*) filter (where extract(month from received_at) in (6, 7, 8))::int as summer from complaint`,
    );
    expect(season?.winter).toBeGreaterThan((season?.summer ?? 0) * 1.2);
    const sequences = await query<{ mismatched: number }>(
      first,
      `select count(*)::int as mismatched from complaint_sequence s
       where s.last_number <> (select max(split_part(reference, '-', 3)::int) from complaint c
                               where c.organization_id = s.organization_id and split_part(reference, '-', 2)::int = s.year)`,
    );
    expect(sequences[0]?.mismatched).toBe(0);
    const [satisfaction] = await query<{ total: number; misplaced: number }>(
      first,
      `select count(*)::int as total,
              count(*) filter (where c.status <> 'closed' or s.created_at <= c.closed_at)::int as misplaced
       from complaint_satisfaction s join complaint c on c.id = s.complaint_id`,
    );
    expect(satisfaction?.total).toBeGreaterThan(0);
    expect(satisfaction?.misplaced).toBe(0);
  });

  test('the API reads the generated complaints back and registers after them', SLOW, async () => {
    const app = await createTestApp(first.app);
    const organization = summary.organizations[0];
    const member = summary.staff.find((s) => s.roles.includes('management_team'));
    if (!organization || !member) throw new Error('no organisation or management team member generated');
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { host: organization.hostname },
      payload: { email: member.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    const cookie = /gehoord_session=[^;]+/.exec(String(login.headers['set-cookie']))?.[0] as string;
    const headers = { cookie, origin: PUBLIC_ORIGIN };

    // One complaint of every status goes through the detail endpoint and its response schema.
    const samples = await query<{ id: string; status: string }>(
      first,
      'select distinct on (status) id, status from complaint order by status, reference',
    );
    for (const sample of samples) {
      const detail = await app.inject({ method: 'GET', url: `/api/complaints/${sample.id}`, headers });
      expect(detail.statusCode, detail.body).toBe(200);
      const body = detail.json();
      expect(body.status).toBe(sample.status);
      expect(body.timeline[0].type).toBe('registered');
    }
    const queue = await app.inject({ method: 'GET', url: '/api/complaints?q=lekkage', headers });
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json().items.length).toBeGreaterThan(0);

    const year = Number(toLocalDate(new Date()).slice(0, 4));
    const [sequence] = await query<{ last_number: number }>(
      first,
      `select last_number from complaint_sequence where year = ${year}`,
    );
    const person = (await query<{ id: string }>(first, 'select id from person order by id limit 1'))[0];
    const registered = await app.inject({
      method: 'POST',
      url: '/api/complaints',
      headers,
      payload: {
        channel: 'phone',
        complainantId: person?.id,
        description: 'De kraan lekt weer na de reparatie.',
      },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    expect(registered.json().reference).toBe(formatReference(year, (sequence?.last_number ?? 0) + 1));
  });
});
