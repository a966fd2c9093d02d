import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { DEFAULT_CALENDAR_SETTINGS } from '../../src/domain/index.ts';
import { hashPassword } from '../../src/server/modules/auth/credentials/password-hashing.ts';
import { generateComplaints } from '../../src/server/seed/complaint-generator.ts';
import { copyIn } from '../../src/server/seed/copy-in.ts';
import { copyLine } from '../../src/server/seed/copy-text.ts';
import { inProcess, inWorkerThread } from '../../src/server/seed/corporation-source.ts';
import { generateOrganization } from '../../src/server/seed/organization-generator.ts';
import type { GenerationInput, PreparedCorporation } from '../../src/server/seed/prepared-corporation.ts';
import { Random } from '../../src/server/seed/random.ts';
import { SCALES } from '../../src/server/seed/scales.ts';
import { seedDataSet } from '../../src/server/seed/seed-data-set.ts';
import { readColumnKinds } from '../../src/server/seed/seed-loader.ts';
import { createTestDatabase } from '../support/database.ts';
import { TEST_PASSWORD } from '../support/staff-factories.ts';

// The fast path of `npm run seed -- --scale national`: generation in a worker thread, COPY, and indexes and
// foreign keys dropped and restored around the load. Each must give exactly what the plain path gives.
const SLOW = { timeout: 180_000 };
const NOW = new Date('2026-11-20T00:00:00Z');

const database = await createTestDatabase();
const client = new pg.Client({ connectionString: database.ownerUrl });
await client.connect();
afterAll(() => client.end());
const passwordHash = await hashPassword(TEST_PASSWORD);

const schemaState = async () =>
  (
    await client.query(
      `select 'index' as kind, indexdef as definition from pg_indexes where schemaname = 'public'
       union all
       select 'constraint', conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
       from pg_constraint where connamespace = 'public'::regnamespace
       order by 1, 2`,
    )
  ).rows;

describe('bulk load of the data generator', () => {
  test('a worker thread prepares exactly the corporations the main thread prepares', SLOW, async () => {
    const plans = SCALES.national.plan(new Random(3).fork('plan')).slice(-3);
    const input: GenerationInput = {
      seed: 3,
      years: 5,
      now: NOW,
      createdAt: new Date(NOW.getTime() - 5 * 365 * 86_400_000),
      passwordHash,
      columnKinds: await readColumnKinds(client),
    };
    const collect = async (source: AsyncGenerator<PreparedCorporation>) => {
      const out: PreparedCorporation[] = [];
      for await (const prepared of source) out.push(prepared);
      return out;
    };
    const inMain = await collect(inProcess(input, plans));
    const inWorker = await collect(inWorkerThread(input, plans));
    expect(inMain.map((p) => p.index)).toEqual(plans.map((p) => p.index));
    expect(inMain.every((p) => p.complaints > 0 && p.events > p.complaints)).toBe(true);
    expect(inWorker).toEqual(inMain);
  });

  test('a refused load rolls back completely, indexes and foreign keys included', SLOW, async () => {
    const before = await schemaState();
    // Seed 5 of the small scale loads once with indexes and foreign keys deferred ...
    const summary = await seedDataSet(client, {
      scale: 'small',
      seed: 5,
      now: NOW,
      passwordHash,
      deferMaintenance: true,
      workerThread: true,
    });
    expect(summary.counts.complaint).toBe(400);
    expect(await schemaState()).toEqual(before);
    // The tables were empty: truncated in the load's transaction and filled with COPY FREEZE (fresh-tables.ts).
    expect(summary.load?.freshTables).toBe(true);
    // Every row went in frozen (both xmin hint bits set, HEAP_XMIN_FROZEN): without FREEZE a fresh row is not.
    await client.query('create extension if not exists pageinspect');
    const frozen = await client.query(
      `select count(*) filter (where (t_infomask & 768) = 768)::int as frozen, count(*)::int as rows
       from generate_series(0, pg_relation_size('complaint') / current_setting('block_size')::int - 1) as page,
            heap_page_items(get_raw_page('complaint', page::int))
       where t_infomask is not null`,
    );
    await client.query('drop extension pageinspect');
    expect(frozen.rows[0]).toEqual({ frozen: 400, rows: 400 });
    // Every phase is recorded, with this process's and PostgreSQL's CPU (the test server runs here).
    expect(summary.load?.phases.map((p) => p.name)).toEqual(
      expect.arrayContaining(['generating', 'loading', 'indexes', 'foreign keys', 'analyze']),
    );
    expect(summary.load?.nodeCpuSeconds).toBeGreaterThan(0);
    expect(summary.load?.postgresCpuSeconds).toBeGreaterThan(0);
    const counted = async () =>
      (
        await client.query(
          'select (select count(*) from complaint)::int as c, (select count(*) from complaint_event)::int as e',
        )
      ).rows[0];
    const loaded = await counted();
    expect(loaded).toEqual({ c: 400, e: summary.counts.complaint_event });
    // Decision 056: the search rows were written after the copy, and the insert trigger is on again
    const searchRows = await client.query(
      `select (select count(*) from complaint_search_names_source s join complaint_search_names n using (complaint_id)
                where (s.names, s.postcode) is not distinct from (n.names, n.postcode))::int as rows,
              (select tgenabled from pg_trigger where tgname = 'complaint_search_names_insert') as enabled`,
    );
    expect(searchRows.rows[0]).toEqual({ rows: 400, enabled: 'O' });
    // ... and a second time it stops at the first corporation, which exists: nothing changes.
    await expect(
      seedDataSet(client, { scale: 'small', seed: 5, now: NOW, passwordHash, deferMaintenance: true }),
    ).rejects.toThrow(/already exists/);
    expect(await schemaState()).toEqual(before);
    expect(await counted()).toEqual(loaded);
    // With rows present nothing is truncated.
    const { truncateWhenEmpty } = await import('../../src/server/seed/fresh-tables.ts');
    await client.query('begin');
    expect(await truncateWhenEmpty(client)).toBe(false);
    await client.query('rollback');
    expect(await counted()).toEqual(loaded);
  });

  test('a wrong reference still fails the load once the foreign keys are back', SLOW, async () => {
    const before = await schemaState();
    await client.query('begin');
    const { dropIndexesAndForeignKeys, restoreIndexesAndForeignKeys } = await import(
      '../../src/server/seed/deferred-maintenance.ts'
    );
    const deferred = await dropIndexesAndForeignKeys(client);
    expect(deferred.indexes.length).toBeGreaterThan(10);
    expect(deferred.foreignKeys.length).toBeGreaterThan(10);
    const [org] = (await client.query('select id from organization limit 1')).rows;
    await client.query(
      `insert into complaint_event (organization_id, complaint_id, type, payload)
       values ($1, gen_random_uuid(), 'note_added', '{}')`,
      [org?.id],
    );
    await expect(restoreIndexesAndForeignKeys(client, deferred)).rejects.toThrow(/foreign key/);
    await client.query('rollback');
    expect(await schemaState()).toEqual(before);
  });

  test('COPY text keeps tabs, line breaks, backslashes, quotes, arrays, json and nulls', async () => {
    await client.query(
      'create temp table copy_check (t text, a text[], j jsonb, b boolean, d timestamptz, n int)',
    );
    const row = {
      t: 'regel 1\nregel 2\ttab \\ backslash "quote" \r einde',
      a: ['gewoon', 'met "quote"', 'met \\ en \t', null],
      j: { tekst: 'a\nb', lijst: [1, 'twee'] },
      b: false,
      d: new Date('2026-01-02T03:04:05.678Z'),
      n: null,
    };
    const columns = Object.keys(row);
    const kinds = { t: 'scalar', a: 'array', j: 'json', b: 'scalar', d: 'scalar', n: 'scalar' } as const;
    const copied = await copyIn(client, `copy copy_check (${columns.join(', ')}) from stdin`, [
      copyLine(row, columns, kinds),
    ]);
    expect(copied).toBe(1);
    const [back] = (await client.query('select * from copy_check')).rows;
    expect(back).toEqual(row);
    await expect(copyIn(client, 'copy copy_check (n) from stdin', ['geen getal\n'])).rejects.toThrow(
      /invalid input syntax/,
    );
  });

  test('a national corporation has about ten timeline events per complaint', () => {
    const root = new Random(1);
    const plan = SCALES.national.plan(root.fork('plan'))[40];
    if (plan === undefined) throw new Error('no plan');
    const org = generateOrganization(root.fork(`organization-${plan.index}`), plan, new Date('2021-10-01'));
    const complaints = generateComplaints(
      root.fork(`complaints-${plan.index}`),
      org,
      plan.complaints,
      5,
      NOW,
      DEFAULT_CALENDAR_SETTINGS,
    );
    const perComplaint = complaints.complaint_event.length / complaints.complaint.length;
    expect(perComplaint).toBeGreaterThan(9.5);
    expect(perComplaint).toBeLessThan(10.5);
    const types = new Set(complaints.complaint_event.map((e) => e.type));
    for (const type of ['contact_logged', 'complainant_message', 'note_added', 'answer_sent'])
      expect(types).toContain(type);
  });
});
