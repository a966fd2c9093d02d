import { errorCatalog } from '../../../contract/errors.ts';
import type { BulkAssignInput, BulkAssignResult, BulkAssignRow } from '../../../contract/work-queue.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { assignHandler } from '../complaints/index.ts';

/** Refusals about the request itself (the handler), not about one complaint: the whole request is refused. */
const REQUEST_ERRORS = new Set(['validation_failed', 'handler_inactive']);

/**
 * Bulk assignment (issue 22): each complaint through the same single assignment as one at a time, in its own
 * transaction, authorised on its own (who may assign is `complaint.assign`: the accountable manager, or anyone
 * picking up an unassigned complaint for themselves). All or nothing per complaint; the answer lists each row,
 * with the reason of a refusal. The same domain events are published as for a single assignment.
 */
export async function bulkAssign(
  db: Database,
  principal: StaffPrincipal,
  input: BulkAssignInput,
): Promise<BulkAssignResult> {
  const results: BulkAssignRow[] = [];
  for (const complaintId of input.complaintIds) {
    try {
      const detail = await assignHandler(
        { db, principal, id: complaintId, ifMatch: undefined },
        input.handlerId,
      );
      results.push({ complaintId, ok: true, reference: detail.reference, version: detail.version });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      // An unknown or inactive handler fails on the first complaint, before anything was assigned
      if (REQUEST_ERRORS.has(error.code)) throw error;
      const { nl, en } = errorCatalog[error.code];
      results.push({ complaintId, ok: false, code: error.code, messages: { nl, en } });
    }
  }
  const assigned = results.filter((row) => row.ok).length;
  return { assigned, refused: results.length - assigned, results };
}
