import { sql } from 'kysely';
import type { Scoped } from '../../db/tenant-scope.ts';

/** Tables with an organisation id that the application role may read: what a corporation's export holds. */
export async function listTenantTables(trx: Scoped): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'organization_id' and t.table_type = 'BASE TABLE'
      and has_table_privilege('gehoord_app', format('%I.%I', c.table_schema, c.table_name), 'select')
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

export async function findOrganization(trx: Scoped, by: { slug?: string; id?: string }) {
  let query = trx.selectFrom('organization').select(['id', 'slug']);
  if (by.slug !== undefined) query = query.where('slug', '=', by.slug);
  if (by.id !== undefined) query = query.where('id', '=', by.id);
  return query.executeTakeFirst();
}

/** The attachment files whose rows are in the export (erased ones have no file any more). */
export async function listAttachmentBlobs(trx: Scoped, organizationId: string) {
  return trx
    .selectFrom('complaint_attachment')
    .select(['storage_key', 'sha256'])
    .where('organization_id', '=', organizationId)
    .where('erased_at', 'is', null)
    .orderBy('uploaded_at')
    .execute();
}
