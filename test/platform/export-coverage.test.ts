import { sql } from 'kysely';
import { expect, test } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { TABLES_NOT_EXPORTED } from '../../src/server/modules/platform/index.ts';
import { createTestDatabase } from '../support/database.ts';

// Issue 25: a corporation's export holds every table with its data. Every table in the schema is classified:
// exported (an organisation id the application role may read, or the organisation row itself), platform or global.
// A new table fails here until it is one of those.

const database = await createTestDatabase();
const notExported = new Set<string>([...TABLES_NOT_EXPORTED.platform, ...TABLES_NOT_EXPORTED.global]);

async function classify(db: Database) {
  const tables = await sql<{ name: string; tenant: boolean; readable: boolean }>`
    select t.table_name as name,
      exists (select 1 from information_schema.columns c where c.table_schema = 'public'
        and c.table_name = t.table_name and c.column_name = 'organization_id') as tenant,
      has_table_privilege('gehoord_app', format('%I.%I', t.table_schema, t.table_name), 'select') as readable
    from information_schema.tables t
    where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by 1`.execute(db);
  const exported = new Set(
    tables.rows.filter((t) => t.name === 'organization' || (t.tenant && t.readable)).map((t) => t.name),
  );
  const references = await sql<{ child: string; parent: string }>`
    select distinct child.relname as child, parent.relname as parent
    from pg_constraint k
    join pg_class child on child.oid = k.conrelid
    join pg_class parent on parent.oid = k.confrelid
    join pg_namespace n on n.oid = child.relnamespace
    where k.contype = 'f' and n.nspname = 'public'`.execute(db);
  return {
    exported,
    unclassified: tables.rows
      .map((t) => t.name)
      .filter((name) => !exported.has(name) && !notExported.has(name)),
    // A child table without an organisation id would be left out of the export: it must carry one.
    orphans: references.rows
      .filter((r) => exported.has(r.parent) && !exported.has(r.child))
      .filter((r) => !TABLES_NOT_EXPORTED.platform.includes(r.child as never))
      .map((r) => `${r.child} → ${r.parent}`),
  };
}

test('every table is exported, platform or global; none points at tenant data without being exported', async () => {
  const { exported, unclassified, orphans } = await classify(database.owner);
  expect(unclassified).toEqual([]);
  expect(orphans).toEqual([]);
  // A table listed as not exported that holds organisation ids the app reads would silently leave data out.
  expect([...notExported].filter((name) => exported.has(name))).toEqual([]);
  expect(exported.size).toBeGreaterThan(40);
});

test('a new child table of a tenant table without an organisation id is caught', async () => {
  await sql`create table complaint_scribble (complaint_id uuid references complaint (id), text text)`.execute(
    database.owner,
  );
  const { unclassified, orphans } = await classify(database.owner);
  expect(unclassified).toEqual(['complaint_scribble']);
  expect(orphans).toEqual(['complaint_scribble → complaint']);
  await sql`drop table complaint_scribble`.execute(database.owner);
});
