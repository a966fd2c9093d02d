import { sql } from 'kysely';
import type { Scoped } from '../../db/tenant-scope.ts';

// platform_export (migration 093): the API's export jobs; platform role only.

const COLUMNS = [
  'id',
  'organization_id',
  'status',
  'tables_done',
  'tables_total',
  'rows_done',
  'files_done',
  'size_bytes',
  'storage_key',
  'error',
  'created_at',
  'finished_at',
] as const;

export async function insertExport(
  trx: Scoped,
  values: { organizationId: string; requestedBy: string | null; publicKey: string },
) {
  return trx
    .insertInto('platform_export')
    .values({
      organization_id: values.organizationId,
      requested_by: values.requestedBy,
      public_key: values.publicKey,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function findExport(trx: Scoped, organizationId: string, exportId: string) {
  return trx
    .selectFrom('platform_export')
    .select(COLUMNS)
    .where('id', '=', exportId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

export async function listExports(trx: Scoped, organizationId: string) {
  return trx
    .selectFrom('platform_export')
    .select(COLUMNS)
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
}

/** Takes a queued export once. */
export async function claimExport(trx: Scoped, exportId: string) {
  return trx
    .updateTable('platform_export')
    .set({ status: 'running' })
    .where('id', '=', exportId)
    .where('status', '=', 'queued')
    .returning(['id', 'organization_id', 'public_key', 'requested_by'])
    .executeTakeFirst();
}

export async function setProgress(
  trx: Scoped,
  exportId: string,
  progress: { tablesDone: number; tablesTotal: number; rowsDone: number; filesDone: number },
) {
  await trx
    .updateTable('platform_export')
    .set({
      tables_done: progress.tablesDone,
      tables_total: progress.tablesTotal,
      rows_done: progress.rowsDone,
      files_done: progress.filesDone,
    })
    .where('id', '=', exportId)
    .execute();
}

export async function finishExport(
  trx: Scoped,
  exportId: string,
  result: { storageKey: string; sizeBytes: number } | { error: string },
) {
  await trx
    .updateTable('platform_export')
    .set(
      'error' in result
        ? { status: 'failed', error: result.error, finished_at: sql<Date>`now()` }
        : {
            status: 'done',
            storage_key: result.storageKey,
            size_bytes: result.sizeBytes,
            finished_at: sql<Date>`now()`,
          },
    )
    .where('id', '=', exportId)
    .execute();
}

/** Exports made before `before`: their archives are removed, then the rows. */
export async function listExpired(trx: Scoped, before: Date) {
  return trx
    .selectFrom('platform_export')
    .select(['id', 'storage_key'])
    .where('created_at', '<', before)
    .execute();
}

export async function deleteExport(trx: Scoped, exportId: string) {
  await trx.deleteFrom('platform_export').where('id', '=', exportId).execute();
}

/** Queued or running exports older than `before` belong to an instance that stopped: they failed. */
export async function failInterrupted(trx: Scoped, before: Date) {
  await trx
    .updateTable('platform_export')
    .set({ status: 'failed', error: 'interrupted', finished_at: sql<Date>`now()` })
    .where('status', 'in', ['queued', 'running'])
    .where('created_at', '<', before)
    .execute();
}
