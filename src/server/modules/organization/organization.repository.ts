import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

/** Unscoped lookup through a security-definer function: the host decides the scope, so none is set yet. */
export async function resolveOrganizationIdForHost(db: Database, host: string): Promise<string | null> {
  const result = await sql<{ id: string | null }>`select resolve_organization(${host}) as id`.execute(db);
  return result.rows[0]?.id ?? null;
}

export async function findOrganizationById(trx: Scoped, id: string) {
  return trx
    .selectFrom('organization')
    .select(['id', 'slug', 'name'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Owner connection only: organisations are created outside any organisation's scope. */
export async function countOrganizations(owner: Database): Promise<number> {
  const row = await owner
    .selectFrom('organization')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertOrganization(
  owner: Database,
  values: { slug: string; name: string; hostnames?: string[]; isDefault?: boolean },
): Promise<string> {
  const row = await owner
    .insertInto('organization')
    .values({
      slug: values.slug,
      name: values.name,
      hostnames: (values.hostnames ?? []).map((h) => h.toLowerCase()),
      is_default: values.isDefault ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The organisation's own details as its administrator sees them (issue 22). */
export async function findOrganizationSettings(trx: Scoped, id: string) {
  return trx
    .selectFrom('organization')
    .select(['name', 'postal_address'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateOrganizationSettings(
  trx: Scoped,
  id: string,
  values: { name: string; postalAddress: string | null },
): Promise<boolean> {
  const result = await trx
    .updateTable('organization')
    .set({ name: values.name, postal_address: values.postalAddress })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Suspended organisations (migration 086): a security-definer function, as no organisation is in scope yet. */
export async function listSuspendedOrganizationIds(db: Database): Promise<string[]> {
  const result = await sql<{ id: string }>`select id from suspended_organizations() as id`.execute(db);
  return result.rows.map((row) => row.id);
}
