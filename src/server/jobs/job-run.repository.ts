import type { Database } from '../db/database.ts';
import type { Scoped } from '../db/tenant-scope.ts';

// All SQL of the job log (job_run): written by the runner (owner connection), read by administrators.

export async function insertJobRun(
  owner: Database,
  run: { job: string; startedAt: Date; outcome: 'done' | 'failed'; result: unknown; error: string | null },
): Promise<void> {
  await owner
    .insertInto('job_run')
    .values({
      job: run.job,
      started_at: run.startedAt,
      outcome: run.outcome,
      result: run.result === null || run.result === undefined ? null : JSON.stringify(run.result),
      error: run.error?.slice(0, 2000) ?? null,
    })
    .execute();
}

/** The 200 most recent runs, newest first; only the failed ones when asked. */
export async function listRecentJobRuns(trx: Scoped, filter: { failedOnly: boolean }) {
  let query = trx.selectFrom('job_run').selectAll();
  if (filter.failedOnly) query = query.where('outcome', '=', 'failed');
  return query.orderBy('started_at', 'desc').limit(200).execute();
}
