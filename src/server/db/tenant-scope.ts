import { sql, type Transaction } from 'kysely';
import type { Database } from './database.ts';
import { APP_ROLE, ORGANIZATION_SETTING, PLATFORM_ROLE } from './roles.ts';
import type { DB } from './schema.ts';
import { END_MARK, OPENING_MARK } from './scoped-messages.ts';

export type Scoped = Transaction<DB>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One transaction on one pooled connection whose first round trip both opens it and applies the settings.
 * Every request goes through here, and each round trip costs both processes a system call and a wake-up, so
 * `begin` and `set_config` travel together as one simple-protocol message (which allows several statements
 * but no parameters: the values are checked constants and a checked UUID, never caller text). On the app's pools
 * that message waits for the first statement and travels with it when it can, and a last statement marked
 * `endsTransaction` carries the commit too (decision 058, scoped-messages.ts).
 */
async function scopedTransaction<T>(
  db: Database,
  settings: string,
  work: (trx: Scoped) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql.raw(`${OPENING_MARK}begin; select ${settings}`).execute(connection);
    let result: T;
    try {
      // The connection is inside the transaction just opened; to the work it is one, like Kysely's own.
      result = await work(connection as unknown as Scoped);
    } catch (error) {
      await sql
        .raw(`${END_MARK}rollback`)
        .execute(connection)
        .catch(() => {
          // A broken connection is dropped by the pool; the work's error is the one that matters.
        });
      throw error;
    }
    const { rows } = await sql.raw<{ command?: string }>(`${END_MARK}commit`).execute(connection);
    // PostgreSQL answers COMMIT with ROLLBACK when a swallowed error had aborted the transaction.
    if (rows[0]?.command === 'ROLLBACK') throw new Error('transaction was aborted by an earlier error');
    return result;
  });
}

function checkedOrganizationId(organizationId: string): string {
  if (!UUID.test(organizationId)) throw new Error('organization id is not a UUID');
  return organizationId;
}

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
  const id = checkedOrganizationId(organizationId);
  return scopedTransaction(
    db,
    `set_config('role', '${APP_ROLE}', true), set_config('${ORGANIZATION_SETTING}', '${id}', true)`,
    work,
  );
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
  const id = checkedOrganizationId(organizationId);
  return scopedTransaction(owner, `set_config('${ORGANIZATION_SETTING}', '${id}', true)`, work);
}

/**
 * Platform administration (decision 047): one transaction as the platform role, with no organisation set. Its grants
 * and row-level security let it manage organisations and their setup links, never read complaint data.
 */
export async function asPlatform<T>(db: Database, work: (trx: Scoped) => Promise<T>): Promise<T> {
  return scopedTransaction(db, `set_config('role', '${PLATFORM_ROLE}', true)`, work);
}
