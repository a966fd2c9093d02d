import type { Scoped } from '../../db/tenant-scope.ts';
import { type ComplaintRow, findComplaintRow } from './complaint.repository.ts';

/**
 * One complaint as stored, for another module's use case in the caller's transaction (attachments, privacy,
 * committee dossier). Pass the result to `authorize` or `mayKnowOf` before using it: undefined when no such
 * complaint exists in the organisation in scope.
 */
export async function findComplaint(
  trx: Scoped,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ComplaintRow | undefined> {
  return findComplaintRow(trx, id, options);
}
