import type { Database } from '../db/database.ts';
import { inOrganization } from '../db/tenant-scope.ts';
import type { StaffPrincipal } from '../http/principal.ts';
import { listRecentJobRuns } from './job-run.repository.ts';

/** Recent runs of the scheduled jobs of the caller's organisation, for the administrator's job log. */
export async function listJobRuns(db: Database, staff: StaffPrincipal, filter: { failedOnly: boolean }) {
  const rows = await inOrganization(db, staff.organizationId, (trx) => listRecentJobRuns(trx, filter));
  return rows.map((r) => ({
    id: r.id,
    job: r.job,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at.toISOString(),
    outcome: r.outcome,
    result: r.result,
    error: r.error,
  }));
}
