import { sql } from 'kysely';
import { SATISFACTION_REQUEST_STATUSES } from '../../../domain/index.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

/**
 * Answered complaints (a complaint, not a signal) not yet rated nor asked, locked so a parallel worker skips
 * them: the candidates for the satisfaction question (policy 3.2).
 */
export async function lockSatisfactionCandidates(trx: Scoped) {
  return trx
    .selectFrom('complaint as c')
    .select(['c.id', 'c.answered_at'])
    .where('c.answered_at', 'is not', null)
    .where('c.status', 'in', [...SATISFACTION_REQUEST_STATUSES])
    .where('c.triage_outcome', '=', 'complaint')
    .where(sql<boolean>`not exists (select 1 from complaint_satisfaction s where s.complaint_id = c.id)`)
    .where(
      sql<boolean>`not exists (select 1 from complaint_event e where e.complaint_id = c.id and e.type = 'satisfaction_requested')`,
    )
    .forUpdate('c')
    .skipLocked()
    .execute();
}
