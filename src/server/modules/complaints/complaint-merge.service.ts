import type { z } from 'zod';
import type { mergeInput } from '../../../contract/complaints.ts';
import { type ComplaintStatus, decideMerge, getActionRule, type MergeSide } from '../../../domain/index.ts';
import { AppError, unknownReference } from '../../http/app-error.ts';
import { recordAccess } from '../access-log/index.ts';
import { authorize, eventActor, mayKnowOf } from './access/complaint-access.ts';
import type { ComplaintRow } from './complaint.repository.ts';
import * as repository from './complaint.repository.ts';
import type { Write } from './complaint-actions.service.ts';
import { complaintEvents } from './complaint-events.ts';
import { type EventSpec, mutateComplaint } from './complaint-mutation.service.ts';
import { getComplaint } from './complaint-query.service.ts';

const sideOf = (row: ComplaintRow): MergeSide => ({
  id: row.id,
  status: row.status as ComplaintStatus,
  mergedIntoId: row.merged_into_id,
  complainantId: row.complainant_id,
});

/** The same merge asked again: nothing changes, the caller gets the complaint as it is. */
class AlreadyMergedThere extends Error {}

/**
 * Issue 22 (decision 035): complaint B (this one) was received twice and is merged into A (`intoComplaintId`).
 * In one transaction: B gets the status `merged`, points to A and its procedure ends; A's timeline records that
 * B was merged into it (with a link), B keeps its own timeline. Who may: whoever may handle both (handler or
 * their manager). The same merge again answers B as it is (idempotent); B merged elsewhere is a 409.
 */
export async function mergeComplaint(w: Write, input: z.infer<typeof mergeInput>) {
  const { permission } = getActionRule('merge');
  try {
    return await mutateComplaint(w.db, w.principal, w.id, { permission, ifMatch: w.ifMatch }, async (ctx) => {
      const survivor =
        (await repository.findComplaintRow(ctx.trx, input.intoComplaintId, { forUpdate: true })) ?? null;
      // A complaint the caller may not know of answers like an unknown one (no existence oracle)
      if (survivor === null || !mayKnowOf(ctx.principal, survivor)) throw unknownReference('intoComplaintId');
      authorize(ctx.principal, permission, survivor);
      const decided = decideMerge(sideOf(ctx.row), sideOf(survivor));
      if (!decided.ok) throw new AppError(decided.reason);
      if (decided.repeat) throw new AlreadyMergedThere();

      const mergedIn: EventSpec = { type: 'complaint_merged_in', payload: { mergedComplaintId: ctx.row.id } };
      const version = await repository.updateComplaint(ctx.trx, survivor.id, survivor.version, {});
      if (version === null) throw new AppError('precondition_failed');
      await repository.insertEvents(ctx.trx, [
        {
          organizationId: survivor.organization_id,
          complaintId: survivor.id,
          ...eventActor(ctx.principal),
          ...mergedIn,
        },
      ]);
      await recordAccess(ctx.trx, ctx.principal, {
        what: 'change',
        complaintId: survivor.id,
        detail: { events: [mergedIn.type] },
      });
      const updated = await repository.findComplaintRow(ctx.trx, survivor.id);
      if (updated !== undefined)
        await complaintEvents.publish(ctx.trx, 'complaint.changed', {
          complaint: updated,
          events: [mergedIn],
          cause: 'change',
          actorUserId: eventActor(ctx.principal).actorUserId,
          at: ctx.now,
        });
      return {
        // Its procedure ends here: nothing is due on it, retention counts from now (like a closed complaint)
        columns: { status: 'merged', merged_into_id: survivor.id, merged_at: ctx.now, closed_at: ctx.now },
        events: [
          {
            type: 'merged_into',
            payload: { mergedIntoComplaintId: survivor.id, from: ctx.row.status, to: 'merged' },
          },
        ],
      };
    });
  } catch (error) {
    if (error instanceof AlreadyMergedThere) return getComplaint(w.db, w.principal, w.id);
    throw error;
  }
}
