import { sql } from 'kysely';
import type { Scoped } from '../../db/tenant-scope.ts';

// All SQL of report jobs; runs inside inOrganization (row-level security).

export type ReportJobRow = {
  id: string;
  requested_by: string;
  request: unknown;
  format: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  file_key: string | null;
  file_name: string | null;
  content_type: string | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
};

const COLUMNS = [
  'id',
  'requested_by',
  'request',
  'format',
  'status',
  'progress',
  'file_key',
  'file_name',
  'content_type',
  'error',
  'created_at',
  'started_at',
  'finished_at',
] as const;

export async function insertJob(
  trx: Scoped,
  job: {
    organizationId: string;
    requestedBy: string;
    request: unknown;
    format: 'pdf' | 'xlsx' | 'csv' | 'zip';
  },
): Promise<ReportJobRow> {
  return (await trx
    .insertInto('report_job')
    .values({
      organization_id: job.organizationId,
      requested_by: job.requestedBy,
      request: JSON.stringify(job.request),
      format: job.format,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow()) as ReportJobRow;
}

export async function findJob(trx: Scoped, id: string): Promise<ReportJobRow | undefined> {
  return (await trx.selectFrom('report_job').select(COLUMNS).where('id', '=', id).executeTakeFirst()) as
    | ReportJobRow
    | undefined;
}

/** Takes a queued job; undefined when another worker already has it. */
export async function claimJob(trx: Scoped, id: string): Promise<ReportJobRow | undefined> {
  return (await trx
    .updateTable('report_job')
    .set({ status: 'running', started_at: sql<Date>`now()`, progress: 1 })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .returning(COLUMNS)
    .executeTakeFirst()) as ReportJobRow | undefined;
}

export async function setProgress(trx: Scoped, id: string, progress: number) {
  await trx
    .updateTable('report_job')
    .set({ progress })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('progress', '<', progress)
    .execute();
}

export async function finishJob(
  trx: Scoped,
  id: string,
  file: { key: string; name: string; contentType: string; sizeBytes: number },
) {
  await trx
    .updateTable('report_job')
    .set({
      status: 'done',
      progress: 100,
      file_key: file.key,
      file_name: file.name,
      content_type: file.contentType,
      size_bytes: file.sizeBytes,
      finished_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export async function failJob(trx: Scoped, id: string, error: string) {
  await trx
    .updateTable('report_job')
    .set({ status: 'failed', error: error.slice(0, 2000), finished_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

/** A job left running or queued by a process that stopped is failed, so nobody waits forever. */
export async function failStaleJob(trx: Scoped, id: string, olderThanMinutes: number) {
  await trx
    .updateTable('report_job')
    .set({ status: 'failed', error: 'interrupted', finished_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .where(
      sql<boolean>`coalesce(started_at, created_at) < now() - make_interval(mins => ${olderThanMinutes})`,
    )
    .execute();
}
