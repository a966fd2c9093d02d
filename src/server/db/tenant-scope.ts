import { sql, type Transaction } from 'kysely';
import type { Database } from './database.ts';
import { APP_ROLE, ORGANIZATION_SETTING } from './roles.ts';
import type { DB } from './schema.ts';

export type Scoped = Transaction<DB>;

/**
 * Runs `work` in one transaction as the non-owner application role with the organisation set, so
 * PostgreSQL's row-level security hides every other organisation's rows even when a query forgets
 * to filter. Both settings are transaction-local: a pooled connection never leaks them.
 */
export async function inOrganization<T>(
  db: Database,
  organizationId: string,
  work: (trx: Scoped) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('role', ${APP_ROLE}, true), set_config(${ORGANIZATION_SETTING}, ${organizationId}, true)`.execute(
      trx,
    );
    return work(trx);
  });
}

/**
 * For background work that runs as the owner across organisations: one transaction with the organisation
 * named (so `current_organization_id()` answers), without switching role — queries still filter explicitly.
 */
export async function asOwnerFor<T>(
  owner: Database,
  organizationId: string,
  work: (trx: Scoped) => Promise<T>,
): Promise<T> {
  return owner.transaction().execute(async (trx) => {
    await sql`select set_config(${ORGANIZATION_SETTING}, ${organizationId}, true)`.execute(trx);
    return work(trx);
  });
}
