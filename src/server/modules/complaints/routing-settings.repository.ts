import { sql } from 'kysely';
import type { Scoped } from '../../db/tenant-scope.ts';

// The organisation's routing rule (migration 061). Filtered on the organisation in scope explicitly, so an
// owner transaction (`asOwnerFor`) reads the same row as the application role under row-level security.

/** The stored routing settings of the organisation in scope; null while it uses the defaults. */
export async function findRoutingSettings(trx: Scoped) {
  const row = await trx
    .selectFrom('routing_settings')
    .select(['conduct_to_manager as conductToManager', 'updated_at as updatedAt'])
    .where(sql<boolean>`organization_id = current_organization_id()`)
    .executeTakeFirst();
  return row ?? null;
}

export async function saveRoutingSettings(
  trx: Scoped,
  organizationId: string,
  values: { conductToManager: boolean },
  updatedBy: string | null,
) {
  await trx
    .insertInto('routing_settings')
    .values({
      organization_id: organizationId,
      conduct_to_manager: values.conductToManager,
      updated_by: updatedBy,
    })
    .onConflict((oc) =>
      oc.column('organization_id').doUpdateSet({
        conduct_to_manager: values.conductToManager,
        updated_by: updatedBy,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}
