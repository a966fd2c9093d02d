import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { TABLES_NOT_EXPORTED } from '../../src/server/modules/platform/index.ts';
import { createTestDatabase } from '../support/database.ts';

// Issue 25: a corporation's export holds every table with its data. Every table in the schema is classified:
// exported (an organisation id the application role may read, or the organisation row itself), platform or global.
// A new table fails here until it is one of those.

const database = await createTestDatabase();

const tables = await sql<{ name: string; tenant: boolean; readable: boolean }>`
  select t.table_name as name,
    exists (select 1 from information_schema.columns c where c.table_schema = 'public'
      and c.table_name = t.table_name and c.column_name = 'organization_id') as tenant,
    has_table_privilege('gehoord_app', format('public.%I', t.table_name), 'select') as readable
  from information_schema.tables t
  where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
  order by 1`.execute(database.owner);
const notExported = new Set<string>([...TABLES_NOT_EXPORTED.platform, ...TABLES_NOT_EXPORTED.global]);
const exported = new Set(
  tables.rows.filter((t) => t.name === 'organization' || (t.tenant && t.readable)).map((t) => t.name),
);

test('every table is exported, platform or global', () => {
  const unclassified = tables.rows
    .map((t) => t.name)
    .filter((name) => !exported.has(name) && !notExported.has(name));
  expect(unclassified).toEqual([]);
  // A table listed as not exported that holds organisation ids the app reads would silently leave data out.
  const wronglyLeftOut = [...notExported].filter((name) => exported.has(name) && name !== 'organization');
  expect(wronglyLeftOut).toEqual([]);
  expect(exported.size).toBeGreaterThan(40);
});

test('every table that points at a tenant table is exported itself', async () => {
  const references = await sql<{ child: string; parent: string }>`
    select distinct child.relname as child, parent.relname as parent
    from pg_constraint k
    join pg_class child on child.oid = k.conrelid
    join pg_class parent on parent.oid = k.confrelid
    join pg_namespace n on n.oid = child.relnamespace
    where k.contype = 'f' and n.nspname = 'public'`.execute(database.owner);
  const orphans = references.rows
    .filter((r) => exported.has(r.parent) && !exported.has(r.child))
    .filter((r) => !TABLES_NOT_EXPORTED.platform.includes(r.child as never))
    .map((r) => `${r.child} → ${r.parent}`);
  expect(orphans).toEqual([]);
});
