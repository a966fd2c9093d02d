import { type AnswerRecipient, ccWhoMaySee } from '../../../../domain/index.ts';
import type { Scoped } from '../../../db/tenant-scope.ts';
import * as complaints from '../../complaints/index.ts';
import { toAccess } from '../../complaints/index.ts';
import { findStaffActors } from '../staff-readers.repository.ts';

/**
 * The answer's cc (policy 2.3: the manager and the management assistant) narrowed to those who may see the
 * complaint whole (issue 20, the domain's `ccWhoMaySee`): a colleague who may not open a confidential
 * complaint is left out of its answer mail; the case itself shows who is accountable.
 */
export async function answerCcWhoMaySee(
  trx: Scoped,
  complaintId: string,
  cc: readonly AnswerRecipient[],
): Promise<AnswerRecipient[]> {
  const row = await complaints.findComplaint(trx, complaintId);
  if (row === undefined) return [];
  const ids = cc.flatMap((r) => ('userId' in r ? [r.userId] : []));
  const readers = new Map((await findStaffActors(trx, ids)).map((a) => [a.userId, a]));
  return ccWhoMaySee(cc, readers, toAccess(row));
}
