import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

export type InstanceRow = {
  id: string;
  host: string;
  pid: number;
  storage_driver: 'local' | 's3';
  kind: 'web' | 'worker';
  runs_jobs: boolean;
  started_at: Date;
  heartbeat_at: Date;
};

type NewInstance = Pick<InstanceRow, 'id' | 'host' | 'pid' | 'storage_driver' | 'kind' | 'runs_jobs'>;

/**
 * Registers one instance, unless `conflictsWith` finds a live one it may not run beside. Serialised by an
 * advisory lock, so two instances starting at the same moment cannot both get in. Entries whose heartbeat is
 * older than `staleAfterMs` (database time, so clocks of different hosts do not matter) or that `isGone` says
 * are dead are removed first.
 */
export async function claimInstance(
  db: Database,
  instance: NewInstance,
  options: {
    staleAfterMs: number;
    isGone: (row: InstanceRow) => boolean;
    conflictsWith: (row: InstanceRow) => boolean;
  },
): Promise<InstanceRow | null> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('gehoord.app_instance'))`.execute(trx);
    await trx
      .deleteFrom('app_instance')
      .where('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${options.staleAfterMs / 1000})`)
      .execute();
    const live: InstanceRow[] = [];
    for (const row of await trx.selectFrom('app_instance').selectAll().orderBy('started_at').execute()) {
      if (options.isGone(row)) await trx.deleteFrom('app_instance').where('id', '=', row.id).execute();
      else live.push(row);
    }
    const conflict = live.find(options.conflictsWith);
    if (conflict) return conflict;
    await trx.insertInto('app_instance').values(instance).execute();
    return null;
  });
}

/**
 * Keeps the instance alive in the registry. Returns false when its entry was gone (removed as stale, e.g.
 * after a database outage longer than the stale time) and had to be put back.
 */
export async function beatHeart(db: Database, instance: NewInstance): Promise<boolean> {
  const updated = await db
    .updateTable('app_instance')
    .set({ heartbeat_at: sql`now()` })
    .where('id', '=', instance.id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return true;
  await db
    .insertInto('app_instance')
    .values(instance)
    .onConflict((oc) => oc.doNothing())
    .execute();
  return false;
}

export async function removeInstance(db: Database, id: string): Promise<void> {
  await db.deleteFrom('app_instance').where('id', '=', id).execute();
}
