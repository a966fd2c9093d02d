import { sql } from 'kysely';
import type { Scoped } from '../../db/tenant-scope.ts';

/** Tables with an organisation id that the application role may read: what a corporation's export holds. */
export async function listTenantTables(trx: Scoped): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'organization_id' and t.table_type = 'BASE TABLE'
      and has_table_privilege('gehoord_app', format('public.%I', c.table_name), 'select')
    order by c.table_name`.execute(trx);
  return result.rows.map((row) => row.table_name);
}

/** One table's rows of the organisation in scope (row-level security and the explicit filter agree). */
export async function selectRows(trx: Scoped, table: string, organizationId: string) {
  const result = await sql<Record<string, unknown>>`
    select * from ${sql.table(table)} where organization_id = ${organizationId}`.execute(trx);
  return result.rows;
}

export async function selectOrganization(trx: Scoped, organizationId: string) {
  const result = await sql<
    Record<string, unknown>
  >`select * from organization where id = ${organizationId}`.execute(trx);
  return result.rows;
}

export async function findOrganizationBySlug(trx: Scoped, slug: string) {
  return trx.selectFrom('organization').select(['id', 'slug']).where('slug', '=', slug).executeTakeFirst();
}
